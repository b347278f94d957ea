import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caseload, CaseloadItem, CaseTask, WorkerLoad } from '../../contracts/casework.js';
import { londonDate } from '../../referrals/domain/working-days.js';
import { createTestUser, openTestApp, signInAs, type SignedIn, type TestApp } from '../../testing/app.js';
import { testBackend } from '../../testing/database.js';
import { asSystem, caseworkScheme, ifMatch, type CaseworkScheme } from '../test-kit.js';
import { addAlert, addContact, addGoal, addOnwardReferral, makeCase, referralEvent, type CaseRef } from './test-rows.js';

/*
 * One scheme, two link workers. Jo (the kit's worker) holds three open cases and one closed;
 * Sam holds one. Every expected value below is worked out from the rows written here.
 *   A (Maya, the kit's case): accepted, first contact due two days ago, a task due yesterday.
 *   B (Bea): first contact; an open alert; contacts attended 10 days ago (45 min), missed 5 and
 *     2 days ago, booked in 3 days; goal reviews yesterday (open), in a week (open) and a month
 *     ago (achieved: not counted); onward referrals sent, attending and declined.
 *   C (Cal): active; a task Jo set for ten days' time.
 *   D (Dee): accepted, Sam's, first contact due in four days; Jo held a 15-minute contact with
 *     her 3 days ago (covering for Sam).
 *   E (Eve): closed, Jo's; its open task is no longer on the caseload.
 */

const DAY_MS = 86_400_000;
const now = new Date();
const day = (offset: number): string => londonDate(new Date(now.getTime() + offset * DAY_MS));
const instant = (offset: number): string => new Date(now.getTime() + offset * DAY_MS).toISOString();

let t: TestApp;
let s: CaseworkScheme;
let samId: string;
let sam: SignedIn;
let a: CaseRef;
let b: CaseRef;
let c: CaseRef;
let d: CaseRef;
let e: CaseRef;
let alertId: string;

const getCaseload = (as: SignedIn, workerId?: string) =>
  t.app.inject({ method: 'GET', url: `/api/caseload${workerId ? `?workerId=${workerId}` : ''}`, headers: as.headers });
