import { describe, expect, it } from 'vitest';
import { timepointLabel } from '../../../../src/contracts/outcomes.js';
import { changeBaseline, changeSentence, chartSummary, decimalsFor, dueCountText, dueTag, linkTag, timepointChoices, unavailableText, type SeriesLine } from './labels.js';

const at = (day: number): string => `2026-0${day}-01T10:00:00Z`;

type Change = Omit<NonNullable<SeriesLine['change']>, 'baselineResponseId' | 'baseline'>;

/** A line whose change, when there is one, runs from its first point (r0), as the server would name it. */
function line(values: readonly (readonly [number, string | null])[], change: Change | null, direction: SeriesLine['direction'] = 'higher-better'): SeriesLine {
  return {
    key: 'headline',
    label: 'Score',
    direction,
    bands: [],
    points: values.map(([value, band], i) => ({ responseId: `r${i}`, at: at(i + 1), timepoint: i === 0 ? 'baseline' : `follow-up-${i * 12}`, value, band })),
    change: change === null ? null : { baselineResponseId: 'r0', baseline: values[0]?.[0] ?? 0, ...change },
  };
}

describe('timepointLabel', () => {
  it('puts every timepoint in words, as the server does (one function, in the contracts)', () => {
    const words = ['baseline', 'closure', 'other', 'follow-up-12', 'follow-up-156', 'something'].map(timepointLabel);
    expect(words).toEqual(['Baseline', 'At closure', 'Other', '12-week follow-up', '156-week follow-up', 'something']);
  });
  it('offers the schedule points and then Other', () => {
    expect(timepointChoices([{ kind: 'baseline' }, { kind: 'follow-up', weeks: 12 }, { kind: 'closure' }])).toEqual([
      { value: 'baseline', label: 'Baseline' },
      { value: 'follow-up-12', label: '12-week follow-up' },
      { value: 'closure', label: 'At closure' },
      { value: 'other', label: 'Other' },
    ]);
    expect(timepointChoices([])).toEqual([{ value: 'other', label: 'Other' }]);
  });
});

describe('tags', () => {
  it('names every due state and link state in words', () => {
    expect(dueTag('overdue')).toEqual({ label: 'Overdue', colour: 'red' });
    expect(dueTag('due')).toEqual({ label: 'Due', colour: 'orange' });
    expect(dueTag('upcoming')).toEqual({ label: 'Upcoming', colour: 'blue' });
    expect(linkTag('revoked').label).toBe('Revoked');
    expect(linkTag('submitted').label).toBe('Completed');
  });
});

describe('decimalsFor', () => {
  it('takes the most precise value, at most 2', () => {
    expect(decimalsFor([19.98, 23])).toBe(2);
    expect(decimalsFor([40, 48, 7])).toBe(0);
    expect(decimalsFor([1.5])).toBe(1);
    expect(decimalsFor([0.1 + 0.2])).toBe(1);
  });
});

describe('changeSentence', () => {
  // SWEMWBS metric scores from measures.md: raw 22 → 19.98, raw 25 → 22.35, raw 26 → 23.21. Threshold 2.87.
  it('names a meaningful SWEMWBS improvement: 23.21 − 19.98 = 3.23 ≥ 2.87', () => {
    const sentence = changeSentence(
      line(
        [
          [19.98, null],
          [23.21, null],
        ],
        { fromBaseline: 3.23, improved: true, meaningful: true, threshold: 2.87, bandMovement: null },
      ),
    );
    expect(sentence).toBe('Improved by 3.23 points — a meaningful improvement (threshold 2.87)');
  });
  it('says when an improvement is under the threshold: 22.35 − 19.98 = 2.37 < 2.87', () => {
    const sentence = changeSentence(
      line(
        [
          [19.98, null],
          [22.35, null],
        ],
        { fromBaseline: 2.37, improved: true, meaningful: false, threshold: 2.87, bandMovement: null },
      ),
    );
    expect(sentence).toBe('Improved by 2.37 points — less than a meaningful change (threshold 2.87)');
  });
  it('names a fall of at least the threshold', () => {
    const sentence = changeSentence(
      line(
        [
          [23.21, null],
          [19.98, null],
        ],
        { fromBaseline: -3.23, improved: false, meaningful: false, threshold: 2.87, bandMovement: null },
      ),
    );
    expect(sentence).toBe('Worse by 3.23 points — a meaningful change for the worse (threshold 2.87)');
  });
  it('writes whole-number scales without decimals: WEMWBS 40 → 48, threshold 7', () => {
    const sentence = changeSentence(
      line(
        [
          [40, null],
          [48, null],
        ],
        { fromBaseline: 8, improved: true, meaningful: true, threshold: 7, bandMovement: null },
      ),
    );
    expect(sentence).toBe('Improved by 8 points — a meaningful improvement (threshold 7)');
  });
  it('writes the threshold with the scores’ decimals when the scores happen to be whole', () => {
    const sentence = changeSentence(
      line(
        [
          [7, null],
          [35, null],
        ],
        { fromBaseline: 28, improved: true, meaningful: true, threshold: 2.87, bandMovement: null },
      ),
    );
    expect(sentence).toBe('Improved by 28.00 points — a meaningful improvement (threshold 2.87)');
  });
  it('reads ONS anxiety by bands: 7 (High) → 3 (Low) is 4 points and 2 bands better', () => {
    const sentence = changeSentence(
      line(
        [
          [7, 'High'],
          [3, 'Low'],
        ],
        { fromBaseline: -4, improved: true, meaningful: null, threshold: null, bandMovement: 2 },
        'lower-better',
      ),
    );
    expect(sentence).toBe('Improved by 4 points — 2 bands better, from High to Low');
  });
  it('says when the score stayed in its band, with "1 point" singular', () => {
    const sentence = changeSentence(
      line(
        [
          [5, 'Medium'],
          [6, 'Medium'],
        ],
        { fromBaseline: 1, improved: true, meaningful: null, threshold: null, bandMovement: 0 },
      ),
    );
    expect(sentence).toBe('Improved by 1 point — still in the same band (Medium)');
  });
  it('says when a measure has no threshold', () => {
    const sentence = changeSentence(
      line(
        [
          [50, null],
          [40, null],
        ],
        { fromBaseline: -10, improved: false, meaningful: null, threshold: null, bandMovement: null },
      ),
    );
    expect(sentence).toBe('Worse by 10 points. This measure has no threshold for a meaningful change.');
  });
  it('says when nothing changed', () => {
    const sentence = changeSentence(
      line(
        [
          [19.98, null],
          [19.98, null],
        ],
        { fromBaseline: 0, improved: false, meaningful: false, threshold: 2.87, bandMovement: null },
      ),
    );
    expect(sentence).toBe('No change since the baseline.');
  });
  it('waits for a second score', () => {
    expect(changeSentence(line([[19.98, null]], null))).toBe('Only one score so far. The change shows once there is a follow-up.');
    expect(changeSentence(line([], null))).toBe('No scores yet.');
  });
  it('says why there is no change when there are several scores but the server compared none', () => {
    const several = line(
      [
        [14.75, null],
        [23.21, null],
      ],
      null,
    );
    expect(changeSentence(several)).toBe('No change shown: the latest score starts a new referral or was answered on a changed version of the scale.');
  });
  it('names the bands moved from the server’s baseline, not the earliest point', () => {
    // ONS life satisfaction: an earlier referral's 2 (Low), then this referral's baseline 5 (Medium) and 8 (High): 1 band better, from Medium.
    const points = line(
      [
        [2, 'Low'],
        [5, 'Medium'],
        [8, 'High'],
      ],
      null,
    ).points;
    const change = { baselineResponseId: 'r1', baseline: 5, fromBaseline: 3, improved: true, meaningful: null, threshold: null, bandMovement: 1 };
    expect(changeSentence({ points, change })).toBe('Improved by 3 points — 1 band better, from Medium to High');
  });
});

