import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasureResponseDto, OutcomeSettings, SchemeMeasure } from '../contracts/outcomes.js';
import type { SchemeScope } from '../data/access.js';
import { openTestApp, type SignedIn, type TestApp } from '../testing/app.js';
import { testBackend } from '../testing/database.js';
import { outcomesScheme, type OutcomesScheme } from './staff-test-kit.js';

let t: TestApp;
let s: OutcomesScheme;

beforeAll(async () => {
  t = await openTestApp();
  s = await outcomesScheme(t);
});
afterAll(async () => t.close());

const NEVER_TO_OFTEN = [
  { value: 1, label: 'Never' },
  { value: 2, label: 'Sometimes' },
  { value: 3, label: 'Often' },
];

/** A scheme's own three-question scale: each answered 1–3, so a sum runs 3–9 and a mean 1–3. */
function scale(key: string, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    key,
    name: 'Feeling connected',
    shortName: 'Connected',
    description: 'Three questions about feeling connected to other people.',
    intro: 'Think about the last two weeks.',
    responses: NEVER_TO_OFTEN,
    items: [
      { key: 'company', text: 'How often have you had someone to talk to?', type: 'choice' },
      { key: 'included', text: 'How often have you felt included?', type: 'choice' },
      { key: 'outings', text: 'How often have you gone out to meet people?', type: 'choice' },
    ],
    scoring: { rule: 'sum' },
    direction: 'higher-better',
    bands: [
      { label: 'Low', min: 3, max: 5 },
      { label: 'Good', min: 6, max: 9 },
    ],
    meaningfulChange: 2,
    selfCompletion: true,
    ...overrides,
  };
}

const create = (as: SignedIn, body: Record<string, unknown>) => t.app.inject({ method: 'POST', url: '/api/outcomes/measures', headers: as.headers, payload: body });
const edit = (as: SignedIn, key: string, body: Record<string, unknown>, version: number | null) =>
  t.app.inject({ method: 'PUT', url: `/api/outcomes/measures/${key}`, headers: { ...as.headers, ...(version === null ? {} : { 'if-match': `W/"${version}"` }) }, payload: body });
const record = (as: SignedIn, measureKey: string, values: Record<string, number>) =>
  t.app.inject({ method: 'POST', url: `/api/people/${s.personId}/measures`, headers: as.headers, payload: { measureKey, timepoint: 'baseline', mode: 'with-worker', answers: { values } } });
const fields = (response: { json: () => unknown }) => (response.json() as { errors: { field: string }[] }).errors.map((e) => e.field);

async function putSettings(as: SignedIn, changes: Partial<OutcomeSettings>) {
  const { version, ...settings } = (await t.app.inject({ method: 'GET', url: '/api/outcomes/settings', headers: as.headers })).json<OutcomeSettings>();
  return t.app.inject({ method: 'PUT', url: '/api/outcomes/settings', headers: { ...as.headers, 'if-match': `"${version}"` }, payload: { ...settings, ...changes } });
}

const auditOf = (entityType: string, entityId: string) =>
  t.ctx.data.inScheme({ type: 'system', schemeId: s.scheme.schemeId, label: 'test' }, {}, async (scope: SchemeScope) =>
    (await scope.db.selectFrom('audit_events').select('action').where('entity_type', '=', entityType).where('entity_id', '=', entityId).orderBy('occurred_at').execute()).map((r) => r.action),
  );

