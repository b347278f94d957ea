import { describe, expect, it } from 'vitest';
import type { MeasureDefinition, MeasureScore, SchemeMeasure } from '../contracts/outcomes.js';
import { OUTCOMES_STAR, PAM, SWEMWBS } from './measures/builtin.js';
import { buildSeries, type CompletedResponse } from './series.js';

const offered = (definition: SchemeMeasure['definition'], meaningfulChange = definition.meaningfulChange): SchemeMeasure => ({ definition, enabled: true, meaningfulChange });
const score = (headline: number | null, items: Record<string, number> = {}): MeasureScore => ({ headline, raw: null, items, band: null, itemBands: {} });
const at = (day: number) => new Date(Date.UTC(2026, 0, day));

function response(id: string, measureKey: string, timepoint: string, day: number, s: MeasureScore, more: Partial<CompletedResponse> = {}): CompletedResponse {
  return { id, measureKey, referralId: null, timepoint, completedAt: at(day), score: s, definition: null, ...more };
}

/** A scheme's own summed scale; version 2 moved its bands and its threshold. */
const scale = (version: number, bands: MeasureDefinition['bands'], meaningfulChange: number | null): MeasureDefinition => ({
  key: 'connected',
  name: 'Feeling connected',
  shortName: 'Connected',
  origin: 'scheme',
  version,
  description: 'How connected the person feels.',
  intro: null,
  responses: [
    { value: 0, label: 'Never' },
    { value: 5, label: 'Always' },
  ],
  items: [{ key: 'q1', text: 'I have someone to talk to', type: 'choice', required: true }],
  scoring: { rule: 'sum' },
  direction: 'higher-better',
  bands,
  meaningfulChange,
  licence: null,
  selfCompletion: true,
});

