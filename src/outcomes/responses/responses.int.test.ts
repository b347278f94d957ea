import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasureResponseDto, OutcomeSettings, PersonOutcomes, SchemeMeasure } from '../../contracts/outcomes.js';
import { openTestApp, type TestApp } from '../../testing/app.js';
import { testBackend } from '../../testing/database.js';
import { daysAgo, outcomesScheme, swemwbsAnswers, type OutcomesScheme } from '../staff-test-kit.js';

/** The edges of what is recorded: dates, timepoints, settings sizes and keys that are words JavaScript knows. */

let t: TestApp;
let s: OutcomesScheme;

beforeAll(async () => {
  t = await openTestApp();
  s = await outcomesScheme(t);
});
afterAll(async () => t.close());

const record = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/people/${s.personId}/measures`, headers: s.worker.headers, payload: body });
const fieldsOf = (response: { body: string }) => (JSON.parse(response.body) as { errors: { field: string }[] }).errors.map((e) => e.field);

describe(`recording at the edges (${testBackend()})`, () => {
  it('a completion date before 1 January 2000 is refused as a slip; that day itself is fine', async () => {
    const base = { measureKey: 'swemwbs', referralId: s.referralId, timepoint: 'other', mode: 'paper', answers: swemwbsAnswers(20) };
    const early = await record({ ...base, completedAt: '1999-12-31T23:59:59Z' });
    expect(early.statusCode).toBe(400);
    expect(fieldsOf(early)).toEqual(['body.completedAt']);
    expect(early.json<{ errors: { message: string }[] }>().errors[0]?.message).toBe('Enter a date from 1 January 2000 onwards');
    const first = await record({ ...base, completedAt: '2000-01-01T00:00:00Z' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json<MeasureResponseDto>().completedAt).toBe('2000-01-01T00:00:00.000Z');
  });

  it('a follow-up is 1 to 156 weeks: follow-up-0 and follow-up-157 are refused', async () => {
    const base = { measureKey: 'swemwbs', referralId: s.referralId, mode: 'with-worker', answers: swemwbsAnswers(20) };
    for (const timepoint of ['follow-up-0', 'follow-up-157']) {
      const refused = await record({ ...base, timepoint });
      expect(refused.statusCode, timepoint).toBe(400);
      expect(fieldsOf(refused), timepoint).toEqual(['body.timepoint']);
    }
    expect((await record({ ...base, timepoint: 'follow-up-156' })).statusCode).toBe(201);
  });

  it('settings switching off more than 100 measures are refused', async () => {
    const current = (await t.app.inject({ method: 'GET', url: '/api/outcomes/settings', headers: s.manager.headers })).json<OutcomeSettings>();
    const { version, ...settings } = current;
    const refused = await t.app.inject({
      method: 'PUT',
      url: '/api/outcomes/settings',
      headers: { ...s.manager.headers, 'if-match': `"${version}"` },
      payload: { ...settings, disabledMeasures: Array.from({ length: 101 }, (_, i) => `scale-${i}`) },
    });
    expect(refused.statusCode).toBe(400);
    expect(fieldsOf(refused)).toEqual(['body.disabledMeasures']);
  });

  it('a scale of the scheme’s own keyed "constructor", with an item keyed "constructor", is listed, recorded and charted', async () => {
    const scale = {
      key: 'constructor',
      name: 'Building blocks',
      shortName: 'Blocks',
      description: 'A scale whose keys are a word JavaScript objects inherit.',
      intro: null,
      responses: [
        { value: 0, label: 'No' },
        { value: 1, label: 'Yes' },
      ],
      items: [
        { key: 'constructor', text: 'Did you go out this week?', type: 'choice' },
        { key: 'friend', text: 'Did you see a friend?', type: 'choice' },
      ],
      scoring: { rule: 'sum' },
      direction: 'higher-better',
      bands: [],
      meaningfulChange: null,
      selfCompletion: true,
    };
    const made = await t.app.inject({ method: 'POST', url: '/api/outcomes/measures', headers: s.manager.headers, payload: scale });
    expect(made.statusCode, made.body).toBe(201);
    const listed = await t.app.inject({ method: 'GET', url: '/api/outcomes/measures', headers: s.worker.headers });
    expect(listed.statusCode, listed.body).toBe(200);
    // No threshold was set for it: none, rather than whatever Object has under that name.
    expect(listed.json<{ measures: SchemeMeasure[] }>().measures.find((m) => m.definition.key === 'constructor')).toMatchObject({ enabled: true, meaningfulChange: null });

    const missing = await record({ measureKey: 'constructor', referralId: s.referralId, timepoint: 'baseline', mode: 'with-worker', answers: { values: { friend: 1 } } });
    expect(missing.statusCode).toBe(400);
    expect(fieldsOf(missing)).toEqual(['body.answers.constructor']);
    for (const [timepoint, went, days] of [['baseline', 0, 90], ['follow-up-12', 1, 6]] as const) {
      const recorded = await record({ measureKey: 'constructor', referralId: s.referralId, timepoint, mode: 'paper', completedAt: daysAgo(days), answers: { values: { constructor: went, friend: 1 } } });
      expect(recorded.statusCode, recorded.body).toBe(201);
    }
    const page = await t.app.inject({ method: 'GET', url: `/api/people/${s.personId}/outcomes`, headers: s.worker.headers });
    expect(page.statusCode, page.body).toBe(200);
    // 0 + 1 = 1 at baseline, 1 + 1 = 2 at 12 weeks: a change of 1, not judged (no threshold).
    const line = page.json<PersonOutcomes>().series.find((x) => x.measureKey === 'constructor')?.lines[0];
    expect(line?.points.map((p) => p.value)).toEqual([1, 2]);
    expect(line?.change).toEqual({ fromBaseline: 1, improved: true, meaningful: null, threshold: null, bandMovement: null, baseline: 1, baselineResponseId: line?.points[0]?.responseId });
  });
});
