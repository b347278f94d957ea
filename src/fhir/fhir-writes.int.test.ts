import type { Bundle, Organization, OperationOutcome, Patient, ServiceRequest, Task } from '@medplum/fhirtypes';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { testBackend } from '../testing/database.js';
import { testNhsNumber } from '../testing/referrals.js';
import { NHS_NUMBER_SYSTEM } from './mapping/codes.js';
import { FhirTestBed, referralBundle, testPatient, testServiceRequest, type FhirClient, type FhirResponse } from './test-kit.js';

/*
 * Conditional creates, concurrent updates, standalone creates, errors and searches. Every
 * response body of every test is checked with both R4 validators (afterEach).
 */
let bed: FhirTestBed;
let gp: FhirClient;

beforeAll(async () => {
  bed = await FhirTestBed.open({ BODY_LIMIT_BYTES: '65536' });
  gp = bed.gp;
});
afterAll(async () => bed.t.close());
afterEach(() => {
  expect(bed.invalidResponses()).toEqual([]);
});

const outcomeOf = (response: FhirResponse) => response.body as OperationOutcome;
const expressions = (response: FhirResponse) => (outcomeOf(response).issue ?? []).flatMap((i) => i.expression ?? []);
const entries = (response: FhirResponse) => (response.body as Bundle).entry ?? [];

async function referral(options: Parameters<typeof referralBundle>[0] = {}) {
  const response = await gp.request('POST', '/fhir', referralBundle(options));
  expect(response.status, response.text).toBe(200);
  const [patient, request, , task] = entries(response);
  return { patient: patient?.resource as Patient, request: request?.resource as ServiceRequest, task: entries(response).at(-1)?.resource as Task, response, taskEntry: task };
}