describe('a person’s series', () => {
  it('without a baseline response, the earliest one is the baseline', () => {
    const [series] = buildSeries([offered(SWEMWBS)], [response('b', 'swemwbs', 'follow-up-12', 20, score(19.98)), response('a', 'swemwbs', 'other', 5, score(16.88))]);
    expect(series?.lines[0]?.points.map((p) => p.responseId)).toEqual(['a', 'b']);
    // 19.98 − 16.88 = 3.10 ≥ 2.87.
    expect(series?.lines[0]?.change).toEqual({ baselineResponseId: 'a', baseline: 16.88, fromBaseline: 3.1, improved: true, meaningful: true, threshold: 2.87, bandMovement: null });
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
    expect(series[0]?.lines[0]).toMatchObject({ label: 'PAM score (0–100)', change: { baselineResponseId: 'p1', baseline: 47.5, fromBaseline: 7.5, improved: true, meaningful: null, threshold: null } });
  });

  it('the change runs from the baseline of the latest score’s own referral, never another referral’s', () => {
    const first = { referralId: 'ref-1' };
    const second = { referralId: 'ref-2' };
    const earlier = [response('a1', 'swemwbs', 'baseline', 1, score(14.75), first), response('a2', 'swemwbs', 'closure', 60, score(19.98), first)];
    // A second referral's baseline alone: nothing to compare it with in its own referral.
    let [series] = buildSeries([offered(SWEMWBS)], [...earlier, response('b1', 'swemwbs', 'baseline', 200, score(16.36), second)]);
    expect(series?.lines[0]?.points.map((p) => p.responseId)).toEqual(['a1', 'a2', 'b1']);
    expect(series?.lines[0]?.change).toBeNull();
    // Its follow-up is compared with its own baseline: 19.25 − 16.36 = 2.89 ≥ 2.87 (not 19.25 − 14.75 = 4.50).
    [series] = buildSeries([offered(SWEMWBS)], [...earlier, response('b1', 'swemwbs', 'baseline', 200, score(16.36), second), response('b2', 'swemwbs', 'follow-up-12', 284, score(19.25), second)]);
    expect(series?.lines[0]?.change).toEqual({ baselineResponseId: 'b1', baseline: 16.36, fromBaseline: 2.89, improved: true, meaningful: true, threshold: 2.87, bandMovement: null });
  });

  it('names the baseline it measured from: the referral’s baseline response, not an earlier score of that referral', () => {
    const ref = { referralId: 'ref-1' };
    // An "other" score comes first, then the baseline: the change runs from the baseline, 19.98 − 16.36 = 3.62.
    const [series] = buildSeries(
      [offered(SWEMWBS)],
      [response('o1', 'swemwbs', 'other', 1, score(14.75), ref), response('b1', 'swemwbs', 'baseline', 5, score(16.36), ref), response('f1', 'swemwbs', 'follow-up-12', 89, score(19.98), ref)],
    );
    expect(series?.lines[0]?.change).toEqual({ baselineResponseId: 'b1', baseline: 16.36, fromBaseline: 3.62, improved: true, meaningful: true, threshold: 2.87, bandMovement: null });
  });

  it('scores answered on different versions of a scale are charted but not compared', () => {
    const v1 = scale(1, [{ label: 'Low', min: 0, max: 2 }, { label: 'High', min: 3, max: 5 }], 1);
    const v2 = scale(2, [{ label: 'Low', min: 0, max: 3 }, { label: 'High', min: 4, max: 5 }], 2);
    const current: SchemeMeasure = { definition: scale(3, [], 4), enabled: true, meaningfulChange: 4 };
    const [mixed] = buildSeries([current], [response('x1', 'connected', 'baseline', 1, score(1), { definition: v1 }), response('x2', 'connected', 'follow-up-12', 84, score(4), { definition: v2 })]);
    expect(mixed?.lines[0]?.points.map((p) => p.value)).toEqual([1, 4]);
    expect(mixed?.lines[0]?.change).toBeNull();
    // Bands come from the definition the latest score was answered on (version 2), not today's (version 3).
    expect(mixed?.bands).toEqual(v2.bands);
    expect(mixed?.lines[0]?.bands).toEqual(v2.bands);

    // Both on version 2: 4 − 1 = 3 ≥ version 2's threshold of 2; from Low (0–3) to High (4–5) is one band up.
    const [same] = buildSeries([current], [response('y1', 'connected', 'baseline', 1, score(1), { definition: v2 }), response('y2', 'connected', 'follow-up-12', 84, score(4), { definition: v2 })]);
    expect(same?.lines[0]?.change).toEqual({ baselineResponseId: 'y1', baseline: 1, fromBaseline: 3, improved: true, meaningful: true, threshold: 2, bandMovement: 1 });
    // A threshold the scheme set for the measure overrides the definition's: 3 is short of 3.5.
    const [judged] = buildSeries([current], [response('y1', 'connected', 'baseline', 1, score(1), { definition: v2 }), response('y2', 'connected', 'follow-up-12', 84, score(4), { definition: v2 })], { connected: 3.5 });
    expect(judged?.lines[0]?.change).toMatchObject({ fromBaseline: 3, meaningful: false, threshold: 3.5 });
  });

  it('an item keyed "constructor" that a score lacks is no point, not Object’s constructor', () => {
    const each: MeasureDefinition = {
      ...scale(1, [], null),
      key: 'each-scale',
      scoring: { rule: 'each' },
      items: [
        { key: 'constructor', text: 'How settled do you feel?', type: 'choice', required: false },
        { key: 'q2', text: 'How rested do you feel?', type: 'choice', required: true },
      ],
    };
    const series = buildSeries([offered(each)], [response('e1', 'each-scale', 'baseline', 1, score(null, { q2: 5 }), { definition: each })]);
    expect(series[0]?.lines.map((l) => [l.key, l.points.map((p) => p.value)])).toEqual([['q2', [5]]]);
    const answered = buildSeries([offered(each)], [response('e2', 'each-scale', 'baseline', 1, score(null, { constructor: 0, q2: 5 }), { definition: each })]);
    expect(answered[0]?.lines.map((l) => [l.key, l.points.map((p) => p.value)])).toEqual([
      ['constructor', [0]],
      ['q2', [5]],
    ]);
  });
});
