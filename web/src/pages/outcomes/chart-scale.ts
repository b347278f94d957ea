import type { Band, MeasureDefinition, MeasureItem } from '../../../../src/contracts/outcomes.js';

/**
 * The geometry of a score chart as pure functions, so it is unit tested without a browser: the
 * range a line's scores can take, tidy axis ticks, where each band or the "no meaningful change"
 * zone sits, and where each point goes. Scores run up the y axis; dates along the x axis.
 */

export interface Range {
  min: number;
  max: number;
}

export interface Frame {
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
}

/** The chart's drawing box, in viewBox units. Narrow on purpose, so text stays legible at 320 px. */
export const FRAME: Frame = { width: 480, height: 260, top: 12, right: 12, bottom: 44, left: 44 };

const finite = (values: readonly (number | undefined)[]): number[] => values.filter((v): v is number => v !== undefined && Number.isFinite(v));

function itemRange(definition: MeasureDefinition, item: MeasureItem): Range | null {
  const options = item.options ?? definition.responses;
  if (item.type !== 'number' && options !== null && options.length > 0) {
    const values = options.map((o) => o.value);
    return { min: Math.min(...values), max: Math.max(...values) };
  }
  if (item.min !== undefined && item.max !== undefined) return { min: item.min, max: item.max };
  return null;
}

/**
 * The scores a line can take, from the measure's definition: an item's own answers (ONS4 lines,
 * entered headline items), or the headline's: a sum's lowest and highest totals, a conversion
 * table's values, a mean's answer range. Null when the definition does not say (the chart then
 * fits the data).
 */
export function definedRange(definition: MeasureDefinition | undefined, lineKey: string): Range | null {
  if (definition === undefined) return null;
  const item = definition.items.find((i) => i.key === lineKey);
  if (item !== undefined) return itemRange(definition, item);
  const scoring = definition.scoring;
  switch (scoring.rule) {
    case 'sum': {
      const ranges = definition.items.map((i) => itemRange(definition, i));
      if (ranges.some((r) => r === null)) return null;
      const known = ranges.filter((r): r is Range => r !== null);
      return { min: known.reduce((a, r) => a + r.min, 0), max: known.reduce((a, r) => a + r.max, 0) };
    }
    case 'sum-table': {
      const values = Object.values(scoring.table);
      return values.length === 0 ? null : { min: Math.min(...values), max: Math.max(...values) };
    }
    case 'mean': {
      const ranges = definition.items.map((i) => itemRange(definition, i)).filter((r): r is Range => r !== null);
      return ranges.length === 0 ? null : { min: Math.min(...ranges.map((r) => r.min)), max: Math.max(...ranges.map((r) => r.max)) };
    }
    case 'entered': {
      const headline = definition.items.find((i) => i.key === scoring.headline);
      return headline === undefined ? null : itemRange(definition, headline);
    }
    case 'each':
      return null;
    default: {
      const unreachable: never = scoring;
      return unreachable;
    }
  }
}

/**
 * The y axis: the defined range, widened to take any score outside it (a changed scale), or,
 * without a definition, the scores and bands with a margin. Never empty, so a single score still
 * has room around it.
 */
export function axisRange(defined: Range | null, values: readonly number[], bands: readonly Band[]): Range {
  const data = finite([...values, ...bands.flatMap((b) => [b.min, b.max])]);
  let min: number;
  let max: number;
  if (defined !== null) {
    min = Math.min(defined.min, ...data);
    max = Math.max(defined.max, ...data);
  } else if (data.length > 0) {
    min = Math.min(...data);
    max = Math.max(...data);
    const pad = (max - min) * 0.1;
    min -= pad;
    max += pad;
  } else {
    min = 0;
    max = 10;
  }
  if (max - min < 1e-9) return { min: min - 1, max: max + 1 };
  return { min, max };
}

/** About `count` round-numbered ticks (steps of 1, 2, 2.5 or 5 × a power of ten) within the range. */
export function ticks(range: Range, count = 5): number[] {
  const span = range.max - range.min;
  if (!(span > 0)) return [range.min];
  const rough = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? 10 * power;
  const first = Math.ceil(range.min / step - 1e-9);
  const last = Math.floor(range.max / step + 1e-9);
  const out: number[] = [];
  // Whole multiples of the step, so float error never accumulates ("0.30000000000000004").
  for (let n = first; n <= last; n += 1) out.push(Number((n * step).toFixed(10)) + 0);
  return out;
}

/** A score's height in the frame: the top of the range at the top of the plot. */
export function yOf(value: number, range: Range, frame: Frame = FRAME): number {
  const plot = frame.height - frame.top - frame.bottom;
  return frame.top + ((range.max - value) / (range.max - range.min)) * plot;
}

/**
 * Room at the right of the plot for the zones' names, so no point or value label ever sits on
 * one: about 9.5 units a character (the text is at most 17 units high), plus a margin, capped.
 */
export function gutterFor(labels: readonly string[]): number {
  if (labels.length === 0) return 0;
  const longest = Math.max(...labels.map((l) => l.length));
  return Math.min(130, Math.ceil(longest * 9.5) + 12);
}

/**
 * Dates along the x axis, in proportion to the time between them, kept clear of the gutter. One
 * date (or several on the same day) sits in the middle.
 */
export function xPositions(dates: readonly string[], frame: Frame = FRAME, gutter = 0): number[] {
  const times = dates.map((d) => new Date(d).getTime());
  const left = frame.left + 16;
  const right = frame.width - frame.right - gutter - 16;
  const first = Math.min(...times);
  const last = Math.max(...times);
  if (!(last > first)) return times.map(() => (left + right) / 2);
  return times.map((t) => left + ((t - first) / (last - first)) * (right - left));
}

export interface Zone {
  label: string;
  /** The zone's edges as scores, after clipping to the axis. */
  from: number;
  to: number;
  /** Its rectangle in the frame. */
  y: number;
  height: number;
}

function zoneOf(label: string, from: number, to: number, range: Range, frame: Frame): Zone | null {
  const low = Math.max(from, range.min);
  const high = Math.min(to, range.max);
  if (!(high > low)) return null;
  const y = yOf(high, range, frame);
  return { label, from: low, to: high, y, height: yOf(low, range, frame) - y };
}

/**
 * Bands as touching rectangles. Bands are inclusive whole scores ("low 0–4, medium 5–6"), so the
 * edge between two bands is drawn half way across the gap, where a score of 4.5 would fall.
 */
export function bandZones(bands: readonly Band[], range: Range, frame: Frame = FRAME): Zone[] {
  const sorted = [...bands].sort((a, b) => a.min - b.min);
  const zones: Zone[] = [];
  sorted.forEach((band, index) => {
    const previous = sorted[index - 1];
    const next = sorted[index + 1];
    const from = previous !== undefined && previous.max < band.min ? (previous.max + band.min) / 2 : band.min;
    const to = next !== undefined && band.max < next.min ? (band.max + next.min) / 2 : band.max;
    const zone = zoneOf(band.label, from, to, range, frame);
    if (zone !== null) zones.push(zone);
  });
  return zones;
}

/** The scores within the meaningful-change threshold of the baseline: a change inside it is not meaningful. */
export function thresholdZone(baseline: number, threshold: number, range: Range, label: string, frame: Frame = FRAME): Zone | null {
  return zoneOf(label, baseline - threshold, baseline + threshold, range, frame);
}