describe(`FHIR API: conditional creates (${testBackend()})`, () => {
  it('a retried transaction with If-None-Exist makes nothing new', async () => {
    const ifNoneExist = `identifier=https://gp.example/referral-id|${crypto.randomUUID()}`;
    const bundle = referralBundle({ requestIfNoneExist: ifNoneExist });
    const first = await gp.request('POST', '/fhir', bundle);
    expect(entries(first)[1]?.response?.status).toBe('201 Created');
    const before = { people: await bed.count('people'), referrals: await bed.count('referrals'), ids: await bed.count('external_identifiers'), consents: await bed.count('consents') };
    const again = await gp.request('POST', '/fhir', bundle);
    expect(entries(again).map((e) => e.response?.status)).toEqual(['200 OK', '200 OK', '200 OK', '200 OK']);
    expect(entries(again)[1]?.response?.location).toBe(entries(first)[1]?.response?.location);
    expect({ people: await bed.count('people'), referrals: await bed.count('referrals'), ids: await bed.count('external_identifiers'), consents: await bed.count('consents') }).toEqual(before);
  });

  it('POST /fhir/Patient with If-None-Exist: 201 then 200 with the same Patient, also when sent at once', async () => {
    const patient = testPatient({ identifier: [{ system: 'https://gp.example/patient-id', value: crypto.randomUUID() }] });
    const ifNoneExist = `identifier=https://gp.example/patient-id|${patient.identifier?.[0]?.value ?? ''}`;
    const before = await bed.count('people');
    const [a, b] = await Promise.all([
      gp.request('POST', '/fhir/Patient', patient, { 'if-none-exist': ifNoneExist }),
      gp.request('POST', '/fhir/Patient', patient, { 'if-none-exist': ifNoneExist }),
    ]);
    expect([a?.status, b?.status].sort()).toEqual([200, 201]);
    expect(a?.headers.location?.toString().split('/_history')[0]).toBe(b?.headers.location?.toString().split('/_history')[0]);
    const third = await gp.request('POST', '/fhir/Patient', patient, { 'if-none-exist': ifNoneExist });
    expect(third.status).toBe(200);
    expect(await bed.count('people')).toBe(before + 1);
  });

  it('two transactions for the same NHS number at once make one person and two referrals', async () => {
    const patient = testPatient();
    const before = { people: await bed.count('people'), referrals: await bed.count('referrals') };
    const results = await Promise.all([gp.request('POST', '/fhir', referralBundle({ patient })), gp.request('POST', '/fhir', referralBundle({ patient }))]);
    expect(results.map((r) => r.status)).toEqual([200, 200]);
    expect(results.map((r) => entries(r)[0]?.response?.status).sort()).toEqual(['200 OK', '201 Created']);
    expect(new Set(results.map((r) => entries(r)[0]?.resource?.id)).size).toBe(1);
    expect({ people: await bed.count('people'), referrals: await bed.count('referrals') }).toEqual({ people: before.people + 1, referrals: before.referrals + 2 });
  });

  it('the same conditional transaction sent twice at once makes one referral', async () => {
    const bundle = referralBundle({ requestIfNoneExist: `identifier=https://gp.example/referral-id|${crypto.randomUUID()}` });
    const before = await bed.count('referrals');
    const results = await Promise.all([gp.request('POST', '/fhir', bundle), gp.request('POST', '/fhir', bundle)]);
    expect(results.map((r) => entries(r)[1]?.response?.status).sort()).toEqual(['200 OK', '201 Created']);
    expect(await bed.count('referrals')).toBe(before + 1);
  });

  it('a conditional match on another organisation’s Patient identifier is a 409', async () => {
    const mrn = { system: 'https://hospital.example/mrn', value: crypto.randomUUID() };
    const ifNoneExist = `identifier=${mrn.system}|${mrn.value}`;
    const mine = await gp.request('POST', '/fhir', referralBundle({ patient: testPatient({ identifier: [mrn] }), patientIfNoneExist: ifNoneExist }));
    expect(mine.status).toBe(200);
    const theirs = await bed.otherOrg.request('POST', '/fhir', referralBundle({ patient: testPatient({ identifier: [mrn] }), patientIfNoneExist: ifNoneExist }));
    expect(theirs.status).toBe(409);
    expect(expressions(theirs)).toEqual(['Bundle.entry[0].request.ifNoneExist']);
  });

  it('a Patient this organisation posted on its own is found by a conditional transaction, not refused as another’s', async () => {
    const mrn = { system: 'https://hospital.example/mrn', value: crypto.randomUUID() };
    const ifNoneExist = `identifier=${mrn.system}|${mrn.value}`;
    const posted = await gp.request('POST', '/fhir/Patient', testPatient({ identifier: [mrn] }), { 'if-none-exist': ifNoneExist });
    expect(posted.status).toBe(201);
    const referred = await gp.request('POST', '/fhir', referralBundle({ patient: testPatient({ identifier: [mrn] }), patientIfNoneExist: ifNoneExist }));
    expect(referred.status, referred.text).toBe(200);
    expect(entries(referred)[0]?.response?.status).toBe('200 OK');
    expect(entries(referred)[0]?.resource?.id).toBe((posted.body as Patient).id);
    // Another organisation's standalone create on that identifier is refused as in a transaction, not told "exists".
    const theirs = await bed.otherOrg.request('POST', '/fhir/Patient', testPatient({ identifier: [mrn] }), { 'if-none-exist': ifNoneExist });
    expect(theirs.status).toBe(409);
    expect(outcomeOf(theirs).issue?.[0]?.code).toBe('duplicate');
  });

  it('a conditional ServiceRequest whose identifier names another organisation’s referral is a 409, not a silent "already exists"', async () => {
    const id = { system: 'https://gp.example/referral-id', value: crypto.randomUUID() };
    const ifNoneExist = `identifier=${id.system}|${id.value}`;
    expect((await gp.request('POST', '/fhir', referralBundle({ serviceRequest: { identifier: [id] }, requestIfNoneExist: ifNoneExist }))).status).toBe(200);
    const own = await bed.otherOrg.request('POST', '/fhir', referralBundle());
    const patientId = entries(own)[0]?.resource?.id ?? '';
    const before = await bed.count('referrals');
    const single = await bed.otherOrg.request('POST', '/fhir/ServiceRequest', testServiceRequest(`Patient/${patientId}`, { identifier: [id] }), { 'if-none-exist': ifNoneExist });
    expect(single.status).toBe(409);
    expect(single.headers.location).toBeUndefined();
    const inBundle = await bed.otherOrg.request('POST', '/fhir', referralBundle({ serviceRequest: { identifier: [id] }, requestIfNoneExist: ifNoneExist }));
    expect(inBundle.status).toBe(409);
    expect(expressions(inBundle)).toEqual(['Bundle.entry[1].request.ifNoneExist']);
    expect(await bed.count('referrals')).toBe(before);
  });

  it('a retry that matches a referral made without consent names no empty Consent', async () => {
    const ifNoneExist = `identifier=https://gp.example/referral-id|${crypto.randomUUID()}`;
    expect((await gp.request('POST', '/fhir', referralBundle({ requestIfNoneExist: ifNoneExist, consent: false }))).status).toBe(200);
    const again = await gp.request('POST', '/fhir', referralBundle({ requestIfNoneExist: ifNoneExist }));
    expect(again.status, again.text).toBe(200);
    const consent = entries(again)[2];
    expect(consent?.fullUrl).toBeUndefined();
    expect(consent?.response?.location).toBeUndefined();
    expect((consent?.response?.outcome as OperationOutcome).issue).toContainEqual(expect.objectContaining({ severity: 'warning', code: 'not-found' }));
  });

  it('an unsupported If-None-Exist search is refused', async () => {
    const response = await gp.request('POST', '/fhir/Patient', testPatient(), { 'if-none-exist': 'name=Smith' });
    expect(response.status).toBe(400);
    expect(outcomeOf(response).issue?.[0]?.code).toBe('not-supported');
  });
});

