import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Goal, Plan } from '../../contracts/casework.js';
import { openTestApp, type SignedIn, type TestApp } from '../../testing/app.js';
import { testBackend } from '../../testing/database.js';
import { asSystem, caseworkScheme, ifMatch, type CaseworkScheme } from '../test-kit.js';
import { auditActions, closeCase, outsiders, problemCode } from './plan-test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

const walking = {
  title: 'Go to a walking group once a week',
  domain: 'physical-activity',
  steps: [
    { text: 'Find a group near home', owner: 'together', done: false },
    { text: 'Go to the first walk', owner: 'person', done: false },
  ],
  targetDate: '2030-01-31',
  reviewDate: '2030-01-10',
};
const bills = { title: 'Sort out the gas bill', domain: null, steps: [], targetDate: null, reviewDate: null };

const addGoal = (cw: CaseworkScheme, payload: Record<string, unknown>, as: SignedIn = cw.worker) =>
  t.app.inject({ method: 'POST', url: `/api/cases/${cw.referralId}/goals`, headers: as.headers, payload });
const getPlan = (cw: CaseworkScheme, as: SignedIn = cw.worker) => t.app.inject({ method: 'GET', url: `/api/cases/${cw.referralId}/plan`, headers: as.headers });
const editGoal = (as: SignedIn, id: string, payload: Record<string, unknown>, version?: number) =>
  t.app.inject({ method: 'PUT', url: `/api/goals/${id}`, headers: { ...as.headers, ...(version === undefined ? {} : ifMatch(version)) }, payload });
const progress = (as: SignedIn, id: string, payload: Record<string, unknown>, version: number) =>
  t.app.inject({ method: 'POST', url: `/api/goals/${id}/progress`, headers: { ...as.headers, ...ifMatch(version) }, payload });

async function created(cw: CaseworkScheme, payload: Record<string, unknown>): Promise<Goal> {
  const res = await addGoal(cw, payload);
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Goal>();
}

