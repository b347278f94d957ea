import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasureResponseDto, OutcomeSettings, OutcomeStoryDto, PersonOutcomes } from '../contracts/outcomes.js';
import type { SchemeScope } from '../data/access.js';
import { openTestApp, type SignedIn, type TestApp } from '../testing/app.js';
import { testBackend } from '../testing/database.js';
import { daysAgo, outcomesScheme, swemwbsAnswers, type OutcomesScheme } from './staff-test-kit.js';

let t: TestApp;
let s: OutcomesScheme;

beforeAll(async () => {
  t = await openTestApp();
  s = await outcomesScheme(t);
});
afterAll(async () => t.close());

const record = (as: SignedIn, personId: string, body: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/people/${personId}/measures`, headers: as.headers, payload: body });

const outcomesOf = async (as: SignedIn, personId: string): Promise<PersonOutcomes> => {
  const response = await t.app.inject({ method: 'GET', url: `/api/people/${personId}/outcomes`, headers: as.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<PersonOutcomes>();
};

const asSystem = <T>(schemeId: string, work: (scope: SchemeScope) => Promise<T>): Promise<T> =>
  t.ctx.data.inScheme({ type: 'system', schemeId, label: 'test' }, {}, work);

const responseCount = (schemeId: string) =>
  asSystem<number>(schemeId, async (scope) => (await scope.db.selectFrom('measure_responses').select('id').execute()).length);

const auditCount = (schemeId: string, entityType: string, action: string, entityId?: string) =>
  asSystem<number>(schemeId, async (scope) => {
    let query = scope.db.selectFrom('audit_events').select('id').where('entity_type', '=', entityType).where('action', '=', action);
    if (entityId) query = query.where('entity_id', '=', entityId);
    return (await query.execute()).length;
  });

async function putSettings(as: SignedIn, changes: Partial<OutcomeSettings>) {
  const current = await t.app.inject({ method: 'GET', url: '/api/outcomes/settings', headers: as.headers });
  const { version, ...settings } = current.json<OutcomeSettings>();
  expect(current.headers.etag).toBe(`W/"${version}"`);
  return t.app.inject({ method: 'PUT', url: '/api/outcomes/settings', headers: { ...as.headers, 'if-match': `"${version}"` }, payload: { ...settings, ...changes } });
}

describe(`recording a measure (${testBackend()})`, () => {
  it('SWEMWBS with the link worker: raw 17 is scored as metric 16.88, and who entered it is shown', async () => {
    const response = await record(s.worker, s.personId, { measureKey: 'swemwbs', referralId: s.referralId, timepoint: 'baseline', mode: 'with-worker', answers: swemwbsAnswers(17) });
    expect(response.statusCode, response.body).toBe(201);
    const dto = response.json<MeasureResponseDto>();
    expect(dto).toMatchObject({
      personId: s.personId,
      referralId: s.referralId,
      measureKey: 'swemwbs',
      measureName: 'Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)',
      definitionVersion: 1,
      status: 'completed',
      mode: 'with-worker',
      enteredBy: 'Test link_worker',
      score: { headline: 16.88, raw: 17 },
    });
    const read = await t.app.inject({ method: 'GET', url: `/api/measure-responses/${dto.id}`, headers: s.manager.headers });
    expect(read.statusCode).toBe(200);
    expect(read.json<MeasureResponseDto>().score?.headline).toBe(16.88);
    expect(await auditCount(s.scheme.schemeId, 'measure_response', 'create', dto.id)).toBe(1);
    expect(await auditCount(s.scheme.schemeId, 'measure_response', 'read', dto.id)).toBe(1);
  });

  it('from a paper form filled in earlier: the date it was completed is kept; a date to come is refused', async () => {
    const completedAt = daysAgo(10);
    const response = await record(s.worker, s.personId, { measureKey: 'ons4', timepoint: 'other', mode: 'paper', completedAt, answers: { values: { life_satisfaction: 5, worthwhile: 6, happiness: 7, anxiety: 2 } } });
    expect(response.statusCode, response.body).toBe(201);
    const dto = response.json<MeasureResponseDto>();
    expect(dto.completedAt).toBe(completedAt);
    expect(dto.mode).toBe('paper');
    expect(dto.score).toMatchObject({ headline: null, items: { life_satisfaction: 5, anxiety: 2 }, itemBands: { life_satisfaction: 'Medium', happiness: 'High', anxiety: 'Low' } });
    const future = await record(s.worker, s.personId, { measureKey: 'ons4', timepoint: 'other', mode: 'paper', completedAt: new Date(Date.now() + 86_400_000).toISOString(), answers: { values: { life_satisfaction: 5, worthwhile: 6, happiness: 7, anxiety: 2 } } });
    expect(future.statusCode).toBe(400);
    expect(future.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['body.completedAt']);
  });

  it('a licensed tool is entered as obtained (mode external) and only so', async () => {
    const pam = await record(s.worker, s.personId, { measureKey: 'pam', timepoint: 'baseline', mode: 'external', answers: { values: { pam_score: 62.5, pam_level: 3 } } });
    expect(pam.statusCode, pam.body).toBe(201);
    expect(pam.json<MeasureResponseDto>().score).toMatchObject({ headline: 62.5, items: { pam_score: 62.5, pam_level: 3 } });
    const withWorker = await record(s.worker, s.personId, { measureKey: 'pam', timepoint: 'baseline', mode: 'with-worker', answers: { values: { pam_score: 62.5, pam_level: 3 } } });
    expect(withWorker.statusCode).toBe(400);
    const external = await record(s.worker, s.personId, { measureKey: 'swemwbs', timepoint: 'other', mode: 'external', answers: swemwbsAnswers(20) });
    expect(external.statusCode).toBe(400);
    expect(external.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['body.mode']);
  });

  it('incomplete answers are refused item by item and nothing is stored', async () => {
    const before = await responseCount(s.scheme.schemeId);
    const answers = swemwbsAnswers(20);
    delete answers.values.wemwbs_11;
    const response = await record(s.worker, s.personId, { measureKey: 'swemwbs', timepoint: 'follow-up-12', mode: 'with-worker', answers: { values: { ...answers.values, wemwbs_3: 9 } } });
    expect(response.statusCode).toBe(400);
    const problem = response.json<{ type: string; errors: { field: string; message: string }[] }>();
    expect(problem.type).toMatch(/\/incomplete-response$/);
    expect(problem.errors).toEqual([
      { field: 'body.answers.wemwbs_3', message: 'Choose one of the answers given' },
      { field: 'body.answers.wemwbs_11', message: 'Answer this question' },
    ]);
    expect(await responseCount(s.scheme.schemeId)).toBe(before);
  });

  it('a measure the scheme switched off is refused', async () => {
    const own = await outcomesScheme(t);
    expect((await putSettings(own.manager, { disabledMeasures: ['wemwbs'] })).statusCode).toBe(200);
    const values = Object.fromEntries(Array.from({ length: 14 }, (_, i) => [`wemwbs_${i + 1}`, 3]));
    const response = await record(own.worker, own.personId, { measureKey: 'wemwbs', timepoint: 'baseline', mode: 'with-worker', answers: { values } });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ type: string }>().type).toMatch(/\/measure-switched-off$/);
    expect(await responseCount(own.scheme.schemeId)).toBe(0);
  });

  it('an unknown person, or another scheme’s, is not found; so is a referral that is not theirs', async () => {
    const other = await outcomesScheme(t);
    const body = { measureKey: 'swemwbs', timepoint: 'baseline', mode: 'with-worker', answers: swemwbsAnswers(20) };
    expect((await record(s.worker, randomUUID(), body)).statusCode).toBe(404);
    expect((await record(s.worker, other.personId, body)).statusCode).toBe(404);
    const wrongReferral = await record(s.worker, s.personId, { ...body, referralId: other.referralId });
    expect(wrongReferral.statusCode).toBe(400);
    expect(await responseCount(other.scheme.schemeId)).toBe(0);
  });
});

describe(`a person's outcomes over time (${testBackend()})`, () => {
  it('SWEMWBS change since baseline is judged against 2.87, then against the scheme’s own threshold', async () => {
    const p = await outcomesScheme(t, { email: 'maya@example.org' });
    const swemwbs = (raw: number, timepoint: string, days: number) =>
      record(p.worker, p.personId, { measureKey: 'swemwbs', referralId: p.referralId, timepoint, mode: 'with-worker', completedAt: daysAgo(days), answers: swemwbsAnswers(raw) });
    // Recorded out of order: the baseline is the baseline by its timepoint, not by when it was typed in.
    expect((await swemwbs(21, 'follow-up-12', 30)).statusCode).toBe(201);
    expect((await swemwbs(17, 'baseline', 60)).statusCode).toBe(201);

    let outcomes = await outcomesOf(p.worker, p.personId);
    let line = outcomes.series.find((x) => x.measureKey === 'swemwbs')?.lines[0];
    expect(line?.label).toBe('Metric score');
    expect(line?.points.map((x) => [x.timepoint, x.value])).toEqual([['baseline', 16.88], ['follow-up-12', 19.25]]);
    // 19.25 − 16.88 = 2.37, short of 2.87 (Shah et al. 2018).
    const baselineId = line?.points[0]?.responseId;
    expect(line?.change).toEqual({ fromBaseline: 2.37, improved: true, meaningful: false, threshold: 2.87, bandMovement: null, baseline: 16.88, baselineResponseId: baselineId });

    expect((await swemwbs(22, 'follow-up-24', 1)).statusCode).toBe(201);
    outcomes = await outcomesOf(p.worker, p.personId);
    line = outcomes.series.find((x) => x.measureKey === 'swemwbs')?.lines[0];
    // 19.98 − 16.88 = 3.10: at least 2.87.
    expect(line?.change).toEqual({ fromBaseline: 3.1, improved: true, meaningful: true, threshold: 2.87, bandMovement: null, baseline: 16.88, baselineResponseId: baselineId });
    expect(outcomes.responses.map((r) => r.timepoint)).toEqual(['follow-up-24', 'follow-up-12', 'baseline']);
    expect(outcomes.canSendBy).toEqual({ email: true, sms: true });
    expect(outcomes.measures.map((m) => m.definition.key)).toContain('swemwbs');

    expect((await putSettings(p.manager, { meaningfulChange: { swemwbs: 3.5 } })).statusCode).toBe(200);
    outcomes = await outcomesOf(p.manager, p.personId);
    line = outcomes.series.find((x) => x.measureKey === 'swemwbs')?.lines[0];
    expect(line?.change).toEqual({ fromBaseline: 3.1, improved: true, meaningful: false, threshold: 3.5, bandMovement: null, baseline: 16.88, baselineResponseId: baselineId });
    expect(await auditCount(p.scheme.schemeId, 'person_outcomes', 'read', p.personId)).toBe(3);
  });

  it('ONS4 is charted item by item, anxiety the other way up, with movement between bands', async () => {
    const p = await outcomesScheme(t, { phone: '0113 496 0000' });
    const ons = (values: Record<string, number>, timepoint: string, days: number) =>
      record(p.worker, p.personId, { measureKey: 'ons4', timepoint, mode: 'with-worker', completedAt: daysAgo(days), answers: { values } });
    expect((await ons({ life_satisfaction: 4, worthwhile: 5, happiness: 6, anxiety: 6 }, 'baseline', 40)).statusCode).toBe(201);
    expect((await ons({ life_satisfaction: 7, worthwhile: 5, happiness: 4, anxiety: 3 }, 'follow-up-12', 2)).statusCode).toBe(201);
    const outcomes = await outcomesOf(p.worker, p.personId);
    const series = outcomes.series.find((x) => x.measureKey === 'ons4');
    // The baseline each change is measured from is the first point of its line; checked once here, then left out.
    for (const l of series?.lines ?? []) expect(l.change?.baselineResponseId).toBe(l.points[0]?.responseId);
    const change = Object.fromEntries(
      (series?.lines ?? []).map((l) => {
        const { baselineResponseId: _id, ...rest } = l.change ?? { baselineResponseId: '' };
        return [l.key, [l.label, l.direction, rest]];
      }),
    );
    expect(change).toEqual({
      // Low (0–4) → High (7–8): two bands up.
      life_satisfaction: ['Life satisfaction', 'higher-better', { baseline: 4, fromBaseline: 3, improved: true, meaningful: null, threshold: null, bandMovement: 2 }],
      worthwhile: ['Worthwhile', 'higher-better', { baseline: 5, fromBaseline: 0, improved: false, meaningful: null, threshold: null, bandMovement: 0 }],
      // Medium (5–6) → Low (0–4): one band down.
      happiness: ['Happiness', 'higher-better', { baseline: 6, fromBaseline: -2, improved: false, meaningful: null, threshold: null, bandMovement: -1 }],
      // High (6–10) → Low (2–3): a fall in anxiety is two bands better.
      anxiety: ['Anxiety', 'lower-better', { baseline: 6, fromBaseline: -3, improved: true, meaningful: null, threshold: null, bandMovement: 2 }],
    });
    expect(series?.lines[3]?.points.map((x) => x.band)).toEqual(['High', 'Low']);
    // A landline takes no texts, and there is no email address.
    expect(outcomes.canSendBy).toEqual({ email: false, sms: false });
  });

  it('a person with nothing recorded has empty lists and the default preference', async () => {
    const p = await outcomesScheme(t);
    const outcomes = await outcomesOf(p.worker, p.personId);
    expect(outcomes).toMatchObject({ personId: p.personId, responses: [], series: [], links: [], stories: [], preferences: { reminders: 'none', agreedAt: null } });
    expect(outcomes.measures).toHaveLength(6);
    expect((await t.app.inject({ method: 'GET', url: `/api/people/${randomUUID()}/outcomes`, headers: p.worker.headers })).statusCode).toBe(404);
  });
});

