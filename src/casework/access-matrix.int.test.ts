import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseworkSettings } from '../contracts/casework.js';
import type { ProviderInbox, ProviderReferral, Register } from '../contracts/onward.js';
import { addApiClient } from '../schemes/provision.js';
import { createTestUser, openTestApp, signInAs, type TestApp } from '../testing/app.js';
import { testBackend } from '../testing/database.js';
import { addAlert, addContact, addGoal, type CaseRef } from './caseload/test-rows.js';
import { addCase, placeOnward } from './attendance/test-onward.js';
import { at, madeContact } from './contacts/contact-test-kit.js';
import { onwardBody, PERSON } from './onward/onward-test-kit.js';
import { asSystem, caseworkScheme, ifMatch, type CaseworkScheme } from './test-kit.js';

/**
 * Who may do what with casework, over HTTP, with the exact status for every caller. The provider
 * (`vcse_provider`) belongs to the organisation that runs the service this case was referred on
 * to; `other_provider` is a VCSE user of another organisation. The API client belongs to the GP
 * practice that made the referral.
 */

const CALLERS = ['referrer', 'link_worker', 'scheme_manager', 'vcse_provider', 'safeguarding_lead', 'commissioner', 'system_admin', 'api_client', 'other_provider'] as const;
type Caller = (typeof CALLERS)[number];
type Expected = Record<Caller, number>;

const row = (defaultStatus: number, overrides: Partial<Expected>): Expected =>
  Object.fromEntries(CALLERS.map((c) => [c, overrides[c] ?? defaultStatus])) as Expected;
const caseworkers = (status: number): Expected => row(403, { link_worker: status, scheme_manager: status });

// Written out by hand from the rules, not derived from the policy table.
//
// A choice where the rules are silent: the provider portal's routes are another door to the
// onward referral, and the scheme's caseworkers may already read and change every onward
// referral in the scheme, so they get the same answers there (a caseworker's organisation runs no
// services, so their inbox and service list are empty rather than refused).
const provider = (ok: number): Expected => row(403, { link_worker: ok, scheme_manager: ok, vcse_provider: ok, other_provider: 404 });
const EXPECTED = {
  readSettings: caseworkers(200),
  updateSettings: row(403, { scheme_manager: 200 }),
  caseload: caseworkers(200),
  caseloadBalance: row(403, { scheme_manager: 200 }),
  reassign: row(403, { scheme_manager: 200 }),
  listAlerts: caseworkers(200),
  resolveAlert: caseworkers(200),
  addTask: caseworkers(201),
  taskDone: caseworkers(200),
  closeCase: caseworkers(200),
  listAssessments: caseworkers(200),
  createAssessment: caseworkers(201),
  readPlan: caseworkers(200),
  createGoal: caseworkers(201),
  updateGoal: caseworkers(200),
  goalProgress: caseworkers(200),
  planCopy: caseworkers(200),
  sendPlan: caseworkers(200),
  listContacts: caseworkers(200),
  createContact: caseworkers(201),
  contactOutcome: caseworkers(200),
  // Only the worker on the visit checks in; a manager acknowledges, and nobody else does either.
  checkIn: row(403, { link_worker: 200 }),
  acknowledge: row(403, { scheme_manager: 200 }),
  loneWorkingBoard: caseworkers(200),
  caseOnward: caseworkers(200),
  previewOnward: caseworkers(200),
  createOnward: caseworkers(201),
  // The link worker's view of an onward referral carries the consent, events and person id: not the provider's.
  readOnward: caseworkers(200),
  onwardEvent: caseworkers(200),
  signpost: caseworkers(201),
  providerInbox: { ...provider(200), other_provider: 200 },
  providerReferral: provider(200),
  providerEvent: provider(200),
  providerServices: { ...provider(200), other_provider: 200 },
  // Listings are maintained by their own organisation, and by managers and administrators (the directory's rule).
  capacity: row(403, { scheme_manager: 200, system_admin: 200, vcse_provider: 200, other_provider: 404 }),
  readRegister: provider(200),
  saveRegister: provider(200),
  raiseConcern: provider(201),
  listConcerns: row(403, { link_worker: 200, scheme_manager: 200, safeguarding_lead: 200 }),
  // What else a provider might try about the person: nothing.
  readPerson: row(403, { link_worker: 200, scheme_manager: 200, api_client: 200 }),
  readReferral: row(403, { referrer: 200, link_worker: 200, scheme_manager: 200, api_client: 200 }),
  personOutcomes: caseworkers(200),
} satisfies Record<string, Expected>;

