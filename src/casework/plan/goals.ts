import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Goal, GoalInput, GoalProgressInput, Plan } from '../../contracts/casework.js';
import type { GoalStatus } from '../../contracts/casework-codes.js';
import type { SchemeScope } from '../../data/access.js';
import { AppError, notFound, validationError, type FieldProblem } from '../../errors.js';
import { londonDate } from '../../referrals/domain/working-days.js';
import { actorName, loadCase, loadOpenCase, type CaseRow } from '../case-row.js';
import { mayRateProgress, transitionGoal, validateRating } from '../domain/goal-lifecycle.js';
import { loadCaseworkSettings } from '../settings.js';
import { GOAL_COLUMNS, historiesOf, presentGoal, type GoalRowView } from './present.js';

/**
 * The personalised care and support plan: goals co-produced with the person, each with steps,
 * dates, a status moved only through the goal state machine, and the person's own rating.
 * Every change of status or rating is one row of goal_updates, the plan's history.
 */

async function goalProblems(scope: SchemeScope, input: GoalInput, today: string, previous: GoalRowView | null): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (input.domain !== null) {
    const domains = (await loadCaseworkSettings(scope)).effectiveNeedDomains;
    if (!domains.some((d) => d.code === input.domain)) problems.push({ field: 'body.domain', message: 'Choose one of the scheme’s need domains, or none' });
  }
  // A review date already passed is kept on an edit that leaves it alone; a new one must be ahead.
  if (input.reviewDate !== null && input.reviewDate < today && input.reviewDate !== previous?.review_date) {
    problems.push({ field: 'body.reviewDate', message: 'The review date has passed: choose today or a later date' });
  }
  return problems;
}

async function presentOne(scope: SchemeScope, row: GoalRowView, today: string): Promise<Goal> {
  const histories = await historiesOf(scope, [row.id]);
  return presentGoal(row, histories.get(row.id) ?? [], today);
}

export async function getPlan(scope: SchemeScope, referralId: string, now: Date): Promise<Plan> {
  scope.authorize('care_plan', 'read');
  const kase = await loadCase(scope, referralId);
  const rows = await scope.db
    .selectFrom('goals')
    .select(GOAL_COLUMNS)
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', kase.id)
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const histories = await historiesOf(scope, rows.map((r) => r.id));
  await scope.audit({ action: 'read', entityType: 'care_plan', entityId: kase.id, detail: { referralId: kase.id, goals: rows.length } });
  const today = londonDate(now);
  return { referralId: kase.id, goals: rows.map((row) => presentGoal(row, histories.get(row.id) ?? [], today)) };
}

export async function createGoal(scope: SchemeScope, referralId: string, input: GoalInput, now: Date): Promise<Goal> {
  scope.authorize('care_plan', 'create');
  const kase = await loadOpenCase(scope, referralId);
  const today = londonDate(now);
  const problems = await goalProblems(scope, input, today, null);
  if (problems.length > 0) throw validationError(problems);
  const last = await scope.db
    .selectFrom('goals')
    .select((eb) => eb.fn.max('position').as('last'))
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', kase.id)
    .executeTakeFirst();
  const position = last?.last === null || last?.last === undefined ? 0 : Number(last.last) + 1;
  const label = actorName(scope);
  const row = await scope.db
    .insertInto('goals')
    .values({
      scheme_id: scope.schemeId,
      id: randomUUID(),
      referral_id: kase.id,
      person_id: kase.personId,
      title: input.title,
      domain: input.domain,
      steps: JSON.stringify(input.steps),
      target_date: input.targetDate,
      review_date: input.reviewDate,
      position,
      created_by_label: label,
    })
    .returning(GOAL_COLUMNS)
    .executeTakeFirstOrThrow();
  await scope.db.insertInto('goal_updates').values({ scheme_id: scope.schemeId, goal_id: row.id, from_status: null, to_status: 'not_started', actor_label: label }).execute();
  await scope.audit({ action: 'create', entityType: 'goal', entityId: row.id, detail: { referralId: kase.id } });
  return presentOne(scope, row, today);
}

