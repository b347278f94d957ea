import { describe, expect, it } from 'vitest';
import { groupChange, pairedChanges, shareSummary, type ScorePair } from './analysis.js';

/**
 * Issue 6, acceptance point 4: the change analysis of two fixed datasets equals the values worked
 * by hand in the comments (sums and squared deviations shown), to 2 decimal places. Critical
 * values of t are from printed tables. Nothing here is taken from the code under test.
 */

const pairsOf = (baselines: number[], latests: number[]): ScorePair[] =>
  baselines.map((baseline, i) => ({ personId: `p${i + 1}`, baseline, latest: latests[i] ?? Number.NaN }));

describe('groupChange: 10 people on WEMWBS (worked by hand)', () => {
  // person     1   2   3   4   5   6   7   8   9  10
  // baseline  40  35  42  50  38  45  30  48  41  44
  // latest    46  40  41  57  45  47  38  49  47  52
  // change     6   5  −1   7   7   2   8   1   6   8
  const baselines = [40, 35, 42, 50, 38, 45, 30, 48, 41, 44];
  const latests = [46, 40, 41, 57, 45, 47, 38, 49, 47, 52];
  const result = groupChange(pairsOf(baselines, latests));

  it('has the mean change and its SD', () => {
    // Σ change = 6+5−1+7+7+2+8+1+6+8 = 49; mean = 49 / 10 = 4.9
    // deviations: 1.1, 0.1, −5.9, 2.1, 2.1, −2.9, 3.1, −3.9, 1.1, 3.1
    // squared:    1.21 + 0.01 + 34.81 + 4.41 + 4.41 + 8.41 + 9.61 + 15.21 + 1.21 + 9.61 = 88.90
    //   (check: Σ change² = 329; 329 − 49²/10 = 329 − 240.1 = 88.9)
    // variance = 88.9 / 9 = 9.8778; SD = √9.8778 = 3.1429
    expect(result.n).toBe(10);
    expect(result.meanChange).toBeCloseTo(4.9, 2);
    expect(result.sdChange).toBeCloseTo(3.1429, 2);
  });

  it('has the paired t, its degrees of freedom and the 95% CI', () => {
    // SE = 3.1429 / √10 = 3.1429 / 3.1623 = 0.9939
    // t = 4.9 / 0.9939 = 4.930, df = 9
    // t(0.975, 9) = 2.262 (table); margin = 2.2622 × 0.9939 = 2.2483
    // CI = 4.9 ± 2.2483 = [2.6517, 7.1483] → [2.65, 7.15]
    expect(result.standardError).toBeCloseTo(0.9939, 2);
    expect(result.t).toBeCloseTo(4.93, 2);
    expect(result.df).toBe(9);
    expect(result.ci95?.[0]).toBeCloseTo(2.65, 2);
    expect(result.ci95?.[1]).toBeCloseTo(7.15, 2);
    // Two-sided p for t = 4.93 on 9 df is well under 0.001 (table: t(0.9995, 9) = 4.781 < 4.93).
    expect(result.pValue).toBeLessThan(0.001);
    expect(result.pValue).toBeGreaterThan(0.0005); // t(0.99975, 9) ≈ 5.3 > 4.93
  });

  it('has both effect sizes', () => {
    // Baselines: Σ = 413, mean 41.3; deviations −1.3, −6.3, 0.7, 8.7, −3.3, 3.7, −11.3, 6.7, −0.3, 2.7
    // squared: 1.69 + 39.69 + 0.49 + 75.69 + 10.89 + 13.69 + 127.69 + 44.89 + 0.09 + 7.29 = 322.10
    // variance = 322.1 / 9 = 35.7889; SD = 5.9824
    // Cohen's d (Warwick) = 4.9 / 5.9824 = 0.8191 → 0.82
    // dz = 4.9 / 3.1429 = 1.5591 → 1.56
    expect(result.cohensD).toBeCloseTo(0.82, 2);
    expect(result.dz).toBeCloseTo(1.56, 2);
    expect(result.sampleTooSmall).toBe(true);
  });

  it('gives the same figures from the changes alone, except Cohen’s d which needs the baselines', () => {
    const fromChanges = groupChange([6, 5, -1, 7, 7, 2, 8, 1, 6, 8]);
    expect(fromChanges.meanChange).toBeCloseTo(4.9, 2);
    expect(fromChanges.t).toBeCloseTo(4.93, 2);
    expect(fromChanges.ci95?.[0]).toBeCloseTo(2.65, 2);
    expect(fromChanges.dz).toBeCloseTo(1.56, 2);
    expect(fromChanges.cohensD).toBeNull();
  });
});

