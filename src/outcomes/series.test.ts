import { describe, expect, it } from 'vitest';
import type { MeasureScore, SchemeMeasure } from '../contracts/outcomes.js';
import { OUTCOMES_STAR, PAM, SWEMWBS } from './measures/builtin.js';
import { buildSeries, type CompletedResponse } from './series.js';

const offered = (definition: SchemeMeasure['definition'], meaningfulChange = definition.meaningfulChange): SchemeMeasure => ({ definition, enabled: true, meaningfulChange });
const score = (headline: number | null, items: Record<string, number> = {}): MeasureScore => ({ headline, raw: null, items, band: null, itemBands: {} });
const at = (day: number) => new Date(Date.UTC(2026, 0, day));

function response(id: string, measureKey: string, timepoint: string, day: number, s: MeasureScore): CompletedResponse {
  return { id, measureKey, timepoint, completedAt: at(day), score: s, definition: null };
}

describe('a person’s series', () => {
  it('without a baseline response, the earliest one is the baseline', () => {
    const [series] = buildSeries([offered(SWEMWBS)], [response('b', 'swemwbs', 'follow-up-12', 20, score(19.98)), response('a', 'swemwbs', 'other', 5, score(16.88))]);
    expect(series?.lines[0]?.points.map((p) => p.responseId)).toEqual(['a', 'b']);
    // 19.98 − 16.88 = 3.10 ≥ 2.87.
    expect(series?.lines[0]?.change).toEqual({ fromBaseline: 3.1, improved: true, meaningful: true, threshold: 2.87, bandMovement: null });
  });

  it('one response is a point without a change', () => {
    const [series] = buildSeries([offered(SWEMWBS)], [response('a', 'swemwbs', 'baseline', 1, score(16.88))]);
    expect(series?.lines[0]?.change).toBeNull();
  });

  it('an entered tool charts its headline item; one without a headline is not charted', () => {
    const series = buildSeries(
      [offered(PAM), offered(OUTCOMES_STAR)],
      [response('p1', 'pam', 'baseline', 1, score(47.5)), response('p2', 'pam', 'closure', 9, score(55)), response('s1', 'outcomes-star', 'baseline', 1, score(null, { area_1: 4 }))],
    );
    expect(series.map((x) => x.measureKey)).toEqual(['pam']);
    // PAM has no threshold: the change is shown, not judged.
    expect(series[0]?.lines[0]).toMatchObject({ label: 'PAM score (0–100)', change: { fromBaseline: 7.5, improved: true, meaningful: null, threshold: null } });
  });
});