describe(`FHIR API: Patient updates (${testBackend()})`, () => {
  it('needs If-Match; of two updates of the same version exactly one wins', async () => {
    const { patient } = await referral();
    const url = `/fhir/Patient/${patient.id ?? ''}`;
    const read = await gp.request('GET', url);
    expect(read.headers.etag).toBe('W/"1"');
    const current = read.body as Patient;
    // FHIR R4 http.html#concurrency: a server that requires If-Match answers 412 without it.
    const noIfMatch = await gp.request('PUT', url, current);
    expect(noIfMatch.status).toBe(412);
    expect(outcomeOf(noIfMatch).issue?.[0]?.code).toBe('required');
    const [a, b] = await Promise.all([
      gp.request('PUT', url, { ...current, birthDate: '1958-04-13' }, { 'if-match': 'W/"1"' }),
      gp.request('PUT', url, { ...current, birthDate: '1958-04-14' }, { 'if-match': 'W/"1"' }),
    ]);
    expect([a.status, b.status].sort()).toEqual([200, 412]);
    const loser = a.status === 412 ? a : b;
    expect(outcomeOf(loser).issue?.[0]?.code).toBe('conflict');
    const after = await gp.request('GET', url);
    expect(after.headers.etag).toBe('W/"2"');
  });

  it('keeps what FHIR cannot carry and refuses a mismatched id', async () => {
    const { patient } = await referral();
    const url = `/fhir/Patient/${patient.id ?? ''}`;
    const updated = await gp.request('PUT', url, { ...patient, telecom: [{ system: 'email', value: 'maya@example.org' }] }, { 'if-match': 'W/"1"', prefer: 'return=representation' });
    expect(updated.status, updated.text).toBe(200);
    expect((updated.body as Patient).telecom).toEqual([{ system: 'email', value: 'maya@example.org' }]);
    expect((updated.body as Patient).meta?.versionId).toBe('2');
    const wrongId = await gp.request('PUT', url, { ...patient, id: crypto.randomUUID() }, { 'if-match': 'W/"2"' });
    expect(wrongId.status).toBe(400);
    expect(expressions(wrongId)).toEqual(['Patient.id']);
  });
});

describe(`FHIR API: standalone creates (${testBackend()})`, () => {
  it('POST /fhir/ServiceRequest for a Patient this organisation referred, with Prefer: return=OperationOutcome', async () => {
    const { patient } = await referral();
    const response = await gp.request('POST', '/fhir/ServiceRequest', testServiceRequest(`Patient/${patient.id ?? ''}`, { reasonCode: [{ text: 'Debt worries' }], category: [{ coding: [{ system: 'http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes', code: 'financial-insecurity' }] }] }), { prefer: 'return=OperationOutcome' });
    expect(response.status, response.text).toBe(201);
    expect(response.headers.location).toMatch(/\/fhir\/ServiceRequest\/[0-9a-f-]{36}\/_history\/1$/);
    expect(outcomeOf(response).resourceType).toBe('OperationOutcome');
    expect(outcomeOf(response).issue?.map((i) => i.diagnostics)).toContainEqual(expect.stringContaining('No Consent was sent'));
  });
});