describe(`a scheme's own scale (${testBackend()})`, () => {
  it('is added, offered, scheduled, recorded and scored as a sum; an edit is a new version and old answers keep theirs', async () => {
    const created = await create(s.manager, scale('connected'));
    expect(created.statusCode, created.body).toBe(201);
    expect(created.headers.etag).toBe('W/"1"');
    expect(created.json<SchemeMeasure>()).toMatchObject({ enabled: true, meaningfulChange: 2, definition: { key: 'connected', origin: 'scheme', version: 1, licence: null } });

    const list = (await t.app.inject({ method: 'GET', url: '/api/outcomes/measures', headers: s.worker.headers })).json<{ measures: SchemeMeasure[] }>();
    expect(list.measures.map((m) => m.definition.key)).toEqual(['ons4', 'wemwbs', 'swemwbs', 'concerns', 'pam', 'outcomes-star', 'connected']);

    // Acceptance 5 (API half): the new scale goes in the schedule next to the standard ones.
    const schedule = [
      { measureKey: 'swemwbs', points: [{ kind: 'baseline' }, { kind: 'follow-up', weeks: 12 }] },
      { measureKey: 'connected', points: [{ kind: 'baseline' }, { kind: 'follow-up', weeks: 8 }, { kind: 'closure' }] },
    ];
    const scheduled = await putSettings(s.manager, { schedule } as Partial<OutcomeSettings>);
    expect(scheduled.statusCode, scheduled.body).toBe(200);
    expect(scheduled.json<OutcomeSettings>().schedule).toEqual(schedule);

    // 1 + 2 + 3 = 6, in the "Good" band (6–9).
    const first = await record(s.worker, 'connected', { company: 1, included: 2, outings: 3 });
    expect(first.statusCode, first.body).toBe(201);
    const firstDto = first.json<MeasureResponseDto>();
    expect(firstDto).toMatchObject({ definitionVersion: 1, measureName: 'Feeling connected', score: { headline: 6, raw: null, band: 'Good' } });

    expect((await edit(s.manager, 'connected', scale('connected'), null)).json<{ type: string }>().type).toMatch(/\/if-match-required$/);
    const renamed = await edit(s.manager, 'connected', scale('connected', { name: 'Feeling connected to people', items: [...(scale('x').items as object[]), { key: 'clubs', text: 'How often have you gone to a group?', type: 'choice' }], bands: [{ label: 'Low', min: 4, max: 7 }, { label: 'Good', min: 8, max: 12 }] }), 1);
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(renamed.headers.etag).toBe('W/"2"');
    expect(renamed.json<SchemeMeasure>().definition).toMatchObject({ version: 2, name: 'Feeling connected to people' });
    expect((await edit(s.manager, 'connected', scale('connected'), 1)).statusCode).toBe(412);

    // The old response keeps the definition it was answered on.
    const old = (await t.app.inject({ method: 'GET', url: `/api/measure-responses/${firstDto.id}`, headers: s.worker.headers })).json<MeasureResponseDto>();
    expect(old).toMatchObject({ definitionVersion: 1, measureName: 'Feeling connected', score: { headline: 6, band: 'Good' } });
    const stored = await t.ctx.data.inScheme({ type: 'system', schemeId: s.scheme.schemeId, label: 'test' }, {}, async (scope) =>
      (await scope.db.selectFrom('measure_responses').select('definition').where('id', '=', firstDto.id).executeTakeFirstOrThrow()).definition,
    );
    expect((stored as { items: unknown[] }).items).toHaveLength(3);

    // The new version asks four questions: three answers are no longer enough. 1 + 1 + 2 + 3 = 7, "Low" (4–7).
    expect((await record(s.worker, 'connected', { company: 1, included: 2, outings: 3 })).statusCode).toBe(400);
    const second = await record(s.worker, 'connected', { company: 1, included: 1, outings: 2, clubs: 3 });
    expect(second.json<MeasureResponseDto>()).toMatchObject({ definitionVersion: 2, measureName: 'Feeling connected to people', score: { headline: 7, band: 'Low' } });

    expect(await auditOf('measure', 'connected')).toEqual(['create', 'update']);
  });

  it('scores a mean to the decimals asked for', async () => {
    const created = await create(s.manager, scale('connected-mean', { scoring: { rule: 'mean', decimals: 2 }, bands: [{ label: 'Low', min: 1, max: 1.99 }, { label: 'Good', min: 2, max: 3 }], meaningfulChange: 0.5 }));
    expect(created.statusCode, created.body).toBe(201);
    // (1 + 2 + 2) / 3 = 1.666… → 1.67, "Low".
    const response = await record(s.worker, 'connected-mean', { company: 1, included: 2, outings: 2 });
    expect(response.json<MeasureResponseDto>().score).toMatchObject({ headline: 1.67, band: 'Low' });
  });

  it('a key already in use, standard or the scheme’s own, is refused', async () => {
    for (const key of ['swemwbs', 'pam']) {
      const response = await create(s.manager, scale(key));
      expect(response.statusCode).toBe(409);
      expect(fields(response)).toEqual(['body.key']);
    }
    expect((await create(s.manager, scale('connected-twice'))).statusCode).toBe(201);
    expect((await create(s.manager, scale('connected-twice'))).json<{ type: string }>().type).toMatch(/\/measure-key-taken$/);
    // A standard measure is not edited through this door.
    expect((await edit(s.manager, 'swemwbs', scale('swemwbs'), 1)).statusCode).toBe(409);
    expect((await edit(s.manager, 'nothing-here', scale('nothing-here'), 1)).statusCode).toBe(404);
  });

  it('refuses a scale that could not be answered or whose bands do not fit, naming each field', async () => {
    const noAnswers = await create(s.manager, scale('broken-1', { responses: null }));
    expect(noAnswers.statusCode).toBe(400);
    expect(fields(noAnswers)).toEqual(['body.items.0.options', 'body.items.1.options', 'body.items.2.options']);

    // A sum of three 1–3 answers runs from 3 to 9.
    const outside = await create(s.manager, scale('broken-2', { bands: [{ label: 'Low', min: 0, max: 5 }, { label: 'Good', min: 6, max: 10 }] }));
    expect(fields(outside)).toEqual(['body.bands.0', 'body.bands.1']);

    const backwards = await create(s.manager, scale('broken-3', { bands: [{ label: 'Low', min: 5, max: 3 }] }));
    expect(fields(backwards)).toEqual(['body.bands.0.max']);

    const number = await create(s.manager, scale('broken-4', { items: [{ key: 'hours', text: 'Hours spent with others last week', type: 'number', min: 10, max: 10 }], bands: [] }));
    expect(fields(number)).toEqual(['body.items.0.max']);

    const tooBig = await create(s.manager, scale('broken-5', { meaningfulChange: 7 }));
    expect(fields(tooBig)).toEqual(['body.meaningfulChange']);

    const list = (await t.app.inject({ method: 'GET', url: '/api/outcomes/measures', headers: s.manager.headers })).json<{ measures: SchemeMeasure[] }>();
    expect(list.measures.filter((m) => m.definition.key.startsWith('broken'))).toEqual([]);
  });
});