/** Records of their own for each caller, so that one caller's successful write changes nothing another is tested on. */
interface Fresh {
  goals: [string, string];
  contactId: string;
  checkInVisit: string;
  ackVisit: string;
  alertId: string;
  taskId: string;
  closeCase: string;
  reassignCase: string;
  onwardCase: string;
  sentForProvider: string;
  sentForWorker: string;
  accepted: string;
}

let t: TestApp;
let cw: CaseworkScheme;
let caseRef: CaseRef;
let liveOnward: string;
let cleanCase: string;
let secondWorkerId: string;
let secondWorker: Record<string, string>;
const headers = {} as Record<Caller, Record<string, string>>;
const fresh = {} as Record<Caller, Fresh>;
const TODAY = new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  t = await openTestApp();
  cw = await caseworkScheme(t, { person: PERSON });
  caseRef = { schemeId: cw.scheme.schemeId, referralId: cw.referralId, personId: cw.personId };
  const signIn = async (role: 'commissioner' | 'system_admin') => (await signInAs(t.app, await createTestUser(t.ctx.data, cw.scheme, role))).headers;
  Object.assign(headers, {
    referrer: cw.referrer.headers,
    link_worker: cw.worker.headers,
    scheme_manager: cw.manager.headers,
    vcse_provider: cw.provider.headers,
    safeguarding_lead: cw.safeguarding.headers,
    commissioner: await signIn('commissioner'),
    system_admin: await signIn('system_admin'),
    other_provider: cw.otherProvider.headers,
  });
  const { clientId, clientSecret } = await addApiClient(t.ctx.data, cw.scheme.schemeId, { name: 'GP system', organisationId: cw.scheme.organisations.practice, scopes: [] }, 'test');
  const token = await t.app.inject({
    method: 'POST',
    url: '/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `grant_type=client_credentials&client_id=${clientId}&client_secret=${clientSecret}`,
  });
  headers.api_client = { authorization: `Bearer ${token.json<{ access_token: string }>().access_token}` };
  const second = await createTestUser(t.ctx.data, cw.scheme, 'link_worker');
  secondWorkerId = second.userId;
  secondWorker = (await signInAs(t.app, second)).headers;
  liveOnward = (await placeOnward(t, cw, { referralId: cw.referralId, personId: cw.personId, name: 'Grace Kim' })).id;
  cleanCase = (await addCase(t, cw)).referralId;

  for (const caller of CALLERS) {
    const visit = async (minutesAgo: number | null): Promise<string> => {
      const start = at(new Date(), 30);
      const made = await madeContact(t, cw, { mode: 'home_visit', scheduledAt: start.toISOString(), expectedCheckInAt: at(start, 60).toISOString() });
      if (minutesAgo !== null) {
        const expected = at(new Date(), -minutesAgo);
        await asSystem(t, cw.scheme.schemeId, async (scope) => {
          await scope.db.updateTable('contacts').set({ scheduled_at: at(expected, -60) }).where('id', '=', made.id).execute();
          await scope.db.updateTable('lone_working_visits').set({ expected_check_in_at: expected }).where('contact_id', '=', made.id).execute();
        });
      }
      return made.id;
    };
    const taskAlert = await addAlert(t, caseRef, `matrix-task-${caller}`);
    const place = async (status: 'sent' | 'accepted') =>
      (await placeOnward(t, cw, { referralId: cw.referralId, personId: cw.personId, name: `Person for ${caller}`, status, acceptedOn: status === 'sent' ? null : '2025-01-06' })).id;
    fresh[caller] = {
      goals: [await addGoal(t, caseRef, { title: `Edit ${caller}`, reviewDate: null, status: 'not_started' }), await addGoal(t, caseRef, { title: `Start ${caller}`, reviewDate: null, status: 'not_started' })],
      contactId: await addContact(t, caseRef, { status: 'booked', scheduledAt: at(new Date(), -120).toISOString(), workerId: cw.workerId }),
      checkInVisit: await visit(null),
      ackVisit: await visit(30),
      alertId: await addAlert(t, caseRef, `matrix-resolve-${caller}`),
      taskId: await asSystem(t, cw.scheme.schemeId, async (scope) => (await scope.db.selectFrom('case_tasks').select('id').where('alert_id', '=', taskAlert).executeTakeFirstOrThrow()).id),
      closeCase: (await addCase(t, cw)).referralId,
      reassignCase: (await addCase(t, cw)).referralId,
      onwardCase: (await addCase(t, cw)).referralId,
      sentForProvider: await place('sent'),
      sentForWorker: await place('sent'),
      accepted: await place('accepted'),
    };
  }
}, 60_000);
afterAll(async () => t.close());

