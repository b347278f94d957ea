import type { Band, Direction, MeasureDefinition, MeasureScore, MeasureSeries, SchemeMeasure } from '../contracts/outcomes.js';
import { individualChange } from './analysis.js';
import { ownValue } from './scoring.js';

/**
 * One person's scores over time, measure by measure, with the change since the baseline judged
 * by the scheme's threshold. A pure function of the completed responses: the person's outcomes
 * page charts it, and the same numbers could be checked by hand.
 *
 * Every score is charted, but a change is worked out only between like and like: the latest
 * score and the baseline of the same referral, answered on the same version of the measure. A
 * scheme's own scale may be rewritten between versions, and a second referral starts afresh, so
 * a difference across either would not mean what it seems to.
 */

export interface CompletedResponse {
  id: string;
  measureKey: string;
  /** The referral it was recorded against; null when recorded from the person's page alone. */
  referralId: string | null;
  timepoint: string;
  completedAt: Date;
  score: MeasureScore;
  /** The definition it was answered on, when it still reads. */
  definition: MeasureDefinition | null;
}

type Line = MeasureSeries['lines'][number];
type Point = Line['points'][number];
/** A charted point with what decides whether it can be compared with another. */
interface Placed {
  point: Point;
  referralId: string | null;
  definitionVersion: number;
}

interface LineSpec {
  key: string;
  label: string;
  direction: Direction;
  bands: Band[];
  value: (score: MeasureScore) => number | null;
  band: (score: MeasureScore) => string | null;
}

/** "life_satisfaction" → "Life satisfaction": a chart legend, where the full question is too long. */
const legend = (key: string): string => {
  const words = key.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

function headlineLabel(definition: MeasureDefinition): string {
  const scoring = definition.scoring;
  switch (scoring.rule) {
    case 'sum-table':
      return scoring.convertedLabel;
    case 'entered':
      return definition.items.find((i) => i.key === scoring.headline)?.text ?? 'Score';
    case 'sum':
    case 'mean':
    case 'each':
      return 'Score';
    default: {
      const unreachable: never = scoring;
      return unreachable;
    }
  }
}

/** ONS4 has no total: each item is a line with its own direction and bands. Others chart their headline. */
function lineSpecs(definition: MeasureDefinition): LineSpec[] {
  if (definition.scoring.rule === 'each') {
    return definition.items.map((item) => ({
      key: item.key,
      label: legend(item.key),
      direction: item.direction ?? definition.direction,
      bands: item.bands ?? [],
      value: (score) => ownValue(score.items, item.key) ?? null,
      band: (score) => ownValue(score.itemBands, item.key) ?? null,
    }));
  }
  return [
    {
      key: 'headline',
      label: headlineLabel(definition),
      direction: definition.direction,
      bands: definition.bands,
      value: (score) => score.headline,
      band: (score) => score.band,
    },
  ];
}

/** A stored copy that no longer reads is taken as the first version, as the response's own view does. */
const versionOf = (response: CompletedResponse): number => response.definition?.version ?? 1;

/**
 * The change from the baseline of the latest point's own referral (its 'baseline' response,
 * else its earliest) to the latest point; none when the two were answered on different versions.
 */
function changeOf(placed: readonly Placed[], spec: LineSpec, threshold: number | null): Line['change'] {
  const latest = placed[placed.length - 1];
  if (!latest) return null;
  const sameReferral = placed.filter((p) => p.referralId === latest.referralId);
  const baseline = sameReferral.find((p) => p.point.timepoint === 'baseline') ?? sameReferral[0];
  if (!baseline || baseline === latest || baseline.definitionVersion !== latest.definitionVersion) return null;
  const change = individualChange({ baseline: baseline.point.value, latest: latest.point.value, direction: spec.direction, threshold, bands: spec.bands });
  return { baselineResponseId: baseline.point.responseId, baseline: baseline.point.value, ...change, threshold };
}

/**
 * The lines, bands and threshold follow the definition the latest response was answered on
 * (the scheme's current one if that copy no longer reads); a threshold the scheme set for the
 * measure overrides the definition's own.
 */
function seriesFor(measure: SchemeMeasure | undefined, responses: CompletedResponse[], thresholds: Readonly<Record<string, number>>): MeasureSeries | null {
  const newest = responses[responses.length - 1];
  const definition = newest?.definition ?? measure?.definition;
  if (!definition) return null;
  const threshold = ownValue(thresholds, definition.key) ?? definition.meaningfulChange;
  const lines: Line[] = [];
  for (const spec of lineSpecs(definition)) {
    const placed = responses.flatMap((r): Placed[] => {
      const value = spec.value(r.score);
      if (value === null) return [];
      return [{ point: { responseId: r.id, at: r.completedAt.toISOString(), timepoint: r.timepoint, value, band: spec.band(r.score) }, referralId: r.referralId, definitionVersion: versionOf(r) }];
    });
    if (placed.length === 0) continue;
    const points = placed.map((p) => p.point);
    lines.push({ key: spec.key, label: spec.label, direction: spec.direction, bands: spec.bands, points, change: changeOf(placed, spec, threshold) });
  }
  if (lines.length === 0) return null;
  return { measureKey: definition.key, measureName: definition.name, direction: definition.direction, bands: definition.bands, lines };
}

/**
 * A series for each measure the person has a charted score on, in the order the scheme lists its
 * measures. `thresholds` are the scheme's own meaningful-change thresholds (its settings), by measure.
 */
export function buildSeries(measures: readonly SchemeMeasure[], responses: readonly CompletedResponse[], thresholds: Readonly<Record<string, number>> = {}): MeasureSeries[] {
  const byMeasure = new Map<string, CompletedResponse[]>();
  const inOrder = [...responses].sort((a, b) => a.completedAt.getTime() - b.completedAt.getTime());
  for (const response of inOrder) {
    const list = byMeasure.get(response.measureKey) ?? [];
    list.push(response);
    byMeasure.set(response.measureKey, list);
  }
  const offered = measures.map((m) => m.definition.key);
  const keys = [...offered.filter((k) => byMeasure.has(k)), ...[...byMeasure.keys()].filter((k) => !offered.includes(k))];
  return keys.flatMap((key) => {
    const series = seriesFor(
      measures.find((m) => m.definition.key === key),
      byMeasure.get(key) ?? [],
      thresholds,
    );
    return series ? [series] : [];
  });
}