describe(`measurement settings (${testBackend()})`, () => {
  it('every measure named must exist, a scheduled one must be on, and licensed tools may be scheduled', async () => {
    const p = await outcomesScheme(t);
    const unknown = await putSettings(p.manager, { disabledMeasures: ['nope'], meaningfulChange: { gone: 2 }, schedule: [{ measureKey: 'missing', points: [{ kind: 'baseline' }] }] });
    expect(unknown.statusCode).toBe(400);
    expect(fields(unknown)).toEqual(['body.disabledMeasures.0', 'body.meaningfulChange.gone', 'body.schedule.0.measureKey']);

    const off = await putSettings(p.manager, { disabledMeasures: ['ons4'] });
    expect(off.statusCode).toBe(400);
    expect(fields(off)).toEqual(['body.schedule.1.measureKey']);

    const doubled = await putSettings(p.manager, { schedule: [{ measureKey: 'swemwbs', points: [{ kind: 'baseline' }, { kind: 'baseline' }] }, { measureKey: 'swemwbs', points: [{ kind: 'closure' }] }] });
    expect(fields(doubled)).toEqual(['body.schedule.0.points.1', 'body.schedule.1.measureKey']);

    const pam = await putSettings(p.manager, { disabledMeasures: ['ons4'], schedule: [{ measureKey: 'pam', points: [{ kind: 'baseline' }, { kind: 'closure' }] }] });
    expect(pam.statusCode, pam.body).toBe(200);
    expect(pam.json<OutcomeSettings>()).toMatchObject({ version: 1, disabledMeasures: ['ons4'], schedule: [{ measureKey: 'pam' }] });
    expect(pam.headers.etag).toBe('W/"1"');

    // Someone still holding version 0 is told, and changes nothing.
    const stale = await t.app.inject({ method: 'PUT', url: '/api/outcomes/settings', headers: { ...p.manager.headers, 'if-match': '"0"' }, payload: { ...pam.json<OutcomeSettings>(), version: undefined, overdueAfterDays: 30 } });
    expect(stale.statusCode).toBe(412);
    const missing = await t.app.inject({ method: 'PUT', url: '/api/outcomes/settings', headers: p.manager.headers, payload: { disabledMeasures: [], meaningfulChange: {}, schedule: [], overdueAfterDays: 30, linkExpiryDays: 7 } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ type: string }>().type).toMatch(/\/if-match-required$/);

    const next = await putSettings(p.manager, { overdueAfterDays: 21 });
    expect(next.json<OutcomeSettings>()).toMatchObject({ version: 2, overdueAfterDays: 21, disabledMeasures: ['ons4'] });
    const measures = (await t.app.inject({ method: 'GET', url: '/api/outcomes/measures', headers: p.worker.headers })).json<{ measures: SchemeMeasure[] }>();
    expect(measures.measures.find((m) => m.definition.key === 'ons4')?.enabled).toBe(false);
    const audits = await t.ctx.data.inScheme({ type: 'system', schemeId: p.scheme.schemeId, label: 'test' }, {}, async (scope) =>
      scope.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'outcome_settings').execute(),
    );
    expect(audits).toHaveLength(2);
  });
});