describe(`the personalised care and support plan (${testBackend()})`, () => {
  it('adds goals in order, each starting not started with its creation in the history', async () => {
    const cw = await caseworkScheme(t);
    const res = await addGoal(cw, walking);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.etag).toBe('W/"1"');
    const goal = res.json<Goal>();
    expect(goal).toMatchObject({
      ...walking,
      referralId: cw.referralId,
      status: 'not_started',
      personRating: null,
      ratedAt: null,
      reviewDue: false,
      allowedEvents: ['start', 'achieve', 'change', 'drop'],
      createdBy: 'Test link_worker',
      version: 1,
    });
    expect(goal.history).toMatchObject([{ fromStatus: null, toStatus: 'not_started', personRating: null, note: null, by: 'Test link_worker' }]);
    await created(cw, bills);

    const plan = await getPlan(cw);
    expect(plan.statusCode).toBe(200);
    expect(plan.json<Plan>().goals.map((g) => g.title)).toEqual([walking.title, bills.title]);
    expect(await auditActions(t, cw, 'goal', goal.id)).toEqual(['create']);
    expect(await auditActions(t, cw, 'care_plan', cw.referralId)).toEqual(['read']);
  });

  it('refuses a domain the scheme does not have and a review date already passed, creating nothing', async () => {
    const cw = await caseworkScheme(t);
    const badDomain = await addGoal(cw, { ...walking, domain: 'gardening' });
    expect(badDomain.statusCode).toBe(400);
    expect(badDomain.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['body.domain']);
    const pastReview = await addGoal(cw, { ...walking, reviewDate: '2020-01-01' });
    expect(pastReview.statusCode).toBe(400);
    expect(pastReview.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['body.reviewDate']);
    expect((await getPlan(cw)).json<Plan>().goals).toEqual([]);
  });

  it('edits a goal only against the version read', async () => {
    const cw = await caseworkScheme(t);
    const goal = await created(cw, walking);
    const edited = { ...walking, title: 'Walk with the Tuesday group', steps: [{ text: 'Go to the first walk', owner: 'person', done: true }] };

    const noHeader = await editGoal(cw.worker, goal.id, edited);
    expect(noHeader.statusCode).toBe(400);
    expect(problemCode(noHeader)).toBe('if-match-required');

    const ok = await editGoal(cw.worker, goal.id, edited, 1);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.headers.etag).toBe('W/"2"');
    expect(ok.json<Goal>()).toMatchObject({ title: 'Walk with the Tuesday group', steps: edited.steps, version: 2, status: 'not_started' });

    const stale = await editGoal(cw.manager, goal.id, { ...walking, title: 'Overwrite' }, 1);
    expect(stale.statusCode).toBe(412);
    expect((await getPlan(cw)).json<Plan>().goals[0]?.title).toBe('Walk with the Tuesday group');
    expect(await auditActions(t, cw, 'goal', goal.id)).toEqual(['create', 'update']);
  });

  it('keeps a review date that has passed when the edit leaves it alone', async () => {
    const cw = await caseworkScheme(t);
    const goal = await created(cw, walking);
    await asSystem(t, cw.scheme.schemeId, (scope) => scope.db.updateTable('goals').set({ review_date: '2021-05-01' }).where('id', '=', goal.id).execute());
    const kept = await editGoal(cw.worker, goal.id, { ...walking, reviewDate: '2021-05-01', title: 'Still walking' }, 1);
    expect(kept.statusCode, kept.body).toBe(200);
    expect(kept.json<Goal>()).toMatchObject({ reviewDate: '2021-05-01', reviewDue: true });
    const moved = await editGoal(cw.worker, goal.id, { ...walking, reviewDate: '2021-06-01' }, 2);
    expect(moved.statusCode).toBe(400);
  });

  it('moves a goal through the state machine with the person’s rating, one history row per change', async () => {
    const cw = await caseworkScheme(t);
    const goal = await created(cw, walking);

    const started = await progress(cw.worker, goal.id, { event: { type: 'start' }, personRating: 3 }, 1);
    expect(started.statusCode, started.body).toBe(200);
    expect(started.headers.etag).toBe('W/"2"');
    const s = started.json<Goal>();
    expect(s).toMatchObject({ status: 'in_progress', personRating: 3, version: 2, allowedEvents: ['achieve', 'change', 'drop'] });
    expect(s.ratedAt).not.toBeNull();

    const rated = await progress(cw.worker, goal.id, { personRating: 6, note: 'Went twice this week' }, 2);
    expect(rated.statusCode, rated.body).toBe(200);
    expect(rated.json<Goal>()).toMatchObject({ status: 'in_progress', personRating: 6, version: 3 });

    const illegal = await progress(cw.worker, goal.id, { event: { type: 'start' } }, 3);
    expect(illegal.statusCode).toBe(409);
    expect(problemCode(illegal)).toBe('illegal-transition');
    expect(illegal.json<{ detail: string }>().detail).toBe('A goal that is In progress cannot be started.');

    const achieved = await progress(cw.worker, goal.id, { event: { type: 'achieve' }, personRating: 10 }, 3);
    expect(achieved.json<Goal>()).toMatchObject({ status: 'achieved', personRating: 10, version: 4, allowedEvents: ['reopen'] });
    expect(achieved.json<Goal>().history.map((h) => [h.fromStatus, h.toStatus, h.personRating, h.note])).toEqual([
      [null, 'not_started', null, null],
      ['not_started', 'in_progress', 3, null],
      [null, null, 6, 'Went twice this week'],
      ['in_progress', 'achieved', 10, null],
    ]);
    expect(await auditActions(t, cw, 'goal', goal.id)).toEqual(['create', 'update', 'update', 'update']);
  });

  it('refuses an empty progress, a rating out of bounds, a stale version, and a rating on a dropped goal', async () => {
    const cw = await caseworkScheme(t);
    const goal = await created(cw, walking);
    const empty = await progress(cw.worker, goal.id, {}, 1);
    expect(empty.statusCode).toBe(400);
    expect(problemCode(empty)).toBe('nothing-to-record');
    expect((await progress(cw.worker, goal.id, { personRating: 11 }, 1)).statusCode).toBe(400);
    expect((await progress(cw.worker, goal.id, { personRating: -1 }, 1)).statusCode).toBe(400);
    expect((await progress(cw.worker, goal.id, { personRating: 2.5 }, 1)).statusCode).toBe(400);
    const zero = await progress(cw.worker, goal.id, { personRating: 0 }, 1);
    expect(zero.json<Goal>()).toMatchObject({ personRating: 0, version: 2 });
    expect((await progress(cw.worker, goal.id, { personRating: 1 }, 1)).statusCode).toBe(412);

    const dropWithRating = await progress(cw.worker, goal.id, { event: { type: 'drop', reason: 'Moved on' }, personRating: 4 }, 2);
    expect(dropWithRating.statusCode).toBe(409);
    expect(problemCode(dropWithRating)).toBe('rating-not-allowed');

    const dropped = await progress(cw.worker, goal.id, { event: { type: 'drop', reason: 'Found a job instead' } }, 2);
    expect(dropped.json<Goal>()).toMatchObject({ status: 'dropped', personRating: 0, version: 3 });
    // From not started: a rating alone does not start a goal.
    expect(dropped.json<Goal>().history.at(-1)).toMatchObject({ fromStatus: 'not_started', toStatus: 'dropped', personRating: null, note: 'Found a job instead' });
  });

  it('refuses edits to a changed or dropped goal', async () => {
    const cw = await caseworkScheme(t);
    const goal = await created(cw, walking);
    const changed = await progress(cw.worker, goal.id, { event: { type: 'change', note: 'Now a swimming goal' } }, 1);
    expect(changed.json<Goal>()).toMatchObject({ status: 'changed', allowedEvents: [] });
    const edit = await editGoal(cw.worker, goal.id, walking, 2);
    expect(edit.statusCode).toBe(409);
    expect(problemCode(edit)).toBe('goal-closed');
    const reopen = await progress(cw.worker, goal.id, { event: { type: 'reopen' } }, 2);
    expect(reopen.statusCode).toBe(409);
  });

  it('shows a review as due for an open goal whose date has come, not for an achieved one', async () => {
    const cw = await caseworkScheme(t);
    const open = await created(cw, walking);
    const done = await created(cw, { ...walking, title: 'Done already' });
    await progress(cw.worker, done.id, { event: { type: 'achieve' } }, 1);
    await asSystem(t, cw.scheme.schemeId, (scope) => scope.db.updateTable('goals').set({ review_date: '2022-03-01' }).where('referral_id', '=', cw.referralId).execute());
    const goals = (await getPlan(cw)).json<Plan>().goals;
    expect(goals.map((g) => [g.title, g.reviewDue])).toEqual([
      [open.title, true],
      ['Done already', false],
    ]);
  });

  it('a closed case keeps its plan readable and takes no changes', async () => {
    const cw = await caseworkScheme(t);
    const goal = await created(cw, walking);
    await closeCase(t, cw);
    expect((await getPlan(cw)).json<Plan>().goals.map((g) => g.id)).toEqual([goal.id]);
    for (const res of [
      await addGoal(cw, bills),
      await editGoal(cw.worker, goal.id, walking, 1),
      await progress(cw.worker, goal.id, { event: { type: 'start' } }, 1),
    ]) {
      expect(res.statusCode).toBe(409);
      expect(problemCode(res)).toBe('case-closed');
    }
  });

  it('nobody outside casework reaches the plan, its goals or the person’s copy', async () => {
    const cw = await caseworkScheme(t);
    const goal = await created(cw, walking);
    for (const [who, as] of await outsiders(t, cw)) {
      const answers = [
        await getPlan(cw, as),
        await addGoal(cw, bills, as),
        await editGoal(as, goal.id, walking, 1),
        await progress(as, goal.id, { event: { type: 'start' } }, 1),
        await t.app.inject({ method: 'GET', url: `/api/cases/${cw.referralId}/plan/copy`, headers: as.headers }),
        await t.app.inject({ method: 'POST', url: `/api/cases/${cw.referralId}/plan/send`, headers: as.headers, payload: { channel: 'email' } }),
      ];
      expect(answers.map((r) => [403, 404].includes(r.statusCode)), who).toEqual([true, true, true, true, true, true]);
    }
    expect((await getPlan(cw)).json<Plan>().goals).toMatchObject([{ id: goal.id, status: 'not_started', version: 1 }]);
  });
});
