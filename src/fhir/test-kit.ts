/**
 * Helpers for the FHIR integration tests: an OAuth client of an organisation, a request helper
 * that checks every FHIR body it gets back with both R4 validators, and referral Bundles.
 */
import { randomUUID } from 'node:crypto';
import type { Bundle, Consent, Patient, ServiceRequest } from '@medplum/fhirtypes';
import type { App } from '../http/app.js';
import type { Actor, DataAccess } from '../data/access.js';
import { withdrawConsent } from '../referrals/consent.js';
import { applyReferralEvent } from '../referrals/transition-referral.js';
import { addApiClient } from '../schemes/provision.js';
import { createTestScheme, createTestUser, openTestApp, type TestApp, type TestScheme, type TestUser } from '../testing/app.js';
import { testNhsNumber } from '../testing/referrals.js';
import { NEED_CATEGORY_SYSTEM, NHS_NUMBER_SYSTEM, ODS_SYSTEM, SOCIAL_PRESCRIBING_REFERRAL } from './mapping/codes.js';
import { validateR4, type ValidationIssue } from './validate.js';

export interface FhirResponse {
  status: number;
  headers: Record<string, string | string[] | number | undefined>;
  body: unknown;
  text: string;
}

export interface FhirClient {
  token: string;
  request(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, headers?: Record<string, string>): Promise<FhirResponse>;
}

/** Every FHIR body must validate; returns the problems, if any, so a test can say which. */
export function invalidBody(response: FhirResponse): ValidationIssue[] {
  if (response.text === '') return [];
  const result = validateR4(response.body);
  return result.valid ? [] : result.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal');
}

export async function clientFor(app: App, data: DataAccess, schemeId: string, organisationId: string): Promise<FhirClient> {
  const { clientId, clientSecret } = await addApiClient(data, schemeId, { name: 'GP system', organisationId, scopes: ['referrals.write', 'referrals.read'] }, 'test');
  const tokenResponse = await app.inject({
    method: 'POST',
    url: '/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `grant_type=client_credentials&client_id=${clientId}&client_secret=${clientSecret}`,
  });
  const token = tokenResponse.json<{ access_token: string }>().access_token;
  return { token, request: (method, url, body, headers = {}) => fhirRequest(app, method, url, body, { authorization: `Bearer ${token}`, ...headers }) };
}

export async function fhirRequest(app: App, method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<FhirResponse> {
  const response = await app.inject({
    method,
    url,
    headers: { ...(body !== undefined ? { 'content-type': 'application/fhir+json; fhirVersion=4.0' } : {}), ...headers },
    ...(body !== undefined ? { payload: typeof body === 'string' ? body : JSON.stringify(body) } : {}),
  });
  const text = response.body;
  let parsed: unknown = undefined;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: response.statusCode, headers: response.headers, body: parsed, text };
}

export function testPatient(overrides: Partial<Patient> = {}): Patient {
  return {
    resourceType: 'Patient',
    identifier: [{ system: NHS_NUMBER_SYSTEM, value: testNhsNumber() }],
    name: [{ use: 'official', family: `Okafor-${randomUUID().slice(0, 6)}`, given: ['Maya'] }],
    telecom: [{ system: 'phone', value: '07700 900123', rank: 1 }],
    gender: 'female',
    birthDate: '1958-04-12',
    address: [{ use: 'home', line: ['1 High Street'], city: 'Leeds', postalCode: 'LS1 4AP' }],
    communication: [{ language: { text: 'English' }, preferred: true }],
    generalPractitioner: [{ identifier: { system: ODS_SYSTEM, value: 'Y00001' } }],
    ...overrides,
  };
}

export function testServiceRequest(subject: string, overrides: Partial<ServiceRequest> = {}): ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    identifier: [{ system: 'https://gp.example/referral-id', value: randomUUID() }],
    status: 'active',
    intent: 'order',
    category: [{ coding: [{ system: NEED_CATEGORY_SYSTEM, code: 'loneliness' }] }],
    code: { coding: [SOCIAL_PRESCRIBING_REFERRAL] },
    subject: { reference: subject },
    priority: 'routine',
    reasonCode: [{ text: 'Lives alone since her husband died; lonely and low in mood.' }],
    note: [{ text: 'I would like to get out of the house and meet people.' }],
    requester: { display: 'Dr A Example' },
    ...overrides,
  };
}

