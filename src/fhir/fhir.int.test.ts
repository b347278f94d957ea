import { readFileSync } from 'node:fs';
import type { Bundle, CapabilityStatement, Composition, OperationOutcome, Patient, ServiceRequest, Task } from '@medplum/fhirtypes';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { projectPath } from '../project-path.js';
import { signInAs } from '../testing/app.js';
import { testBackend } from '../testing/database.js';
import { FhirTestBed, referralBundle, type FhirClient, type FhirResponse } from './test-kit.js';

/*
 * The FHIR API end to end: a referral sent as a transaction and followed through its Task, the
 * SDOHCC IG's own examples, and what another organisation may see. Writes, conditional creates,
 * errors and searches are in fhir-writes.int.test.ts. Every response body of every test is
 * checked with both R4 validators (afterEach).
 */
let bed: FhirTestBed;
let gp: FhirClient;
let otherOrg: FhirClient;

beforeAll(async () => {
  bed = await FhirTestBed.open();
  ({ gp, otherOrg } = bed);
});
afterAll(async () => bed.t.close());
afterEach(() => {
  expect(bed.invalidResponses()).toEqual([]);
});

const outcomeOf = (response: FhirResponse) => response.body as OperationOutcome;
const entries = (response: FhirResponse) => (response.body as Bundle).entry ?? [];

describe(`FHIR API: metadata and authentication (${testBackend()})`, () => {
  it('publishes a CapabilityStatement without sign-in', async () => {
    const response = await bed.anonymous('GET', '/fhir/metadata');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('application/fhir+json; fhirVersion=4.0; charset=utf-8');
    const statement = response.body as CapabilityStatement;
    expect(statement).toMatchObject({ status: 'active', kind: 'instance', fhirVersion: '4.0.1' });
    const rest = statement.rest?.[0];
    expect(rest?.resource?.map((r) => r.type)).toEqual(['Patient', 'ServiceRequest', 'Task', 'Composition', 'Organization', 'Questionnaire', 'QuestionnaireResponse', 'Observation']);
    expect(rest?.interaction).toEqual([{ code: 'transaction' }]);
    expect(JSON.stringify(rest?.security)).toContain('http://localhost:80/oauth/token');
  });

  it('refuses missing and invalid tokens and session cookies with OperationOutcome 401', async () => {
    const missing = await bed.anonymous('GET', '/fhir/Task');
    expect(missing.status).toBe(401);
    expect(missing.headers['content-type']).toMatch(/fhir\+json/);
    const invalid = await bed.anonymous('GET', '/fhir/Task', undefined, { authorization: 'Bearer nonsense' });
    expect(invalid.status).toBe(401);
    expect(invalid.headers['www-authenticate']).toContain('invalid_token');
    expect(outcomeOf(invalid).issue?.[0]).toMatchObject({ severity: 'error', code: 'login' });
    const session = await signInAs(bed.t.app, bed.linkWorker);
    expect((await bed.anonymous('GET', '/fhir/Task', undefined, { cookie: session.cookie })).status).toBe(401);
    // Without the CSRF header the session hook refuses first; the FHIR API still says 401.
    expect((await bed.anonymous('POST', '/fhir', referralBundle(), { cookie: session.cookie })).status).toBe(401);
  });
});

