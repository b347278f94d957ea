import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasureResponseDto, OutcomeSettings, OutcomeStoryDto, SchemeMeasure } from '../contracts/outcomes.js';
import type { SchemeScope } from '../data/access.js';
import { addApiClient } from '../schemes/provision.js';
import { createTestUser, openTestApp, signInAs, type TestApp } from '../testing/app.js';
import { testBackend } from '../testing/database.js';
import { referralBody } from '../testing/referrals.js';
import type { ReferralDetail } from '../contracts/referrals.js';
import { requireMeasure } from './catalogue.js';
import { createPendingResponse } from './responses/store.js';
import { outcomesScheme, swemwbsAnswers, type OutcomesScheme } from './staff-test-kit.js';

/**
 * Who may do what with measures, settings, responses, preferences and stories, over HTTP, with
 * the exact status for every role. The API client belongs to the GP practice that referred the
 * person, so it may read that person's responses and nothing else here.
 */

const CALLERS = ['referrer', 'link_worker', 'scheme_manager', 'vcse_provider', 'safeguarding_lead', 'commissioner', 'system_admin', 'api_client'] as const;
type Caller = (typeof CALLERS)[number];
type Expected = Record<Caller, number>;

const row = (defaultStatus: number, overrides: Partial<Expected>): Expected =>
  Object.fromEntries(CALLERS.map((c) => [c, overrides[c] ?? defaultStatus])) as Expected;

// Written out by hand from the rules, not derived from the policy table.
const EXPECTED = {
  listMeasures: row(403, { link_worker: 200, scheme_manager: 200, system_admin: 200 }),
  createMeasure: row(403, { scheme_manager: 201, system_admin: 201 }),
  updateMeasure: row(403, { scheme_manager: 200, system_admin: 200 }),
  readSettings: row(403, { link_worker: 200, scheme_manager: 200, system_admin: 200 }),
  updateSettings: row(403, { scheme_manager: 200, system_admin: 200 }),
  personOutcomes: row(403, { link_worker: 200, scheme_manager: 200 }),
  recordResponse: row(403, { link_worker: 201, scheme_manager: 201 }),
  readResponse: row(403, { link_worker: 200, scheme_manager: 200, api_client: 200 }),
  readResponseOfAnotherOrganisation: row(403, { link_worker: 200, scheme_manager: 200, api_client: 404 }),
  // Still with the person (sent by link, not yet answered): FHIR publishes completed ones only.
  readPendingResponse: row(403, { link_worker: 200, scheme_manager: 200, api_client: 404 }),
  // The due list names people across the scheme: staff only, whatever an integration may read.
  dueList: row(403, { link_worker: 200, scheme_manager: 200 }),
  preferences: row(403, { link_worker: 200, scheme_manager: 200 }),
  createStory: row(403, { link_worker: 201, scheme_manager: 201 }),
  updateStory: row(403, { link_worker: 200, scheme_manager: 200 }),
} satisfies Record<string, Expected>;

let t: TestApp;
let s: OutcomesScheme;
let other: OutcomesScheme;
let responseId: string;
let workerResponseId: string;
let storyId: string;
let otherStoryId: string;
let otherResponseId: string;
let pendingResponseId: string;
const headers = {} as Record<Caller, Record<string, string>>;

const recordBody = { measureKey: 'swemwbs', timepoint: 'baseline', mode: 'with-worker', answers: swemwbsAnswers(24) };
const storyBody = { story: 'I feel less alone.', consentToShare: false };

