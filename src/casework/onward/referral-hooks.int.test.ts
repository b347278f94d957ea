import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import type { OnwardReferral, ProviderReferral, Register, providerInbox } from '../../contracts/onward.js';
import { createTestDirectoryService } from '../../directory/test-fixtures.js';
import { londonDate } from '../../referrals/domain/working-days.js';
import { openTestApp, type SignedIn, type TestApp } from '../../testing/app.js';
import { testBackend } from '../../testing/database.js';
import { asSystem, caseworkScheme, ifMatch, type CaseworkScheme } from '../test-kit.js';
import { giveServiceContact, notificationsFor, notificationsTo, PERSON, PROVIDER_EMAIL, problemCode, sendOnward } from './onward-test-kit.js';
import { runOnwardWindows } from './windows.js';

type Inbox = z.infer<typeof providerInbox>;

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

const get = (url: string, as: SignedIn) => t.app.inject({ method: 'GET', url, headers: as.headers });
const providerEvent = (k: CaseworkScheme, id: string, version: number, event: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/provider/referrals/${id}/events`, headers: { ...k.provider.headers, ...ifMatch(version) }, payload: { event } });
const onwardRow = (k: CaseworkScheme, id: string) =>
  asSystem(t, k.scheme.schemeId, (scope) =>
    scope.db.selectFrom('onward_referrals').select(['status', 'status_reason_code', 'status_note', 'ended_at', 'version']).where('id', '=', id).executeTakeFirstOrThrow(),
  );

describe(`onward referrals when the person withdraws consent (${testBackend()})`, () => {
  it('ends every live one at once: the provider sees no details, no name, no register row, and cannot accept', async () => {
    const k = await caseworkScheme(t, { person: PERSON });
    await giveServiceContact(t, k.serviceId);
    const bowls = await createTestDirectoryService(t.ctx.data, k.directoryOrganizationId, { name: 'Bowls' });
    const waiting = await sendOnward(t, k.worker, k, []);
    const placed = await sendOnward(t, k.worker, k, [], { serviceId: bowls });
    expect((await providerEvent(k, placed.id, 1, { type: 'accept' })).statusCode).toBe(200);
    const today = londonDate(new Date());
    const registerUrl = `/api/provider/register?serviceId=${bowls}&date=${today}`;
    expect((await get(registerUrl, k.provider)).json<Register>().rows.map((r) => r.onwardReferralId)).toEqual([placed.id]);
    const emailsBefore = (await notificationsTo(t, k.scheme.schemeId, PROVIDER_EMAIL)).length;

    const withdrawn = await t.app.inject({ method: 'POST', url: `/api/referrals/${k.referralId}/consent/withdraw`, headers: k.manager.headers, payload: { reason: 'Does not want to be contacted' } });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);

    for (const [id, version] of [[waiting.id, 2], [placed.id, 3]] as const) {
      const row = await onwardRow(k, id);
      expect(row).toMatchObject({ status: 'withdrawn', status_reason_code: 'consent-withdrawn', status_note: 'The person withdrew their consent.', version });
      expect(row.ended_at).not.toBeNull();
      const response = await get(`/api/provider/referrals/${id}`, k.provider);
      expect(response.statusCode).toBe(200);
      const view = response.json<ProviderReferral>();
      expect(view).toMatchObject({ status: 'withdrawn', live: false, shared: null, detailsRemoved: true, handover: null, attendance: [], allowedEvents: [] });
      // Access ended when the referral did, not 30 days later.
      expect(view.accessUntil).toBe(row.ended_at?.toISOString());
      expect(JSON.stringify(view)).not.toMatch(/Grace|Gracie|07700/);
    }
    const inbox = (await get('/api/provider/referrals', k.provider)).json<Inbox>();
    expect(inbox.counts).toEqual({ new: 0, current: 0, ended: 2 });
    expect(inbox.items.map((i) => i.personName)).toEqual([null, null]);
    expect((await get(registerUrl, k.provider)).json<Register>().rows).toEqual([]);

    const accept = await providerEvent(k, waiting.id, 2, { type: 'accept' });
    expect(accept.statusCode).toBe(409);
    expect(problemCode(accept)).toBe('illegal-transition');
    // Nobody was emailed about it: the provider's mailbox holds what it had before.
    expect(await notificationsTo(t, k.scheme.schemeId, PROVIDER_EMAIL)).toHaveLength(emailsBefore);

    // The link worker's record keeps everything, with the reason on the timeline.
    const own = (await get(`/api/onward-referrals/${placed.id}`, k.worker)).json<OnwardReferral>();
    expect(own.shared.name).toMatch(/^Grace /);
    expect(own.events.map((e) => [e.kind, e.toStatus, e.reasonCode, e.note])).toEqual([
      ['sent', 'sent', null, null],
      ['accept', 'accepted', null, null],
      ['withdraw', 'withdrawn', 'consent-withdrawn', 'The person withdrew their consent.'],
    ]);
  });
});

describe(`onward referrals when the case closes (${testBackend()})`, () => {
  it('withdraws the one still waiting for a reply, keeps the accepted place, and the window job nudges nobody', async () => {
    const k = await caseworkScheme(t, { person: PERSON });
    await giveServiceContact(t, k.serviceId);
    const choir = await createTestDirectoryService(t.ctx.data, k.directoryOrganizationId, { name: 'Choir' });
    const waiting = await sendOnward(t, k.worker, k, []);
    const placed = await sendOnward(t, k.worker, k, [], { serviceId: choir });
    expect((await providerEvent(k, placed.id, 1, { type: 'accept' })).statusCode).toBe(200);
    // Sent Monday 2 March 2026: halfway nudge due Monday 9 March, last day Monday 16 March.
    await asSystem(t, k.scheme.schemeId, (scope) =>
      scope.db.updateTable('onward_referrals').set({ respond_by: '2026-03-16', remind_on: '2026-03-09', created_at: new Date('2026-03-02T12:00:00Z') }).where('id', '=', waiting.id).execute(),
    );

    const closed = await t.app.inject({
      method: 'POST',
      url: `/api/cases/${k.referralId}/close`,
      headers: k.worker.headers,
      payload: { reasonCode: 'goals-met', outcomeSummary: 'Found a group of her own.' },
    });
    expect(closed.statusCode, closed.body).toBe(200);

    const ended = await onwardRow(k, waiting.id);
    expect(ended).toMatchObject({ status: 'withdrawn', status_reason_code: null, status_note: 'The case was closed before the group replied.', version: 2 });
    expect(ended.ended_at).not.toBeNull();
    expect(await onwardRow(k, placed.id)).toMatchObject({ status: 'accepted', ended_at: null, version: 2 });
    // Not a consent withdrawal: the provider keeps the usual days of sight.
    expect((await get(`/api/provider/referrals/${waiting.id}`, k.provider)).json<ProviderReferral>()).toMatchObject({ status: 'withdrawn', detailsRemoved: false });

    for (const day of ['09', '16', '17']) await runOnwardWindows(t.ctx.data, t.ctx.jobs, t.ctx.config, new Date(`2026-03-${day}T12:00:00Z`));
    expect((await notificationsFor(t, k.scheme.schemeId, waiting.id)).map((n) => n.template).filter((n) => n.startsWith('onward-nudge'))).toEqual([]);
    expect((await onwardRow(k, waiting.id)).status).toBe('withdrawn');
    const alerts = await asSystem(t, k.scheme.schemeId, (scope) => scope.db.selectFrom('case_alerts').select('kind').where('onward_referral_id', '=', waiting.id).execute());
    expect(alerts).toEqual([]);
  });
});