describe(`FHIR API: a referral as a transaction, followed through its Task (${testBackend()})`, () => {
  it('creates Patient, ServiceRequest, Consent and a requested Task owned by the host', async () => {
    const response = await gp.request('POST', '/fhir', referralBundle());
    expect(response.status, response.text).toBe(200);
    const bundle = response.body as Bundle;
    expect(bundle.type).toBe('transaction-response');
    const [patient, request, consent, task] = entries(response);
    expect(patient?.response).toMatchObject({ status: '201 Created', etag: 'W/"1"' });
    expect(patient?.response?.location).toMatch(/^Patient\/[0-9a-f-]{36}\/_history\/1$/);
    expect(request?.response?.status).toBe('201 Created');
    expect(consent?.response?.location).toMatch(/^Consent\/[0-9a-f-]{36}$/);
    const taskResource = task?.resource as Task;
    expect(taskResource).toMatchObject({ resourceType: 'Task', status: 'requested', intent: 'order' });
    expect(taskResource.owner?.reference).toBe(`Organization/${bed.scheme.organisations.host}`);
    expect(taskResource.focus?.reference).toBe(`ServiceRequest/${(request?.resource as ServiceRequest).id ?? ''}`);
    expect(taskResource.for?.reference).toBe(`Patient/${(patient?.resource as Patient).id ?? ''}`);

    const read = await gp.request('GET', `/fhir/Task/${taskResource.id ?? ''}`);
    expect(read.status).toBe(200);
    expect(read.headers.etag).toBe('W/"1"');
    expect(read.headers['last-modified']).toBeTruthy();
    expect((read.body as Task).status).toBe('requested');
  });

  it('shows allocation as accepted and first contact as in-progress; the ServiceRequest stays active', async () => {
    const created = await gp.request('POST', '/fhir', referralBundle());
    const [, request, , task] = entries(created);
    const referralId = (request?.resource as ServiceRequest).id ?? '';
    const taskUrl = `/fhir/Task/${(task?.resource as Task).id ?? ''}`;

    await bed.advance(referralId, { type: 'allocate', linkWorkerId: bed.linkWorker.userId });
    const accepted = await gp.request('GET', taskUrl);
    expect((accepted.body as Task).status).toBe('accepted');
    expect((accepted.body as Task).businessStatus?.coding?.[0]?.code).toBe('accepted');
    expect(accepted.headers.etag).toBe('W/"2"');

    await bed.advance(referralId, { type: 'record_first_contact' });
    const inProgress = await gp.request('GET', taskUrl);
    expect((inProgress.body as Task).status).toBe('in-progress');
    expect((inProgress.body as Task).executionPeriod?.start).toBeTruthy();
    const sr = await gp.request('GET', `/fhir/ServiceRequest/${referralId}`);
    expect((sr.body as ServiceRequest).status).toBe('active');
  });

  it('shows a decline as rejected with the SNOMED reason', async () => {
    const created = await gp.request('POST', '/fhir', referralBundle());
    const [, request, , task] = entries(created);
    await bed.advance((request?.resource as ServiceRequest).id ?? '', { type: 'decline', reasonCode: 'not-wanted-now' });
    const read = await gp.request('GET', `/fhir/Task/${(task?.resource as Task).id ?? ''}`);
    expect(read.body).toMatchObject({ status: 'rejected', statusReason: { coding: [{ code: '871711000000103' }], text: 'Does not want support now' } });
    const sr = await gp.request('GET', `/fhir/ServiceRequest/${(request?.resource as ServiceRequest).id ?? ''}`);
    expect((sr.body as ServiceRequest).status).toBe('revoked');
  });

  it('hides a referral from another organisation’s client (404 OperationOutcome)', async () => {
    const created = await gp.request('POST', '/fhir', referralBundle());
    const [patient, request, , task] = entries(created);
    for (const url of [
      `/fhir/Task/${(task?.resource as Task).id ?? ''}`,
      `/fhir/ServiceRequest/${(request?.resource as ServiceRequest).id ?? ''}`,
      `/fhir/Patient/${(patient?.resource as Patient).id ?? ''}`,
    ]) {
      const response = await otherOrg.request('GET', url);
      expect(response.status, url).toBe(404);
      expect(outcomeOf(response).issue?.[0]?.code).toBe('not-found');
    }
    const search = await otherOrg.request('GET', `/fhir/Task?focus=ServiceRequest/${(request?.resource as ServiceRequest).id ?? ''}`);
    expect((search.body as Bundle).total).toBe(0);
  });
});

