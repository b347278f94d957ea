import { randomUUID } from 'node:crypto';
import type { Bundle, Observation, OperationOutcome, Patient, Questionnaire, QuestionnaireResponse, ServiceRequest } from '@medplum/fhirtypes';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ResponseMode } from '../contracts/outcomes.js';
import type { Actor } from '../data/access.js';
import { DEFAULT_OUTCOME_SETTINGS, schemeMeasures } from '../outcomes/catalogue.js';
import { completePendingResponse, createPendingResponse, insertCompletedResponse } from '../outcomes/responses/store.js';
import { testBackend } from '../testing/database.js';
import { CUSTOM_SCALE } from './mapping/outcome-fixtures.js';
import { FhirTestBed, referralBundle, type FhirClient, type FhirResponse } from './test-kit.js';
import { validateR4 } from './validate.js';

/*
 * Wellbeing measures over FHIR: Questionnaire, QuestionnaireResponse and Observation reads and
 * searches, what another organisation's client may see, and the audit of each read. Every
 * response body is checked with both R4 validators (afterEach, and again by hand where a test
 * looks at the resources themselves).
 */
let bed: FhirTestBed;
let gp: FhirClient;
let otherOrg: FhirClient;
let worker: Actor;

/** The GP's person and referral, with seven completed responses (ids by name) and one in progress. */
let personId: string;
let referralId: string;
const ids: Record<string, string> = {};
let pendingId: string;
let otherPersonId: string;
let otherResponseId: string;

const DAY = 86_400_000;
const SWEMWBS_KEYS = ['wemwbs_1', 'wemwbs_2', 'wemwbs_3', 'wemwbs_6', 'wemwbs_7', 'wemwbs_9', 'wemwbs_11'];
const each = (keys: string[], value: number) => Object.fromEntries(keys.map((k) => [k, value]));

async function newReferral(client: FhirClient): Promise<{ personId: string; referralId: string }> {
  const created = await client.request('POST', '/fhir', referralBundle());
  expect(created.status, created.text).toBe(200);
  const [patient, request] = (created.body as Bundle).entry ?? [];
  return { personId: (patient?.resource as Patient).id ?? '', referralId: (request?.resource as ServiceRequest).id ?? '' };
}

async function record(
  who: { personId: string; referralId: string | null },
  key: string,
  mode: Exclude<ResponseMode, 'self'>,
  answers: { values: Record<string, number>; names?: Record<string, string> },
  daysAgo: number,
): Promise<string> {
  return bed.t.ctx.data.inScheme(worker, {}, async (scope) => {
    const measure = (await schemeMeasures(scope)).find((m) => m.definition.key === key);
    if (!measure) throw new Error(`no measure ${key}`);
    const input = { ...who, measure, timepoint: 'baseline', mode, answers: { values: answers.values, names: answers.names ?? {} }, completedAt: new Date(Date.now() - daysAgo * DAY) };
    return (await insertCompletedResponse(scope, input)).id;
  });
}

