import { describe, expect, it } from 'vitest';
import type { MeasureDefinition } from '../../../../src/contracts/outcomes.js';
import { featuresEditorCannotKeep, listInWords } from './editable.js';

/** A scale the editor writes itself: shared answers, required choice questions, a total. */
const plain: MeasureDefinition = {
  key: 'loneliness',
  name: 'Loneliness check',
  shortName: 'Loneliness',
  origin: 'scheme',
  version: 1,
  description: 'How often the person feels lonely.',
  intro: null,
  responses: [
    { value: 1, label: 'Never' },
    { value: 5, label: 'Always' },
  ],
  items: [
    { key: 'q1', text: 'I feel left out', type: 'choice', required: true },
    { key: 'q2', text: 'I feel alone', type: 'choice', required: true },
  ],
  scoring: { rule: 'sum' },
  direction: 'lower-better',
  bands: [{ label: 'Low', min: 2, max: 4.5 }],
  meaningfulChange: 2,
  licence: null,
  selfCompletion: true,
};

const withItem = (item: Partial<MeasureDefinition['items'][number]>): MeasureDefinition => ({
  ...plain,
  items: [{ key: 'q1', text: 'I feel left out', type: 'choice', required: true, ...item }],
});

describe('scales the editor can and cannot keep as they are', () => {
  it('edits a scale it could have written, total or average to 2 places', () => {
    expect(featuresEditorCannotKeep(plain)).toEqual([]);
    expect(featuresEditorCannotKeep({ ...plain, scoring: { rule: 'mean', decimals: 2 } })).toEqual([]);
  });

  it('names each feature set up through the API that a save would rewrite', () => {
    expect(featuresEditorCannotKeep(withItem({ type: 'number', min: 0, max: 100 }))).toEqual(['questions answered with a number']);
    expect(featuresEditorCannotKeep(withItem({ type: 'named-rating', namePrompt: 'What is your concern?' }))).toEqual([
      'questions where the person names something and rates it',
    ]);
    expect(
      featuresEditorCannotKeep(
        withItem({
          options: [
            { value: 0, label: 'No' },
            { value: 1, label: 'Yes' },
          ],
        }),
      ),
    ).toEqual(['questions with their own answers']);
    expect(featuresEditorCannotKeep(withItem({ required: false }))).toEqual(['questions that may be left unanswered']);
    expect(featuresEditorCannotKeep(withItem({ direction: 'higher-better' }))).toEqual(['questions with their own bands or direction']);
    expect(featuresEditorCannotKeep({ ...plain, responses: null })).toEqual(['no shared set of answers for its questions']);
    expect(featuresEditorCannotKeep({ ...plain, scoring: { rule: 'mean', decimals: 1 } })).toEqual(['an average worked out to 1 decimal place']);
    expect(featuresEditorCannotKeep({ ...plain, scoring: { rule: 'mean', decimals: 0 } })).toEqual(['an average worked out to 0 decimal places']);
    expect(featuresEditorCannotKeep({ ...plain, meaningfulChange: 0.125 })).toEqual(['band limits or a meaningful change more precise than 2 decimal places']);
  });

  it('lists several in one sentence', () => {
    const reasons = featuresEditorCannotKeep(withItem({ type: 'number', required: false }));
    expect(listInWords(reasons)).toBe('questions answered with a number and questions that may be left unanswered');
    expect(listInWords(['a', 'b', 'c'])).toBe('a, b and c');
    expect(listInWords(['a'])).toBe('a');
  });
});
