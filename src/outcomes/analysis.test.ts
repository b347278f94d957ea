import { describe, expect, it } from 'vitest';
import type { Band } from '../contracts/outcomes.js';
import {
  groupChange,
  individualChange,
  ons4BandMovement,
  pairedChanges,
  shareSummary,
  studentTCdf,
  studentTQuantile,
  studentTTwoSidedP,
  type ScorePair,
} from './analysis.js';

/**
 * Every expected value below is worked by hand in the comments (or typed from a published
 * table), never taken from the code under test. The two hand-worked datasets of acceptance point 4
 * are in analysis-group.test.ts.
 */

// ONS bands typed from measures.md ("low 0–4 · medium 5–6 · high 7–8 · very high 9–10";
// anxiety "very low 0–1 · low 2–3 · medium 4–5 · high 6–10"), ascending score order.
const ONS_POSITIVE: Band[] = [
  { label: 'Low', min: 0, max: 4 },
  { label: 'Medium', min: 5, max: 6 },
  { label: 'High', min: 7, max: 8 },
  { label: 'Very high', min: 9, max: 10 },
];
const ONS_ANXIETY: Band[] = [
  { label: 'Very low', min: 0, max: 1 },
  { label: 'Low', min: 2, max: 3 },
  { label: 'Medium', min: 4, max: 5 },
  { label: 'High', min: 6, max: 10 },
];

const pairsOf = (baselines: number[], latests: number[]): ScorePair[] =>
  baselines.map((baseline, i) => ({ personId: `p${i + 1}`, baseline, latest: latests[i] ?? Number.NaN }));

describe('individualChange', () => {
  it('counts a SWEMWBS rise of at least 2.87 metric points as meaningful', () => {
    // 22.35 − 19.25 = 3.10 ≥ 2.87
    expect(individualChange({ baseline: 19.25, latest: 22.35, direction: 'higher-better', threshold: 2.87, bands: [] })).toEqual({
      fromBaseline: 3.1,
      improved: true,
      meaningful: true,
      bandMovement: null,
    });
    // 21.54 − 19.25 = 2.29 < 2.87: better, but not meaningfully
    expect(individualChange({ baseline: 19.25, latest: 21.54, direction: 'higher-better', threshold: 2.87, bands: [] })).toMatchObject({
      fromBaseline: 2.29,
      improved: true,
      meaningful: false,
    });
  });

  it('treats a change of exactly the threshold as meaningful despite float noise', () => {
    // 22.87 − 20 is 2.8700000000000010 in binary floating point; rounded it is 2.87.
    const change = individualChange({ baseline: 20, latest: 22.87, direction: 'higher-better', threshold: 2.87, bands: [] });
    expect(change.fromBaseline).toBe(2.87);
    expect(change.meaningful).toBe(true);
    // WEMWBS: 47 − 40 = 7, the default threshold of 7
    expect(individualChange({ baseline: 40, latest: 47, direction: 'higher-better', threshold: 7, bands: [] }).meaningful).toBe(true);
    expect(individualChange({ baseline: 40, latest: 46, direction: 'higher-better', threshold: 7, bands: [] }).meaningful).toBe(false);
  });

  it('never calls a fall meaningful on a higher-better scale, however large', () => {
    expect(individualChange({ baseline: 50, latest: 40, direction: 'higher-better', threshold: 7, bands: [] })).toEqual({
      fromBaseline: -10,
      improved: false,
      meaningful: false,
      bandMovement: null,
    });
  });

  it('reads a fall as the improvement on a lower-better scale', () => {
    // Concerns: 4.00 → 3.00 is −1.00, threshold 1
    expect(individualChange({ baseline: 4, latest: 3, direction: 'lower-better', threshold: 1, bands: [] })).toEqual({
      fromBaseline: -1,
      improved: true,
      meaningful: true,
      bandMovement: null,
    });
    // 4.00 → 3.50: better by 0.50, short of 1
    expect(individualChange({ baseline: 4, latest: 3.5, direction: 'lower-better', threshold: 1, bands: [] })).toMatchObject({
      improved: true,
      meaningful: false,
    });
    // A rise of 2 is worse, not meaningful
    expect(individualChange({ baseline: 2, latest: 4, direction: 'lower-better', threshold: 1, bands: [] })).toMatchObject({
      fromBaseline: 2,
      improved: false,
      meaningful: false,
    });
  });

  it('gives meaningful null when there is no threshold, and no change is not improvement', () => {
    expect(individualChange({ baseline: 6, latest: 6, direction: 'higher-better', threshold: null, bands: ONS_POSITIVE })).toEqual({
      fromBaseline: 0,
      improved: false,
      meaningful: null,
      bandMovement: 0,
    });
  });

  it('counts bands moved, the better way positive', () => {
    const positive = (baseline: number, latest: number) =>
      individualChange({ baseline, latest, direction: 'higher-better', threshold: null, bands: ONS_POSITIVE }).bandMovement;
    expect(positive(4, 5)).toBe(1); // Low → Medium
    expect(positive(3, 9)).toBe(3); // Low → Very high
    expect(positive(7, 8)).toBe(0); // High → High
    expect(positive(9, 6)).toBe(-2); // Very high → Medium
    const anxiety = (baseline: number, latest: number) =>
      individualChange({ baseline, latest, direction: 'lower-better', threshold: null, bands: ONS_ANXIETY }).bandMovement;
    expect(anxiety(6, 5)).toBe(1); // High → Medium is better
    expect(anxiety(10, 0)).toBe(3); // High → Very low
    expect(anxiety(2, 3)).toBe(0); // Low → Low
    expect(anxiety(1, 4)).toBe(-2); // Very low → Medium is worse
  });

  it('gives no band movement without bands or when a score is off them', () => {
    expect(individualChange({ baseline: 3, latest: 11, direction: 'higher-better', threshold: null, bands: ONS_POSITIVE }).bandMovement).toBeNull();
    expect(individualChange({ baseline: -1, latest: 5, direction: 'higher-better', threshold: null, bands: ONS_POSITIVE }).bandMovement).toBeNull();
    expect(individualChange({ baseline: 3, latest: 5, direction: 'higher-better', threshold: null, bands: [] }).bandMovement).toBeNull();
  });
});