beforeAll(async () => {
  t = await openTestApp();
  s = await outcomesScheme(t);
  other = await outcomesScheme(t);
  for (const role of CALLERS) {
    if (role === 'api_client') continue;
    headers[role] = (await signInAs(t.app, await createTestUser(t.ctx.data, s.scheme, role))).headers;
  }
  const { clientId, clientSecret } = await addApiClient(t.ctx.data, s.scheme.schemeId, { name: 'GP system', organisationId: s.scheme.organisations.practice, scopes: [] }, 'test');
  const token = await t.app.inject({
    method: 'POST',
    url: '/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `grant_type=client_credentials&client_id=${clientId}&client_secret=${clientSecret}`,
  });
  headers.api_client = { authorization: `Bearer ${token.json<{ access_token: string }>().access_token}` };

  const post = async <T>(as: Record<string, string>, url: string, payload: object): Promise<T> => {
    const response = await t.app.inject({ method: 'POST', url, headers: as, payload });
    if (response.statusCode !== 201) throw new Error(`${url}: ${response.statusCode} ${response.body}`);
    return response.json<T>();
  };
  responseId = (await post<MeasureResponseDto>(s.worker.headers, `/api/people/${s.personId}/measures`, recordBody)).id;
  // Someone the link worker referred themselves: not the GP practice's.
  const theirs = await post<ReferralDetail>(s.worker.headers, '/api/referrals', referralBody());
  workerResponseId = (await post<MeasureResponseDto>(s.worker.headers, `/api/people/${theirs.person.id}/measures`, recordBody)).id;
  storyId = (await post<OutcomeStoryDto>(s.worker.headers, `/api/people/${s.personId}/stories`, storyBody)).id;
  otherStoryId = (await post<OutcomeStoryDto>(other.worker.headers, `/api/people/${other.personId}/stories`, storyBody)).id;
  otherResponseId = (await post<MeasureResponseDto>(other.worker.headers, `/api/people/${other.personId}/measures`, recordBody)).id;
  await post(s.manager.headers, '/api/outcomes/measures', customScale('matrix'));
  pendingResponseId = await asSystem(async (scope) =>
    createPendingResponse(scope, { personId: s.personId, referralId: s.referralId, measure: await requireMeasure(scope, 'swemwbs', { selfCompletion: true }), timepoint: 'follow-up-12' }),
  );
});
afterAll(async () => t.close());

function customScale(key: string, name = 'Matrix scale') {
  return {
    key,
    name,
    shortName: 'Matrix',
    description: 'A scale for the access tests.',
    intro: null,
    responses: [{ value: 0, label: 'No' }, { value: 1, label: 'Yes' }],
    items: [{ key: 'q1', text: 'Did you go out this week?', type: 'choice' }],
    scoring: { rule: 'sum' },
    direction: 'higher-better',
    bands: [],
    meaningfulChange: null,
    selfCompletion: true,
  };
}

const asSystem = <T>(work: (scope: SchemeScope) => Promise<T>) => t.ctx.data.inScheme({ type: 'system', schemeId: s.scheme.schemeId, label: 'test' }, {}, work);

async function settingsNow(): Promise<OutcomeSettings> {
  return (await t.app.inject({ method: 'GET', url: '/api/outcomes/settings', headers: s.manager.headers })).json<OutcomeSettings>();
}

type Attempt = (caller: Caller) => Promise<{ statusCode: number; body: string }>;