beforeAll(async () => {
  bed = await FhirTestBed.open();
  ({ gp, otherOrg } = bed);
  const { schemeId, organisations } = bed.scheme;
  worker = { type: 'user', schemeId, userId: bed.linkWorker.userId, label: 'Sam Link', role: 'link_worker', membershipId: bed.linkWorker.membershipId, organisationId: organisations.host };
  // The scheme's own scale (version 3), and the Outcomes Star switched off.
  await bed.t.ctx.data.inScheme({ type: 'system', schemeId, label: 'test' }, {}, async (scope) => {
    await scope.db.insertInto('measure_definitions').values({ scheme_id: schemeId, id: randomUUID(), key: CUSTOM_SCALE.key, definition: JSON.stringify(CUSTOM_SCALE), version: 3 }).execute();
    await scope.db
      .insertInto('outcome_settings')
      .values({ scheme_id: schemeId, disabled_measures: ['outcomes-star'], schedule: JSON.stringify(DEFAULT_OUTCOME_SETTINGS.schedule) })
      .execute();
  });

  ({ personId, referralId } = await newReferral(gp));
  const who = { personId, referralId };
  ids.swemwbs = await record(who, 'swemwbs', 'with-worker', { values: each(SWEMWBS_KEYS, 3) }, 60);
  ids.ons4 = await record(who, 'ons4', 'paper', { values: { life_satisfaction: 6, worthwhile: 8, happiness: 3, anxiety: 7 } }, 50);
  ids.concerns = await record(who, 'concerns', 'with-worker', { values: { concern_1: 5, wellbeing: 3 }, names: { concern_1: 'Money worries' } }, 40);
  ids.pam = await record({ personId, referralId: null }, 'pam', 'external', { values: { pam_score: 52.5, pam_level: 2 } }, 30);
  ids.custom = await record(who, CUSTOM_SCALE.key, 'with-worker', { values: { left_home: 3, total: 2, how_often_i_felt_welcome_when_out_there: 5 } }, 20);
  const wemwbs = [4, 4, 3, 3, 2, 4, 4, 3, 5, 3, 4, 5, 3, 4]; // 51
  ids.wemwbs = await record(who, 'wemwbs', 'with-worker', { values: Object.fromEntries(wemwbs.map((v, i) => [`wemwbs_${i + 1}`, v])) }, 10);
  // Completed by the person through a link, today; and a second link still being filled in.
  ids.self = await bed.t.ctx.data.inScheme(worker, {}, async (scope) => {
    const measure = (await schemeMeasures(scope)).find((m) => m.definition.key === 'swemwbs');
    if (!measure) throw new Error('no swemwbs');
    const id = await createPendingResponse(scope, { ...who, measure, timepoint: 'follow-up-12' });
    await completePendingResponse(scope, id, { values: each(SWEMWBS_KEYS, 4), names: {} });
    pendingId = await createPendingResponse(scope, { ...who, measure, timepoint: 'closure' });
    return id;
  });

  const other = await newReferral(otherOrg);
  otherPersonId = other.personId;
  otherResponseId = await record(other, 'swemwbs', 'with-worker', { values: each(SWEMWBS_KEYS, 2) }, 5);
});
afterAll(async () => bed.t.close());
afterEach(() => {
  expect(bed.invalidResponses()).toEqual([]);
});

const outcomeOf = (response: FhirResponse) => response.body as OperationOutcome;
const bundleOf = (response: FhirResponse) => response.body as Bundle;
const resourcesOf = <T,>(response: FhirResponse) => (bundleOf(response).entry ?? []).map((e) => e.resource as T);
const valid = (resource: unknown) => expect(validateR4(resource)).toEqual({ valid: true, issues: [] });

const clientReadsOf = (responseId: string): Promise<number> => bed.clientReads(responseId, 'measure_response');

describe(`FHIR outcomes: Questionnaire (${testBackend()})`, () => {
  it('reads a standard measure, a scheme’s own scale and a switched-off tool; an unknown one is not found', async () => {
    const swemwbs = await gp.request('GET', '/fhir/Questionnaire/swemwbs');
    expect(swemwbs.status, swemwbs.text).toBe(200);
    expect(swemwbs.headers.etag).toBe('W/"1"');
    expect(swemwbs.body).toMatchObject({ resourceType: 'Questionnaire', id: 'swemwbs', url: 'https://linkwell.dev/fhir/Questionnaire/swemwbs', version: '1', status: 'active' });
    expect((swemwbs.body as Questionnaire).item?.filter((i) => i.type === 'choice')).toHaveLength(7);

    const custom = await gp.request('GET', '/fhir/Questionnaire/getting.out');
    expect(custom.status, custom.text).toBe(200);
    expect(custom.body).toMatchObject({ url: `https://linkwell.dev/fhir/scheme/${bed.scheme.schemeId}/Questionnaire/getting.out`, version: '3', title: 'Getting out and about' });

    const star = await gp.request('GET', '/fhir/Questionnaire/outcomes-star');
    expect(star.body).toMatchObject({ status: 'retired', copyright: expect.stringContaining('Triangle') as unknown });

    for (const id of ['nothing-here', 'getting_out', 'SWEMWBS']) {
      const missing = await gp.request('GET', `/fhir/Questionnaire/${id}`);
      expect(missing.status, id).toBe(404);
      expect(outcomeOf(missing).issue?.[0]?.code).toBe('not-found');
    }
    expect((await bed.anonymous('GET', '/fhir/Questionnaire/swemwbs')).status).toBe(401);
  });
});