describe(`FHIR API: the Location of a create is readable (${testBackend()})`, () => {
  it('answers the current version at /_history/<vid>, and not found for another', async () => {
    const created = await gp.request('POST', '/fhir/Patient', testPatient());
    const location = String(created.headers.location).replace('http://localhost:80', '');
    expect(location).toMatch(/^\/fhir\/Patient\/[0-9a-f-]{36}\/_history\/1$/);
    const read = await gp.request('GET', location);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('W/"1"');
    expect((read.body as Patient).id).toBe((created.body as Patient).id);
    expect((await gp.request('GET', location.replace(/1$/, '2'))).status).toBe(404);
    expect((await bed.otherOrg.request('GET', location)).status).toBe(404);
    const { task } = await referral();
    expect((await gp.request('GET', `/fhir/Task/${task.id ?? ''}/_history/1`)).status).toBe(200);
  });
});

describe(`FHIR API: what another organisation learns (${testBackend()})`, () => {
  it("a hospital number one organisation sent is not shown to another that refers the same person", async () => {
    const nhs = testNhsNumber();
    const mrn = { system: 'urn:oid:2.16.840.1.113883.19.5', value: `MRN-${nhs}` };
    const first = await referral({ patient: testPatient({ identifier: [{ system: NHS_NUMBER_SYSTEM, value: nhs }, mrn] }) });
    const other = await bed.otherOrg.request('POST', '/fhir', referralBundle({ patient: testPatient({ identifier: [{ system: NHS_NUMBER_SYSTEM, value: nhs }] }) }));
    expect(other.status, other.text).toBe(200);
    const patientId = first.patient.id ?? '';
    const asOther = await bed.otherOrg.request('GET', `/fhir/Patient/${patientId}`);
    expect(asOther.status).toBe(200);
    expect((asOther.body as Patient).identifier).toEqual([{ system: NHS_NUMBER_SYSTEM, value: nhs }]);
    const asSender = await gp.request('GET', `/fhir/Patient/${patientId}`);
    expect((asSender.body as Patient).identifier).toEqual(expect.arrayContaining([expect.objectContaining(mrn)]));
  });

  it('posting a Patient whose NHS number is held answers 200 with an OperationOutcome, not the record', async () => {
    const nhs = testNhsNumber();
    await referral({ patient: testPatient({ identifier: [{ system: NHS_NUMBER_SYSTEM, value: nhs }] }) });
    const response = await bed.otherOrg.request('POST', '/fhir/Patient', testPatient({ identifier: [{ system: NHS_NUMBER_SYSTEM, value: nhs }] }));
    expect(response.status).toBe(200);
    expect(outcomeOf(response).resourceType).toBe('OperationOutcome');
    expect(response.text).not.toContain('Okafor');
  });

  it('a Patient posted on its own can be read and referred by id by its organisation, and by no other', async () => {
    const created = await gp.request('POST', '/fhir/Patient', testPatient());
    expect(created.status).toBe(201);
    const id = (created.body as Patient).id ?? '';
    expect((await gp.request('GET', `/fhir/Patient/${id}`)).status).toBe(200);
    expect((await bed.otherOrg.request('GET', `/fhir/Patient/${id}`)).status).toBe(404);
    const response = await gp.request('POST', '/fhir/ServiceRequest', testServiceRequest(`Patient/${id}`));
    expect(response.status).toBe(201);
    expect((await bed.otherOrg.request('POST', '/fhir/ServiceRequest', testServiceRequest(`Patient/${id}`))).status).toBe(400);
  });
});