type Attempt = (caller: Caller) => Promise<{ statusCode: number; body: string }>;
type Method = 'GET' | 'POST' | 'PUT';
const call = (caller: Caller, method: Method, url: string, payload?: object, extra: Record<string, string> = {}) =>
  t.app.inject({ method, url: `/api${url}`, headers: { ...headers[caller], ...extra }, ...(payload === undefined ? {} : { payload }) });
const goalBody = (title: string) => ({ title, domain: null, steps: [], targetDate: null, reviewDate: null });

async function settingsNow(): Promise<CaseworkSettings> {
  return (await t.app.inject({ method: 'GET', url: '/api/casework/settings', headers: cw.manager.headers })).json<CaseworkSettings>();
}

const ATTEMPTS: Record<keyof typeof EXPECTED, Attempt> = {
  readSettings: (c) => call(c, 'GET', '/casework/settings'),
  updateSettings: async (c) => {
    const { version, effectiveNeedDomains: _shown, ...settings } = await settingsNow();
    return call(c, 'PUT', '/casework/settings', { ...settings, maxCaseload: 30 }, ifMatch(version));
  },
  caseload: (c) => call(c, 'GET', '/caseload'),
  caseloadBalance: (c) => call(c, 'GET', '/caseload/workers'),
  reassign: (c) => call(c, 'POST', '/caseload/reassign', { referralIds: [fresh[c].reassignCase], linkWorkerId: secondWorkerId, reason: 'Balancing the caseloads' }),
  listAlerts: (c) => call(c, 'GET', `/cases/${cw.referralId}/alerts`),
  resolveAlert: (c) => call(c, 'POST', `/case-alerts/${fresh[c].alertId}/resolve`, { note: 'Rang the person; they are well' }),
  addTask: (c) => call(c, 'POST', `/cases/${cw.referralId}/tasks`, { title: 'Ring the group leader', dueOn: TODAY }),
  taskDone: (c) => call(c, 'POST', `/case-tasks/${fresh[c].taskId}/done`, {}),
  closeCase: (c) => call(c, 'POST', `/cases/${fresh[c].closeCase}/close`, { reasonCode: 'goals-met', outcomeSummary: 'Walking weekly with the group.' }),
  listAssessments: (c) => call(c, 'GET', `/cases/${cw.referralId}/assessments`),
  createAssessment: (c) => call(c, 'POST', `/cases/${cw.referralId}/assessments`, { whatMatters: 'Getting out of the house', domains: [], assessedOn: TODAY }),
  readPlan: (c) => call(c, 'GET', `/cases/${cw.referralId}/plan`),
  createGoal: (c) => call(c, 'POST', `/cases/${cw.referralId}/goals`, goalBody('Walk to the park')),
  updateGoal: (c) => call(c, 'PUT', `/goals/${fresh[c].goals[0]}`, goalBody(`Edited by ${c}`), ifMatch(1)),
  goalProgress: (c) => call(c, 'POST', `/goals/${fresh[c].goals[1]}/progress`, { event: { type: 'start' } }, ifMatch(1)),
  planCopy: (c) => call(c, 'GET', `/cases/${cw.referralId}/plan/copy`),
  sendPlan: (c) => call(c, 'POST', `/cases/${cw.referralId}/plan/send`, { channel: 'email' }),
  listContacts: (c) => call(c, 'GET', `/cases/${cw.referralId}/contacts`),
  createContact: (c) =>
    call(c, 'POST', `/cases/${cw.referralId}/contacts`, {
      mode: 'phone', status: 'booked', scheduledAt: at(new Date(), 24 * 60).toISOString(), durationMinutes: null, location: null, attendees: null, notes: null, expectedCheckInAt: null,
    }),
  contactOutcome: (c) => call(c, 'POST', `/contacts/${fresh[c].contactId}/outcome`, { event: { type: 'attended' }, durationMinutes: 20 }, ifMatch(1)),
  checkIn: (c) => call(c, 'POST', `/contacts/${fresh[c].checkInVisit}/check-in`, { kind: 'safe' }),
  acknowledge: (c) => call(c, 'POST', `/contacts/${fresh[c].ackVisit}/acknowledge`, { note: 'Rang the worker: safe and back at the office.' }),
  loneWorkingBoard: (c) => call(c, 'GET', '/lone-working'),
  caseOnward: (c) => call(c, 'GET', `/cases/${cw.referralId}/onward-referrals`),
  previewOnward: (c) => call(c, 'GET', `/cases/${cleanCase}/onward-referrals/preview?serviceId=${cw.serviceId}`),
  createOnward: (c) => call(c, 'POST', `/cases/${fresh[c].onwardCase}/onward-referrals`, onwardBody(cw.serviceId, [])),
  readOnward: (c) => call(c, 'GET', `/onward-referrals/${liveOnward}`),
  onwardEvent: (c) => call(c, 'POST', `/onward-referrals/${fresh[c].sentForWorker}/events`, { event: { type: 'withdraw', reason: 'The person moved away' } }, ifMatch(1)),
  signpost: (c) => call(c, 'POST', `/cases/${cw.referralId}/signposts`, { serviceId: null, serviceName: 'Leeds library', information: 'Opening times', givenOn: TODAY }),
  providerInbox: (c) => call(c, 'GET', '/provider/referrals'),
  providerReferral: (c) => call(c, 'GET', `/provider/referrals/${liveOnward}`),
  providerEvent: (c) => call(c, 'POST', `/provider/referrals/${fresh[c].sentForProvider}/events`, { event: { type: 'accept' } }, ifMatch(1)),
  providerServices: (c) => call(c, 'GET', '/provider/services'),
  capacity: (c) => call(c, 'PUT', `/provider/services/${cw.serviceId}/capacity`, { capacityPlaces: 12, waitlistCount: null, notTakingUntil: null }),
  readRegister: (c) => call(c, 'GET', `/provider/register?serviceId=${cw.serviceId}&date=${TODAY}`),
  saveRegister: (c) => call(c, 'POST', '/provider/register', { serviceId: cw.serviceId, date: TODAY, marks: [{ onwardReferralId: fresh[c].accepted, mark: 'attended' }] }),
  raiseConcern: (c) => call(c, 'POST', `/provider/referrals/${liveOnward}/concerns`, { urgency: 'routine', concern: 'Seemed unsteady on the walk today' }),
  listConcerns: (c) => call(c, 'GET', `/cases/${cw.referralId}/concerns`),
  readPerson: (c) => call(c, 'GET', `/people/${cw.personId}`),
  readReferral: (c) => call(c, 'GET', `/referrals/${cw.referralId}`),
  personOutcomes: (c) => call(c, 'GET', `/people/${cw.personId}/outcomes`),
};

