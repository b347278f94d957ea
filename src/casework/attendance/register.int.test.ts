import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Register } from '../../contracts/onward.js';
import { createTestDirectoryService } from '../../directory/test-fixtures.js';
import { londonDate } from '../../referrals/domain/working-days.js';
import { openTestApp, type TestApp } from '../../testing/app.js';
import { asSystem, caseworkScheme, type CaseworkScheme } from '../test-kit.js';
import { addCase, placeOnward, type PlacedOnward } from './test-onward.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
}, 120_000);
afterAll(async () => {
  await t.close();
});

const save = (cw: CaseworkScheme, date: string, marks: { onwardReferralId: string; mark: string }[], who = cw.provider) =>
  t.app.inject({ method: 'POST', url: '/api/provider/register', headers: who.headers, payload: { serviceId: cw.serviceId, date, marks } });

const read = (cw: CaseworkScheme, date: string, who = cw.provider) =>
  t.app.inject({ method: 'GET', url: `/api/provider/register?serviceId=${cw.serviceId}&date=${date}`, headers: who.headers });

async function marksOf(cw: CaseworkScheme, onwardReferralId: string) {
  return asSystem(t, cw.scheme.schemeId, (scope) =>
    scope.db
      .selectFrom('attendance')
      .select(['session_date', 'mark'])
      .where('onward_referral_id', '=', onwardReferralId)
      .orderBy('session_date')
      .execute(),
  );
}

async function alertsAndTasks(cw: CaseworkScheme, referralId: string) {
  return asSystem(t, cw.scheme.schemeId, async (scope) => ({
    alerts: await scope.db.selectFrom('case_alerts').select(['id', 'kind', 'message', 'onward_referral_id']).where('referral_id', '=', referralId).execute(),
    tasks: await scope.db.selectFrom('case_tasks').select(['title', 'assignee_id', 'alert_id']).where('referral_id', '=', referralId).execute(),
  }));
}

