import type { Band, Direction, MeasureDefinition, MeasureScore, MeasureSeries, SchemeMeasure } from '../contracts/outcomes.js';
import { individualChange } from './analysis.js';

/**
 * One person's scores over time, measure by measure, with the change since the baseline judged
 * by the scheme's threshold. A pure function of the completed responses: the person's outcomes
 * page charts it, and the same numbers could be checked by hand.
 */

export interface CompletedResponse {
  id: string;
  measureKey: string;
  timepoint: string;
  completedAt: Date;
  score: MeasureScore;
  /** The definition it was answered on, when it still reads. */
  definition: MeasureDefinition | null;
}

type Line = MeasureSeries['lines'][number];

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
      value: (score) => score.items[item.key] ?? null,
      band: (score) => score.itemBands[item.key] ?? null,
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

/** The baseline is the response at the 'baseline' timepoint; without one, the earliest. */
function changeOf(points: Line['points'], spec: LineSpec, threshold: number | null): Line['change'] {
  const baseline = points.find((p) => p.timepoint === 'baseline') ?? points[0];
  const latest = points[points.length - 1];
  if (!baseline || !latest || latest === baseline) return null;
  const change = individualChange({ baseline: baseline.value, latest: latest.value, direction: spec.direction, threshold, bands: spec.bands });
  return { ...change, threshold };
}

function seriesFor(measure: SchemeMeasure | undefined, responses: CompletedResponse[]): MeasureSeries | null {
  const newest = responses[responses.length - 1];
  const definition = measure?.definition ?? newest?.definition;
  if (!definition) return null;
  const threshold = measure?.meaningfulChange ?? definition.meaningfulChange;
  const lines: Line[] = [];
  for (const spec of lineSpecs(definition)) {
    const points = responses.flatMap((r) => {
      const value = spec.value(r.score);
      return value === null ? [] : [{ responseId: r.id, at: r.completedAt.toISOString(), timepoint: r.timepoint, value, band: spec.band(r.score) }];
    });
    if (points.length === 0) continue;
    lines.push({ key: spec.key, label: spec.label, direction: spec.direction, bands: spec.bands, points, change: changeOf(points, spec, threshold) });
  }
  if (lines.length === 0) return null;
  return { measureKey: definition.key, measureName: definition.name, direction: definition.direction, bands: definition.bands, lines };
}

/** A series for each measure the person has a charted score on, in the order the scheme lists its measures. */
export function buildSeries(measures: readonly SchemeMeasure[], responses: readonly CompletedResponse[]): MeasureSeries[] {
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
    );
    return series ? [series] : [];
  });
}