describe(`FHIR outcomes: QuestionnaireResponse and Observation reads (${testBackend()})`, () => {
  it('reads a completed SWEMWBS response: the questionnaire version, the person, the referral and the answers; the read is audited', async () => {
    const before = await clientReadsOf(ids.swemwbs ?? '');
    const response = await gp.request('GET', `/fhir/QuestionnaireResponse/${ids.swemwbs ?? ''}`);
    expect(response.status, response.text).toBe(200);
    expect(response.headers.etag).toBe('W/"1"');
    const qr = response.body as QuestionnaireResponse;
    valid(qr);
    expect(qr).toMatchObject({
      id: ids.swemwbs,
      questionnaire: 'https://linkwell.dev/fhir/Questionnaire/swemwbs|1',
      status: 'completed',
      subject: { reference: `Patient/${personId}` },
      basedOn: [{ reference: `ServiceRequest/${referralId}` }],
      author: { display: 'Sam Link' },
    });
    expect(qr.item?.map((i) => [i.linkId, i.answer?.[0]?.valueCoding?.code, i.answer?.[0]?.valueCoding?.display])).toEqual(SWEMWBS_KEYS.map((k) => [k, '3', 'Some of the time']));
    expect(await clientReadsOf(ids.swemwbs ?? '')).toBe(before + 1);
  });

  it('the SWEMWBS total Observation is the metric score: raw 21 → 19.25 (measures.md)', async () => {
    const response = await gp.request('GET', `/fhir/Observation/${ids.swemwbs ?? ''}-total`);
    expect(response.status, response.text).toBe(200);
    const total = response.body as Observation;
    valid(total);
    expect(total).toMatchObject({
      status: 'final',
      code: { coding: [{ system: 'https://linkwell.dev/fhir/CodeSystem/measure-score', code: 'swemwbs-metric' }] },
      valueQuantity: { value: 19.25, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' },
      derivedFrom: [{ reference: `QuestionnaireResponse/${ids.swemwbs ?? ''}` }],
      subject: { reference: `Patient/${personId}` },
    });
    expect(total.component?.[0]?.valueQuantity?.value).toBe(21);
    const item = await gp.request('GET', `/fhir/Observation/${ids.swemwbs ?? ''}-wemwbs-11`);
    expect(item.status).toBe(200);
    expect(item.body).toMatchObject({ code: { coding: [{ code: 'swemwbs.wemwbs_11' }] }, valueQuantity: { value: 3 } });
  });

  it('completed through a link: the person is the author; the response still being filled in is not published', async () => {
    const self = await gp.request('GET', `/fhir/QuestionnaireResponse/${ids.self ?? ''}`);
    expect(self.body).toMatchObject({ author: { reference: `Patient/${personId}` }, meta: { tag: [{ code: 'self' }] } });
    // 4 × 7 = raw 28 → 25.03 (measures.md)
    expect((await gp.request('GET', `/fhir/Observation/${ids.self ?? ''}-total`)).body).toMatchObject({ valueQuantity: { value: 25.03 } });
    expect((await gp.request('GET', `/fhir/QuestionnaireResponse/${pendingId}`)).status).toBe(404);
    expect((await gp.request('GET', `/fhir/Observation/${pendingId}-total`)).status).toBe(404);
  });

  it('ONS4 has no total, concerns a mean, PAM only its entered items', async () => {
    expect((await gp.request('GET', `/fhir/Observation/${ids.ons4 ?? ''}-total`)).status).toBe(404);
    expect((await gp.request('GET', `/fhir/Observation/${ids.ons4 ?? ''}-anxiety`)).body).toMatchObject({ valueQuantity: { value: 7 }, interpretation: [{ text: 'High' }] });
    // (5 + 3) / 2 = 4
    expect((await gp.request('GET', `/fhir/Observation/${ids.concerns ?? ''}-total`)).body).toMatchObject({ code: { coding: [{ code: 'concerns-mean' }] }, valueQuantity: { value: 4 } });
    expect((await gp.request('GET', `/fhir/Observation/${ids.pam ?? ''}-pam-score`)).body).toMatchObject({ valueQuantity: { value: 52.5 } });
    expect((await gp.request('GET', `/fhir/Observation/${ids.pam ?? ''}-total`)).status).toBe(404);
  });

  it('addresses that name nothing are not found', async () => {
    for (const url of [
      `/fhir/QuestionnaireResponse/${randomUUID()}`,
      '/fhir/QuestionnaireResponse/not-a-uuid',
      `/fhir/QuestionnaireResponse/${ids.swemwbs ?? ''}-total`,
      `/fhir/Observation/${ids.swemwbs ?? ''}`,
      `/fhir/Observation/${ids.swemwbs ?? ''}-nothing`,
      `/fhir/Observation/${ids.swemwbs ?? ''}x-total`,
    ]) {
      const response = await gp.request('GET', url);
      expect(response.status, url).toBe(404);
      expect(outcomeOf(response).issue?.[0]?.code).toBe('not-found');
    }
  });

  it('another organisation’s client finds nothing of a person it did not refer, and nothing is audited for it', async () => {
    const before = await clientReadsOf(ids.swemwbs ?? '');
    for (const url of [`/fhir/QuestionnaireResponse/${ids.swemwbs ?? ''}`, `/fhir/Observation/${ids.swemwbs ?? ''}-total`]) {
      const response = await otherOrg.request('GET', url);
      expect(response.status, url).toBe(404);
      expect(outcomeOf(response).issue?.[0]?.code).toBe('not-found');
    }
    for (const url of [`/fhir/QuestionnaireResponse?subject=Patient/${personId}`, `/fhir/Observation?patient=${personId}`]) {
      const search = await otherOrg.request('GET', url);
      expect(search.status, url).toBe(200);
      expect(bundleOf(search)).toMatchObject({ type: 'searchset', total: 0 });
      expect(bundleOf(search).entry).toBeUndefined();
    }
    expect(await clientReadsOf(ids.swemwbs ?? '')).toBe(before);
    // And the other way about: its own person's response is its to read, not the GP's.
    expect((await otherOrg.request('GET', `/fhir/QuestionnaireResponse/${otherResponseId}`)).status).toBe(200);
    expect((await gp.request('GET', `/fhir/QuestionnaireResponse/${otherResponseId}`)).status).toBe(404);
    expect(bundleOf(await gp.request('GET', `/fhir/QuestionnaireResponse?subject=Patient/${otherPersonId}`)).total).toBe(0);
  });
});

describe(`FHIR outcomes: searches (${testBackend()})`, () => {
  const NEWEST_FIRST = () => [ids.self, ids.wemwbs, ids.custom, ids.pam, ids.concerns, ids.ons4, ids.swemwbs];

  it('finds the person’s completed responses, newest first, in pages; every one validates', async () => {
    const first = await gp.request('GET', `/fhir/QuestionnaireResponse?subject=Patient/${personId}&_count=3`);
    expect(first.status, first.text).toBe(200);
    expect(bundleOf(first)).toMatchObject({ type: 'searchset', total: 7 });
    const seen: QuestionnaireResponse[] = resourcesOf<QuestionnaireResponse>(first);
    let next = bundleOf(first).link?.find((l) => l.relation === 'next')?.url;
    while (next) {
      const page = await gp.request('GET', next.replace(/^https?:\/\/[^/]+/, ''));
      expect(page.status).toBe(200);
      seen.push(...resourcesOf<QuestionnaireResponse>(page));
      next = bundleOf(page).link?.find((l) => l.relation === 'next')?.url;
    }
    expect(seen.map((r) => r.id)).toEqual(NEWEST_FIRST());
    for (const resource of seen) valid(resource);
    expect(bundleOf(first).entry?.[0]?.fullUrl).toBe(`http://localhost:80/fhir/QuestionnaireResponse/${ids.self ?? ''}`);
  });

  it('patient= with a bare id is the same search as subject=', async () => {
    const bySubject = await gp.request('GET', `/fhir/QuestionnaireResponse?subject=Patient/${personId}`);
    const byPatient = await gp.request('GET', `/fhir/QuestionnaireResponse?patient=${personId}`);
    expect(resourcesOf<QuestionnaireResponse>(byPatient).map((r) => r.id)).toEqual(resourcesOf<QuestionnaireResponse>(bySubject).map((r) => r.id));
    const both = await gp.request('GET', `/fhir/QuestionnaireResponse?patient=${personId}&subject=Patient/${otherPersonId}`);
    expect(bundleOf(both).total).toBe(0);
  });

  it('finds every Observation of the person, in pages, and validates each', async () => {
    // Counted by hand: SWEMWBS 1 + 7 (twice), ONS4 4, concerns 1 + 2, PAM 2, the scheme's scale 1 + 3, WEMWBS 1 + 14.
    const expected = 8 + 8 + 4 + 3 + 2 + 4 + 15;
    const all: Observation[] = [];
    for (let offset = 0; offset < expected; offset += 20) {
      const page = await gp.request('GET', `/fhir/Observation?subject=Patient/${personId}&_count=20&_offset=${offset}`);
      expect(page.status, page.text).toBe(200);
      expect(bundleOf(page).total).toBe(expected);
      all.push(...resourcesOf<Observation>(page));
    }
    expect(all).toHaveLength(expected);
    expect(new Set(all.map((o) => o.id)).size).toBe(expected);
    for (const observation of all) valid(observation);
    expect(all[0]?.id).toBe(`${ids.self ?? ''}-total`);
  });

  it('narrows Observations by code: the SWEMWBS metric scores over time', async () => {
    const metric = await gp.request('GET', `/fhir/Observation?subject=Patient/${personId}&code=swemwbs-metric`);
    expect(resourcesOf<Observation>(metric).map((o) => [o.id, o.valueQuantity?.value])).toEqual([
      [`${ids.self ?? ''}-total`, 25.03],
      [`${ids.swemwbs ?? ''}-total`, 19.25],
    ]);
    const withSystem = await gp.request('GET', `/fhir/Observation?subject=Patient/${personId}&code=${encodeURIComponent('https://linkwell.dev/fhir/CodeSystem/measure-score|wemwbs-total,ons4.anxiety')}`);
    expect(resourcesOf<Observation>(withSystem).map((o) => o.valueQuantity?.value)).toEqual([51, 7]);
    const wrongSystem = await gp.request('GET', `/fhir/Observation?subject=Patient/${personId}&code=${encodeURIComponent('http://loinc.org|wemwbs-total')}`);
    expect(bundleOf(wrongSystem).total).toBe(0);
  });

  it('refuses a search without a person, or by a parameter it does not support (OperationOutcome 400)', async () => {
    const none = await gp.request('GET', '/fhir/QuestionnaireResponse');
    expect(none.status).toBe(400);
    expect(outcomeOf(none).issue?.[0]).toMatchObject({ code: 'required' });
    const unknown = await gp.request('GET', `/fhir/Observation?subject=Patient/${personId}&value-quantity=19`);
    expect(unknown.status).toBe(400);
    expect(outcomeOf(unknown).issue?.[0]).toMatchObject({ code: 'not-supported' });
  });
});