describe('groupChange: 32 people on SWEMWBS metric scores (worked by hand)', () => {
  // Metric scores typed from the measures.md table. Five groups of people:
  //   k  raw      metric           change
  //   8  17 → 21  16.88 → 19.25    +2.37
  //   8  20 → 24  18.59 → 21.54    +2.95
  //   6  23 → 23  20.73 → 20.73     0.00
  //   6  14 → 19  15.32 → 17.98    +2.66
  //   4  25 → 22  22.35 → 19.98    −2.37
  const groups: [number, number, number][] = [
    [8, 16.88, 19.25],
    [8, 18.59, 21.54],
    [6, 20.73, 20.73],
    [6, 15.32, 17.98],
    [4, 22.35, 19.98],
  ];
  const pairs: ScorePair[] = groups.flatMap(([k, baseline, latest], g) =>
    Array.from({ length: k }, (_, i) => ({ personId: `g${g}-${i}`, baseline, latest })),
  );
  const result = groupChange(pairs);

  it('has the mean change, SD, t and CI', () => {
    // Σ change = 8×2.37 + 8×2.95 + 6×0 + 6×2.66 + 4×(−2.37) = 18.96 + 23.60 + 0 + 15.96 − 9.48 = 49.04
    // mean = 49.04 / 32 = 1.5325
    // Σ change² = 8×5.6169 + 8×8.7025 + 0 + 6×7.0756 + 4×5.6169
    //           = 44.9352 + 69.6200 + 42.4536 + 22.4676 = 179.4764
    // Σ (change − mean)² = 179.4764 − 49.04²/32 = 179.4764 − 2404.9216/32 = 179.4764 − 75.1538 = 104.3226
    // variance = 104.3226 / 31 = 3.3652; SD = 1.8345
    // SE = 1.8345 / √32 = 1.8345 / 5.6569 = 0.3243
    // t = 1.5325 / 0.3243 = 4.726, df = 31
    // t(0.975, 31) = 2.040 (table; 2.0395); margin = 2.0395 × 0.3243 = 0.6614
    // CI = 1.5325 ± 0.6614 = [0.8711, 2.1939] → [0.87, 2.19]
    expect(result.n).toBe(32);
    expect(result.meanChange).toBeCloseTo(1.53, 2);
    expect(result.sdChange).toBeCloseTo(1.83, 2);
    expect(result.standardError).toBeCloseTo(0.32, 2);
    expect(result.t).toBeCloseTo(4.73, 2);
    expect(result.df).toBe(31);
    expect(result.ci95?.[0]).toBeCloseTo(0.87, 2);
    expect(result.ci95?.[1]).toBeCloseTo(2.19, 2);
    expect(result.sampleTooSmall).toBe(false);
  });

  it('has Cohen’s d against the baseline SD and dz against the SD of change', () => {
    // Σ baseline = 8×16.88 + 8×18.59 + 6×20.73 + 6×15.32 + 4×22.35
    //            = 135.04 + 148.72 + 124.38 + 91.92 + 89.40 = 589.46; mean 18.4206
    // Σ baseline² = 8×284.9344 + 8×345.5881 + 6×429.7329 + 6×234.7024 + 4×499.5225
    //             = 2279.4752 + 2764.7048 + 2578.3974 + 1408.2144 + 1998.0900 = 11028.8818
    // Σ (b − mean)² = 11028.8818 − 589.46²/32 = 11028.8818 − 347463.0916/32
    //               = 11028.8818 − 10858.2216 = 170.6602
    // variance = 170.6602 / 31 = 5.5052; SD = 2.3463
    // Cohen's d = 1.5325 / 2.3463 = 0.6532 → 0.65; dz = 1.5325 / 1.8345 = 0.8354 → 0.84
    expect(result.cohensD).toBeCloseTo(0.65, 2);
    expect(result.dz).toBeCloseTo(0.84, 2);
  });

  it('counts who improved meaningfully by the SWEMWBS threshold of 2.87', () => {
    // improved: 8 + 8 + 6 = 22 of 32 = 0.6875; meaningful (+2.95 only): 8 of 32 = 0.25;
    // no change: 6 of 32 = 0.1875; worse: 4 of 32 = 0.125
    const summary = shareSummary(pairedChanges(pairs, 'higher-better', 2.87));
    expect(summary.improved).toEqual({ count: 22, share: 0.6875 });
    expect(summary.meaningfullyImproved).toEqual({ count: 8, share: 0.25 });
    expect(summary.noChange).toEqual({ count: 6, share: 0.1875 });
    expect(summary.worse).toEqual({ count: 4, share: 0.125 });
  });
});
