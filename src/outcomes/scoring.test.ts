import { describe, expect, it } from 'vitest';
import type { MeasureAnswers, MeasureDefinition } from '../contracts/outcomes.js';
import { CONCERNS, ONS4, OUTCOMES_STAR, PAM, SWEMWBS, WEMWBS } from './measures/builtin.js';
import { bandOf, checkPartialAnswers, scoreResponse, type ScoreResult } from './scoring.js';

/**
 * Issue 6, acceptance point 1: scoring passes on every value tabulated in
 * shared/conformance/measures.md. Every expected value and every wording below is typed from
 * that file, never read from the definitions under test.
 */

const answers = (values: Record<string, number | null>, names: Record<string, string> = {}): MeasureAnswers => ({ values, names });

function scored(definition: MeasureDefinition, given: MeasureAnswers) {
  const result = scoreResponse(definition, given);
  if (!result.ok) throw new Error(`Expected a score, got ${JSON.stringify(result.problems)}`);
  return result.score;
}

function problemsOf(result: ScoreResult) {
  if (result.ok) throw new Error('Expected the response to be refused');
  return result.problems;
}

// measures.md, "WEMWBS — Items, in order".
const WEMWBS_ITEMS_TEXT = [
  "I've been feeling optimistic about the future",
  "I've been feeling useful",
  "I've been feeling relaxed",
  "I've been feeling interested in other people",
  "I've had energy to spare",
  "I've been dealing with problems well",
  "I've been thinking clearly",
  "I've been feeling good about myself",
  "I've been feeling close to other people",
  "I've been feeling confident",
  "I've been able to make up my own mind about things",
  "I've been feeling loved",
  "I've been interested in new things",
  "I've been feeling cheerful",
];

// measures.md, SWEMWBS raw → metric table, typed row by row.
const METRIC: [number, number][] = [
  [7, 7.0], [8, 9.51], [9, 11.25], [10, 12.4], [11, 13.33], [12, 14.08], [13, 14.75], [14, 15.32],
  [15, 15.84], [16, 16.36], [17, 16.88], [18, 17.43], [19, 17.98], [20, 18.59], [21, 19.25],
  [22, 19.98], [23, 20.73], [24, 21.54], [25, 22.35], [26, 23.21], [27, 24.11], [28, 25.03],
  [29, 26.02], [30, 27.03], [31, 28.13], [32, 29.31], [33, 30.7], [34, 32.55], [35, 35.0],
];

/** Seven SWEMWBS answers (each 1–5) summing to raw: start at all 1s and add up to 4 to each in turn. */
function swemwbsAnswersFor(raw: number): MeasureAnswers {
  let extra = raw - 7;
  const values: Record<string, number> = {};
  for (const item of SWEMWBS.items) {
    const add = Math.min(4, extra);
    values[item.key] = 1 + add;
    extra -= add;
  }
  return answers(values);
}

const allItems = (definition: MeasureDefinition, value: number): MeasureAnswers =>
  answers(Object.fromEntries(definition.items.map((i) => [i.key, value])));

