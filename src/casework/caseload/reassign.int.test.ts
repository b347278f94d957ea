import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caseload, CaseTask } from '../../contracts/casework.js';
import type { ReferralDetail } from '../../contracts/referrals.js';
import { createTestUser, openTestApp, signInAs, type SignedIn, type TestApp } from '../../testing/app.js';
import { testBackend } from '../../testing/database.js';
import { asSystem, caseworkScheme, type CaseworkScheme } from '../test-kit.js';
import { addAlert, makeCase, referralEvent, type CaseRef } from './test-rows.js';

/*
 * Jo (the kit's worker) holds cases A and B and a closed case E; Sam holds none. The manager
 * moves A and B to Sam while Jo is away.
 */

let t: TestApp;
let s: CaseworkScheme;
let samId: string;
let sam: SignedIn;
let a: CaseRef;
let b: CaseRef;
let e: CaseRef;
let openTask: CaseTask;
let doneTask: CaseTask;

const reassign = (as: SignedIn, payload: object) => t.app.inject({ method: 'POST', url: '/api/caseload/reassign', headers: as.headers, payload });
const reason = 'Jo is on leave for a month';

async function task(ref: CaseRef, title: string): Promise<CaseTask> {
  const res = await t.app.inject({ method: 'POST', url: `/api/cases/${ref.referralId}/tasks`, headers: s.worker.headers, payload: { title, dueOn: '2030-01-15' } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<CaseTask>();
}

const assignees = () =>
  asSystem(t, s.scheme.schemeId, (scope) =>
    scope.db.selectFrom('case_tasks').select(['title', 'assignee_id', 'done_at']).where('scheme_id', '=', scope.schemeId).orderBy('title').execute(),
  );

beforeAll(async () => {
  t = await openTestApp();
  s = await caseworkScheme(t);
  const samUser = await createTestUser(t.ctx.data, s.scheme, 'link_worker');
  samId = samUser.userId;
  sam = await signInAs(t.app, samUser);
  a = { schemeId: s.scheme.schemeId, referralId: s.referralId, personId: s.personId };
  b = await makeCase(t, s, s.workerId, { givenName: 'Bea', familyName: 'Brown' });
  e = await makeCase(t, s, s.workerId, { givenName: 'Eve', familyName: 'Evans' });
  openTask = await task(a, 'Book the first visit');
  doneTask = await task(b, 'Phone the GP surgery');
  expect((await t.app.inject({ method: 'POST', url: `/api/case-tasks/${doneTask.id}/done`, headers: s.worker.headers, payload: {} })).statusCode).toBe(200);
  await addAlert(t, b, 'walk-1');
  await referralEvent(t, s, e.referralId, { type: 'close', reasonCode: 'goals-met', outcomeSummary: 'Goals met.' });
});
afterAll(async () => t.close());

describe(`reassigning cases (${testBackend()})`, () => {
  it('refuses link workers and anyone else: only a manager moves cases', async () => {
    expect((await reassign(s.worker, { referralIds: [a.referralId], linkWorkerId: samId, reason })).statusCode).toBe(403);
    expect((await reassign(s.referrer, { referralIds: [a.referralId], linkWorkerId: samId, reason })).statusCode).toBe(403);
    expect((await reassign(s.provider, { referralIds: [a.referralId], linkWorkerId: samId, reason })).statusCode).toBe(403);
  });

  it('moves nothing when one of the cases is not on a caseload, or not found, or the worker is not a link worker', async () => {
    const closed = await reassign(s.manager, { referralIds: [a.referralId, e.referralId], linkWorkerId: samId, reason });
    expect(closed.statusCode).toBe(409);
    expect(closed.json<{ type: string }>().type).toMatch(/\/not-on-caseload$/);
    expect(closed.json<{ detail: string }>().detail).toMatch(/^Referral [A-Z0-9-]+ is not on a caseload, so cannot be moved. Untick it and try again.$/);
    expect((await reassign(s.manager, { referralIds: [a.referralId, randomUUID()], linkWorkerId: samId, reason })).statusCode).toBe(404);
    expect((await reassign(s.manager, { referralIds: [a.referralId], linkWorkerId: s.managerId, reason })).statusCode).toBe(400);
    expect((await reassign(s.manager, { referralIds: [a.referralId], linkWorkerId: samId, reason: '  ' })).statusCode).toBe(400);
    const still = await asSystem(t, s.scheme.schemeId, (scope) =>
      scope.db.selectFrom('referrals').select('link_worker_id').where('scheme_id', '=', scope.schemeId).where('id', '=', a.referralId).executeTakeFirstOrThrow(),
    );
    expect(still.link_worker_id).toBe(s.workerId);
  });

  it('moves the cases and their open tasks in one go, each move on the referral’s timeline and audited', async () => {
    const res = await reassign(s.manager, { referralIds: [a.referralId, b.referralId], linkWorkerId: samId, reason });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ moved: 2 });

    for (const ref of [a, b]) {
      const detail = (await t.app.inject({ method: 'GET', url: `/api/referrals/${ref.referralId}`, headers: s.manager.headers })).json<ReferralDetail>();
      const moves = detail.timeline.filter((entry) => entry.kind === 'reallocated');
      expect(moves).toHaveLength(1);
      expect(moves[0]).toMatchObject({ reason, actor: 'Test scheme_manager' });
    }
    expect(
      (await t.app.inject({ method: 'GET', url: `/api/referrals/${a.referralId}`, headers: s.manager.headers })).json<ReferralDetail>().status,
    ).toBe('accepted');

    const audit = await asSystem(t, s.scheme.schemeId, (scope) =>
      scope.db
        .selectFrom('audit_events')
        .select(['entity_type', 'entity_id', 'detail'])
        .where('scheme_id', '=', scope.schemeId)
        .where('action', '=', 'update')
        .where('actor_id', '=', s.managerId)
        .where('entity_type', 'in', ['referral', 'caseload'])
        .orderBy('id', 'desc')
        .limit(3)
        .execute(),
    );
    const sorted = [a.referralId, b.referralId].sort();
    expect(audit.reverse()).toEqual([
      { entity_type: 'referral', entity_id: sorted[0], detail: { event: 'allocate', to: 'accepted' } },
      { entity_type: 'referral', entity_id: sorted[1], detail: { event: 'allocate', to: 'accepted' } },
      { entity_type: 'caseload', entity_id: samId, detail: { reassigned: sorted, tasksMoved: 2 } },
    ]);

    // The open task on A and the alert's follow-up on B go to Sam; the done task stays Jo's.
    expect(await assignees()).toEqual([
      { title: 'Book the first visit', assignee_id: samId, done_at: null },
      { title: 'Phone the GP surgery', assignee_id: s.workerId, done_at: expect.any(Date) },
      { title: 'Ring the person about the walk', assignee_id: samId, done_at: null },
    ]);
    expect(openTask.title).toBe('Book the first visit');

    const samsLoad = (await t.app.inject({ method: 'GET', url: '/api/caseload', headers: sam.headers })).json<Caseload>();
    expect(samsLoad.items.map((i) => i.referralId).sort()).toEqual(sorted);
    expect(samsLoad.tasks.map((x) => x.title).sort()).toEqual(['Book the first visit', 'Ring the person about the walk']);
    const josLoad = (await t.app.inject({ method: 'GET', url: '/api/caseload', headers: s.worker.headers })).json<Caseload>();
    expect(josLoad.items).toEqual([]);
    expect(josLoad.tasks).toEqual([]);
  });

  it('leaves a case already with the chosen worker where it is', async () => {
    const res = await reassign(s.manager, { referralIds: [a.referralId], linkWorkerId: samId, reason });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ moved: 0 });
  });
});
