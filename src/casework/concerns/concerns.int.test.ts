import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Concern } from '../../contracts/onward.js';
import { publicUrl } from '../../config/index.js';
import { openTestApp, type TestApp } from '../../testing/app.js';
import { addCase, placeOnward } from '../attendance/test-onward.js';
import { asSystem, caseworkScheme, type CaseworkScheme } from '../test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
}, 120_000);
afterAll(async () => {
  await t.close();
});

const CONCERN_TEXT = 'She said her son takes her pension and she is frightened to go home.';
const DAY = 86_400_000;

const raise = (who: CaseworkScheme['provider'], onwardReferralId: string, urgency = 'urgent', concern = CONCERN_TEXT) =>
  t.app.inject({ method: 'POST', url: `/api/provider/referrals/${onwardReferralId}/concerns`, headers: who.headers, payload: { urgency, concern } });

async function emailOf(cw: CaseworkScheme, role: 'link_worker' | 'safeguarding_lead'): Promise<string> {
  const row = await asSystem(t, cw.scheme.schemeId, (scope) =>
    scope.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('u.email')
      .where('m.role', '=', role)
      .executeTakeFirstOrThrow(),
  );
  return row.email;
}

describe('raise a concern', () => {
  it('reaches the link worker and the safeguarding lead without naming the person or quoting the concern', async () => {
    const cw = await caseworkScheme(t, { person: { givenName: 'Wilma', familyName: 'Recordname-concern' } });
    const placed = await placeOnward(t, cw, { referralId: cw.referralId, personId: cw.personId, name: 'Vera Snapshot', status: 'attending' });

    expect((await raise(cw.otherProvider, placed.id)).statusCode).toBe(404);

    const response = await raise(cw.provider, placed.id);
    expect(response.statusCode).toBe(201);
    const raised = response.json<Concern>();
    // The provider is not told which case (referral) the onward referral belongs to.
    expect(raised).toMatchObject({
      onwardReferralId: placed.id,
      referralId: null,
      urgency: 'urgent',
      concern: CONCERN_TEXT,
      raisedBy: 'Test vcse_provider',
      raisedByOrganisation: 'Test walking group',
    });

    const { outbox, alerts, tasks, audit } = await asSystem(t, cw.scheme.schemeId, async (scope) => ({
      outbox: await scope.db.selectFrom('notifications').select(['recipient', 'subject', 'body', 'entity_id']).where('template', '=', 'provider-concern').orderBy('recipient').execute(),
      alerts: await scope.db.selectFrom('case_alerts').select(['id', 'kind', 'key', 'message', 'onward_referral_id']).execute(),
      tasks: await scope.db.selectFrom('case_tasks').select(['assignee_id', 'alert_id']).execute(),
      audit: await scope.db.selectFrom('audit_events').select(['action', 'entity_id', 'detail']).where('entity_type', '=', 'concern').execute(),
    }));
    const body = `A concern (urgent) was raised by Test walking group about referral ${placed.reference}. Sign in to read it: ${publicUrl(t.ctx.config)}/cases/${cw.referralId}`;
    const subject = `Urgent concern raised about referral ${placed.reference}`;
    expect(outbox).toEqual(
      [await emailOf(cw, 'link_worker'), await emailOf(cw, 'safeguarding_lead')]
        .sort()
        .map((recipient) => ({ recipient, subject, body, entity_id: raised.id })),
    );
    for (const message of outbox) {
      for (const secret of ['Vera', 'Wilma', 'Recordname', 'pension']) expect(`${message.subject} ${message.body}`).not.toContain(secret);
    }
    expect(alerts).toEqual([
      { id: alerts[0]?.id, kind: 'provider_concern', key: `concern:${raised.id}`, message: 'Concern raised by Test walking group (urgent)', onward_referral_id: placed.id },
    ]);
    expect(tasks).toEqual([{ assignee_id: cw.workerId, alert_id: alerts[0]?.id }]);
    expect(audit).toEqual([{ action: 'create', entity_id: raised.id, detail: { onwardReferralId: placed.id, referralId: cw.referralId, urgency: 'urgent' } }]);

    const bySafeguarding = await t.app.inject({ method: 'GET', url: `/api/cases/${cw.referralId}/concerns`, headers: cw.safeguarding.headers });
    expect(bySafeguarding.statusCode).toBe(200);
    expect(bySafeguarding.json()).toEqual({ concerns: [{ ...raised, referralId: cw.referralId }] });
    const byWorker = await t.app.inject({ method: 'GET', url: `/api/cases/${cw.referralId}/concerns`, headers: cw.worker.headers });
    expect(byWorker.json<{ concerns: Concern[] }>().concerns.map((c) => c.concern)).toEqual([CONCERN_TEXT]);
    const byProvider = await t.app.inject({ method: 'GET', url: `/api/cases/${cw.referralId}/concerns`, headers: cw.provider.headers });
    expect(byProvider.statusCode).toBe(403);

    const reads = await asSystem(t, cw.scheme.schemeId, (scope) =>
      scope.db.selectFrom('audit_events').select(['detail']).where('entity_type', '=', 'concern').where('action', '=', 'read').execute(),
    );
    expect(reads.map((r) => r.detail)).toEqual([
      { referralId: cw.referralId, count: 1 },
      { referralId: cw.referralId, count: 1 },
    ]);
  });

  it("lets the provider raise one only while it may still see the referral", async () => {
    const cw = await caseworkScheme(t);
    const second = await addCase(t, cw);
    // The scheme's default: 30 days of access after a referral ends.
    const recent = await placeOnward(t, cw, { referralId: cw.referralId, personId: cw.personId, name: 'Xan Snapshot', status: 'completed', endedAt: new Date(Date.now() - 5 * DAY) });
    const long = await placeOnward(t, cw, { referralId: second.referralId, personId: second.personId, name: 'Yas Snapshot', status: 'completed', endedAt: new Date(Date.now() - 31 * DAY) });

    const routine = await raise(cw.provider, recent.id, 'routine');
    expect(routine.statusCode).toBe(201);
    expect((await raise(cw.provider, long.id)).statusCode).toBe(404);

    // A caseworker may still raise one about an ended referral.
    const byWorker = await raise(cw.worker, long.id);
    expect(byWorker.statusCode).toBe(201);
    expect(byWorker.json<Concern>().referralId).toBe(second.referralId);

    const alerts = await asSystem(t, cw.scheme.schemeId, (scope) => scope.db.selectFrom('case_alerts').select(['referral_id', 'message']).orderBy('raised_at').execute());
    expect(alerts).toEqual([
      { referral_id: cw.referralId, message: 'Concern raised by Test walking group (routine)' },
      { referral_id: second.referralId, message: 'Concern raised by Test host (urgent)' },
    ]);
  });

  it('a second submit of the same concern finds the first and alerts and emails nobody again; another text or urgency is a new concern', async () => {
    const cw = await caseworkScheme(t);
    const placed = await placeOnward(t, cw, { referralId: cw.referralId, personId: cw.personId, name: 'Zena Snapshot', status: 'attending' });

    // A double click: both submits arrive together and queue on the onward referral's lock.
    const pair = await Promise.all([raise(cw.provider, placed.id), raise(cw.provider, placed.id)]);
    expect(pair.map((r) => r.statusCode).sort()).toEqual([200, 201]);
    const [first, second] = pair.map((r) => r.json<Concern>());
    expect(second).toEqual(first);
    // A retry after a slow network, a moment later.
    const retry = await raise(cw.provider, placed.id);
    expect(retry.statusCode).toBe(200);
    expect(retry.json<Concern>()).toEqual(first);
    const raisedId = first?.id;

    const state = () =>
      asSystem(t, cw.scheme.schemeId, async (scope) => ({
        concerns: await scope.db.selectFrom('provider_concerns').select(['id', 'urgency', 'concern']).orderBy('raised_at').execute(),
        alerts: await scope.db.selectFrom('case_alerts').select(['key']).orderBy('raised_at').execute(),
        emails: await scope.db.selectFrom('notifications').select(['recipient', 'entity_id']).where('template', '=', 'provider-concern').orderBy('entity_id').orderBy('recipient').execute(),
        audit: await scope.db.selectFrom('audit_events').select(['action', 'entity_id', 'detail']).where('entity_type', '=', 'concern').orderBy('action').execute(),
      }));
    const recipients = [await emailOf(cw, 'link_worker'), await emailOf(cw, 'safeguarding_lead')].sort();
    const once = await state();
    expect(once.concerns).toEqual([{ id: raisedId, urgency: 'urgent', concern: CONCERN_TEXT }]);
    expect(once.alerts).toEqual([{ key: `concern:${raisedId}` }]);
    expect(once.emails).toEqual(recipients.map((recipient) => ({ recipient, entity_id: raisedId })));
    const replayDetail = { onwardReferralId: placed.id, referralId: cw.referralId, replayed: true };
    expect(once.audit).toEqual([
      { action: 'create', entity_id: raisedId, detail: { onwardReferralId: placed.id, referralId: cw.referralId, urgency: 'urgent' } },
      { action: 'read', entity_id: raisedId, detail: replayDetail },
      { action: 'read', entity_id: raisedId, detail: replayDetail },
    ]);

    const otherText = await raise(cw.provider, placed.id, 'urgent', 'He has not been seen at the group or at home since Monday.');
    expect(otherText.statusCode).toBe(201);
    const otherUrgency = await raise(cw.provider, placed.id, 'routine');
    expect(otherUrgency.statusCode).toBe(201);
    const ids = [raisedId, otherText.json<Concern>().id, otherUrgency.json<Concern>().id];
    expect(new Set(ids).size).toBe(3);
    const after = await state();
    expect(after.concerns).toEqual([
      { id: raisedId, urgency: 'urgent', concern: CONCERN_TEXT },
      { id: ids[1], urgency: 'urgent', concern: 'He has not been seen at the group or at home since Monday.' },
      { id: ids[2], urgency: 'routine', concern: CONCERN_TEXT },
    ]);
    expect(after.alerts).toEqual(ids.map((id) => ({ key: `concern:${id}` })));
    expect(after.emails).toHaveLength(6);
  });
});