/** The goal, its open case (locked), and the goal row itself locked behind it. */
async function lockGoal(scope: SchemeScope, goalId: string, expectedVersion: number): Promise<{ kase: CaseRow; goal: GoalRowView }> {
  const found = await scope.db.selectFrom('goals').select('referral_id').where('scheme_id', '=', scope.schemeId).where('id', '=', goalId).executeTakeFirst();
  if (!found) throw notFound('The goal');
  const kase = await loadOpenCase(scope, found.referral_id);
  const goal = await scope.db.selectFrom('goals').select(GOAL_COLUMNS).where('scheme_id', '=', scope.schemeId).where('id', '=', goalId).forUpdate().executeTakeFirstOrThrow();
  if (goal.version !== expectedVersion) {
    throw new AppError('precondition-failed', `This goal has been changed by someone else (now version ${goal.version}). Reload the plan and make your change again.`, {
      code: 'version-mismatch',
    });
  }
  return { kase, goal };
}

export async function updateGoal(scope: SchemeScope, goalId: string, input: GoalInput, expectedVersion: number, now: Date): Promise<Goal> {
  scope.authorize('care_plan', 'update');
  const { kase, goal } = await lockGoal(scope, goalId, expectedVersion);
  if (goal.status === 'changed' || goal.status === 'dropped') {
    const what = goal.status === 'changed' ? 'changed into another goal' : 'dropped';
    throw new AppError('conflict', `This goal was ${what}, so it can no longer be edited. Add a new goal instead, or reopen a dropped one first.`, { code: 'goal-closed' });
  }
  const today = londonDate(now);
  const problems = await goalProblems(scope, input, today, goal);
  if (problems.length > 0) throw validationError(problems);
  const row = await scope.db
    .updateTable('goals')
    .set({
      title: input.title,
      domain: input.domain,
      steps: JSON.stringify(input.steps),
      target_date: input.targetDate,
      review_date: input.reviewDate,
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', goalId)
    .returning(GOAL_COLUMNS)
    .executeTakeFirstOrThrow();
  await scope.audit({ action: 'update', entityType: 'goal', entityId: goalId, detail: { referralId: kase.id, version: row.version } });
  return presentOne(scope, row, today);
}

function eventNote(event: GoalProgressInput['event']): string | null {
  if (event?.type === 'change') return event.note;
  if (event?.type === 'drop') return event.reason;
  return null;
}

/** A change of status and/or the person's rating: one history row either way. */
export async function recordProgress(scope: SchemeScope, goalId: string, input: GoalProgressInput, expectedVersion: number, now: Date): Promise<Goal> {
  scope.authorize('care_plan', 'update');
  if (input.event === undefined && input.personRating === undefined) {
    throw new AppError('bad-request', 'Send a change of status, the person’s rating of how it is going, or both.', { code: 'nothing-to-record' });
  }
  const { kase, goal } = await lockGoal(scope, goalId, expectedVersion);
  let status: GoalStatus = goal.status;
  if (input.event !== undefined) {
    const moved = transitionGoal(goal.status, input.event);
    if (!moved.ok) throw new AppError('conflict', moved.message, { code: moved.code });
    status = moved.status;
  }
  let rating: number | null = null;
  if (input.personRating !== undefined) {
    const valid = validateRating(input.personRating);
    if (!valid.ok) throw validationError([{ field: 'body.personRating', message: valid.message }]);
    // Judged on the status the goal ends up in: a goal being dropped is not rated.
    if (!mayRateProgress(status)) {
      throw new AppError('conflict', 'A goal that was changed or dropped is not rated: it is no longer being worked on.', { code: 'rating-not-allowed' });
    }
    rating = valid.rating;
  }
  const row = await scope.db
    .updateTable('goals')
    .set({
      status,
      ...(rating === null ? {} : { person_rating: rating, rated_at: now }),
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', goalId)
    .returning(GOAL_COLUMNS)
    .executeTakeFirstOrThrow();
  const note = [eventNote(input.event), input.note?.trim() || null].filter((part): part is string => part !== null).join('\n') || null;
  const statusChanged = input.event !== undefined;
  await scope.db
    .insertInto('goal_updates')
    .values({
      scheme_id: scope.schemeId,
      goal_id: goalId,
      from_status: statusChanged ? goal.status : null,
      to_status: statusChanged ? status : null,
      person_rating: rating,
      note,
      actor_label: actorName(scope),
    })
    .execute();
  await scope.audit({
    action: 'update',
    entityType: 'goal',
    entityId: goalId,
    detail: { referralId: kase.id, ...(statusChanged ? { from: goal.status, to: status } : {}), rated: rating !== null },
  });
  return presentOne(scope, row, londonDate(now));
}
