import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OnwardReferral, Signpost } from '../../contracts/onward.js';
import { referralInput } from '../../contracts/referrals.js';
import { createTestDirectoryService } from '../../directory/test-fixtures.js';
import { commandFromInput, createReferral } from '../../referrals/create-referral.js';
import { openTestApp, type TestApp } from '../../testing/app.js';
import { testBackend } from '../../testing/database.js';
import { referralBody } from '../../testing/referrals.js';
import { asSystem, caseworkScheme, ifMatch, type CaseworkScheme } from '../test-kit.js';
import { addGoal, countRows, problemCode, giveServiceContact, notificationsFor, onwardBody, PERSON, PROVIDER_EMAIL, sendOnward } from './onward-test-kit.js';

let t: TestApp;
let k: CaseworkScheme;

beforeAll(async () => {
  t = await openTestApp();
  k = await caseworkScheme(t, { person: PERSON });
  await giveServiceContact(t, k.serviceId);
});
afterAll(async () => t.close());

const post = (url: string, payload: Record<string, unknown>, headers: Record<string, string> = k.worker.headers) => t.app.inject({ method: 'POST', url, headers, payload });

describe(`onward referral: sending (${testBackend()})`, () => {
  it('sends with consent, the minimum set, the handover, a timeline and an email that names no one', async () => {
    const walk = await addGoal(t, k, 'Walk to the park twice a week', 'in_progress');
    await addGoal(t, k, 'Sort out the gas bill');
    const sent = await sendOnward(t, k.worker, k, [walk]);
    expect(sent.reference).toMatch(/^ON-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{6}$/);
    expect(sent.status).toBe('sent');
    expect(sent.live).toBe(true);
    expect(sent.service).toEqual({ id: k.serviceId, name: 'Test Tuesday walk', organizationId: k.directoryOrganizationId, organizationName: 'Test walking group' });
    expect(sent.consent).toMatchObject({ givenBy: 'person', givenByName: null, method: 'verbal', givenAt: '2026-11-20T10:00:00.000Z' });
    expect(sent.sharedFields).toEqual(['name', 'contact', 'need_summary', 'goals', 'communication_needs', 'risks']);
    expect(sent.shared).toStrictEqual({
      name: expect.stringMatching(/^Grace Okafor-\d+$/),
      preferredName: 'Gracie',
      contact: { phone: '07700 900456', email: 'grace.kim@example.org', preferredMethod: 'phone', times: 'Weekday mornings' },
      needSummary: 'Would like to walk with others and get out of the house',
      goals: ['Walk to the park twice a week'],
      communicationNeeds: { language: 'Korean', interpreterNeeded: true, accessibleFormats: ['large-print'] },
      risks: 'Uses a stick on rough ground',
    });
    expect(sent.handover).toEqual({ firstContactBy: 'provider_contacts_person', linkWorkerStaysInvolved: true, mayReturn: true, returnUntil: '2027-05-01', reportNonAttendance: true, note: null });
    expect(sent.events.map((e) => [e.kind, e.fromStatus, e.toStatus])).toEqual([['sent', null, 'sent']]);
    expect(sent.version).toBe(1);

    const emails = await notificationsFor(t, k.scheme.schemeId, sent.id);
    expect(emails).toHaveLength(1);
    expect(emails[0]?.recipient).toBe(PROVIDER_EMAIL);
    expect(emails[0]?.body).toContain(`A new referral ${sent.reference} to Test Tuesday walk is waiting: sign in at `);
    expect(emails[0]?.body).toContain(`/provider/referrals/${sent.id}`);
    expect(`${emails[0]?.subject ?? ''} ${emails[0]?.body ?? ''}`).not.toMatch(/Grace|Okafor|Gracie/);

    const read = await t.app.inject({ method: 'GET', url: `/api/onward-referrals/${sent.id}`, headers: k.worker.headers });
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('W/"1"');
    expect(read.json<OnwardReferral>().shared).toStrictEqual(sent.shared);

    // The same service while that referral is live: refused.
    const again = await post(`/api/cases/${k.referralId}/onward-referrals`, onwardBody(k.serviceId, []));
    expect(again.statusCode).toBe(409);
    expect(problemCode(again)).toBe('already-referred');
  });

  it('the preview shows what would be sent and saves nothing, and takes no typed text in its address', async () => {
    const other = await createTestDirectoryService(t.ctx.data, k.directoryOrganizationId, { name: 'Knit and natter' });
    const before = await countRows(t, k.scheme.schemeId, 'onward_referrals', k.referralId);
    const response = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${k.referralId}/onward-referrals/preview?serviceId=${other}`,
      headers: k.worker.headers,
    });
    expect(response.statusCode, response.body).toBe(200);
    const preview = response.json<{ sharedFields: string[]; shared: Record<string, unknown>; serviceName: string; organisationName: string }>();
    expect(preview.serviceName).toBe('Knit and natter');
    expect(preview.organisationName).toBe('Test walking group');
    expect(Object.keys(preview.shared).sort()).toEqual(['communicationNeeds', 'contact', 'goals', 'name', 'needSummary', 'preferredName', 'risks']);
    // The words being typed stay on the page: the preview has them empty, never from a URL.
    expect(preview.shared.needSummary).toBe('');
    expect(preview.shared.risks).toBe('');
    expect(await countRows(t, k.scheme.schemeId, 'onward_referrals', k.referralId)).toBe(before);
    const withText = await t.app.inject({
      method: 'GET',
      url: `/api/cases/${k.referralId}/onward-referrals/preview?serviceId=${other}&needSummary=${encodeURIComponent('Company')}`,
      headers: k.worker.headers,
    });
    expect(withText.statusCode).toBe(400);
  });

  it('refuses agreed:false (400) and leaves no row', async () => {
    const service = await createTestDirectoryService(t.ctx.data, k.directoryOrganizationId, { name: 'Coffee club' });
    const before = await countRows(t, k.scheme.schemeId, 'onward_referrals', k.referralId);
    const body = onwardBody(service, []);
    const refused = await post(`/api/cases/${k.referralId}/onward-referrals`, { ...body, consent: { ...(body.consent as object), agreed: false } });
    expect(refused.statusCode).toBe(400);
    const missing = await post(`/api/cases/${k.referralId}/onward-referrals`, { ...body, consent: undefined });
    expect(missing.statusCode).toBe(400);
    expect(await countRows(t, k.scheme.schemeId, 'onward_referrals', k.referralId)).toBe(before);
  });

  it('refuses goals that are not the case’s open goals', async () => {
    const service = await createTestDirectoryService(t.ctx.data, k.directoryOrganizationId, { name: 'Men in sheds' });
    const achieved = await addGoal(t, k, 'Already done', 'achieved');
    const elsewhere = await caseworkScheme(t);
    const theirs = await addGoal(t, elsewhere, 'Someone else’s goal');
    for (const goalId of [achieved, theirs, crypto.randomUUID()]) {
      const response = await post(`/api/cases/${k.referralId}/onward-referrals`, onwardBody(service, [goalId]));
      expect(response.statusCode, goalId).toBe(400);
    }
  });

  it('refuses a service that only takes signposting, one not taking referrals yet, and one not running', async () => {
    const signposting = await createTestDirectoryService(t.ctx.data, k.directoryOrganizationId, { name: 'Drop-in café', referral_mode: 'signposting' });
    const full = await createTestDirectoryService(t.ctx.data, k.directoryOrganizationId, { name: 'Choir', not_taking_until: '2099-01-01' });
    const closed = await createTestDirectoryService(t.ctx.data, k.directoryOrganizationId, { name: 'Old club', status: 'inactive' });
    const codes: string[] = [];
    for (const service of [signposting, full, closed]) {
      const response = await post(`/api/cases/${k.referralId}/onward-referrals`, onwardBody(service, []));
      expect(response.statusCode).toBe(409);
      codes.push(problemCode(response));
    }
    expect(codes).toEqual(['service-signposting-only', 'service-not-taking-referrals', 'service-not-active']);
  });

  it('the link worker records a decline given by phone: an alert once, ended, the provider loses nothing yet', async () => {
    const service = await createTestDirectoryService(t.ctx.data, k.directoryOrganizationId, { name: 'Bowls' });
    const sent = await sendOnward(t, k.worker, k, [], { serviceId: service });
    const noIfMatch = await post(`/api/onward-referrals/${sent.id}/events`, { event: { type: 'accept' } });
    expect(noIfMatch.statusCode).toBe(400);
    const stale = await t.app.inject({ method: 'POST', url: `/api/onward-referrals/${sent.id}/events`, headers: { ...k.worker.headers, ...ifMatch(7) }, payload: { event: { type: 'accept' } } });
    expect(stale.statusCode).toBe(412);
    const declined = await t.app.inject({
      method: 'POST',
      url: `/api/onward-referrals/${sent.id}/events`,
      headers: { ...k.worker.headers, ...ifMatch(1) },
      payload: { event: { type: 'decline', reasonCode: 'full' } },
    });
    expect(declined.statusCode, declined.body).toBe(200);
    const view = declined.json<OnwardReferral>();
    expect(view.status).toBe('declined');
    expect(view.live).toBe(false);
    expect(view.endedAt).not.toBeNull();
    expect(view.statusReasonCode).toBe('full');
    expect(view.version).toBe(2);
    const alerts = await asSystem(t, k.scheme.schemeId, (scope) =>
      scope.db.selectFrom('case_alerts').select(['kind', 'key', 'message']).where('onward_referral_id', '=', sent.id).execute(),
    );
    expect(alerts).toEqual([{ kind: 'onward_declined', key: `declined:${sent.id}`, message: `Bowls declined referral ${sent.reference}: No places.` }]);
    // A declined referral cannot be withdrawn.
    const withdraw = await t.app.inject({
      method: 'POST',
      url: `/api/onward-referrals/${sent.id}/events`,
      headers: { ...k.worker.headers, ...ifMatch(2) },
      payload: { event: { type: 'withdraw', reason: 'Changed mind' } },
    });
    expect(withdraw.statusCode).toBe(409);
  });

  it('the link worker accepts on the provider’s behalf: accepted on today’s London date', async () => {
    const service = await createTestDirectoryService(t.ctx.data, k.directoryOrganizationId, { name: 'Lunch club' });
    const sent = await sendOnward(t, k.worker, k, [], { serviceId: service });
    const accepted = await t.app.inject({ method: 'POST', url: `/api/onward-referrals/${sent.id}/events`, headers: { ...k.worker.headers, ...ifMatch(1) }, payload: { event: { type: 'accept', note: 'Rang them' } } });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const view = accepted.json<OnwardReferral>();
    const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London' }).format(new Date());
    expect(view.acceptedOn).toBe(today);
    expect(view.endedAt).toBeNull();
    expect(view.events.map((e) => [e.kind, e.toStatus, e.note])).toEqual([
      ['sent', 'sent', null],
      ['accept', 'accepted', 'Rang them'],
    ]);
  });

  it('signposting is listed beside referrals and never makes an onward referral', async () => {
    const before = await countRows(t, k.scheme.schemeId, 'onward_referrals', k.referralId);
    const cafe = await createTestDirectoryService(t.ctx.data, k.directoryOrganizationId, { name: 'Community café', referral_mode: 'signposting' });
    const fromDirectory = await post(`/api/cases/${k.referralId}/signposts`, { serviceId: cafe, serviceName: 'ignored', givenOn: '2026-11-20' });
    expect(fromDirectory.statusCode, fromDirectory.body).toBe(201);
    expect(fromDirectory.json<Signpost>()).toMatchObject({ serviceId: cafe, serviceName: 'Community café', information: null, givenOn: '2026-11-20' });
    const named = await post(`/api/cases/${k.referralId}/signposts`, { serviceId: null, serviceName: 'Citizens Advice', information: 'Phone 0800 144 8848', givenOn: '2026-11-21' });
    expect(named.statusCode).toBe(201);
    const nameless = await post(`/api/cases/${k.referralId}/signposts`, { serviceId: null, givenOn: '2026-11-21' });
    expect(nameless.statusCode).toBe(400);
    expect(await countRows(t, k.scheme.schemeId, 'onward_referrals', k.referralId)).toBe(before);
    expect(await countRows(t, k.scheme.schemeId, 'signposts', k.referralId)).toBe(2);
    const listed = await t.app.inject({ method: 'GET', url: `/api/cases/${k.referralId}/onward-referrals`, headers: k.worker.headers });
    expect(listed.statusCode).toBe(200);
    const body = listed.json<{ onwardReferrals: OnwardReferral[]; signposts: Signpost[] }>();
    expect(body.signposts.map((s) => s.serviceName)).toEqual(['Citizens Advice', 'Community café']);
    expect(body.onwardReferrals).toHaveLength(before);
  });
});

describe(`onward referral: consent (${testBackend()})`, () => {
  it('a case whose referral has no consent recorded cannot refer on: 409, no row, no email', async () => {
    const input = referralInput.parse(referralBody({ person: PERSON }));
    const made = await t.ctx.data.inScheme({ type: 'anonymous', schemeId: k.scheme.schemeId }, {}, (scope) =>
      createReferral(scope, { jobs: t.ctx.jobs, config: t.ctx.config }, { ...commandFromInput(input, 'self'), consent: null }),
    );
    const allocated = await post(`/api/referrals/${made.referralId}/events`, { type: 'allocate', linkWorkerId: k.workerId }, k.manager.headers);
    expect(allocated.statusCode, allocated.body).toBe(200);
    const service = await createTestDirectoryService(t.ctx.data, k.directoryOrganizationId, { name: 'Singing for the brain', named_contact_email: 'choir@example.org' });
    const refused = await post(`/api/cases/${made.referralId}/onward-referrals`, onwardBody(service, []));
    expect(refused.statusCode).toBe(409);
    expect(problemCode(refused)).toBe('consent-blocks-sharing');
    const preview = await t.app.inject({ method: 'GET', url: `/api/cases/${made.referralId}/onward-referrals/preview?serviceId=${service}`, headers: k.worker.headers });
    expect(preview.statusCode).toBe(409);
    expect(await countRows(t, k.scheme.schemeId, 'onward_referrals', made.referralId)).toBe(0);
    const emails = await asSystem(t, k.scheme.schemeId, (scope) => scope.db.selectFrom('notifications').select('id').where('recipient', '=', 'choir@example.org').execute());
    expect(emails).toEqual([]);
  });

  it('once the person withdraws consent: 409 consent-blocks-sharing, no row, no email', async () => {
    const k2 = await caseworkScheme(t, { person: PERSON });
    await giveServiceContact(t, k2.serviceId);
    const withdrawn = await post(`/api/referrals/${k2.referralId}/consent/withdraw`, { reason: 'Changed their mind' }, k2.manager.headers);
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const refused = await post(`/api/cases/${k2.referralId}/onward-referrals`, onwardBody(k2.serviceId, []), k2.worker.headers);
    expect(refused.statusCode).toBe(409);
    expect(problemCode(refused)).toBe('consent-blocks-sharing');
    expect(await countRows(t, k2.scheme.schemeId, 'onward_referrals', k2.referralId)).toBe(0);
    const emails = await asSystem(t, k2.scheme.schemeId, (scope) => scope.db.selectFrom('notifications').select('id').where('recipient', '=', PROVIDER_EMAIL).execute());
    expect(emails).toEqual([]);
  });
});

describe(`onward referral: a closed case (${testBackend()})`, () => {
  it('takes no step forward, but may still be withdrawn', async () => {
    const k3 = await caseworkScheme(t, { person: PERSON });
    const sent = await sendOnward(t, k3.worker, k3, []);
    // Closed behind the closure route's back, so the referral is still waiting for a reply.
    await asSystem(t, k3.scheme.schemeId, (scope) => scope.db.updateTable('referrals').set({ status: 'closed', closed_at: new Date() }).where('id', '=', k3.referralId).execute());
    const event = (version: number, payload: Record<string, unknown>) =>
      t.app.inject({ method: 'POST', url: `/api/onward-referrals/${sent.id}/events`, headers: { ...k3.worker.headers, ...ifMatch(version) }, payload: { event: payload } });
    for (const forward of [{ type: 'accept' }, { type: 'waitlist' }]) {
      const refused = await event(1, forward);
      expect(refused.statusCode, refused.body).toBe(409);
      expect(problemCode(refused)).toBe('case-closed');
    }
    const unchanged = await asSystem(t, k3.scheme.schemeId, (scope) => scope.db.selectFrom('onward_referrals').select(['status', 'version']).where('id', '=', sent.id).executeTakeFirstOrThrow());
    expect(unchanged).toEqual({ status: 'sent', version: 1 });
    const withdrawn = await event(1, { type: 'withdraw', reason: 'The case is closed' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json<OnwardReferral>()).toMatchObject({ status: 'withdrawn', statusNote: 'The case is closed', version: 2 });
  });
});