describe(`FHIR API: errors are OperationOutcomes (${testBackend()})`, () => {
  it('an unexpected failure is a 500 that says only "quote this reference"', async () => {
    const spy = vi.spyOn(bed.t.ctx.data, 'inScheme').mockRejectedValueOnce(new Error('relation exploded for maya@example.org'));
    try {
      const response = await gp.request('GET', '/fhir/Task');
      expect(response.status).toBe(500);
      expect(outcomeOf(response).issue?.[0]).toMatchObject({ severity: 'error', code: 'exception' });
      expect(response.text).not.toContain('maya');
      expect(response.text).toContain(String(response.headers['x-request-id']));
    } finally {
      spy.mockRestore();
    }
  });


  it('names the element: a bad NHS number, a missing subject', async () => {
    const badNhs = await gp.request('POST', '/fhir/Patient', testPatient({ identifier: [{ system: NHS_NUMBER_SYSTEM, value: '1234567890' }] }));
    expect(badNhs.status).toBe(400);
    expect(expressions(badNhs)).toEqual(['Patient.identifier[0].value']);
    expect(outcomeOf(badNhs).issue?.[0]?.diagnostics).toBe('Enter a valid 10-digit NHS number, like 943 476 5919');
    const inBundle = await gp.request('POST', '/fhir', referralBundle({ patient: testPatient({ identifier: [{ system: NHS_NUMBER_SYSTEM, value: '1234567890' }] }) }));
    expect(expressions(inBundle)).toEqual(['Bundle.entry[0].resource.identifier[0].value']);
    const { subject: _subject, ...noSubject } = testServiceRequest('Patient/x');
    const missing = await gp.request('POST', '/fhir/ServiceRequest', noSubject);
    expect(missing.status).toBe(400);
    expect(expressions(missing)).toContain('ServiceRequest.subject');
  });

  it('refuses unknown types, bad JSON, other media types, big bodies, unknown search parameters', async () => {
    const unknownRoute = await gp.request('POST', '/fhir/Foo', { resourceType: 'Foo' });
    expect(unknownRoute.status).toBe(404);
    const wrongType = await gp.request('POST', '/fhir/Patient', { resourceType: 'Foo' });
    expect(wrongType.status).toBe(400);
    const inBundle = await gp.request('POST', '/fhir', { resourceType: 'Bundle', type: 'transaction', entry: [{ resource: { resourceType: 'Basic', code: { text: 'x' } }, request: { method: 'POST', url: 'Basic' } }] });
    expect(inBundle.status).toBe(400);
    expect(expressions(inBundle)).toContain('Bundle.entry[0].resource');
    const badJson = await gp.request('POST', '/fhir/Patient', '{"resourceType": "Patient",');
    expect(badJson.status).toBe(400);
    expect(outcomeOf(badJson).issue?.[0]?.code).toBe('structure');
    const plain = await gp.request('POST', '/fhir/Patient', 'hello', { 'content-type': 'text/plain' });
    expect(plain.status).toBe(415);
    const big = await gp.request('POST', '/fhir/Patient', testPatient({ name: [{ family: 'x'.repeat(70_000), given: ['y'] }] }));
    expect(big.status).toBe(413);
    const search = await gp.request('GET', '/fhir/Task?name=Smith');
    expect(search.status).toBe(400);
    for (const response of [unknownRoute, wrongType, badJson, plain, big, search]) {
      expect(response.headers['content-type']).toBe('application/fhir+json; fhirVersion=4.0; charset=utf-8');
      expect(outcomeOf(response).resourceType).toBe('OperationOutcome');
    }
  });

  it('accepts application/json too', async () => {
    const response = await gp.request('POST', '/fhir/Patient', testPatient(), { 'content-type': 'application/json' });
    expect(response.status).toBe(201);
  });
});

