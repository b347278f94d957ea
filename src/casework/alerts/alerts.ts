import { randomUUID } from 'node:crypto';
import type { CaseAlert, CaseTask } from '../../contracts/casework.js';
import type { SchemeScope } from '../../data/access.js';
import { AppError, notFound } from '../../errors.js';
import { actorName, loadCase, loadOpenCase } from '../case-row.js';
import { presentAlert, presentTask } from '../caseload/present.js';

/**
 * Alerts and follow-up tasks on a case. Alerts are raised by the rules (raise.ts); here the
 * link worker reads them, resolves them with what they did, and keeps their own tasks.
 */

/** A case's alerts (open first, newest first) and tasks (open first, soonest due first). */
export async function caseAlerts(scope: SchemeScope, referralId: string): Promise<{ alerts: CaseAlert[]; tasks: CaseTask[] }> {
  scope.authorize('case_alert', 'list');
  await loadCase(scope, referralId);
  const alerts = await scope.db
    .selectFrom('case_alerts')
    .selectAll()
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', referralId)
    .orderBy((eb) => eb('resolved_at', 'is not', null))
    .orderBy('raised_at', 'desc')
    .orderBy('id')
    .execute();
  const tasks = await scope.db
    .selectFrom('case_tasks')
    .selectAll()
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', referralId)
    .orderBy((eb) => eb('done_at', 'is not', null))
    .orderBy('due_on')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  await scope.audit({ action: 'read', entityType: 'case_alert', entityId: referralId, detail: { alerts: alerts.length, tasks: tasks.length } });
  return { alerts: alerts.map(presentAlert), tasks: tasks.map(presentTask) };
}

/** Resolves an alert with what was done about it; its follow-up task is done with it. */
export async function resolveAlert(scope: SchemeScope, alertId: string, note: string, now: Date = new Date()): Promise<CaseAlert> {
  scope.authorize('case_alert', 'update');
  const alert = await scope.db
    .selectFrom('case_alerts')
    .selectAll()
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', alertId)
    .forUpdate()
    .executeTakeFirst();
  if (!alert) throw notFound('The alert');
  if (alert.resolved_at !== null) {
    throw new AppError('conflict', 'This alert has already been resolved. Reload the case to see what was done.', { code: 'alert-resolved' });
  }
  const by = actorName(scope);
  const resolved = await scope.db
    .updateTable('case_alerts')
    .set({ resolved_at: now, resolved_by_label: by, resolution_note: note })
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', alertId)
    .returningAll()
    .executeTakeFirstOrThrow();
  const tasks = await scope.db
    .updateTable('case_tasks')
    .set({ done_at: now, done_by_label: by })
    .where('scheme_id', '=', scope.schemeId)
    .where('alert_id', '=', alertId)
    .where('done_at', 'is', null)
    .returning('id')
    .execute();
  await scope.audit({
    action: 'update',
    entityType: 'case_alert',
    entityId: alertId,
    detail: { referralId: alert.referral_id, resolved: true, tasksDone: tasks.map((t) => t.id) },
  });
  return presentAlert(resolved);
}

/** A task the link worker sets themselves on an open case; it goes to the case's link worker. */
export async function addTask(scope: SchemeScope, referralId: string, input: { title: string; dueOn: string }, now: Date = new Date()): Promise<CaseTask> {
  scope.authorize('case_alert', 'update');
  const row = await loadOpenCase(scope, referralId);
  const task = await scope.db
    .insertInto('case_tasks')
    .values({
      scheme_id: scope.schemeId,
      id: randomUUID(),
      referral_id: referralId,
      title: input.title,
      due_on: input.dueOn,
      alert_id: null,
      assignee_id: row.linkWorkerId,
      created_by_label: actorName(scope),
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await scope.audit({ action: 'create', entityType: 'case_task', entityId: task.id, detail: { referralId } });
  return presentTask(task);
}

export async function completeTask(scope: SchemeScope, taskId: string, now: Date = new Date()): Promise<CaseTask> {
  scope.authorize('case_alert', 'update');
  const task = await scope.db
    .updateTable('case_tasks')
    .set({ done_at: now, done_by_label: actorName(scope) })
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', taskId)
    .where('done_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  if (!task) {
    const exists = await scope.db.selectFrom('case_tasks').select('id').where('scheme_id', '=', scope.schemeId).where('id', '=', taskId).executeTakeFirst();
    if (!exists) throw notFound('The task');
    throw new AppError('conflict', 'This task is already done.', { code: 'task-done' });
  }
  await scope.audit({ action: 'update', entityType: 'case_task', entityId: taskId, detail: { referralId: task.referral_id, done: true } });
  return presentTask(task);
}
