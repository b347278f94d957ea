import { describe, expect, it } from 'vitest';
import type { CustomMeasureInput } from '../contracts/outcomes.js';
import { scaleProblems, scoreRange } from './scale-rules.js';

const yesNo = [
  { value: 0, label: 'No' },
  { value: 1, label: 'Yes' },
];

function scale(overrides: Partial<CustomMeasureInput> = {}): CustomMeasureInput {
  return {
    key: 'own',
    name: 'Own scale',
    shortName: 'Own',
    description: 'A test scale.',
    intro: null,
    responses: yesNo,
    items: [
      { key: 'a', text: 'A?', type: 'choice', required: true },
      { key: 'b', text: 'B?', type: 'choice', required: true, options: [{ value: 1, label: 'Low' }, { value: 5, label: 'High' }] },
      { key: 'c', text: 'C?', type: 'choice', required: false, options: [{ value: -2, label: 'Worse' }, { value: 2, label: 'Better' }] },
    ],
    scoring: { rule: 'sum' },
    direction: 'higher-better',
    bands: [],
    meaningfulChange: null,
    selfCompletion: true,
    ...overrides,
  };
}

describe('the scores a scale can give', () => {
  it('a sum: required items add their lowest and highest; an optional one can only widen the range', () => {
    // Lowest: 0 + 1 + (−2) = −1. Highest: 1 + 5 + 2 = 8.
    expect(scoreRange(scale())).toEqual({ min: -1, max: 8 });
  });

  it('a mean lies between the lowest and the highest answer of any item', () => {
    expect(scoreRange(scale({ scoring: { rule: 'mean', decimals: 2 } }))).toEqual({ min: -2, max: 5 });
  });

  it('a number item counts with its own range', () => {
    expect(scoreRange(scale({ items: [{ key: 'n', text: 'N', type: 'number', min: 2, max: 7, required: true }] }))).toEqual({ min: 2, max: 7 });
  });
});

describe('what makes a scale unusable', () => {
  it('a usable scale has no problems', () => {
    expect(scaleProblems(scale({ bands: [{ label: 'Low', min: -1, max: 3 }, { label: 'High', min: 4, max: 8 }], meaningfulChange: 2 }))).toEqual([]);
  });

  it('repeated keys and repeated answer scores', () => {
    const problems = scaleProblems(
      scale({
        responses: [...yesNo, { value: 1, label: 'Also yes' }],
        items: [
          { key: 'a', text: 'A?', type: 'choice', required: true },
          { key: 'a', text: 'A again?', type: 'choice', required: true },
        ],
      }),
    );
    expect(problems.map((p) => p.field)).toEqual(['body.responses', 'body.items.1.key']);
  });

  it('a named rating needs its prompt; a number item its range', () => {
    const problems = scaleProblems(
      scale({
        items: [
          { key: 'n', text: 'Name and rate', type: 'named-rating', required: true },
          { key: 'm', text: 'How many', type: 'number', required: true },
        ],
      }),
    );
    expect(problems.map((p) => p.field)).toEqual(['body.items.0.namePrompt', 'body.items.1.min', 'body.items.1.max']);
  });

  it('bands out of order or overlapping, and a threshold wider than the scale', () => {
    const problems = scaleProblems(scale({ bands: [{ label: 'High', min: 4, max: 8 }, { label: 'Low', min: -1, max: 3 }], meaningfulChange: 10 }));
    expect(problems.map((p) => p.field)).toEqual(['body.bands.1.min', 'body.meaningfulChange']);
  });

  it('a band of a single score is allowed', () => {
    expect(scaleProblems(scale({ bands: [{ label: 'None', min: -1, max: -1 }, { label: 'Some', min: 0, max: 8 }] }))).toEqual([]);
  });
});