describe(`FHIR API: searches (${testBackend()})`, () => {
  it('Task by owner, status, focus and _lastUpdated, paged with links', async () => {
    const since = new Date().toISOString();
    const made = [await referral(), await referral(), await referral()];
    const owner = `Organization/${bed.scheme.organisations.host}`;
    const page = await gp.request('GET', `/fhir/Task?owner=${owner}&status=requested&_lastUpdated=ge${since}&_count=2`);
    expect(page.status, page.text).toBe(200);
    const bundle = page.body as Bundle;
    expect(bundle).toMatchObject({ type: 'searchset', total: 3 });
    expect(bundle.entry?.map((e) => e.search?.mode)).toEqual(['match', 'match']);
    const next = bundle.link?.find((l) => l.relation === 'next')?.url ?? '';
    expect(next).toMatch(/^http:\/\/localhost:80\/fhir\/Task\?.*_offset=2/);
    const second = await gp.request('GET', next.replace('http://localhost:80', ''));
    expect((second.body as Bundle).entry).toHaveLength(1);
    expect((second.body as Bundle).link?.map((l) => l.relation)).toEqual(['self', 'previous']);
    const byFocus = await gp.request('GET', `/fhir/Task?focus=ServiceRequest/${made[0]?.request.id ?? ''}`);
    expect((byFocus.body as Bundle).entry?.map((e) => e.resource?.id)).toEqual([made[0]?.task.id]);
    expect(((await gp.request('GET', '/fhir/Task?owner=Organization/00000000-0000-4000-8000-000000000000')).body as Bundle).total).toBe(0);
    expect((await gp.request('GET', '/fhir/Task?status=bogus')).status).toBe(400);
    expect((await gp.request('GET', '/fhir/Task?_lastUpdated=ge2026-01-01T10:00')).status).toBe(400); // a time needs a zone
  });

  it('_lastUpdated compares with the whole day (or month, year) a date stands for', async () => {
    const { task } = await referral();
    const today = new Date().toISOString().slice(0, 10);
    const ids = async (query: string) => ((await gp.request('GET', `/fhir/Task?focus=ServiceRequest/${task.focus?.reference?.split('/')[1] ?? ''}&${query}`)).body as Bundle).total;
    expect(await ids(`_lastUpdated=le${today}`)).toBe(1);
    expect(await ids(`_lastUpdated=${today}`)).toBe(1);
    expect(await ids(`_lastUpdated=${today.slice(0, 7)}`)).toBe(1);
    expect(await ids(`_lastUpdated=gt${today}`)).toBe(0);
    expect(await ids(`_lastUpdated=lt${today}`)).toBe(0);
    expect(await ids(`_lastUpdated=ne${today}`)).toBe(0);
  });

  it('caps a large _count, takes _format=json, and answers an empty search without an empty entry array', async () => {
    await referral();
    const big = await gp.request('GET', '/fhir/Task?_count=500&_format=json');
    expect(big.status, big.text).toBe(200);
    expect((big.body as Bundle).link?.find((l) => l.relation === 'self')?.url).toContain('_count=100');
    expect((await gp.request('GET', '/fhir/Task?_format=xml')).status).toBe(406);
    const none = await gp.request('GET', '/fhir/Task?owner=Organization/00000000-0000-4000-8000-000000000000');
    expect(none.body).toMatchObject({ type: 'searchset', total: 0 });
    expect(none.body).not.toHaveProperty('entry');
  });

  it('Patient by NHS number and ServiceRequest by subject', async () => {
    const nhs = testNhsNumber();
    const { patient, request } = await referral({ patient: testPatient({ identifier: [{ system: NHS_NUMBER_SYSTEM, value: nhs }] }) });
    const found = await gp.request('GET', `/fhir/Patient?identifier=${encodeURIComponent(`${NHS_NUMBER_SYSTEM}|${nhs}`)}`);
    expect((found.body as Bundle).entry?.map((e) => e.resource?.id)).toEqual([patient.id]);
    const hidden = await bed.otherOrg.request('GET', `/fhir/Patient?identifier=${encodeURIComponent(`${NHS_NUMBER_SYSTEM}|${nhs}`)}`);
    expect((hidden.body as Bundle).total).toBe(0);
    const bySubject = await gp.request('GET', `/fhir/ServiceRequest?subject=Patient/${patient.id ?? ''}&status=active`);
    expect((bySubject.body as Bundle).entry?.map((e) => e.resource?.id)).toEqual([request.id]);
  });

  it('reads the host Organization', async () => {
    const response = await gp.request('GET', `/fhir/Organization/${bed.scheme.organisations.practice}`);
    expect(response.status).toBe(200);
    expect((response.body as Organization).identifier).toEqual([{ system: 'https://fhir.nhs.uk/Id/ods-organization-code', value: 'Y00001' }]);
    expect((await gp.request('GET', '/fhir/Organization/not-a-uuid')).status).toBe(404);
  });
});