export function testConsent(patient: string): Consent {
  return {
    resourceType: 'Consent',
    status: 'active',
    scope: { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/consentscope', code: 'patient-privacy' }] },
    category: [{ coding: [{ system: 'http://loinc.org', code: '59284-0' }] }],
    patient: { reference: patient },
    dateTime: '2026-11-20T10:00:00Z',
  };
}

export interface BundleOptions {
  patient?: Patient;
  serviceRequest?: Partial<ServiceRequest>;
  consent?: boolean;
  patientIfNoneExist?: string;
  requestIfNoneExist?: string;
}

/** Patient + ServiceRequest [+ Consent], linked by urn:uuid fullUrls. */
export function referralBundle(options: BundleOptions = {}): Bundle {
  const patientUrl = `urn:uuid:${randomUUID()}`;
  return {
    resourceType: 'Bundle',
    type: 'transaction',
    entry: [
      {
        fullUrl: patientUrl,
        resource: options.patient ?? testPatient(),
        request: { method: 'POST', url: 'Patient', ...(options.patientIfNoneExist ? { ifNoneExist: options.patientIfNoneExist } : {}) },
      },
      {
        fullUrl: `urn:uuid:${randomUUID()}`,
        resource: testServiceRequest(patientUrl, options.serviceRequest),
        request: { method: 'POST', url: 'ServiceRequest', ...(options.requestIfNoneExist ? { ifNoneExist: options.requestIfNoneExist } : {}) },
      },
      ...(options.consent === false ? [] : [{ fullUrl: `urn:uuid:${randomUUID()}`, resource: testConsent(patientUrl), request: { method: 'POST' as const, url: 'Consent' } }]),
    ],
  };
}

/**
 * One app and scheme for a test file: a GP practice's client, a community group's client (another
 * organisation), a manager and a link worker; every FHIR response is kept for validation.
 */
export class FhirTestBed {
  private constructor(
    readonly t: TestApp,
    readonly scheme: TestScheme,
    readonly gp: FhirClient,
    readonly otherOrg: FhirClient,
    readonly manager: TestUser,
    readonly linkWorker: TestUser,
    private readonly responses: FhirResponse[],
  ) {}

  static async open(env: Record<string, string> = {}): Promise<FhirTestBed> {
    const t = await openTestApp(env);
    const scheme = await createTestScheme(t.ctx.data);
    const responses: FhirResponse[] = [];
    const track = (client: FhirClient): FhirClient => ({
      token: client.token,
      request: async (...args) => {
        const response = await client.request(...args);
        responses.push(response);
        return response;
      },
    });
    const gp = track(await clientFor(t.app, t.ctx.data, scheme.schemeId, scheme.organisations.practice));
    const otherOrg = track(await clientFor(t.app, t.ctx.data, scheme.schemeId, scheme.organisations.vcse));
    const manager = await createTestUser(t.ctx.data, scheme, 'scheme_manager');
    const linkWorker = await createTestUser(t.ctx.data, scheme, 'link_worker');
    return new FhirTestBed(t, scheme, gp, otherOrg, manager, linkWorker, responses);
  }

  /** A request with headers of the test's choosing (no token unless given). */
  async anonymous(method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<FhirResponse> {
    const response = await fhirRequest(this.t.app, method, url, body, headers);
    this.responses.push(response);
    return response;
  }

  /** The responses since the last call whose bodies are not valid R4, with their problems. */
  invalidResponses(): { body: string; issues: ValidationIssue[] }[] {
    return this.responses
      .splice(0)
      .map((r) => ({ body: r.text.slice(0, 300), issues: invalidBody(r) }))
      .filter((r) => r.issues.length > 0);
  }

  private managerActor(): Actor {
    return {
      type: 'user',
      schemeId: this.scheme.schemeId,
      userId: this.manager.userId,
      label: 'Test manager',
      role: 'scheme_manager',
      membershipId: this.manager.membershipId,
      organisationId: this.scheme.organisations.host,
    };
  }

  /** Moves a referral on, as the scheme manager would through the service. */
  async advance(referralId: string, event: Parameters<typeof applyReferralEvent>[3]): Promise<void> {
    const deps = { jobs: this.t.ctx.jobs, config: this.t.ctx.config };
    await this.t.ctx.data.inScheme(this.managerActor(), {}, (scope) => applyReferralEvent(scope, deps, referralId, event, {}));
  }

  /** The person withdraws their consent to the referral, recorded by the scheme manager. */
  async withdrawConsent(referralId: string, reason?: string): Promise<void> {
    await this.t.ctx.data.inScheme(this.managerActor(), {}, (scope) => withdrawConsent(scope, referralId, reason));
  }

  /** Audited reads of a record (by default a referral) by integration clients. */
  async clientReads(entityId: string, entityType = 'referral'): Promise<number> {
    const row = await this.t.ctx.data.inScheme({ type: 'system', schemeId: this.scheme.schemeId, label: 'test' }, {}, (scope) =>
      scope.db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('scheme_id', '=', scope.schemeId)
        .where('actor_type', '=', 'client')
        .where('action', '=', 'read')
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .executeTakeFirstOrThrow(),
    );
    return Number(row.n);
  }

  async count(table: 'people' | 'referrals' | 'external_identifiers' | 'consents'): Promise<number> {
    const row = await this.t.ctx.data.inScheme({ type: 'system', schemeId: this.scheme.schemeId, label: 'test' }, {}, (scope) =>
      scope.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).where('scheme_id', '=', scope.schemeId).executeTakeFirstOrThrow(),
    );
    return Number(row.n);
  }
}
