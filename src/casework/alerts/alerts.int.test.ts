import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseAlert, CaseTask } from '../../contracts/casework.js';
import { openTestApp, type SignedIn, type TestApp } from '../../testing/app.js';
import { testBackend } from '../../testing/database.js';
import { addAlert, makeCase, referralEvent, type CaseRef } from '../caseload/test-rows.js';
import { asSystem, caseworkScheme, type CaseworkScheme } from '../test-kit.js';

let t: TestApp;
let s: CaseworkScheme;
let c: CaseRef;
let closed: CaseRef;
let alertId: string;
let ownTask: CaseTask;

// Friday 20 November 2026: a follow-up within two working days is due on Tuesday 24 November.
const RAISED = new Date('2026-11-20T10:00:00Z');

const list = (as: SignedIn, ref: CaseRef = c) => t.app.inject({ method: 'GET', url: `/api/cases/${ref.referralId}/alerts`, headers: as.headers });
const addTask = (as: SignedIn, ref: CaseRef, payload: object) => t.app.inject({ method: 'POST', url: `/api/cases/${ref.referralId}/tasks`, headers: as.headers, payload });
const resolve = (as: SignedIn, id: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/case-alerts/${id}/resolve`, headers: as.headers, payload });
const done = (as: SignedIn, id: string) => t.app.inject({ method: 'POST', url: `/api/case-tasks/${id}/done`, headers: as.headers, payload: {} });
const typeOf = (res: { body: string }): string | undefined => (JSON.parse(res.body) as { type?: string }).type?.split('/').pop();

const audited = (entityType: string) =>
  asSystem(t, s.scheme.schemeId, (scope) =>
    scope.db
      .selectFrom('audit_events')
      .select(['action', 'entity_id', 'actor_id'])
      .where('scheme_id', '=', scope.schemeId)
      .where('entity_type', '=', entityType)
      .where('actor_type', '=', 'user')
      .orderBy('id')
      .execute(),
  );

beforeAll(async () => {
  t = await openTestApp();
  s = await caseworkScheme(t);
  c = { schemeId: s.scheme.schemeId, referralId: s.referralId, personId: s.personId };
  closed = await makeCase(t, s, s.workerId, { givenName: 'Eve', familyName: 'Evans' });
  await referralEvent(t, s, closed.referralId, { type: 'close', reasonCode: 'goals-met', outcomeSummary: 'Goals met.' });
  alertId = await addAlert(t, c, 'walk-1', RAISED);
});
afterAll(async () => t.close());

describe(`alerts and tasks on a case (${testBackend()})`, () => {
  it('shows the case’s alert and its follow-up task for the link worker', async () => {
    const res = await list(s.worker);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json<{ alerts: CaseAlert[]; tasks: CaseTask[] }>();
    expect(body.alerts).toEqual([
      {
        id: alertId,
        referralId: c.referralId,
        kind: 'non_attendance',
        message: 'Missed two sessions in a row',
        onwardReferralId: null,
        raisedAt: RAISED.toISOString(),
        resolvedAt: null,
        resolvedBy: null,
        resolutionNote: null,
      },
    ]);
    expect(body.tasks).toEqual([
      { id: expect.any(String), referralId: c.referralId, title: 'Ring the person about the walk', dueOn: '2026-11-24', alertId, doneAt: null, doneBy: null },
    ]);
    expect((await audited('case_alert')).filter((a) => a.action === 'read')).toEqual([{ action: 'read', entity_id: c.referralId, actor_id: s.workerId }]);
  });

  it('adds a task for the case’s link worker, even when a manager sets it', async () => {
    const res = await addTask(s.manager, c, { title: 'Ask about the bus pass', dueOn: '2026-12-01' });
    expect(res.statusCode, res.body).toBe(201);
    ownTask = res.json<CaseTask>();
    expect(ownTask).toEqual({ id: expect.any(String), referralId: c.referralId, title: 'Ask about the bus pass', dueOn: '2026-12-01', alertId: null, doneAt: null, doneBy: null });
    const row = await asSystem(t, s.scheme.schemeId, (scope) =>
      scope.db.selectFrom('case_tasks').select(['assignee_id', 'created_by_label']).where('id', '=', ownTask.id).executeTakeFirstOrThrow(),
    );
    expect(row).toEqual({ assignee_id: s.workerId, created_by_label: 'Test scheme_manager' });
    expect((await audited('case_task')).filter((a) => a.action === 'create')).toEqual([{ action: 'create', entity_id: ownTask.id, actor_id: s.managerId }]);
  });

  it('refuses a task without a title or on a real date, on a closed case, or on no case', async () => {
    expect((await addTask(s.worker, c, { title: ' ', dueOn: '2026-12-01' })).statusCode).toBe(400);
    expect((await addTask(s.worker, c, { title: 'Ring', dueOn: '2026-02-30' })).statusCode).toBe(400);
    const onClosed = await addTask(s.worker, closed, { title: 'Ring', dueOn: '2026-12-01' });
    expect(onClosed.statusCode).toBe(409);
    expect(typeOf(onClosed)).toBe('case-closed');
    expect((await addTask(s.worker, { ...c, referralId: randomUUID() }, { title: 'Ring', dueOn: '2026-12-01' })).statusCode).toBe(404);
  });

  it('resolves the alert with what was done, which ticks off its follow-up task and nothing else', async () => {
    expect((await resolve(s.worker, alertId, { note: '' })).statusCode).toBe(400);
    const res = await resolve(s.worker, alertId, { note: 'Rang her: the bus times changed. She will go next week.' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CaseAlert>()).toMatchObject({
      id: alertId,
      resolvedBy: 'Test link_worker',
      resolutionNote: 'Rang her: the bus times changed. She will go next week.',
      resolvedAt: expect.any(String),
    });
    const again = await resolve(s.worker, alertId, { note: 'Again' });
    expect(again.statusCode).toBe(409);
    expect(typeOf(again)).toBe('alert-resolved');
    expect((await resolve(s.worker, randomUUID(), { note: 'x' })).statusCode).toBe(404);

    const body = (await list(s.manager)).json<{ alerts: CaseAlert[]; tasks: CaseTask[] }>();
    expect(body.alerts.map((a) => a.resolvedBy)).toEqual(['Test link_worker']);
    // Open tasks first: the worker's own is still to do; the follow-up is done.
    expect(body.tasks.map((x) => [x.title, x.doneBy])).toEqual([
      ['Ask about the bus pass', null],
      ['Ring the person about the walk', 'Test link_worker'],
    ]);
    expect((await audited('case_alert')).filter((a) => a.action === 'update')).toEqual([{ action: 'update', entity_id: alertId, actor_id: s.workerId }]);
  });

  it('marks a task done once', async () => {
    const res = await done(s.worker, ownTask.id);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json<CaseTask>()).toMatchObject({ id: ownTask.id, doneBy: 'Test link_worker', doneAt: expect.any(String) });
    const again = await done(s.worker, ownTask.id);
    expect(again.statusCode).toBe(409);
    expect(typeOf(again)).toBe('task-done');
    expect((await done(s.worker, randomUUID())).statusCode).toBe(404);
    expect((await audited('case_task')).filter((a) => a.action === 'update')).toEqual([{ action: 'update', entity_id: ownTask.id, actor_id: s.workerId }]);
  });

  it('is for caseworkers only', async () => {
    for (const outsider of [s.referrer, s.provider, s.safeguarding]) {
      expect((await list(outsider)).statusCode).toBe(403);
      expect((await addTask(outsider, c, { title: 'Ring', dueOn: '2026-12-01' })).statusCode).toBe(403);
      expect((await resolve(outsider, alertId, { note: 'x' })).statusCode).toBe(403);
      expect((await done(outsider, ownTask.id)).statusCode).toBe(403);
    }
  });

  it('answers "not found" for a referral that is not a case yet', async () => {
    const waiting = await caseworkScheme(t, { unallocated: true });
    expect((await list(waiting.worker, { ...c, referralId: waiting.referralId })).statusCode).toBe(404);
  });
});