describe('pairedChanges and shareSummary', () => {
  it('summarises a group: improved, meaningfully improved, no change, worse', () => {
    // WEMWBS, threshold 7. Changes: +8, +7, +3, 0, −2, −9
    const changes = pairedChanges(pairsOf([40, 40, 50, 45, 44, 60], [48, 47, 53, 45, 42, 51]), 'higher-better', 7);
    expect(changes.map((c) => c.change)).toEqual([8, 7, 3, 0, -2, -9]);
    expect(changes.map((c) => c.meaningful)).toEqual([true, true, false, false, false, false]);
    expect(changes[0]).toEqual({ personId: 'p1', baseline: 40, latest: 48, change: 8, improved: true, unchanged: false, meaningful: true });
    const summary = shareSummary(changes);
    // n = 6: improved 3 (3/6 = 0.5), meaningful 2 (2/6 ≈ 0.3333), no change 1 (≈ 0.1667), worse 2 (≈ 0.3333)
    expect(summary.n).toBe(6);
    expect(summary.improved).toEqual({ count: 3, share: 0.5 });
    expect(summary.meaningfullyImproved?.count).toBe(2);
    expect(summary.meaningfullyImproved?.share).toBeCloseTo(0.3333, 4);
    expect(summary.noChange.count).toBe(1);
    expect(summary.noChange.share).toBeCloseTo(0.1667, 4);
    expect(summary.worse.count).toBe(2);
  });

  it('reads improvement downward on a lower-better scale, with no threshold giving no meaningful share', () => {
    // Concerns: 4 → 3 (−1, better), 3 → 3 (same), 2 → 5 (+3, worse)
    const changes = pairedChanges(pairsOf([4, 3, 2], [3, 3, 5]), 'lower-better', null);
    const summary = shareSummary(changes);
    expect(summary.improved.count).toBe(1);
    expect(summary.noChange.count).toBe(1);
    expect(summary.worse.count).toBe(1);
    expect(summary.meaningfullyImproved).toBeNull();
  });

  it('gives null shares for an empty group rather than dividing by 0', () => {
    expect(shareSummary([])).toEqual({
      n: 0,
      improved: { count: 0, share: null },
      meaningfullyImproved: null,
      noChange: { count: 0, share: null },
      worse: { count: 0, share: null },
    });
  });
});

