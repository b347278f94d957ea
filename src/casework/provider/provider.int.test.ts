import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OnwardReferral, ProviderReferral } from '../../contracts/onward.js';
import type { z } from 'zod';
import type { providerInbox } from '../../contracts/onward.js';
import { openTestApp, type SignedIn, type TestApp } from '../../testing/app.js';
import { testBackend } from '../../testing/database.js';
import { addGoal, notificationsFor, PERSON, problemCode, sendOnward } from '../onward/onward-test-kit.js';
import { asSystem, caseworkScheme, ifMatch, type CaseworkScheme } from '../test-kit.js';

type Inbox = z.infer<typeof providerInbox>;

let t: TestApp;
let k: CaseworkScheme;
let sent: OnwardReferral;
let familyName: string;

beforeAll(async () => {
  t = await openTestApp();
  k = await caseworkScheme(t, { person: PERSON });
  const walk = await addGoal(t, k, 'Walk to the park twice a week', 'in_progress');
  await addGoal(t, k, 'Sort out the gas bill');
  sent = await sendOnward(t, k.worker, k, [walk]);
  familyName = sent.shared.name?.replace('Grace ', '') ?? '';
});
afterAll(async () => t.close());

const get = (url: string, as: SignedIn) => t.app.inject({ method: 'GET', url, headers: as.headers });
const event = (id: string, as: SignedIn, version: number, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/provider/referrals/${id}/events`, headers: { ...as.headers, ...ifMatch(version) }, payload: { event: payload } });

async function readAsProvider(id: string): Promise<ProviderReferral> {
  const response = await get(`/api/provider/referrals/${id}`, k.provider);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ProviderReferral>();
}

describe(`provider portal: what a provider sees (${testBackend()})`, () => {
  it('the inbox lists the referral with the name as sent, counted as new', async () => {
    const response = await get('/api/provider/referrals', k.provider);
    expect(response.statusCode, response.body).toBe(200);
    const inbox = response.json<Inbox>();
    expect(inbox.counts).toEqual({ new: 1, current: 0, ended: 0 });
    expect(inbox.items).toEqual([
      { id: sent.id, reference: sent.reference, serviceName: 'Test Tuesday walk', status: 'sent', personName: `Grace ${familyName} (Gracie)`, sentAt: sent.sentAt, respondBy: sent.respondBy, overdue: false },
    ]);
    const filtered = await get('/api/provider/referrals?status=current', k.provider);
    expect(filtered.json<Inbox>().items).toEqual([]);
    // The inbox read that showed a name says whose; the one that showed none is not recorded.
    const reads = await asSystem(t, k.scheme.schemeId, (scope) =>
      scope.db.selectFrom('audit_events').select(['detail', 'actor_role']).where('entity_type', '=', 'onward_referral').where('action', '=', 'read').where('entity_id', 'is', null).execute(),
    );
    expect(reads).toEqual([{ detail: { providerInbox: true, named: 1, onwardReferralIds: [sent.id] }, actor_role: 'vcse_provider' }]);
  });

  it('the referral page holds exactly the minimum set, and the read is audited', async () => {
    const view = await readAsProvider(sent.id);
    expect(Object.keys(view).sort()).toEqual([
      'accessUntil', 'allowedEvents', 'attendance', 'detailsRemoved', 'handover', 'id', 'linkWorker', 'live', 'reference', 'respondBy', 'sentAt', 'service', 'shared', 'status', 'version',
    ]);
    expect(view.shared).toStrictEqual({
      name: `Grace ${familyName}`,
      preferredName: 'Gracie',
      contact: { phone: '07700 900456', email: 'grace.kim@example.org', preferredMethod: 'phone', times: 'Weekday mornings' },
      needSummary: 'Would like to walk with others and get out of the house',
      goals: ['Walk to the park twice a week'],
      communicationNeeds: { language: 'Korean', interpreterNeeded: true, accessibleFormats: ['large-print'] },
      risks: 'Uses a stick on rough ground',
    });
    expect(view.detailsRemoved).toBe(false);
    expect(view.accessUntil).toBeNull();
    expect(view.service).toEqual({ id: k.serviceId, name: 'Test Tuesday walk' });
    expect(view.allowedEvents).toEqual(['accept', 'decline', 'waitlist']);
    expect(view.linkWorker?.name).toMatch(/\S/);
    // Nothing the referral holds for the link worker: no NHS number, reason, date of birth, postcode.
    const text = JSON.stringify(view);
    for (const secret of ['Lives alone since her husband died', 'I would like to get out of the house and meet people', '1958-04-12', 'LS1 4AP', 'nhs', k.personId, k.referralId]) {
      expect(text).not.toContain(secret);
    }
    const audits = await asSystem(t, k.scheme.schemeId, (scope) =>
      scope.db.selectFrom('audit_events').select(['action', 'actor_role']).where('entity_type', '=', 'onward_referral').where('entity_id', '=', sent.id).where('action', '=', 'read').execute(),
    );
    expect(audits).toContainEqual({ action: 'read', actor_role: 'vcse_provider' });
  });

  it('cannot read anything else about the person', async () => {
    const paths = [
      `/api/people/${k.personId}`,
      `/api/referrals/${k.referralId}`,
      `/api/cases/${k.referralId}/onward-referrals`,
      `/api/cases/${k.referralId}/onward-referrals/preview?serviceId=${k.serviceId}`,
      `/api/onward-referrals/${sent.id}`,
    ];
    for (const path of paths) {
      const response = await get(path, k.provider);
      expect([403, 404], `${path} → ${response.statusCode}`).toContain(response.statusCode);
    }
    const make = await t.app.inject({ method: 'POST', url: `/api/cases/${k.referralId}/onward-referrals`, headers: k.provider.headers, payload: {} });
    expect([400, 403, 404]).toContain(make.statusCode);
    const signpost = await t.app.inject({ method: 'POST', url: `/api/cases/${k.referralId}/signposts`, headers: k.provider.headers, payload: { serviceId: null, serviceName: 'x', givenOn: '2026-11-20' } });
    expect(signpost.statusCode).toBe(403);
  });

  it('another provider sees an empty inbox and not found', async () => {
    const inbox = await get('/api/provider/referrals', k.otherProvider);
    expect(inbox.statusCode).toBe(200);
    expect(inbox.json<Inbox>()).toEqual({ items: [], counts: { new: 0, current: 0, ended: 0 } });
    expect((await get(`/api/provider/referrals/${sent.id}`, k.otherProvider)).statusCode).toBe(404);
    expect((await event(sent.id, k.otherProvider, 1, { type: 'accept' })).statusCode).toBe(404);
  });
});

describe(`provider portal: replies and the access window (${testBackend()})`, () => {
  it('may not withdraw; accepts, and the link worker is told by reference only', async () => {
    const withdraw = await event(sent.id, k.provider, 1, { type: 'withdraw', reason: 'No room' });
    expect(withdraw.statusCode).toBe(409);
    expect(problemCode(withdraw)).toBe('not-permitted');
    expect(withdraw.json<{ detail: string }>().detail).toBe('Only the link worker can withdraw a referral.');
    const accepted = await event(sent.id, k.provider, 1, { type: 'accept', note: 'See you Tuesday' });
    expect(accepted.statusCode, accepted.body).toBe(200);
    const view = accepted.json<ProviderReferral>();
    expect(view.status).toBe('accepted');
    expect(view.version).toBe(2);
    expect(view.allowedEvents).toEqual(['drop_out']);
    const emails = await notificationsFor(t, k.scheme.schemeId, sent.id);
    const reply = emails.find((e) => e.template === 'onward-referral-reply');
    expect(reply?.subject).toBe(`Test Tuesday walk replied to referral ${sent.reference}`);
    expect(reply?.body).toContain(`changed referral ${sent.reference}`);
    expect(`${reply?.subject ?? ''} ${reply?.body ?? ''}`).not.toMatch(/Grace|Gracie|Okafor/);
    const inbox = (await get('/api/provider/referrals', k.provider)).json<Inbox>();
    expect(inbox.counts).toEqual({ new: 0, current: 1, ended: 0 });
  });

  it('after completion the provider keeps the details for the configured days, then loses them', async () => {
    // Attending is set by the register (another part); here it is set directly.
    await asSystem(t, k.scheme.schemeId, (scope) => scope.db.updateTable('onward_referrals').set({ status: 'attending' }).where('id', '=', sent.id).execute());
    const completed = await event(sent.id, k.provider, 2, { type: 'complete' });
    expect(completed.statusCode, completed.body).toBe(200);
    const done = completed.json<ProviderReferral>();
    expect(done.status).toBe('completed');
    expect(done.live).toBe(false);
    expect(done.shared).not.toBeNull();
    expect(done.detailsRemoved).toBe(false);

    const DAY = 86_400_000;
    const endBackBy = async (ms: number): Promise<void> => {
      const endedAt = new Date(Date.now() - ms);
      await asSystem(t, k.scheme.schemeId, (scope) => scope.db.updateTable('onward_referrals').set({ ended_at: endedAt }).where('id', '=', sent.id).execute());
    };
    // Default 30 days: a minute short of them, still seen.
    await endBackBy(30 * DAY - 60_000);
    const inside = await readAsProvider(sent.id);
    expect(inside.shared?.name).toBe(`Grace ${familyName}`);
    expect(new Date(inside.accessUntil ?? 0).getTime()).toBeGreaterThan(Date.now());

    // A minute past them: gone, from the page and the inbox.
    await endBackBy(30 * DAY + 60_000);
    const after = await readAsProvider(sent.id);
    expect(after.shared).toBeNull();
    expect(after.detailsRemoved).toBe(true);
    expect(after.handover).toBeNull();
    expect(after.attendance).toEqual([]);
    expect(after.reference).toBe(sent.reference);
    expect(JSON.stringify(after)).not.toMatch(/Grace|Gracie|07700/);
    const inbox = (await get('/api/provider/referrals', k.provider)).json<Inbox>();
    expect(inbox.counts).toEqual({ new: 0, current: 0, ended: 1 });
    expect(inbox.items.map((i) => i.personName)).toEqual([null]);

    // The link worker's own record keeps everything.
    const own = await get(`/api/onward-referrals/${sent.id}`, k.worker);
    expect(own.json<OnwardReferral>().shared.name).toBe(`Grace ${familyName}`);
  });
});