describe('chartSummary', () => {
  it('describes the first and last points, the direction and the bands', () => {
    const summary = chartSummary(
      'Anxiety',
      {
        ...line(
          [
            [7, 'High'],
            [3, 'Low'],
          ],
          null,
          'lower-better',
        ),
        bands: [
          { label: 'Low', min: 2, max: 3 },
          { label: 'High', min: 6, max: 10 },
        ],
      },
      (iso) => iso.slice(0, 10),
    );
    expect(summary).toBe(
      'Chart of Anxiety over time: 2 scores, from 7 (Baseline, 2026-01-01) to 3 (12-week follow-up, 2026-02-01). Lower scores are better. Bands: Low 2 to 3, High 6 to 10.',
    );
  });
  it('describes a single score', () => {
    expect(chartSummary('Metric score', line([[19.98, null]], null), (iso) => iso.slice(0, 10))).toBe(
      'Chart of Metric score over time: 1 score: 19.98 (Baseline, 2026-01-01). Higher scores are better.',
    );
  });
});

describe('changeBaseline', () => {
  const points = line(
    [
      [14.75, null],
      [16.36, null],
      [19.98, null],
    ],
    null,
  ).points;
  it('is the score the server measured from, found on the line by its response', () => {
    // A second referral's baseline 16.36 (r1), not the first referral's 14.75 (r0): 19.98 − 16.36 = 3.62.
    const change = { baselineResponseId: 'r1', baseline: 16.36, fromBaseline: 3.62, improved: true, meaningful: true, threshold: 2.87, bandMovement: null };
    const found = changeBaseline({ points, change });
    expect(found?.value).toBe(16.36);
    expect(found?.point?.responseId).toBe('r1');
  });
  it('keeps the server’s value when its response is not on the line', () => {
    const change = { baselineResponseId: 'elsewhere', baseline: 12, fromBaseline: 7.98, improved: true, meaningful: true, threshold: 2.87, bandMovement: null };
    expect(changeBaseline({ points, change })).toEqual({ value: 12, point: undefined });
  });
  it('is none when the server worked out no change', () => {
    expect(changeBaseline({ points, change: null })).toBeNull();
  });
});

describe('unavailableText', () => {
  it('says which channel cannot be chosen and why', () => {
    expect(unavailableText({ email: true, sms: true })).toBeNull();
    expect(unavailableText({ email: true, sms: false })).toBe('You cannot choose text message: there is no mobile number on their record.');
    expect(unavailableText({ email: false, sms: true })).toBe('You cannot choose email: there is no email address on their record.');
    expect(unavailableText({ email: false, sms: false })).toBe(
      'You cannot choose email or text message: there is no email address or mobile number on their record.',
    );
  });
});

describe('dueCountText', () => {
  it('counts what is due now and what is coming up', () => {
    expect(dueCountText(0, 0)).toBe('No measures are due or coming up.');
    expect(dueCountText(7, 0)).toBe('7 measures are due or overdue.');
    expect(dueCountText(1, 1)).toBe('1 measure is due or overdue, and 1 is coming up.');
    expect(dueCountText(0, 2)).toBe('No measures are due now, and 2 are coming up.');
  });
});