describe('ons4BandMovement', () => {
  it('gives the share moving up at least one band on a positive item', () => {
    // 3→5 Low→Medium (+1), 6→9 Medium→Very high (+2), 7→8 High→High (0), 9→4 Very high→Low (−3),
    // 5→11 is off the scale and left out: n = 4, better 2/4, same 1/4, worse 1/4.
    const result = ons4BandMovement(pairsOf([3, 6, 7, 9, 5], [5, 9, 8, 4, 11]), ONS_POSITIVE, 'higher-better');
    expect(result).toEqual({
      n: 4,
      outside: 1,
      better: { count: 2, share: 0.5 },
      same: { count: 1, share: 0.25 },
      worse: { count: 1, share: 0.25 },
    });
  });

  it('gives the share moving down at least one band for anxiety', () => {
    // 7→4 High→Medium (better), 8→0 High→Very low (better), 1→2 Very low→Low (worse), 3→2 Low→Low (same),
    // 6→10 High→High (same): n = 5, better 2/5 = 0.4, same 2/5 = 0.4, worse 1/5 = 0.2.
    const result = ons4BandMovement(pairsOf([7, 8, 1, 3, 6], [4, 0, 2, 2, 10]), ONS_ANXIETY, 'lower-better');
    expect(result.n).toBe(5);
    expect(result.better).toEqual({ count: 2, share: 0.4 });
    expect(result.same).toEqual({ count: 2, share: 0.4 });
    expect(result.worse).toEqual({ count: 1, share: 0.2 });
  });
});

describe('Student t distribution', () => {
  it('matches published two-sided 95% critical values (t at 0.975)', () => {
    // From standard printed tables of Student's t distribution.
    const table: [number, number][] = [
      [1, 12.706],
      [2, 4.303],
      [9, 2.262],
      [29, 2.045],
      [30, 2.042],
      [31, 2.04],
      [60, 2.0],
      [120, 1.98],
      [1000, 1.962],
    ];
    for (const [df, value] of table) expect(studentTQuantile(0.975, df), `df ${df}`).toBeCloseTo(value, 3);
  });

  it('matches published 99% critical values (t at 0.995) and is symmetric', () => {
    expect(studentTQuantile(0.995, 1)).toBeCloseTo(63.657, 3);
    expect(studentTQuantile(0.995, 9)).toBeCloseTo(3.25, 3);
    expect(studentTQuantile(0.995, 29)).toBeCloseTo(2.756, 3);
    expect(studentTQuantile(0.025, 9)).toBeCloseTo(-2.262, 3);
    expect(studentTQuantile(0.5, 9)).toBe(0);
  });

  it('has the closed-form CDF for df 1 and df 2', () => {
    // df 1 is the Cauchy distribution: F(t) = 1/2 + atan(t)/π; F(1) = 0.75 exactly.
    expect(studentTCdf(1, 1)).toBeCloseTo(0.75, 10);
    // df 2: F(t) = 1/2 + t / (2√(2 + t²)); F(2) = 1/2 + 2/(2√6) = 0.5 + 0.408248 = 0.908248
    expect(studentTCdf(2, 2)).toBeCloseTo(0.908248, 6);
    expect(studentTCdf(-2, 2)).toBeCloseTo(0.091752, 6);
    // Two-sided p at the 95% critical value is 0.05 by definition
    expect(studentTTwoSidedP(2.262157, 9)).toBeCloseTo(0.05, 5);
  });

  it('refuses p outside (0, 1) and df of 0', () => {
    expect(() => studentTQuantile(1, 9)).toThrow(RangeError);
    expect(() => studentTQuantile(0.975, 0)).toThrow(RangeError);
  });
});

describe('groupChange: small and degenerate groups', () => {
  it('says the sample is too small below 30 people and not at 30', () => {
    const changes = (n: number) => Array.from({ length: n }, (_, i) => (i % 3) - 0.5);
    expect(groupChange(changes(29)).sampleTooSmall).toBe(true);
    expect(groupChange(changes(30)).sampleTooSmall).toBe(false);
  });

  it('gives no SD, t or CI for fewer than two people', () => {
    expect(groupChange([])).toEqual({
      n: 0,
      meanChange: null,
      sdChange: null,
      standardError: null,
      t: null,
      df: null,
      pValue: null,
      ci95: null,
      cohensD: null,
      dz: null,
      sampleTooSmall: true,
    });
    const one = groupChange(pairsOf([20], [23]));
    expect(one.n).toBe(1);
    expect(one.meanChange).toBe(3);
    expect(one.sdChange).toBeNull();
    expect(one.t).toBeNull();
    expect(one.ci95).toBeNull();
    expect(one.cohensD).toBeNull();
  });

  it('gives t null (undefined, not infinite) when every change is the same', () => {
    // Changes 2, 2, 2: mean 2, SD 0, SE 0; the interval closes to [2, 2]; baselines 10, 12, 14 have SD 2, so d = 1.
    const same = groupChange(pairsOf([10, 12, 14], [12, 14, 16]));
    expect(same.meanChange).toBe(2);
    expect(same.sdChange).toBe(0);
    expect(same.t).toBeNull();
    expect(same.pValue).toBeNull();
    expect(same.dz).toBeNull();
    expect(same.ci95).toEqual([2, 2]);
    expect(same.cohensD).toBeCloseTo(1, 10);
  });
});