describe(`FHIR API: the message back to GP and referrer as a Composition (${testBackend()})`, () => {
  const sectionText = (composition: Composition, title: string) => composition.section?.find((s) => s.title === title)?.text?.div ?? '';

  async function newReferral(): Promise<{ referralId: string; patientId: string; taskId: string }> {
    const created = await gp.request('POST', '/fhir', referralBundle());
    expect(created.status, created.text).toBe(200);
    const [patient, request, , task] = entries(created);
    return { referralId: (request?.resource as ServiceRequest).id ?? '', patientId: (patient?.resource as Patient).id ?? '', taskId: (task?.resource as Task).id ?? '' };
  }

  it('is preliminary while open, final once closed; the Task points at it; the read is audited', async () => {
    const { referralId, patientId, taskId } = await newReferral();
    const url = `/fhir/Composition/${referralId}`;

    const open = await gp.request('GET', url);
    expect(open.status, open.text).toBe(200);
    expect(open.headers['content-type']).toBe('application/fhir+json; fhirVersion=4.0; charset=utf-8');
    expect(open.body).toMatchObject({ resourceType: 'Composition', id: referralId, status: 'preliminary' });
    expect((await gp.request('GET', `/fhir/Task/${taskId}`)).body).not.toHaveProperty('output');

    const readsBefore = await bed.clientReads(referralId);
    await bed.advance(referralId, { type: 'allocate', linkWorkerId: bed.linkWorker.userId });
    await bed.advance(referralId, { type: 'record_first_contact' });
    await bed.advance(referralId, { type: 'close', reasonCode: 'goals-met', outcomeSummary: 'Joined a <walking> group & a choir.' });

    const closed = await gp.request('GET', url);
    expect(closed.status, closed.text).toBe(200);
    const composition = closed.body as Composition;
    const sr = (await gp.request('GET', `/fhir/ServiceRequest/${referralId}`)).body as ServiceRequest;
    expect(composition).toMatchObject({
      status: 'final',
      type: { text: 'Social prescribing: message back to GP and referrer' },
      subject: { reference: `Patient/${patientId}` },
      author: [{ reference: `Organization/${bed.scheme.organisations.host}` }],
      date: sr.meta?.lastUpdated,
    });
    expect(composition.section?.map((s) => [s.title, s.entry?.map((e) => e.reference)])).toEqual([
      ['About me', [`Patient/${patientId}`]],
      ['What matters to me', [`ServiceRequest/${referralId}`]],
      ['What I was offered', [`Task/${taskId}`]],
      ['What the result was', [`Task/${taskId}`]],
    ]);
    expect(sectionText(composition, 'What the result was')).toContain('Closed: Goals met');
    expect(sectionText(composition, 'What the result was')).toContain('Joined a &lt;walking&gt; group &amp; a choir.');
    expect(sectionText(composition, 'What I was offered')).toContain('First contact made');
    expect(await bed.clientReads(referralId)).toBeGreaterThan(readsBefore);

    const task = (await gp.request('GET', `/fhir/Task/${taskId}`)).body as Task;
    expect(task.status).toBe('completed');
    const pointer = task.output?.find((o) => o.valueReference)?.valueReference?.reference;
    expect(pointer).toBe(`Composition/${referralId}`);
    expect((await gp.request('GET', `/fhir/${pointer ?? ''}`)).status).toBe(200);
  });

  it('is not found for another organisation’s client, or for an id that names no referral', async () => {
    const { referralId, taskId } = await newReferral();
    await bed.advance(referralId, { type: 'decline', reasonCode: 'not-wanted-now' });
    const readsBefore = await bed.clientReads(referralId);
    const other = await otherOrg.request('GET', `/fhir/Composition/${referralId}`);
    expect(other.status).toBe(404);
    expect(outcomeOf(other).issue?.[0]).toMatchObject({ severity: 'error', code: 'not-found' });
    expect(await bed.clientReads(referralId)).toBe(readsBefore);
    // The id is the referral's (ServiceRequest's), not the Task's.
    expect((await gp.request('GET', `/fhir/Composition/${taskId}`)).status).toBe(404);
    expect((await gp.request('GET', '/fhir/Composition/not-a-uuid')).status).toBe(404);
    const own = await gp.request('GET', `/fhir/Composition/${referralId}`);
    expect(own.body).toMatchObject({ status: 'final' });
    expect(sectionText(own.body as Composition, 'What the result was')).toContain('Declined by the person: Does not want support now');
  });

  it('still goes back to the referrer after consent is withdrawn, and says so', async () => {
    const { referralId, taskId } = await newReferral();
    await bed.advance(referralId, { type: 'allocate', linkWorkerId: bed.linkWorker.userId });
    await bed.withdrawConsent(referralId, 'No longer wants contact');
    await bed.advance(referralId, { type: 'close', reasonCode: 'consent-withdrawn' });
    const response = await gp.request('GET', `/fhir/Composition/${referralId}`);
    expect(response.status, response.text).toBe(200);
    const result = sectionText(response.body as Composition, 'What the result was');
    expect(result).toContain('The person withdrew their consent on');
    expect(result).toContain('Closed: Consent withdrawn');
    expect(result).not.toContain('No longer wants contact');
    const task = (await gp.request('GET', `/fhir/Task/${taskId}`)).body as Task;
    expect(task.status).toBe('cancelled');
    expect(task.output?.map((o) => o.valueReference?.reference)).toContain(`Composition/${referralId}`);
  });
});