const ATTEMPTS: Record<keyof typeof EXPECTED, Attempt> = {
  listMeasures: (c) => t.app.inject({ method: 'GET', url: '/api/outcomes/measures', headers: headers[c] }),
  createMeasure: (c) => t.app.inject({ method: 'POST', url: '/api/outcomes/measures', headers: headers[c], payload: customScale(`own-${c}`.replace(/_/g, '-')) }),
  updateMeasure: async (c) => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/outcomes/measures', headers: s.manager.headers })).json<{ measures: SchemeMeasure[] }>();
    const version = list.measures.find((m) => m.definition.key === 'matrix')?.definition.version ?? 0;
    return t.app.inject({ method: 'PUT', url: '/api/outcomes/measures/matrix', headers: { ...headers[c], 'if-match': `"${version}"` }, payload: customScale('matrix', `Matrix scale by ${c}`) });
  },
  readSettings: (c) => t.app.inject({ method: 'GET', url: '/api/outcomes/settings', headers: headers[c] }),
  updateSettings: async (c) => {
    const { version, ...settings } = await settingsNow();
    return t.app.inject({ method: 'PUT', url: '/api/outcomes/settings', headers: { ...headers[c], 'if-match': `"${version}"` }, payload: settings });
  },
  personOutcomes: (c) => t.app.inject({ method: 'GET', url: `/api/people/${s.personId}/outcomes`, headers: headers[c] }),
  recordResponse: (c) => t.app.inject({ method: 'POST', url: `/api/people/${s.personId}/measures`, headers: headers[c], payload: recordBody }),
  readResponse: (c) => t.app.inject({ method: 'GET', url: `/api/measure-responses/${responseId}`, headers: headers[c] }),
  readResponseOfAnotherOrganisation: (c) => t.app.inject({ method: 'GET', url: `/api/measure-responses/${workerResponseId}`, headers: headers[c] }),
  readPendingResponse: (c) => t.app.inject({ method: 'GET', url: `/api/measure-responses/${pendingResponseId}`, headers: headers[c] }),
  dueList: (c) => t.app.inject({ method: 'GET', url: '/api/outcomes/due?whose=all', headers: headers[c] }),
  preferences: (c) => t.app.inject({ method: 'PUT', url: `/api/people/${s.personId}/outcome-preferences`, headers: headers[c], payload: { reminders: 'none' } }),
  createStory: (c) => t.app.inject({ method: 'POST', url: `/api/people/${s.personId}/stories`, headers: headers[c], payload: storyBody }),
  updateStory: async (c) => {
    const { version } = await asSystem((scope) => scope.db.selectFrom('outcome_stories').select('version').where('id', '=', storyId).executeTakeFirstOrThrow());
    return t.app.inject({ method: 'PUT', url: `/api/outcome-stories/${storyId}`, headers: { ...headers[c], 'if-match': `"${version}"` }, payload: { ...storyBody, story: `Edited by ${c}` } });
  },
};

describe(`outcomes access matrix (${testBackend()})`, () => {
  for (const [action, expected] of Object.entries(EXPECTED) as [keyof typeof EXPECTED, Expected][]) {
    it(`${action}: the exact status for every role`, async () => {
      const actual = {} as Expected;
      for (const caller of CALLERS) actual[caller] = (await ATTEMPTS[action](caller)).statusCode;
      expect(actual).toEqual(expected);
    });
  }

  it('another scheme’s person, response and story are not found, even to its caseworker role', async () => {
    const as = headers.link_worker;
    const attempts = [
      t.app.inject({ method: 'GET', url: `/api/people/${other.personId}/outcomes`, headers: as }),
      t.app.inject({ method: 'POST', url: `/api/people/${other.personId}/measures`, headers: as, payload: recordBody }),
      t.app.inject({ method: 'GET', url: `/api/measure-responses/${otherResponseId}`, headers: as }),
      t.app.inject({ method: 'PUT', url: `/api/people/${other.personId}/outcome-preferences`, headers: as, payload: { reminders: 'none' } }),
      t.app.inject({ method: 'POST', url: `/api/people/${other.personId}/stories`, headers: as, payload: storyBody }),
      t.app.inject({ method: 'PUT', url: `/api/outcome-stories/${otherStoryId}`, headers: { ...as, 'if-match': '"1"' }, payload: storyBody }),
    ];
    expect((await Promise.all(attempts)).map((r) => r.statusCode)).toEqual([404, 404, 404, 404, 404, 404]);
  });

  it('a refused read writes no audit row; an allowed one writes exactly one', async () => {
    const audited = async (entityType: string, entityId: string) =>
      (await asSystem((scope) => scope.db.selectFrom('audit_events').select('id').where('entity_type', '=', entityType).where('entity_id', '=', entityId).where('action', '=', 'read').execute())).length;
    const page = () => audited('person_outcomes', s.personId);
    const before = await page();
    for (const caller of ['system_admin', 'vcse_provider', 'link_worker'] as const) await ATTEMPTS.personOutcomes(caller);
    expect(await page()).toBe(before + 1);
    const response = () => audited('measure_response', responseId);
    const responseBefore = await response();
    for (const caller of ['commissioner', 'api_client'] as const) await ATTEMPTS.readResponse(caller);
    expect(await response()).toBe(responseBefore + 1);
  });
});
