import { randomUUID } from 'node:crypto';
import type { AlertKind } from '../../contracts/casework-codes.js';
import type { SchemeScope } from '../../data/access.js';
import { addWorkingDays, ENGLAND_WALES_BANK_HOLIDAYS, londonDate } from '../../referrals/domain/working-days.js';
import { actorName } from '../case-row.js';

export interface AlertToRaise {
  referralId: string;
  kind: AlertKind;
  /** Makes the alert once-only: the same kind and key on the same case is raised one time. */
  key: string;
  message: string;
  onwardReferralId?: string | null;
  /** The follow-up task made with it, for the case's link worker. */
  followUp: { title: string; withinWorkingDays: number };
}

/**
 * Puts an alert on the case's caseload with a follow-up task for its link worker, in the
 * caller's transaction. Raising the same alert again does nothing: a job that runs every hour
 * and a register saved twice both come here. Returns the new alert's id, or null if it stood already.
 * The message must not name the person: it is shown in lists beside their name anyway.
 */
export async function raiseAlert(scope: SchemeScope, alert: AlertToRaise, now: Date = new Date()): Promise<string | null> {
  const id = randomUUID();
  const inserted = await scope.db
    .insertInto('case_alerts')
    .values({
      scheme_id: scope.schemeId,
      id,
      referral_id: alert.referralId,
      kind: alert.kind,
      key: alert.key,
      onward_referral_id: alert.onwardReferralId ?? null,
      message: alert.message,
      raised_at: now,
    })
    .onConflict((oc) => oc.columns(['scheme_id', 'referral_id', 'kind', 'key']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) return null;
  const worker = await scope.db
    .selectFrom('referrals')
    .select('link_worker_id')
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', alert.referralId)
    .executeTakeFirst();
  await scope.db
    .insertInto('case_tasks')
    .values({
      scheme_id: scope.schemeId,
      id: randomUUID(),
      referral_id: alert.referralId,
      title: alert.followUp.title,
      due_on: addWorkingDays(londonDate(now), alert.followUp.withinWorkingDays, ENGLAND_WALES_BANK_HOLIDAYS),
      alert_id: id,
      assignee_id: worker?.link_worker_id ?? null,
      created_by_label: actorName(scope),
      created_at: now,
    })
    .execute();
  await scope.audit({ action: 'create', entityType: 'case_alert', entityId: id, detail: { referralId: alert.referralId, kind: alert.kind } });
  return id;
}
