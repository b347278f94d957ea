import type { Band, Direction } from '../contracts/outcomes.js';

/**
 * Change analysis as pure functions: one person's change since the baseline, and the change of
 * a group of people measured twice (paired t-test, 95% confidence interval, effect sizes), as
 * Warwick's guidance on (S)WEMWBS asks for. Reports and the person's outcomes page build on
 * these; nothing here reads the database.
 */

/** Two decimal places: score differences such as 22.35 − 19.48 carry binary float noise. */
export function round2(value: number): number {
  return Math.round(value * 100) / 100;
}

/** +1 when a rise is better, −1 when a fall is better: "better" change is change × sign > 0. */
const betterSign = (direction: Direction): 1 | -1 => (direction === 'higher-better' ? 1 : -1);

const bandIndex = (bands: readonly Band[], value: number): number => bands.findIndex((b) => value >= b.min && value <= b.max);

export interface IndividualChange {
  /** latest − baseline, in the measure's own units (positive is a rise, whichever way is better). */
  fromBaseline: number;
  /** Moved in the better direction at all. */
  improved: boolean;
  /** Improved by at least the threshold; null when the measure has no threshold. */
  meaningful: boolean | null;
  /** Bands moved in the better direction (negative = worse); null without bands or off the bands. */
  bandMovement: number | null;
}

export function individualChange(input: {
  baseline: number;
  latest: number;
  direction: Direction;
  threshold: number | null;
  /** In ascending score order, whichever way is better. */
  bands: readonly Band[];
}): IndividualChange {
  const sign = betterSign(input.direction);
  const fromBaseline = round2(input.latest - input.baseline);
  const better = fromBaseline * sign;
  let bandMovement: number | null = null;
  if (input.bands.length > 0) {
    const from = bandIndex(input.bands, input.baseline);
    const to = bandIndex(input.bands, input.latest);
    // Bands are in ascending score order, so for a lower-better scale moving down the list is better.
    if (from !== -1 && to !== -1) bandMovement = (to - from) * sign + 0;
  }
  return {
    fromBaseline,
    improved: better > 0,
    meaningful: input.threshold === null ? null : better >= input.threshold,
    bandMovement,
  };
}

// One person at a time, for a whole group -----------------------------------------------------

export interface ScorePair {
  personId: string;
  baseline: number;
  latest: number;
}

export interface PersonChange {
  personId: string;
  baseline: number;
  latest: number;
  /** latest − baseline, to 2 decimal places. */
  change: number;
  improved: boolean;
  /** True when the change is 0 (no movement either way). */
  unchanged: boolean;
  meaningful: boolean | null;
}

export function pairedChanges(pairs: readonly ScorePair[], direction: Direction, threshold: number | null): PersonChange[] {
  return pairs.map((p) => {
    const c = individualChange({ baseline: p.baseline, latest: p.latest, direction, threshold, bands: [] });
    return {
      personId: p.personId,
      baseline: p.baseline,
      latest: p.latest,
      change: c.fromBaseline,
      improved: c.improved,
      unchanged: c.fromBaseline === 0,
      meaningful: c.meaningful,
    };
  });
}

/** A count and its share of n (0–1); the share is null when n is 0, as there is nothing to divide. */
export interface Share {
  count: number;
  share: number | null;
}

const shareOf = (count: number, n: number): Share => ({ count, share: n === 0 ? null : count / n });

export interface ShareSummary {
  n: number;
  improved: Share;
  /** Improved by at least the threshold; null when there is no threshold. */
  meaningfullyImproved: Share | null;
  noChange: Share;
  worse: Share;
}

export function shareSummary(changes: readonly PersonChange[]): ShareSummary {
  const n = changes.length;
  const count = (test: (c: PersonChange) => boolean): number => changes.filter(test).length;
  // Everyone in one call shares one threshold, so a single null means there is none.
  const hasThreshold = changes.length > 0 && changes.every((c) => c.meaningful !== null);
  return {
    n,
    improved: shareOf(count((c) => c.improved), n),
    meaningfullyImproved: hasThreshold ? shareOf(count((c) => c.meaningful === true), n) : null,
    noChange: shareOf(count((c) => c.unchanged), n),
    worse: shareOf(count((c) => !c.improved && !c.unchanged), n),
  };
}

export interface BandMovementSummary {
  /** People whose two scores both fall in a band; anyone else is left out and counted in `outside`. */
  n: number;
  outside: number;
  /** Moved at least one band the better way (up, or down for anxiety). */
  better: Share;
  same: Share;
  worse: Share;
}

/** ONS4 has no individual threshold, so change is read as movement between its bands. */
export function ons4BandMovement(pairs: readonly ScorePair[], bands: readonly Band[], direction: Direction): BandMovementSummary {
  const moves: number[] = [];
  for (const p of pairs) {
    const m = individualChange({ baseline: p.baseline, latest: p.latest, direction, threshold: null, bands }).bandMovement;
    if (m !== null) moves.push(m);
  }
  const n = moves.length;
  return {
    n,
    outside: pairs.length - n,
    better: shareOf(moves.filter((m) => m > 0).length, n),
    same: shareOf(moves.filter((m) => m === 0).length, n),
    worse: shareOf(moves.filter((m) => m < 0).length, n),
  };
}

// Group change ---------------------------------------------------------------------------------

/** Warwick: at least 30 people with scores at two time points before drawing conclusions. */
export const MIN_GROUP_SIZE = 30;