describe('measure wording is the publishers’', () => {
  it('has the 14 WEMWBS statements in order, with the stem and answers of measures.md', () => {
    expect(WEMWBS.items.map((i) => i.text)).toEqual(WEMWBS_ITEMS_TEXT);
    expect(WEMWBS.intro).toBe(
      'Below are some statements about feelings and thoughts. Please tick the box that best describes your experience of each over the last 2 weeks.',
    );
    expect(WEMWBS.responses).toEqual([
      { value: 1, label: 'None of the time' },
      { value: 2, label: 'Rarely' },
      { value: 3, label: 'Some of the time' },
      { value: 4, label: 'Often' },
      { value: 5, label: 'All of the time' },
    ]);
  });

  it('makes SWEMWBS exactly WEMWBS items 1, 2, 3, 6, 7, 9 and 11, same keys, same answers', () => {
    const picked = [1, 2, 3, 6, 7, 9, 11].map((n) => WEMWBS_ITEMS_TEXT[n - 1]);
    expect(SWEMWBS.items.map((i) => i.text)).toEqual(picked);
    const wemwbsKeys = [1, 2, 3, 6, 7, 9, 11].map((n) => WEMWBS.items[n - 1]?.key);
    expect(SWEMWBS.items.map((i) => i.key)).toEqual(wemwbsKeys);
    expect(SWEMWBS.responses).toEqual(WEMWBS.responses);
    expect(SWEMWBS.intro).toBe(WEMWBS.intro);
  });

  it('has the four ONS questions word for word, each on 0 to 10', () => {
    expect(ONS4.items.map((i) => [i.key, i.text])).toEqual([
      ['life_satisfaction', 'Overall, how satisfied are you with your life nowadays?'],
      ['worthwhile', 'Overall, to what extent do you feel that the things you do in your life are worthwhile?'],
      ['happiness', 'Overall, how happy did you feel yesterday?'],
      [
        'anxiety',
        'On a scale where 0 is "not at all anxious" and 10 is "completely anxious", overall, how anxious did you feel yesterday?',
      ],
    ]);
    for (const item of ONS4.items) expect(item.options?.map((o) => o.value)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(ONS4.intro).toContain('on a scale of 0 to 10, where 0 is "not at all" and 10 is "completely"');
    expect(ONS4.items.map((i) => i.direction)).toEqual(['higher-better', 'higher-better', 'higher-better', 'lower-better']);
  });
});

describe('SWEMWBS raw → metric', () => {
  it.each(METRIC)('raw %i scores metric %f', (raw, metric) => {
    const given = swemwbsAnswersFor(raw);
    expect(Object.values(given.values).reduce<number>((a, b) => a + (b ?? 0), 0)).toBe(raw);
    const score = scored(SWEMWBS, given);
    expect(score.raw).toBe(raw);
    expect(score.headline).toBe(metric);
  });

  it('covers all 29 raw totals from 7 to 35', () => {
    expect(METRIC.map(([raw]) => raw)).toEqual(Array.from({ length: 29 }, (_, i) => i + 7));
  });

  it('scores a mixed set: 3+4+2+5+1+3+4 = 22 → 19.98', () => {
    const values = { wemwbs_1: 3, wemwbs_2: 4, wemwbs_3: 2, wemwbs_6: 5, wemwbs_7: 1, wemwbs_9: 3, wemwbs_11: 4 };
    expect(scored(SWEMWBS, answers(values))).toMatchObject({ raw: 22, headline: 19.98 });
  });
});

describe('ONS4 bands', () => {
  // measures.md: low 0–4 · medium 5–6 · high 7–8 · very high 9–10
  const positiveEdges: [number, string][] = [
    [0, 'Low'], [4, 'Low'], [5, 'Medium'], [6, 'Medium'], [7, 'High'], [8, 'High'], [9, 'Very high'], [10, 'Very high'],
  ];
  // measures.md: very low 0–1 · low 2–3 · medium 4–5 · high 6–10
  const anxietyEdges: [number, string][] = [
    [0, 'Very low'], [1, 'Very low'], [2, 'Low'], [3, 'Low'], [4, 'Medium'], [5, 'Medium'], [6, 'High'], [10, 'High'],
  ];

  it.each(positiveEdges)('a positive item at %i is %s, for each of the three', (value, label) => {
    const score = scored(ONS4, answers({ life_satisfaction: value, worthwhile: value, happiness: value, anxiety: 0 }));
    expect(score.itemBands).toMatchObject({ life_satisfaction: label, worthwhile: label, happiness: label });
    expect(score.items).toMatchObject({ life_satisfaction: value, worthwhile: value, happiness: value });
  });

  it.each(anxietyEdges)('anxiety at %i is %s', (value, label) => {
    const score = scored(ONS4, answers({ life_satisfaction: 5, worthwhile: 5, happiness: 5, anxiety: value }));
    expect(score.itemBands.anxiety).toBe(label);
    expect(score.items.anxiety).toBe(value);
  });

  it('has no total: the headline is null', () => {
    const score = scored(ONS4, answers({ life_satisfaction: 7, worthwhile: 8, happiness: 6, anxiety: 3 }));
    expect(score).toEqual({
      headline: null,
      raw: null,
      items: { life_satisfaction: 7, worthwhile: 8, happiness: 6, anxiety: 3 },
      band: null,
      itemBands: { life_satisfaction: 'High', worthwhile: 'High', happiness: 'Medium', anxiety: 'Low' },
    });
  });

  it('bandOf gives null off the bands', () => {
    expect(bandOf([{ label: 'Low', min: 0, max: 4 }], 5)).toBeNull();
  });
});

describe('WEMWBS totals', () => {
  it('scores all 1s as 14 and all 5s as 70', () => {
    expect(scored(WEMWBS, allItems(WEMWBS, 1))).toMatchObject({ headline: 14, raw: null });
    expect(scored(WEMWBS, allItems(WEMWBS, 5))).toMatchObject({ headline: 70, raw: null });
  });

  it('sums a mixed set by hand: 3+4+2+5+1+3+4+4+2+5+3+1+4+3 = 44', () => {
    const values = [3, 4, 2, 5, 1, 3, 4, 4, 2, 5, 3, 1, 4, 3];
    const given = answers(Object.fromEntries(values.map((v, i) => [`wemwbs_${i + 1}`, v])));
    expect(scored(WEMWBS, given).headline).toBe(44);
  });
});

describe('incomplete responses are never scored', () => {
  it.each([
    ['WEMWBS', WEMWBS, 'wemwbs_14'],
    ['SWEMWBS', SWEMWBS, 'wemwbs_11'],
    ['ONS4', ONS4, 'anxiety'],
  ] as const)('%s with one item missing', (_name, definition, missing) => {
    const values: Record<string, number | null> = Object.fromEntries(definition.items.filter((i) => i.key !== missing).map((i) => [i.key, 3]));
    expect(problemsOf(scoreResponse(definition, answers(values)))).toEqual([{ item: missing, message: 'Answer this question' }]);
    // An explicit null is no answer either.
    values[missing] = null;
    expect(problemsOf(scoreResponse(definition, answers(values)))).toEqual([{ item: missing, message: 'Answer this question' }]);
  });

  it('refuses concerns without the wellbeing rating', () => {
    const result = scoreResponse(CONCERNS, answers({ concern_1: 4 }, { concern_1: 'Loneliness' }));
    expect(problemsOf(result)).toEqual([{ item: 'wellbeing', message: 'Answer this question' }]);
  });

  it('refuses a named rating without its name, and a name without its rating', () => {
    expect(problemsOf(scoreResponse(CONCERNS, answers({ concern_1: 4, wellbeing: 3 }, { concern_1: '  ' })))).toEqual([
      { item: 'concern_1', message: 'Say what this rating is about' },
    ]);
    expect(problemsOf(scoreResponse(CONCERNS, answers({ concern_1: 4, wellbeing: 3 }, { concern_1: 'Money', concern_2: 'Housing' })))).toEqual([
      { item: 'concern_2', message: 'Give a rating for this, or leave the name empty' },
    ]);
  });

  it('keeps gaps in saved-for-later answers but not wrong values', () => {
    expect(checkPartialAnswers(WEMWBS, answers({ wemwbs_1: 3 }))).toEqual([]);
    expect(checkPartialAnswers(WEMWBS, answers({ wemwbs_1: 6 }))).toEqual([{ item: 'wemwbs_1', message: 'Choose one of the answers given' }]);
  });
});

describe('values outside the answers given are refused', () => {
  it.each([0, 6, 2.5, -1])('WEMWBS answer %f', (value) => {
    const given = allItems(WEMWBS, 3);
    given.values.wemwbs_5 = value;
    expect(problemsOf(scoreResponse(WEMWBS, given))).toEqual([{ item: 'wemwbs_5', message: 'Choose one of the answers given' }]);
  });

  it.each([11, -1, 7.5])('ONS answer %f', (value) => {
    const result = scoreResponse(ONS4, answers({ life_satisfaction: value, worthwhile: 5, happiness: 5, anxiety: 5 }));
    expect(problemsOf(result)).toEqual([{ item: 'life_satisfaction', message: 'Choose one of the answers given' }]);
  });

  it('refuses a concern rating of 7 and answers to questions the measure does not have', () => {
    expect(problemsOf(scoreResponse(CONCERNS, answers({ concern_1: 7, wellbeing: 3 }, { concern_1: 'Money' })))).toEqual([
      { item: 'concern_1', message: 'Choose one of the answers given' },
    ]);
    const given = allItems(SWEMWBS, 3);
    given.values.wemwbs_4 = 3; // WEMWBS item 4 is not in the short form
    expect(problemsOf(scoreResponse(SWEMWBS, given))).toEqual([{ item: 'wemwbs_4', message: 'This measure has no such question' }]);
  });

  it('refuses a name given to a question that does not take one', () => {
    const given = allItems(SWEMWBS, 3);
    given.names = { wemwbs_1: 'free text here' };
    expect(problemsOf(scoreResponse(SWEMWBS, given))).toEqual([{ item: 'wemwbs_1', message: 'This question does not take a name' }]);
  });

  it('refuses a value that is not a finite number', () => {
    const given = allItems(WEMWBS, 3);
    given.values.wemwbs_2 = Number.POSITIVE_INFINITY;
    expect(problemsOf(scoreResponse(WEMWBS, given))).toEqual([{ item: 'wemwbs_2', message: 'Enter a number' }]);
  });
});

describe('entered scores of licensed tools', () => {
  it('takes a PAM score of 0–100 with one decimal place and a whole level 1–4; the headline is the score', () => {
    expect(scored(PAM, answers({ pam_score: 55.5, pam_level: 3 }))).toEqual({
      headline: 55.5,
      raw: null,
      items: { pam_score: 55.5, pam_level: 3 },
      band: null,
      itemBands: {},
    });
    expect(scored(PAM, answers({ pam_score: 0, pam_level: 1 })).headline).toBe(0);
    expect(scored(PAM, answers({ pam_score: 100, pam_level: 4 })).headline).toBe(100);
  });

  it.each([
    [{ pam_score: -1, pam_level: 2 }, 'pam_score', 'Enter a number of at least 0'],
    [{ pam_score: 100.1, pam_level: 2 }, 'pam_score', 'Enter a number of at most 100'],
    [{ pam_score: 55.55, pam_level: 2 }, 'pam_score', 'Enter a number with at most 1 decimal place'],
    // 1e-7 is written "1e-7" by String(): still seven decimal places
    [{ pam_score: 1e-7, pam_level: 2 }, 'pam_score', 'Enter a number with at most 1 decimal place'],
    [{ pam_score: 50, pam_level: 2.5 }, 'pam_level', 'Enter a whole number'],
    [{ pam_score: 50, pam_level: 0 }, 'pam_level', 'Enter a number of at least 1'],
    [{ pam_score: 50, pam_level: 5 }, 'pam_level', 'Enter a number of at most 4'],
  ])('refuses %o', (values, item, message) => {
    expect(problemsOf(scoreResponse(PAM, answers(values)))).toEqual([{ item, message }]);
  });

  it('takes Outcomes Star readings by area, with no headline', () => {
    const score = scored(OUTCOMES_STAR, answers({ area_1: 4, area_2: 7 }, { area_1: 'Managing money', area_2: 'Friends and community' }));
    expect(score.headline).toBeNull();
    expect(score.items).toEqual({ area_1: 4, area_2: 7 });
  });
});

describe('concerns: the mean of the ratings given', () => {
  it('averages two concerns and wellbeing: (4 + 2 + 3) / 3 = 3.00', () => {
    const given = answers({ concern_1: 4, concern_2: 2, wellbeing: 3 }, { concern_1: 'Money', concern_2: 'Sleep' });
    expect(scored(CONCERNS, given).headline).toBe(3);
  });

  it('averages one concern and wellbeing: (5 + 2) / 2 = 3.50', () => {
    expect(scored(CONCERNS, answers({ concern_1: 5, wellbeing: 2 }, { concern_1: 'Money' })).headline).toBe(3.5);
  });

  it('rounds to 2 decimal places: (5 + 4 + 4) / 3 = 4.333… → 4.33', () => {
    const given = answers({ concern_1: 5, concern_2: 4, wellbeing: 4 }, { concern_1: 'Money', concern_2: 'Sleep' });
    expect(scored(CONCERNS, given).headline).toBe(4.33);
  });
});

describe('item keys that are also names on Object’s prototype', () => {
  // A scheme writes its own keys, and "constructor" passes the key rule (lower-case letters).
  const scale: MeasureDefinition = {
    key: 'prototype-words',
    name: 'Prototype words',
    shortName: 'Words',
    origin: 'scheme',
    version: 1,
    description: 'A scale whose item keys are names JavaScript objects inherit.',
    intro: null,
    responses: [
      { value: 1, label: 'No' },
      { value: 2, label: 'Yes' },
    ],
    items: [
      { key: 'constructor', text: 'Did you go out this week?', type: 'choice', required: true },
      { key: 'friend', text: 'Did you see a friend?', type: 'choice', required: true },
      { key: 'sleep', text: 'Did you sleep well?', type: 'choice', required: false },
    ],
    scoring: { rule: 'sum' },
    direction: 'higher-better',
    bands: [],
    meaningfulChange: null,
    licence: null,
    selfCompletion: true,
  };

  it('an unanswered "constructor" item is unanswered, not a value', () => {
    expect(problemsOf(scoreResponse(scale, answers({ friend: 2 })))).toEqual([{ item: 'constructor', message: 'Answer this question' }]);
    // 2 + 1 = 3; the optional third item is left out.
    expect(scored(scale, answers({ constructor: 2, friend: 1 }))).toMatchObject({ headline: 3, items: { constructor: 2, friend: 1 } });
  });

  it('a named rating keyed "constructor" with no name given asks for one instead of failing', () => {
    const named: MeasureDefinition = { ...scale, items: [{ key: 'constructor', text: 'Your main concern', type: 'named-rating', required: true, namePrompt: 'What is it?' }] };
    expect(problemsOf(scoreResponse(named, answers({ constructor: 2 })))).toEqual([{ item: 'constructor', message: 'Say what this rating is about' }]);
    expect(checkPartialAnswers(named, answers({}))).toEqual([]);
  });

  it('an entered tool whose headline item is "constructor" has no headline until it is given', () => {
    const entered: MeasureDefinition = {
      ...scale,
      origin: 'licensed',
      scoring: { rule: 'entered', headline: 'constructor' },
      items: [
        { key: 'constructor', text: 'Score', type: 'number', min: 0, max: 100, required: false },
        { key: 'level', text: 'Level', type: 'number', min: 1, max: 4, required: true },
      ],
    };
    expect(scored(entered, answers({ level: 2 })).headline).toBeNull();
    expect(scored(entered, answers({ constructor: 40, level: 2 })).headline).toBe(40);
  });
});