describe('attendance registers', () => {
  it('marks three people in one save and shows the register with names from the shared snapshot', async () => {
    const cw = await caseworkScheme(t);
    const second = await addCase(t, cw);
    const third = await addCase(t, cw);
    const waiting = await addCase(t, cw);
    const people: PlacedOnward[] = [
      await placeOnward(t, cw, { referralId: cw.referralId, personId: cw.personId, name: 'Carol Snapshot' }),
      await placeOnward(t, cw, { referralId: second.referralId, personId: second.personId, name: 'Anne Snapshot', status: 'attending' }),
      await placeOnward(t, cw, { referralId: third.referralId, personId: third.personId, name: 'Bea Snapshot' }),
    ];
    // Not yet accepted: not on the register.
    await placeOnward(t, cw, { referralId: waiting.referralId, personId: waiting.personId, name: 'Dora Snapshot', status: 'sent', acceptedOn: null });

    const before = await read(cw, '2025-01-07');
    expect(before.statusCode).toBe(200);
    expect(before.json<Register>().rows.map((r) => [r.personName, r.mark])).toEqual([
      ['Anne Snapshot', null],
      ['Bea Snapshot', null],
      ['Carol Snapshot', null],
    ]);

    const saved = await save(cw, '2025-01-07', people.map((p) => ({ onwardReferralId: p.id, mark: 'attended' })));
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toEqual({ saved: 3, alertsRaised: 0 });

    const after = (await read(cw, '2025-01-07')).json<Register>();
    expect(after.service).toEqual({ id: cw.serviceId, name: 'Test Tuesday walk' });
    expect(after.date).toBe('2025-01-07');
    expect(after.rows).toEqual([
      { onwardReferralId: people[1]?.id, reference: people[1]?.reference, personName: 'Anne Snapshot', status: 'attending', mark: 'attended' },
      { onwardReferralId: people[2]?.id, reference: people[2]?.reference, personName: 'Bea Snapshot', status: 'attending', mark: 'attended' },
      { onwardReferralId: people[0]?.id, reference: people[0]?.reference, personName: 'Carol Snapshot', status: 'attending', mark: 'attended' },
    ]);
    // The register never reads the person's record: the recorded family names appear nowhere.
    expect(JSON.stringify(after)).not.toContain(second.familyName);

    const audit = await asSystem(t, cw.scheme.schemeId, (scope) =>
      scope.db.selectFrom('audit_events').select(['action', 'detail']).where('entity_type', '=', 'attendance').orderBy('id').execute(),
    );
    // Each read names the onward referrals whose names it showed, in the order shown (Anne, Bea, Carol).
    const shown = [people[1]?.id, people[2]?.id, people[0]?.id];
    expect(audit.map((a) => [a.action, a.detail])).toEqual([
      ['read', { serviceId: cw.serviceId, date: '2025-01-07', count: 3, onwardReferralIds: shown }],
      ['create', { serviceId: cw.serviceId, date: '2025-01-07', count: 3 }],
      ['read', { serviceId: cw.serviceId, date: '2025-01-07', count: 3, onwardReferralIds: shown }],
    ]);
  });

  it('raises one non-attendance alert and one task after two attended and two missed sessions, and nothing more when saved again', async () => {
    const cw = await caseworkScheme(t);
    const placed = await placeOnward(t, cw, { referralId: cw.referralId, personId: cw.personId, name: 'Grace Snapshot' });
    const mark = (date: string, m: string) => save(cw, date, [{ onwardReferralId: placed.id, mark: m }]);

    expect((await mark('2025-01-07', 'attended')).json()).toEqual({ saved: 1, alertsRaised: 0 });
    const moved = await asSystem(t, cw.scheme.schemeId, async (scope) => ({
      row: await scope.db.selectFrom('onward_referrals').select(['status', 'version']).where('id', '=', placed.id).executeTakeFirstOrThrow(),
      events: await scope.db.selectFrom('onward_referral_events').select(['kind', 'from_status', 'to_status', 'actor_role']).where('onward_referral_id', '=', placed.id).execute(),
    }));
    expect(moved.row).toEqual({ status: 'attending', version: 2 });
    expect(moved.events).toEqual([{ kind: 'start_attending', from_status: 'accepted', to_status: 'attending', actor_role: 'vcse_provider' }]);

    expect((await mark('2025-01-14', 'attended')).json()).toEqual({ saved: 1, alertsRaised: 0 });
    expect((await mark('2025-01-21', 'missed')).json()).toEqual({ saved: 1, alertsRaised: 0 });
    expect((await mark('2025-01-28', 'missed')).json()).toEqual({ saved: 1, alertsRaised: 1 });
    expect((await mark('2025-01-28', 'missed')).json()).toEqual({ saved: 1, alertsRaised: 0 });

    const { alerts, tasks } = await alertsAndTasks(cw, cw.referralId);
    expect(alerts).toEqual([
      { id: alerts[0]?.id, kind: 'non_attendance', message: 'Test Tuesday walk: Missed 2 sessions in a row (21 and 28 January 2025).', onward_referral_id: placed.id },
    ]);
    expect(tasks).toEqual([{ title: 'Follow up non-attendance at Test Tuesday walk', assignee_id: cw.workerId, alert_id: alerts[0]?.id }]);
    // The second "attended" did not move the status again.
    const events = await asSystem(t, cw.scheme.schemeId, (scope) =>
      scope.db.selectFrom('onward_referral_events').select('kind').where('onward_referral_id', '=', placed.id).execute(),
    );
    expect(events).toHaveLength(1);
  });

  it('passes over an apology between two misses, and a correction replaces the mark', async () => {
    const cw = await caseworkScheme(t);
    const placed = await placeOnward(t, cw, { referralId: cw.referralId, personId: cw.personId, name: 'Ivy Snapshot' });
    const mark = (date: string, m: string) => save(cw, date, [{ onwardReferralId: placed.id, mark: m }]);

    expect((await mark('2025-01-07', 'attended')).json()).toEqual({ saved: 1, alertsRaised: 0 });
    expect((await mark('2025-01-14', 'missed')).json()).toEqual({ saved: 1, alertsRaised: 0 });
    expect((await mark('2025-01-21', 'excused')).json()).toEqual({ saved: 1, alertsRaised: 0 });
    // First recorded as an apology by mistake, then corrected to a miss.
    expect((await mark('2025-01-28', 'excused')).json()).toEqual({ saved: 1, alertsRaised: 0 });
    expect((await mark('2025-01-28', 'missed')).json()).toEqual({ saved: 1, alertsRaised: 1 });

    expect(await marksOf(cw, placed.id)).toEqual([
      { session_date: '2025-01-07', mark: 'attended' },
      { session_date: '2025-01-14', mark: 'missed' },
      { session_date: '2025-01-21', mark: 'excused' },
      { session_date: '2025-01-28', mark: 'missed' },
    ]);
    const { alerts, tasks } = await alertsAndTasks(cw, cw.referralId);
    expect(alerts.map((a) => a.message)).toEqual(['Test Tuesday walk: Missed 2 sessions in a row (14 and 28 January 2025).']);
    expect(tasks).toHaveLength(1);
  });

  it('raises no non-attendance alert for a case that is closed, though the marks are kept', async () => {
    const cw = await caseworkScheme(t);
    const placed = await placeOnward(t, cw, { referralId: cw.referralId, personId: cw.personId, name: 'Hal Snapshot', status: 'attending' });
    await asSystem(t, cw.scheme.schemeId, (scope) => scope.db.updateTable('referrals').set({ status: 'closed', closed_at: new Date() }).where('id', '=', cw.referralId).execute());
    expect((await save(cw, '2025-01-07', [{ onwardReferralId: placed.id, mark: 'missed' }])).json()).toEqual({ saved: 1, alertsRaised: 0 });
    expect((await save(cw, '2025-01-14', [{ onwardReferralId: placed.id, mark: 'missed' }])).json()).toEqual({ saved: 1, alertsRaised: 0 });
    expect(await marksOf(cw, placed.id)).toEqual([
      { session_date: '2025-01-07', mark: 'missed' },
      { session_date: '2025-01-14', mark: 'missed' },
    ]);
    expect(await alertsAndTasks(cw, cw.referralId)).toEqual({ alerts: [], tasks: [] });
  });

  it('refuses a year before 1900 with 400, not a database error', async () => {
    const cw = await caseworkScheme(t);
    const placed = await placeOnward(t, cw, { referralId: cw.referralId, personId: cw.personId, name: 'Olu Snapshot' });
    const response = await save(cw, '0000-01-01', [{ onwardReferralId: placed.id, mark: 'attended' }]);
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['body.date']);
    expect((await read(cw, '1899-12-31')).statusCode).toBe(400);
    expect(await marksOf(cw, placed.id)).toEqual([]);
  });

  it('refuses a date in the future and saves nothing', async () => {
    const cw = await caseworkScheme(t);
    const placed = await placeOnward(t, cw, { referralId: cw.referralId, personId: cw.personId, name: 'Jan Snapshot' });
    const future = londonDate(new Date(Date.now() + 2 * 86_400_000));
    const response = await save(cw, future, [{ onwardReferralId: placed.id, mark: 'attended' }]);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['body.date']);
    expect(await marksOf(cw, placed.id)).toEqual([]);
  });

  it('refuses a date before the place was accepted, naming the row', async () => {
    const cw = await caseworkScheme(t);
    const placed = await placeOnward(t, cw, { referralId: cw.referralId, personId: cw.personId, name: 'Kit Snapshot' });
    const response = await save(cw, '2025-01-05', [{ onwardReferralId: placed.id, mark: 'attended' }]);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string; message: string }[] }>().errors).toEqual([
      {
        field: 'body.marks.0.onwardReferralId',
        message: `Row 1 (${placed.reference}): the place was accepted on 6 January 2025, so there is no session on 5 January 2025 to mark for them.`,
      },
    ]);
    expect(await marksOf(cw, placed.id)).toEqual([]);
  });

  it("refuses a mark for someone referred to another service, and saves none of the register's marks", async () => {
    const cw = await caseworkScheme(t);
    const other = await addCase(t, cw);
    const otherServiceId = await createTestDirectoryService(t.ctx.data, cw.directoryOrganizationId, { name: 'Test Thursday choir' });
    const here = await placeOnward(t, cw, { referralId: cw.referralId, personId: cw.personId, name: 'Lee Snapshot' });
    const there = await placeOnward(t, cw, { referralId: other.referralId, personId: other.personId, name: 'Mo Snapshot', serviceId: otherServiceId });

    const response = await save(cw, '2025-01-07', [
      { onwardReferralId: here.id, mark: 'attended' },
      { onwardReferralId: there.id, mark: 'attended' },
    ]);
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string; message: string }[] }>().errors).toEqual([
      { field: 'body.marks.1.onwardReferralId', message: 'Row 2 is not someone referred to Test Tuesday walk. Reload the register and mark it again.' },
    ]);
    expect(await marksOf(cw, here.id)).toEqual([]);
    expect(await marksOf(cw, there.id)).toEqual([]);
    const status = await asSystem(t, cw.scheme.schemeId, (scope) =>
      scope.db.selectFrom('onward_referrals').select('status').where('id', '=', here.id).executeTakeFirstOrThrow(),
    );
    expect(status.status).toBe('accepted');
  });

  it("hides another organisation's register from a provider (404) while a link worker may keep it", async () => {
    const cw = await caseworkScheme(t);
    const placed = await placeOnward(t, cw, { referralId: cw.referralId, personId: cw.personId, name: 'Nia Snapshot' });

    expect((await read(cw, '2025-01-07', cw.otherProvider)).statusCode).toBe(404);
    const refused = await save(cw, '2025-01-07', [{ onwardReferralId: placed.id, mark: 'attended' }], cw.otherProvider);
    expect(refused.statusCode).toBe(404);
    expect(await marksOf(cw, placed.id)).toEqual([]);

    const byWorker = await save(cw, '2025-01-07', [{ onwardReferralId: placed.id, mark: 'attended' }], cw.worker);
    expect(byWorker.json()).toEqual({ saved: 1, alertsRaised: 0 });
    const events = await asSystem(t, cw.scheme.schemeId, (scope) =>
      scope.db.selectFrom('onward_referral_events').select(['kind', 'actor_role']).where('onward_referral_id', '=', placed.id).execute(),
    );
    expect(events).toEqual([{ kind: 'start_attending', actor_role: 'link_worker' }]);
    expect((await read(cw, '2025-01-07', cw.worker)).json<Register>().rows.map((r) => r.mark)).toEqual(['attended']);
    // A referrer keeps no registers at all.
    expect((await read(cw, '2025-01-07', cw.referrer)).statusCode).toBe(403);
  });
});
