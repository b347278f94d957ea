import { sql } from 'kysely';
import { ONWARD_DECLINE_REASONS, ONWARD_STATUS_LABELS } from '../../contracts/casework-codes.js';
import type { OnwardEventInput } from '../../contracts/onward.js';
import { roleOf, type SchemeScope } from '../../data/access.js';
import type { OnwardReferralRow } from '../../db/schema-casework.js';
import { AppError, validationError } from '../../errors.js';
import { londonDate } from '../../referrals/domain/working-days.js';
import { raiseAlert } from '../alerts/raise.js';
import { actorName } from '../case-row.js';
import { transitionOnward, type OnwardActor, type OnwardEvent } from '../domain/onward-lifecycle.js';

/**
 * One change of an onward referral's status, whoever makes it: the state machine decides, the
 * row moves on (If-Match checked by the caller's expected version), the timeline and the audit
 * trail record it, and a decline puts an alert on the link worker's caseload.
 */

export function toMachineEvent(input: OnwardEventInput['event']): OnwardEvent {
  switch (input.type) {
    case 'accept':
    case 'waitlist':
    case 'complete':
      return { type: input.type };
    case 'decline':
      return { type: 'decline', reasonCode: input.reasonCode, ...(input.note !== undefined ? { note: input.note } : {}) };
    case 'drop_out':
      return { type: 'drop_out', reasonCode: input.reasonCode, ...(input.note !== undefined ? { note: input.note } : {}) };
    case 'withdraw':
      return { type: 'withdraw', reason: input.reason };
    default: {
      const unreachable: never = input;
      return unreachable;
    }
  }
}

function reasonAndNote(event: OnwardEvent): { reasonCode: string | null; note: string | null } {
  switch (event.type) {
    case 'decline':
    case 'drop_out':
      return { reasonCode: event.reasonCode, note: event.note ?? null };
    case 'withdraw':
      return { reasonCode: null, note: event.reason };
    case 'accept':
    case 'waitlist':
    case 'start_attending':
    case 'complete':
    case 'expire':
      return { reasonCode: null, note: null };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

export interface StatusChange {
  row: OnwardReferralRow;
  event: OnwardEvent;
  /** An optional note on a reply (accept, waitlist, complete) kept on the timeline. */
  replyNote?: string | undefined;
  actor: OnwardActor;
  /**
   * A coded cause the system gives its own change, kept on the row and the timeline; the
   * provider view reads 'consent-withdrawn' as "no more sight of the details".
   */
  statusReasonCode?: string | undefined;
  /** null: no If-Match (the system's own changes). */
  expectedVersion: number | null;
  serviceName: string;
  now: Date;
}

export async function changeOnwardStatus(scope: SchemeScope, change: StatusChange): Promise<OnwardReferralRow> {
  const { row, event, now } = change;
  if (change.expectedVersion !== null && change.expectedVersion !== row.version) {
    throw new AppError('precondition-failed', 'This referral has been changed by someone else. Reload it and make your change again.', { code: 'version-mismatch' });
  }
  const today = londonDate(now);
  const result = transitionOnward(row.status, event, { actor: change.actor, today, respondBy: row.respond_by });
  if (!result.ok) {
    if (result.code === 'invalid-event') throw validationError([{ field: 'body.event', message: result.message }], result.message);
    throw new AppError('conflict', result.message, { code: result.code });
  }
  const { reasonCode: eventReasonCode, note: eventNote } = reasonAndNote(event);
  const reasonCode = change.statusReasonCode ?? eventReasonCode;
  const note = eventNote ?? change.replyNote ?? null;
  const isReply = event.type === 'accept' || event.type === 'decline' || event.type === 'waitlist';
  const updated = await scope.db
    .updateTable('onward_referrals')
    .set({
      status: result.status,
      status_reason_code: reasonCode,
      status_note: note,
      ...(isReply && row.responded_at === null ? { responded_at: now } : {}),
      ...(event.type === 'accept' ? { accepted_on: today } : {}),
      ...(result.ended ? { ended_at: now } : {}),
      version: sql<number>`version + 1`,
      updated_at: now,
    })
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', row.id)
    .where('version', '=', row.version)
    .returningAll()
    .executeTakeFirst();
  if (!updated) {
    throw new AppError('precondition-failed', 'This referral has been changed by someone else. Reload it and make your change again.', { code: 'version-mismatch' });
  }
  await scope.db
    .insertInto('onward_referral_events')
    .values({
      scheme_id: scope.schemeId,
      onward_referral_id: row.id,
      occurred_at: now,
      kind: event.type,
      from_status: row.status,
      to_status: result.status,
      reason_code: reasonCode,
      note,
      actor_label: actorName(scope),
      actor_role: roleOf(scope.actor) ?? change.actor,
    })
    .execute();
  await scope.audit({ action: 'update', entityType: 'onward_referral', entityId: row.id, detail: { from: row.status, to: result.status, by: change.actor } });
  if (event.type === 'decline') {
    const reason = ONWARD_DECLINE_REASONS.find((r) => r.code === event.reasonCode)?.label ?? 'no reason given';
    await raiseAlert(
      scope,
      {
        referralId: row.referral_id,
        kind: 'onward_declined',
        key: `declined:${row.id}`,
        message: `${change.serviceName} declined referral ${row.reference}: ${reason}.`,
        onwardReferralId: row.id,
        followUp: { title: `Talk to the person about other options: ${row.reference} was declined`, withinWorkingDays: 2 },
      },
      now,
    );
  }
  return updated;
}

export const statusLabel = (row: Pick<OnwardReferralRow, 'status'>): string => ONWARD_STATUS_LABELS[row.status];