describe(`reminder preferences (${testBackend()})`, () => {
  it('a channel needs the means to reach the person; agreeing is dated, saying no clears it', async () => {
    const p = await outcomesScheme(t);
    const put = (reminders: string) => t.app.inject({ method: 'PUT', url: `/api/people/${p.personId}/outcome-preferences`, headers: p.worker.headers, payload: { reminders } });
    const email = await put('email');
    expect(email.statusCode).toBe(400);
    expect(email.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['body.reminders']);
    const sms = await put('sms');
    expect(sms.statusCode).toBe(200);
    const agreedAt = sms.json<{ agreedAt: string | null }>().agreedAt;
    expect(agreedAt).not.toBeNull();
    expect(Math.abs(Date.parse(agreedAt ?? '') - Date.now())).toBeLessThan(60_000);
    expect((await put('none')).json()).toEqual({ reminders: 'none', agreedAt: null });
    expect(await auditCount(p.scheme.schemeId, 'outcome_preferences', 'update', p.personId)).toBe(2);
  });
});

describe(`stories with consent to share (${testBackend()})`, () => {
  const story = 'I go to the walking group every week now and have made two friends.';

  it('a de-identified version needs consent; consent is dated and recorded with who recorded it', async () => {
    const p = await outcomesScheme(t);
    const post = (body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: `/api/people/${p.personId}/stories`, headers: p.worker.headers, payload: body });
    const refused = await post({ story, consentToShare: false, deidentified: 'A woman in her sixties joined a walking group.' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json<{ type: string }>().type).toMatch(/\/consent-required$/);

    const created = await post({ story, consentToShare: false, referralId: p.referralId });
    expect(created.statusCode, created.body).toBe(201);
    const first = created.json<OutcomeStoryDto>();
    expect(first).toMatchObject({ story, consentToShare: false, consentRecordedAt: null, deidentified: null, createdBy: 'Test link_worker', version: 1, referralId: p.referralId });
    expect(created.headers.etag).toBe('W/"1"');

    const put = (version: number | null, body: Record<string, unknown>) =>
      t.app.inject({ method: 'PUT', url: `/api/outcome-stories/${first.id}`, headers: { ...p.worker.headers, ...(version === null ? {} : { 'if-match': `"${version}"` }) }, payload: body });
    const noIfMatch = await put(null, { story, consentToShare: true });
    expect(noIfMatch.statusCode).toBe(400);
    expect(noIfMatch.json<{ type: string }>().type).toMatch(/\/if-match-required$/);

    const consented = await put(1, { story, consentToShare: true, deidentified: 'A woman in her sixties joined a walking group.' });
    expect(consented.statusCode, consented.body).toBe(200);
    const second = consented.json<OutcomeStoryDto>();
    expect(second).toMatchObject({ consentToShare: true, deidentified: 'A woman in her sixties joined a walking group.', version: 2, referralId: p.referralId });
    expect(Math.abs(Date.parse(second.consentRecordedAt ?? '') - Date.now())).toBeLessThan(60_000);
    const recordedBy = await asSystem<string | null>(p.scheme.schemeId, async (scope) =>
      (await scope.db.selectFrom('outcome_stories').select('consent_recorded_by').where('id', '=', first.id).executeTakeFirstOrThrow()).consent_recorded_by,
    );
    expect(recordedBy).toBe(p.workerId);

    expect((await put(1, { story: 'Stale', consentToShare: true })).statusCode).toBe(412);

    const withdrawn = await put(2, { story, consentToShare: false });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json<OutcomeStoryDto>()).toMatchObject({ consentToShare: false, consentRecordedAt: null, deidentified: null, version: 3 });
    expect((await put(3, { story, consentToShare: false, deidentified: 'Kept anyway' })).statusCode).toBe(400);

    const outcomes = await outcomesOf(p.worker, p.personId);
    expect(outcomes.stories.map((x) => [x.id, x.version])).toEqual([[first.id, 3]]);
    expect(await auditCount(p.scheme.schemeId, 'outcome_story', 'create', first.id)).toBe(1);
    expect(await auditCount(p.scheme.schemeId, 'outcome_story', 'update', first.id)).toBe(2);
  });
});

describe('the API description', () => {
  it('lists every outcomes route under its tag, each with a summary', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const paths = response.json<{ paths: Record<string, Record<string, { tags?: string[]; summary?: string }>> }>().paths;
    const routes: [string, string][] = [
      ['/api/outcomes/measures', 'get'],
      ['/api/outcomes/measures', 'post'],
      ['/api/outcomes/measures/{key}', 'put'],
      ['/api/outcomes/settings', 'get'],
      ['/api/outcomes/settings', 'put'],
      ['/api/people/{personId}/outcomes', 'get'],
      ['/api/people/{personId}/measures', 'post'],
      ['/api/measure-responses/{id}', 'get'],
      ['/api/people/{personId}/outcome-preferences', 'put'],
      ['/api/people/{personId}/stories', 'post'],
      ['/api/outcome-stories/{id}', 'put'],
    ];
    for (const [path, method] of routes) {
      const operation = paths[path]?.[method];
      expect(operation?.tags, `${method} ${path}`).toEqual(['outcomes']);
      expect(operation?.summary?.length, `${method} ${path}`).toBeGreaterThan(10);
    }
  });
});