describe(`casework access matrix (${testBackend()})`, () => {
  for (const [action, expected] of Object.entries(EXPECTED) as [keyof typeof EXPECTED, Expected][]) {
    it(`${action}: the exact status for every caller`, async () => {
      const actual = {} as Expected;
      const bodies: string[] = [];
      for (const caller of CALLERS) {
        const res = await ATTEMPTS[action](caller);
        actual[caller] = res.statusCode;
        if (res.statusCode !== expected[caller]) bodies.push(`${caller}: ${res.body.slice(0, 300)}`);
      }
      expect(actual, bodies.join('\n')).toEqual(expected);
    });
  }

  it('the provider’s inbox holds this referral; the other organisation’s is empty', async () => {
    const inbox = async (c: Caller) => (await call(c, 'GET', '/provider/referrals')).json<ProviderInbox>().items.map((i) => i.id);
    expect(await inbox('vcse_provider')).toContain(liveOnward);
    expect(await inbox('other_provider')).toEqual([]);
    const services = (await call('other_provider', 'GET', '/provider/services')).json<{ services: unknown[] }>();
    expect(services.services).toEqual([]);
  });

  it('the provider’s view carries the minimum set sent and nothing that leads back to the case or person record', async () => {
    const view = (await call('vcse_provider', 'GET', `/provider/referrals/${liveOnward}`)).json<Record<string, unknown>>();
    expect(Object.keys(view.shared ?? {}).sort()).toEqual(['name', 'needSummary']);
    expect(['personId', 'referralId', 'consent', 'events'].filter((key) => key in view)).toEqual([]);
  });

  it('another link worker cannot check in on a visit that is not theirs', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/contacts/${fresh.link_worker.ackVisit}/check-in`, headers: secondWorker, payload: { kind: 'safe' } });
    expect(res.statusCode).toBe(404);
  });
});

describe(`the provider loses access after the configured period (${testBackend()})`, () => {
  const DAY = 24 * 60 * 60 * 1000;
  let w: CaseworkScheme;
  beforeAll(async () => {
    w = await caseworkScheme(t, { person: PERSON });
    const current = await t.app.inject({ method: 'GET', url: '/api/casework/settings', headers: w.manager.headers });
    const { version, effectiveNeedDomains: _shown, ...settings } = current.json<CaseworkSettings>();
    const saved = await t.app.inject({ method: 'PUT', url: '/api/casework/settings', headers: { ...w.manager.headers, ...ifMatch(version) }, payload: { ...settings, providerAccessDaysAfter: 7 } });
    expect(saved.statusCode, saved.body).toBe(200);
  });

  const view = async (id: string) => (await t.app.inject({ method: 'GET', url: `/api/provider/referrals/${id}`, headers: w.provider.headers })).json<ProviderReferral>();
  /** An onward referral accepted and completed by the provider, its end then moved `daysAgo` days back. */
  async function completed(daysAgo: number): Promise<{ id: string; name: string }> {
    const person = await addCase(t, w);
    const sent = await t.app.inject({ method: 'POST', url: `/api/cases/${person.referralId}/onward-referrals`, headers: w.worker.headers, payload: onwardBody(w.serviceId, []) });
    expect(sent.statusCode, sent.body).toBe(201);
    const id = sent.json<{ id: string }>().id;
    const event = (type: 'accept' | 'complete', version: number) =>
      t.app.inject({ method: 'POST', url: `/api/provider/referrals/${id}/events`, headers: { ...w.provider.headers, ...ifMatch(version) }, payload: { event: { type } } });
    const accepted = await event('accept', 1);
    expect(accepted.statusCode, accepted.body).toBe(200);
    // Completion follows attendance: the first "attended" on the register moves the place to attending.
    const marked = await t.app.inject({ method: 'POST', url: '/api/provider/register', headers: w.provider.headers, payload: { serviceId: w.serviceId, date: TODAY, marks: [{ onwardReferralId: id, mark: 'attended' }] } });
    expect(marked.statusCode, marked.body).toBe(200);
    const done = await event('complete', (await view(id)).version);
    expect(done.statusCode, done.body).toBe(200);
    await asSystem(t, w.scheme.schemeId, (scope) => scope.db.updateTable('onward_referrals').set({ ended_at: new Date(Date.now() - daysAgo * DAY) }).where('id', '=', id).execute());
    // The referral body's given name, with the case's own family name.
    return { id, name: `Maya ${person.familyName}` };
  }
  const reads = (id: string) =>
    asSystem(t, w.scheme.schemeId, async (scope) =>
      (await scope.db.selectFrom('audit_events').select('id').where('entity_type', '=', 'onward_referral').where('entity_id', '=', id).where('action', '=', 'read').execute()).length,
    );
  const inboxName = async (id: string) =>
    (await t.app.inject({ method: 'GET', url: '/api/provider/referrals', headers: w.provider.headers })).json<ProviderInbox>().items.find((i) => i.id === id)?.personName;
  const concern = (id: string) =>
    t.app.inject({ method: 'POST', url: `/api/provider/referrals/${id}/concerns`, headers: w.provider.headers, payload: { urgency: 'routine', concern: 'Has not been seen since' } });

  it('one day before the boundary the provider still sees the details', async () => {
    const { id, name } = await completed(6);
    const before = await reads(id);
    const seen = await view(id);
    expect(await reads(id)).toBe(before + 1);
    expect([seen.shared?.name, seen.detailsRemoved]).toEqual([name, false]);
    expect(await inboxName(id)).toBe(name);
    expect((await concern(id)).statusCode).toBe(201);
  });

  it('past the boundary the details are gone, the register does not list them and a concern is not found', async () => {
    const { id } = await completed(8);
    const before = await reads(id);
    const seen = await view(id);
    // Nothing personal was shown, so there is no read of personal data to audit.
    expect(await reads(id)).toBe(before);
    expect([seen.shared, seen.detailsRemoved]).toEqual([null, true]);
    expect(await inboxName(id)).toBeNull();
    const register = (await t.app.inject({ method: 'GET', url: `/api/provider/register?serviceId=${w.serviceId}&date=${TODAY}`, headers: w.provider.headers })).json<Register>();
    expect(register.rows.map((r) => r.onwardReferralId)).not.toContain(id);
    expect((await concern(id)).statusCode).toBe(404);
  });
});
