import { describe, expect, it } from 'vitest';
import { fieldOfPath, nextItemKey, pathErrors, readScaleForm, rowsOf, type ScaleRows } from './scaleForm.js';

const rows: ScaleRows = {
  answers: [
    { row: 'a', value: '', label: '' },
    { row: 'b', value: '', label: '' },
  ],
  items: [
    { row: 'c', itemKey: 'q1', text: '' },
    { row: 'd', itemKey: 'q3', text: '' },
  ],
  bands: [{ row: 'e', label: '', min: '', max: '' }],
};

function form(entries: Record<string, string>): FormData {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
}

const good = {
  name: 'Loneliness check',
  shortName: 'Loneliness',
  key: 'loneliness',
  description: 'How lonely people feel',
  intro: '',
  'answer-a-value': '0',
  'answer-a-label': 'Never',
  'answer-b-value': '2',
  'answer-b-label': 'Often',
  'item-c-text': 'I feel left out',
  'item-d-text': 'I have people to talk to',
  scoring: 'mean',
  direction: 'lower-better',
  'band-e-label': 'Low',
  'band-e-min': '0',
  'band-e-max': '1.5',
  meaningfulChange: '0.5',
  selfCompletion: 'yes',
};

describe('scale form', () => {
  it('reads a whole scale', () => {
    expect(readScaleForm(form(good), rows, null)).toEqual({
      ok: true,
      value: {
        key: 'loneliness',
        name: 'Loneliness check',
        shortName: 'Loneliness',
        description: 'How lonely people feel',
        intro: null,
        responses: [
          { value: 0, label: 'Never' },
          { value: 2, label: 'Often' },
        ],
        items: [
          { key: 'q1', text: 'I feel left out', type: 'choice', required: true },
          { key: 'q3', text: 'I have people to talk to', type: 'choice', required: true },
        ],
        scoring: { rule: 'mean', decimals: 2 },
        direction: 'lower-better',
        bands: [{ label: 'Low', min: 0, max: 1.5 }],
        meaningfulChange: 0.5,
        selfCompletion: true,
      },
    });
  });

  it('keeps the key of a saved scale, whatever the form says', () => {
    const result = readScaleForm(form({ ...good, key: 'other' }), rows, 'kept');
    expect(result.ok && result.value.key).toBe('kept');
  });

  it('says what to fix in plain words', () => {
    const result = readScaleForm(
      form({ ...good, name: ' ', key: 'Bad Key', 'answer-b-value': '0', 'item-d-text': '', scoring: '', 'band-e-min': '3', 'band-e-max': '2', meaningfulChange: '0' }),
      rows,
      null,
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        detail: null,
        fields: {
          name: 'Enter the name of the scale',
          key: 'Enter a key of up to 40 lower-case letters, digits, - or _, starting with a letter, like loneliness',
          'answer-b-value': 'Answer 2 has the same score as another answer: give each a different score',
          'item-d-text': 'Enter question 2',
          scoring: 'Select how the scale is scored',
          'band-e-max': 'The highest score of band 1 must not be below its lowest',
          meaningfulChange: 'Enter the meaningful change as a number above 0, or leave it empty',
        },
      },
    });
  });

  it('needs two answers and a question', () => {
    const result = readScaleForm(form(good), { answers: [rows.answers[0]!], items: [], bands: [] }, null);
    expect(result.ok ? null : result.errors.fields).toEqual({ answers: 'Give at least 2 answers', items: 'Add at least 1 question' });
  });

  it('maps problem paths onto rows', () => {
    expect(fieldOfPath('body.items.1.text', rows)).toBe('item-d-text');
    expect(fieldOfPath('body.responses.0.value', rows)).toBe('answer-a-value');
    expect(fieldOfPath('body.responses', rows)).toBe('answers');
    expect(fieldOfPath('body.bands.0.max', rows)).toBe('band-e-max');
    expect(fieldOfPath('body.shortName', rows)).toBe('shortName');
    expect(fieldOfPath('body.scoring.rule', rows)).toBe('scoring');
    expect(fieldOfPath('body.version', rows)).toBeNull();
    expect(pathErrors([{ field: 'body.key', message: 'Taken' }, { field: 'body', message: 'Odd' }], rows, 'x')).toEqual({ detail: 'Odd', fields: { key: 'Taken' } });
  });

  it('gives new questions keys never used by the scale', () => {
    expect(nextItemKey(new Set(['q1', 'q2', 'q4']))).toBe('q3');
    let n = 0;
    const fresh = rowsOf(null, () => `r${++n}`);
    expect(fresh.answers.map((a) => a.value)).toEqual(['1', '2', '3', '4', '5']);
    expect(fresh.items).toEqual([{ row: 'r6', itemKey: 'q1', text: '' }]);
  });
});