export interface GroupChange {
  n: number;
  /** Mean of latest − baseline (positive is a rise, whichever way is better); null when n is 0. */
  meanChange: number | null;
  /** Sample SD of the changes (divisor n − 1); null when n < 2. */
  sdChange: number | null;
  /** sdChange / √n. */
  standardError: number | null;
  /** Paired t = mean / (sd / √n); null when n < 2 or when every change is the same (sd 0: t undefined). */
  t: number | null;
  df: number | null;
  /** Two-sided p-value of the paired t-test; null whenever t is. */
  pValue: number | null;
  /** mean ± t(0.975, df) × SE; when sd is 0 the interval closes to [mean, mean]. */
  ci95: [number, number] | null;
  /** Cohen's d as Warwick uses it: mean change / SD of the baseline scores; needs the baselines. */
  cohensD: number | null;
  /** dz: mean change / SD of the changes. */
  dz: number | null;
  sampleTooSmall: boolean;
}

const mean = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0) / xs.length;

/** Sample standard deviation (n − 1); null below two values. */
export function sampleSd(xs: readonly number[]): number | null {
  if (xs.length < 2) return null;
  const m = mean(xs);
  return Math.sqrt(xs.reduce((a, x) => a + (x - m) ** 2, 0) / (xs.length - 1));
}

/**
 * Change of a group measured twice. Pass the pairs to get Cohen's d (it needs the baseline SD);
 * the changes alone give everything else.
 */
export function groupChange(input: readonly number[] | readonly Pick<ScorePair, 'baseline' | 'latest'>[]): GroupChange {
  const pairs = input.filter((x): x is Pick<ScorePair, 'baseline' | 'latest'> => typeof x !== 'number');
  const changes = input.map((x) => (typeof x === 'number' ? x : round2(x.latest - x.baseline)));
  const n = changes.length;
  const meanChange = n === 0 ? null : mean(changes);
  const sdChange = sampleSd(changes);
  const baselineSd = pairs.length === n ? sampleSd(pairs.map((p) => p.baseline)) : null;
  const base = { n, meanChange, sampleTooSmall: n < MIN_GROUP_SIZE };
  if (meanChange === null || sdChange === null) {
    return { ...base, sdChange: null, standardError: null, t: null, df: null, pValue: null, ci95: null, cohensD: null, dz: null };
  }
  const df = n - 1;
  const standardError = sdChange / Math.sqrt(n);
  const t = sdChange === 0 ? null : meanChange / standardError;
  const margin = studentTQuantile(0.975, df) * standardError;
  return {
    ...base,
    sdChange,
    standardError,
    t,
    df,
    pValue: t === null ? null : studentTTwoSidedP(t, df),
    ci95: [meanChange - margin, meanChange + margin],
    cohensD: baselineSd === null || baselineSd === 0 ? null : meanChange / baselineSd,
    dz: sdChange === 0 ? null : meanChange / sdChange,
  };
}

// Student's t distribution ----------------------------------------------------------------------

/** ln Γ(x) for x > 0 (Lanczos, g = 7, 9 terms: about 15 significant digits). */
function logGamma(x: number): number {
  const c = [
    0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905,
    -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7,
  ];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - logGamma(1 - x);
  const z = x - 1;
  let sum = c[0] ?? 0;
  for (let i = 1; i < 9; i += 1) sum += (c[i] ?? 0) / (z + i);
  const t = z + 7.5;
  return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
}

/** Continued fraction for the incomplete beta (modified Lentz), converging for x < (a+1)/(a+b+2). */
function betaContinuedFraction(x: number, a: number, b: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  d = Math.abs(d) < tiny ? tiny : d;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 10_000; m += 1) {
    const m2 = 2 * m;
    for (const coefficient of [(m * (b - m) * x) / ((a + m2 - 1) * (a + m2)), (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1))]) {
      d = 1 + coefficient * d;
      d = Math.abs(d) < tiny ? tiny : d;
      c = 1 + coefficient / c;
      c = Math.abs(c) < tiny ? tiny : c;
      d = 1 / d;
      h *= d * c;
    }
    if (Math.abs(d * c - 1) < 1e-15) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). */
export function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  // Use the symmetry I_x(a,b) = 1 − I_{1−x}(b,a) where the fraction would converge slowly.
  return x < (a + 1) / (a + b + 2) ? (front * betaContinuedFraction(x, a, b)) / a : 1 - (front * betaContinuedFraction(1 - x, b, a)) / b;
}

/** P(T ≤ t) for Student's t with df degrees of freedom. */
export function studentTCdf(t: number, df: number): number {
  const tail = 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
  return t >= 0 ? 1 - tail : tail;
}

/** P(|T| ≥ |t|). */
export function studentTTwoSidedP(t: number, df: number): number {
  return incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** The t with P(T ≤ t) = p, by bisection on the CDF (monotone, so this cannot fail to converge). */
export function studentTQuantile(p: number, df: number): number {
  if (!(p > 0 && p < 1) || !(df > 0)) throw new RangeError('p must be between 0 and 1 and df above 0');
  if (p === 0.5) return 0;
  if (p < 0.5) return -studentTQuantile(1 - p, df);
  let low = 0;
  let high = 1;
  while (studentTCdf(high, df) < p) high *= 2;
  for (let i = 0; i < 200 && high - low > 1e-12; i += 1) {
    const mid = (low + high) / 2;
    if (studentTCdf(mid, df) < p) low = mid;
    else high = mid;
  }
  return (low + high) / 2;
}
