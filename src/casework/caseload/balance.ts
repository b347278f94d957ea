import { sql } from 'kysely';
import { ruleFor } from '../../auth/policy.js';
import type { WorkerLoad } from '../../contracts/casework.js';
import { roleOf, type SchemeScope } from '../../data/access.js';
import { AppError, forbidden, notFound } from '../../errors.js';
import type { ReferralDeps } from '../../referrals/feedback.js';
import { londonDate } from '../../referrals/domain/working-days.js';
import { onCaseload } from '../../referrals/domain/lifecycle.js';
import { applyReferralEvent } from '../../referrals/transition-referral.js';
import { listInEnglish } from '../domain/dates.js';
import { loadCaseworkSettings } from '../settings.js';
import { OPEN_CASE_STATUSES } from './caseload.js';

const DAY_MS = 86_400_000;
/** The window of "time spent" shown beside each worker's load. */
const WORKLOAD_DAYS = 28;

/** Every worker's load is a manager's view: a link worker sees only their own caseload. */
function authorizeBalance(scope: SchemeScope): void {
  scope.authorize('caseload', 'list');
  const role = roleOf(scope.actor);
  if (role === undefined || ruleFor(role, 'caseload', 'list') !== 'allow') {
    throw forbidden('Only a scheme manager can see every link worker’s caseload.');
  }
}

/**
 * Each active link worker's open cases by status, open alerts, overdue tasks, the minutes of
 * contacts they held in the last 28 days, and the room left under the scheme's ceiling.
 */
export async function caseloadBalance(scope: SchemeScope, now: Date = new Date()): Promise<{ workers: WorkerLoad[] }> {
  authorizeBalance(scope);
  const settings = await loadCaseworkSettings(scope);
  const today = londonDate(now);
  const workers = await scope.db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.id', 'u.display_name'])
    .distinct()
    .where('m.scheme_id', '=', scope.schemeId)
    .where('m.role', '=', 'link_worker')
    .where('u.status', '=', 'active')
    .orderBy('u.display_name')
    .orderBy('u.id')
    .execute();
  const byStatus = await scope.db
    .selectFrom('referrals')
    .select((eb) => ['link_worker_id', 'status', eb.fn.countAll<number>().as('n')])
    .where('scheme_id', '=', scope.schemeId)
    .where('status', 'in', OPEN_CASE_STATUSES)
    .where('link_worker_id', 'is not', null)
    .groupBy(['link_worker_id', 'status'])
    .execute();
  const alerts = await scope.db
    .selectFrom('case_alerts as a')
    .innerJoin('referrals as r', (join) => join.onRef('r.scheme_id', '=', 'a.scheme_id').onRef('r.id', '=', 'a.referral_id'))
    .select((eb) => ['r.link_worker_id', eb.fn.countAll<number>().as('n')])
    .where('a.scheme_id', '=', scope.schemeId)
    .where('a.resolved_at', 'is', null)
    .where('r.status', 'in', OPEN_CASE_STATUSES)
    .groupBy('r.link_worker_id')
    .execute();
  const overdue = await scope.db
    .selectFrom('case_tasks as t')
    .innerJoin('referrals as r', (join) => join.onRef('r.scheme_id', '=', 't.scheme_id').onRef('r.id', '=', 't.referral_id'))
    .select((eb) => ['t.assignee_id', eb.fn.countAll<number>().as('n')])
    .where('t.scheme_id', '=', scope.schemeId)
    .where('t.done_at', 'is', null)
    .where('t.due_on', '<', today)
    .where('r.status', 'in', OPEN_CASE_STATUSES)
    .groupBy('t.assignee_id')
    .execute();
  const minutes = await scope.db
    .selectFrom('contacts')
    .select(['worker_id', sql<number>`coalesce(sum(duration_minutes), 0)`.as('minutes')])
    .where('scheme_id', '=', scope.schemeId)
    .where('status', '=', 'attended')
    .where('scheduled_at', '>', new Date(now.getTime() - WORKLOAD_DAYS * DAY_MS))
    .where('scheduled_at', '<=', now)
    .groupBy('worker_id')
    .execute();

  const count = (rows: readonly { n: number }[]): number => rows.reduce((sum, r) => sum + Number(r.n), 0);
  const result = workers.map((w): WorkerLoad => {
    const own = byStatus.filter((r) => r.link_worker_id === w.id);
    const statusCounts: Record<string, number> = Object.fromEntries(OPEN_CASE_STATUSES.map((s) => [s, count(own.filter((r) => r.status === s))]));
    const openCases = count(own);
    return {
      id: w.id,
      name: w.display_name,
      openCases,
      byStatus: statusCounts,
      openAlerts: count(alerts.filter((a) => a.link_worker_id === w.id)),
      overdueTasks: count(overdue.filter((t) => t.assignee_id === w.id)),
      minutesLast28Days: Number(minutes.find((m) => m.worker_id === w.id)?.minutes ?? 0),
      maxCaseload: settings.maxCaseload,
      room: Math.max(0, settings.maxCaseload - openCases),
    };
  });
  await scope.audit({ action: 'read', entityType: 'caseload', detail: { view: 'balance', workers: result.length } });
  return { workers: result };
}

/**
 * Moves cases to another link worker, all or none. Each move is the referral's own reallocation
 * (its timeline, code and audit); the cases' open tasks follow them to the new worker. Rows are
 * taken in id order so that two reassignments sharing cases queue instead of deadlocking.
 */
export async function reassignCases(
  scope: SchemeScope,
  deps: ReferralDeps,
  input: { referralIds: string[]; linkWorkerId: string; reason: string },
): Promise<{ moved: number }> {
  scope.authorize('caseload', 'update');
  const ids = [...new Set(input.referralIds)].sort();
  const rows = await scope.db
    .selectFrom('referrals')
    .select(['id', 'reference', 'status', 'link_worker_id'])
    .where('scheme_id', '=', scope.schemeId)
    .where('id', 'in', ids)
    .execute();
  if (rows.length !== ids.length) throw notFound('One of the cases chosen');
  const notOpen = rows.filter((r) => !onCaseload(r.status));
  if (notOpen.length > 0) {
    const [subject, verb, them] = notOpen.length === 1 ? ['Referral', 'is', 'it'] : ['Referrals', 'are', 'them'];
    const list = listInEnglish(notOpen.map((r) => r.reference));
    throw new AppError('conflict', `${subject} ${list} ${verb} not on a caseload, so cannot be moved. Untick ${them} and try again.`, {
      code: 'not-on-caseload',
    });
  }
  // A case already with the chosen worker stays where it is: nothing to move.
  const toMove = ids.filter((id) => rows.find((r) => r.id === id)?.link_worker_id !== input.linkWorkerId);
  for (const id of toMove) {
    await applyReferralEvent(scope, deps, id, { type: 'allocate', linkWorkerId: input.linkWorkerId, note: input.reason });
  }
  if (toMove.length > 0) {
    const tasks = await scope.db
      .updateTable('case_tasks')
      .set({ assignee_id: input.linkWorkerId })
      .where('scheme_id', '=', scope.schemeId)
      .where('referral_id', 'in', toMove)
      .where('done_at', 'is', null)
      .returning('id')
      .execute();
    await scope.audit({
      action: 'update',
      entityType: 'caseload',
      entityId: input.linkWorkerId,
      detail: { reassigned: toMove, tasksMoved: tasks.length },
    });
  }
  return { moved: toMove.length };
}