const addTask = async (ref: CaseRef, title: string, dueOn: string): Promise<CaseTask> => {
  const res = await t.app.inject({ method: 'POST', url: `/api/cases/${ref.referralId}/tasks`, headers: s.worker.headers, payload: { title, dueOn } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CaseTask>();
};

beforeAll(async () => {
  t = await openTestApp();
  s = await caseworkScheme(t, { person: { givenName: 'Maya', familyName: 'Able' } });
  const samUser = await createTestUser(t.ctx.data, s.scheme, 'link_worker');
  samId = samUser.userId;
  sam = await signInAs(t.app, samUser);
  a = { schemeId: s.scheme.schemeId, referralId: s.referralId, personId: s.personId };
  b = await makeCase(t, s, s.workerId, { givenName: 'Bea', familyName: 'Brown' });
  c = await makeCase(t, s, s.workerId, { givenName: 'Cal', familyName: 'Clark' });
  d = await makeCase(t, s, samId, { givenName: 'Dee', familyName: 'Dunn' });
  e = await makeCase(t, s, s.workerId, { givenName: 'Eve', familyName: 'Evans' });

  await asSystem(t, s.scheme.schemeId, (scope) =>
    scope.db.updateTable('referrals').set({ first_contact_due: day(-2) }).where('scheme_id', '=', scope.schemeId).where('id', '=', a.referralId).execute(),
  );
  await addTask(a, 'Send the leaflet', day(-1));

  await referralEvent(t, s, b.referralId, { type: 'record_first_contact' });
  alertId = await addAlert(t, b, 'walk-1');
  await addContact(t, b, { status: 'attended', scheduledAt: instant(-10), durationMinutes: 45, workerId: s.workerId });
  await addContact(t, b, { status: 'attended', scheduledAt: instant(-40), durationMinutes: 30, workerId: s.workerId });
  await addContact(t, b, { status: 'did_not_attend', scheduledAt: instant(-5), durationMinutes: 20, workerId: s.workerId });
  await addContact(t, b, { status: 'did_not_attend', scheduledAt: instant(-2), workerId: s.workerId });
  await addContact(t, b, { status: 'booked', scheduledAt: instant(3), workerId: s.workerId });
  await addGoal(t, b, { title: 'Walk twice a week', reviewDate: day(-1) });
  await addGoal(t, b, { title: 'Join a choir', reviewDate: day(7), status: 'not_started' });
  await addGoal(t, b, { title: 'Fix the boiler', reviewDate: day(-30), status: 'achieved' });
  for (const status of ['sent', 'attending', 'declined'] as const) {
    await addOnwardReferral(t, b, { serviceId: s.serviceId, directoryOrganizationId: s.directoryOrganizationId, status });
  }

  await referralEvent(t, s, c.referralId, { type: 'record_first_contact' });
  await referralEvent(t, s, c.referralId, { type: 'start_support' });
  await addTask(c, 'Check the benefits claim', day(10));

  await asSystem(t, s.scheme.schemeId, (scope) =>
    scope.db.updateTable('referrals').set({ first_contact_due: day(4) }).where('scheme_id', '=', scope.schemeId).where('id', '=', d.referralId).execute(),
  );
  await addContact(t, d, { status: 'attended', scheduledAt: instant(-3), durationMinutes: 15, workerId: s.workerId });

  await addTask(e, 'Post the last letter', day(-3));
  await referralEvent(t, s, e.referralId, { type: 'close', reasonCode: 'goals-met', outcomeSummary: 'Goals met.' });
});
afterAll(async () => t.close());

const byRef = (items: CaseloadItem[], ref: CaseRef) => items.find((i) => i.referralId === ref.referralId);

describe(`a link worker's caseload (${testBackend()})`, () => {
  it('lists their open cases with next action, reviews, alerts, missed appointments and live onward referrals, alerts first', async () => {
    const res = await getCaseload(s.worker);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<Caseload>();
    expect(body.worker).toEqual({ id: s.workerId, name: 'Test link_worker' });
    expect(body.counts).toEqual({ accepted: 1, first_contact: 1, active: 1 });
    // B has an alert; A's next action is overdue; C's is in ten days.
    expect(body.items.map((i) => i.personName)).toEqual(['Bea Brown', 'Maya Able', 'Cal Clark']);

    expect(byRef(body.items, b)).toMatchObject({
      status: 'first_contact',
      linkWorkerId: s.workerId,
      lastContactAt: instant(-10),
      nextAction: { label: 'Review the goal “Walk twice a week”', dueOn: day(-1), overdue: true },
      overdueReviews: 1,
      openAlerts: 1,
      dnaStreak: 2,
      liveOnwardReferrals: 2,
    });
    // The task due yesterday is later than the first contact due two days ago.
    expect(byRef(body.items, a)).toMatchObject({
      status: 'accepted',
      lastContactAt: null,
      nextAction: { label: 'Make first contact with the person', dueOn: day(-2), overdue: true },
      overdueReviews: 0,
      openAlerts: 0,
      dnaStreak: 0,
      liveOnwardReferrals: 0,
    });
    expect(byRef(body.items, c)).toMatchObject({
      status: 'active',
      nextAction: { label: 'Check the benefits claim', dueOn: day(10), overdue: false },
      openAlerts: 0,
    });

    expect(body.alerts.map((x) => ({ id: x.id, referralId: x.referralId, kind: x.kind, resolvedAt: x.resolvedAt }))).toEqual([
      { id: alertId, referralId: b.referralId, kind: 'non_attendance', resolvedAt: null },
    ]);
    // Jo's open tasks on open cases, soonest first; E's is gone with the closure, D's are Sam's.
    expect(body.tasks.map((x) => x.title)).toEqual(['Send the leaflet', 'Ring the person about the walk', 'Check the benefits claim']);
  });

  it('audits one read of the caseload, with the count and no names', async () => {
    const reads = () =>
      asSystem(t, s.scheme.schemeId, (scope) =>
        scope.db
          .selectFrom('audit_events')
          .select(['detail', 'entity_id'])
          .where('scheme_id', '=', scope.schemeId)
          .where('entity_type', '=', 'caseload')
          .where('action', '=', 'read')
          .where('actor_id', '=', s.workerId)
          .orderBy('id')
          .execute(),
      );
    const before = (await reads()).length;
    expect((await getCaseload(s.worker)).statusCode).toBe(200);
    const after = await reads();
    expect(after.length).toBe(before + 1);
    const last = after[after.length - 1];
    expect(last?.entity_id).toBe(s.workerId);
    expect(last?.detail).toMatchObject({ count: 3 });
    expect(JSON.stringify(last?.detail)).not.toMatch(/Bea|Brown|Maya|Able|Clark/);
  });

  it('refuses another worker’s caseload to a link worker (404), and everyone outside casework (403)', async () => {
    expect((await getCaseload(s.worker, samId)).statusCode).toBe(404);
    expect((await getCaseload(sam)).json<Caseload>().items.map((i) => i.personName)).toEqual(['Dee Dunn']);
    for (const outsider of [s.referrer, s.provider, s.safeguarding]) {
      expect((await getCaseload(outsider)).statusCode).toBe(403);
    }
  });

  it('gives a manager any worker’s caseload, or every open case in the scheme', async () => {
    const jos = await getCaseload(s.manager, s.workerId);
    expect(jos.statusCode).toBe(200);
    expect(jos.json<Caseload>().items.map((i) => i.personName)).toEqual(['Bea Brown', 'Maya Able', 'Cal Clark']);

    const all = (await getCaseload(s.manager)).json<Caseload>();
    expect(all.worker).toBeNull();
    expect(all.counts).toEqual({ accepted: 2, first_contact: 1, active: 1 });
    // Dee's first contact is due in four days, before Cal's task in ten.
    expect(all.items.map((i) => i.personName)).toEqual(['Bea Brown', 'Maya Able', 'Dee Dunn', 'Cal Clark']);
    expect(byRef(all.items, d)).toMatchObject({
      linkWorkerId: samId,
      linkWorker: 'Test link_worker',
      nextAction: { label: 'Make first contact with the person', dueOn: day(4), overdue: false },
    });
    expect(byRef(all.items, d)?.lastContactAt).toBe(instant(-3));

    expect((await getCaseload(s.manager, s.managerId)).statusCode).toBe(404);
  });
});

describe(`balancing caseloads (${testBackend()})`, () => {
  it('shows a manager each link worker’s load, time spent in the last 28 days and room under the ceiling', async () => {
    const settings = await t.app.inject({ method: 'GET', url: '/api/casework/settings', headers: s.manager.headers });
    const current = settings.json<Record<string, unknown>>();
    const { effectiveNeedDomains: _domains, version, ...input } = current;
    const saved = await t.app.inject({
      method: 'PUT',
      url: '/api/casework/settings',
      headers: { ...s.manager.headers, ...ifMatch(Number(version)) },
      payload: { ...input, maxCaseload: 3 },
    });
    expect(saved.statusCode, saved.body).toBe(200);

    const res = await t.app.inject({ method: 'GET', url: '/api/caseload/workers', headers: s.manager.headers });
    expect(res.statusCode, res.body).toBe(200);
    const workers = res.json<{ workers: WorkerLoad[] }>().workers;
    expect(workers.map((w) => w.id).sort()).toEqual([s.workerId, samId].sort());
    expect(workers.find((w) => w.id === s.workerId)).toEqual({
      id: s.workerId,
      name: 'Test link_worker',
      openCases: 3,
      byStatus: { accepted: 1, first_contact: 1, active: 1 },
      openAlerts: 1,
      // A's task, due yesterday. E's was overdue too, but E is closed.
      overdueTasks: 1,
      // 45 minutes with Bea ten days ago and 15 with Dee three days ago; the 40-day-old contact
      // and the missed appointments do not count.
      minutesLast28Days: 60,
      maxCaseload: 3,
      room: 0,
    });
    expect(workers.find((w) => w.id === samId)).toEqual({
      id: samId,
      name: 'Test link_worker',
      openCases: 1,
      byStatus: { accepted: 1, first_contact: 0, active: 0 },
      openAlerts: 0,
      overdueTasks: 0,
      minutesLast28Days: 0,
      maxCaseload: 3,
      room: 2,
    });
  });

  it('is for managers only', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/caseload/workers', headers: s.worker.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/caseload/workers', headers: s.referrer.headers })).statusCode).toBe(403);
  });
});