describe(`FHIR API: SDOH Clinical Care IG examples (${testBackend()})`, () => {
  const example = (name: string): unknown => JSON.parse(readFileSync(projectPath('..', 'shared', 'conformance', 'fhir', 'sdohcc-examples', name), 'utf8'));

  it('accepts Patient-pat-53234 with the food pantry ServiceRequest, listing what it could not keep', async () => {
    const bundle = {
      resourceType: 'Bundle',
      type: 'transaction',
      entry: [
        { fullUrl: 'http://example.org/fhir/Patient/pat-53234', resource: example('Patient-pat-53234.json'), request: { method: 'POST', url: 'Patient' } },
        {
          fullUrl: 'http://example.org/fhir/ServiceRequest/SDOHCC-ServiceRequestActiveFoodPantryApplicationAssistExample',
          resource: example('ServiceRequest-SDOHCC-ServiceRequestActiveFoodPantryApplicationAssistExample.json'),
          request: { method: 'POST', url: 'ServiceRequest' },
        },
      ],
    };
    const response = await gp.request('POST', '/fhir', bundle);
    expect(response.status, response.text).toBe(200);
    const [patient, request] = entries(response);
    expect(patient?.response?.status).toBe('201 Created');
    const patientWarnings = (patient?.response?.outcome as OperationOutcome).issue?.flatMap((i) => i.expression ?? []);
    expect(patientWarnings).toEqual(
      expect.arrayContaining([
        'Bundle.entry[0].resource.extension[0]', // us-core-race
        'Bundle.entry[0].resource.extension[1]', // us-core-ethnicity
        'Bundle.entry[0].resource.extension[2]', // us-core-birthsex
        'Bundle.entry[0].resource.name[0]', // the earlier name
        'Bundle.entry[0].resource.address[1].postalCode', // a US ZIP code
      ]),
    );
    const requestOutcome = request?.response?.outcome as OperationOutcome;
    expect(requestOutcome.issue?.flatMap((i) => i.expression ?? [])).toEqual(
      expect.arrayContaining(['Bundle.entry[1].resource.reasonReference', 'Bundle.entry[1].resource.code']),
    );
    const sr = request?.resource as ServiceRequest;
    expect(sr.category?.flatMap((c) => c.coding?.map((x) => x.code) ?? [])).toContain('food');
    expect(sr.reasonCode?.[0]?.text).toBe('Assistance with application for food pantry program');
    // The hospital's medical record number is kept as a business identifier.
    expect((patient?.resource as Patient).identifier).toContainEqual({ system: 'http://hospital.smarthealthit.org', value: '1032702' });
  });
});
