import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestApp, type TestApp } from '../../testing/app.js';
import { asSystem, caseworkScheme } from '../test-kit.js';
import { checkAttendance } from './jobs.js';
import { addCase, placeOnward } from './test-onward.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
}, 120_000);
afterAll(async () => {
  await t.close();
});

const run = (now: string) => checkAttendance(t.ctx.data, t.ctx.jobs, t.ctx.config, new Date(now));

describe('casework.attendance job', () => {
  it('raises "no attendance" once, 14 days after acceptance, with no register ever saved', async () => {
    const cw = await caseworkScheme(t);
    const noRegister = await addCase(t, cw);
    const notYetAccepted = await addCase(t, cw);
    // Accepted on Monday 3 March 2025.
    const placed = await placeOnward(t, cw, { referralId: cw.referralId, personId: cw.personId, name: 'Olu Snapshot', acceptedOn: '2025-03-03' });
    // The provider did not agree to report non-attendance and keeps no register: silence means nothing.
    await placeOnward(t, cw, { referralId: noRegister.referralId, personId: noRegister.personId, name: 'Pat Snapshot', acceptedOn: '2025-03-03', reportNonAttendance: false });
    await placeOnward(t, cw, { referralId: notYetAccepted.referralId, personId: notYetAccepted.personId, name: 'Quin Snapshot', status: 'sent', acceptedOn: null });

    // Sunday 16 March: 13 days.
    expect(await run('2025-03-16T12:00:00Z')).toBe(0);
    // Monday 17 March: 14 days.
    expect(await run('2025-03-17T09:00:00Z')).toBe(1);
    expect(await run('2025-03-17T10:00:00Z')).toBe(0);
    expect(await run('2025-03-18T10:00:00Z')).toBe(0);

    const { alerts, tasks } = await asSystem(t, cw.scheme.schemeId, async (scope) => ({
      alerts: await scope.db.selectFrom('case_alerts').select(['id', 'referral_id', 'kind', 'message', 'onward_referral_id']).execute(),
      tasks: await scope.db.selectFrom('case_tasks').select(['referral_id', 'title', 'due_on', 'assignee_id', 'alert_id']).execute(),
    }));
    expect(alerts).toEqual([
      {
        id: alerts[0]?.id,
        referral_id: cw.referralId,
        kind: 'non_attendance',
        message: 'Test Tuesday walk: Has not attended any session in the 14 days since the place was accepted on 3 March.',
        onward_referral_id: placed.id,
      },
    ]);
    // Two working days after Monday 17 March.
    expect(tasks).toEqual([
      { referral_id: cw.referralId, title: 'Follow up non-attendance at Test Tuesday walk', due_on: '2025-03-19', assignee_id: cw.workerId, alert_id: alerts[0]?.id },
    ]);
  });

  it('leaves alone someone who has attended since acceptance', async () => {
    const cw = await caseworkScheme(t);
    const placed = await placeOnward(t, cw, { referralId: cw.referralId, personId: cw.personId, name: 'Ray Snapshot', status: 'attending', acceptedOn: '2025-03-03' });
    await asSystem(t, cw.scheme.schemeId, (scope) =>
      scope.db
        .insertInto('attendance')
        .values({ scheme_id: cw.scheme.schemeId, onward_referral_id: placed.id, session_date: '2025-03-04', mark: 'attended', recorded_by_label: 'test' })
        .execute(),
    );
    expect(await run('2025-03-24T09:00:00Z')).toBe(0);
    const alerts = await asSystem(t, cw.scheme.schemeId, (scope) => scope.db.selectFrom('case_alerts').select('id').execute());
    expect(alerts).toEqual([]);
  });
});
