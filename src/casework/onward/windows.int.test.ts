import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OnwardReferral } from '../../contracts/onward.js';
import { openTestApp, type TestApp } from '../../testing/app.js';
import { testBackend } from '../../testing/database.js';
import { asSystem, caseworkScheme, type CaseworkScheme } from '../test-kit.js';
import { giveServiceContact, notificationsFor, PERSON, sendOnward } from './onward-test-kit.js';
import { runOnwardWindows } from './windows.js';

let t: TestApp;
let k: CaseworkScheme;
let sent: OnwardReferral;

/**
 * A referral sent on Monday 2 March 2026 with the default 10 working days: the last day to reply
 * is Monday 16 March (3–6, 9–13, 16 March), the halfway nudge 5 working days in, Monday 9 March.
 * Noon in London is 12:00 UTC in early March (GMT).
 */
const at = (day: string): Date => new Date(`2026-03-${day}T12:00:00Z`);

beforeAll(async () => {
  t = await openTestApp();
  k = await caseworkScheme(t, { person: PERSON });
  await giveServiceContact(t, k.serviceId);
  sent = await sendOnward(t, k.worker, k, []);
  await asSystem(t, k.scheme.schemeId, (scope) =>
    scope.db.updateTable('onward_referrals').set({ respond_by: '2026-03-16', remind_on: '2026-03-09', created_at: at('02') }).where('id', '=', sent.id).execute(),
  );
});
afterAll(async () => t.close());

const run = (day: string) => runOnwardWindows(t.ctx.data, t.ctx.jobs, t.ctx.config, at(day));
const nudges = async (): Promise<string[]> => (await notificationsFor(t, k.scheme.schemeId, sent.id)).map((n) => n.template).filter((n) => n.startsWith('onward-nudge'));
const state = () =>
  asSystem(t, k.scheme.schemeId, async (scope) => {
    const row = await scope.db.selectFrom('onward_referrals').select(['status', 'ended_at', 'version']).where('id', '=', sent.id).executeTakeFirstOrThrow();
    const alerts = await scope.db.selectFrom('case_alerts').select(['kind', 'key', 'message']).where('onward_referral_id', '=', sent.id).execute();
    const events = await scope.db.selectFrom('onward_referral_events').select(['kind', 'to_status', 'actor_label']).where('onward_referral_id', '=', sent.id).orderBy('id').execute();
    const reminders = await scope.db.selectFrom('casework_reminders').select('key').where('subject_id', '=', sent.id).where('kind', '=', 'onward-nudge').orderBy('key').execute();
    return { row, alerts, events, reminders: reminders.map((r) => r.key) };
  });

describe(`onward response window job (${testBackend()})`, () => {
  it('nudges halfway once, on the last day once, and expires the working day after, raising one alert', async () => {
    await run('06');
    expect(await nudges()).toEqual([]);

    await run('09');
    await run('09');
    await run('12');
    expect(await nudges()).toEqual(['onward-nudge-halfway']);
    const halfway = (await notificationsFor(t, k.scheme.schemeId, sent.id)).find((n) => n.template === 'onward-nudge-halfway');
    expect(halfway?.recipient).toBe('walks@example.org');
    expect(halfway?.body).toContain(`Referral ${sent.reference} to Test Tuesday walk is waiting for your reply, by the end of 16 March 2026.`);
    expect(halfway?.body).not.toMatch(/Grace|Gracie|Okafor/);

    await run('16');
    await run('16');
    expect(await nudges()).toEqual(['onward-nudge-halfway', 'onward-nudge-last-day']);
    expect((await state()).row.status).toBe('sent');

    await run('17');
    await run('17');
    await run('18');
    const after = await state();
    expect(after.row.status).toBe('expired');
    expect(after.row.ended_at?.toISOString()).toBe('2026-03-17T12:00:00.000Z');
    expect(after.row.version).toBe(2);
    expect(after.reminders).toEqual(['halfway', 'last-day']);
    expect(after.events.map((e) => [e.kind, e.to_status])).toEqual([
      ['sent', 'sent'],
      ['expire', 'expired'],
    ]);
    expect(after.alerts).toEqual([
      { kind: 'onward_expired', key: `expired:${sent.id}`, message: `No reply from Test Tuesday walk in 10 working days (${sent.reference}).` },
    ]);
    expect(await nudges()).toEqual(['onward-nudge-halfway', 'onward-nudge-last-day']);
  });
});

describe(`onward response window job: closed cases (${testBackend()})`, () => {
  it('passes over a referral still marked sent on a case that is closed: no nudge, no expiry', async () => {
    const k2 = await caseworkScheme(t, { person: PERSON });
    await giveServiceContact(t, k2.serviceId);
    const waiting = await sendOnward(t, k2.worker, k2, []);
    // Closed behind the closure route's back, as a case closed before closure withdrew waiting referrals.
    await asSystem(t, k2.scheme.schemeId, async (scope) => {
      await scope.db.updateTable('onward_referrals').set({ respond_by: '2026-03-16', remind_on: '2026-03-09', created_at: at('02') }).where('id', '=', waiting.id).execute();
      await scope.db.updateTable('referrals').set({ status: 'closed', closed_at: at('03') }).where('id', '=', k2.referralId).execute();
    });
    for (const day of ['09', '16', '17']) await run(day);
    const templates = (await notificationsFor(t, k2.scheme.schemeId, waiting.id)).map((n) => n.template);
    expect(templates.filter((n) => n.startsWith('onward-nudge'))).toEqual([]);
    const row = await asSystem(t, k2.scheme.schemeId, (scope) => scope.db.selectFrom('onward_referrals').select(['status', 'version']).where('id', '=', waiting.id).executeTakeFirstOrThrow());
    expect(row).toEqual({ status: 'sent', version: 1 });
  });
});
