import type { CaseAlert, CaseTask } from '../../contracts/casework.js';
import type { CaseAlertsTable, CaseTasksTable } from '../../db/schema-casework.js';
import type { Selectable } from 'kysely';

/** The DTOs of alerts and tasks: the caseload and the case's own alert list show the same. */

const iso = (value: Date | string): string => (value instanceof Date ? value : new Date(value)).toISOString();

export type AlertRow = Selectable<CaseAlertsTable>;
export type TaskRow = Selectable<CaseTasksTable>;

export function presentAlert(row: AlertRow): CaseAlert {
  return {
    id: row.id,
    referralId: row.referral_id,
    kind: row.kind,
    message: row.message,
    onwardReferralId: row.onward_referral_id,
    raisedAt: iso(row.raised_at),
    resolvedAt: row.resolved_at === null ? null : iso(row.resolved_at),
    resolvedBy: row.resolved_by_label,
    resolutionNote: row.resolution_note,
  };
}

export function presentTask(row: TaskRow): CaseTask {
  return {
    id: row.id,
    referralId: row.referral_id,
    title: row.title,
    dueOn: row.due_on,
    alertId: row.alert_id,
    doneAt: row.done_at === null ? null : iso(row.done_at),
    doneBy: row.done_by_label,
  };
}
