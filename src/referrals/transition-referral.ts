import { sql } from 'kysely';
import type { ReferralEventRequest } from '../contracts/referrals.js';
import { ruleFor } from '../auth/policy.js';
import { roleOf, type SchemeScope } from '../data/access.js';
import type { ReferralRow } from '../db/schema.js';
import { AppError, validationError } from '../errors.js';
import { endPendingOnwardOnClosure } from '../casework/onward/referral-hooks.js';
import { consentWithdrawn, recordConsent } from './consent.js';
import { lockReferral } from './referral-row.js';
import { codingFor } from './domain/coding.js';
import { transition, type LifecycleState, type ReferralEvent } from './domain/lifecycle.js';
import { nowFrom, sendFeedback, type ReferralDeps } from './feedback.js';
import { loadReferralSettings } from './settings.js';
import { recordEvent } from './timeline.js';
import type { CreateReferralCommand } from './create-referral.js';

function toDomainEvent(request: ReferralEventRequest): ReferralEvent {
  switch (request.type) {
    case 'allocate':
      return { type: 'allocate', linkWorkerId: request.linkWorkerId };
    case 'decline':
      return { type: 'decline', reasonCode: request.reasonCode };
    case 'mark_not_eligible':
      return { type: 'mark_not_eligible', reason: request.reason };
    case 'redirect':
      return { type: 'redirect', destination: request.destination };
    case 'close':
      return { type: 'close', reasonCode: request.reasonCode };
    case 'triage':
    case 'record_first_contact':
    case 'start_support':
    case 'reopen':
      return { type: request.type };
    default: {
      const unreachable: never = request;
      return unreachable;
    }
  }
}

function noteOf(request: ReferralEventRequest): string | null {
  switch (request.type) {
    case 'mark_not_eligible':
      return request.reason;
    case 'redirect':
      return request.note ? `${request.destination}: ${request.note}` : request.destination;
    case 'close':
      return request.outcomeSummary ?? null;
    default:
      return request.note ?? null;
  }
}

async function assertLinkWorker(scope: SchemeScope, userId: string): Promise<string> {
  const member = await scope.db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select('users.display_name')
    .where('memberships.scheme_id', '=', scope.schemeId)
    .where('memberships.user_id', '=', userId)
    .where('memberships.role', '=', 'link_worker')
    .where('users.status', '=', 'active')
    .executeTakeFirst();
  if (!member) throw validationError([{ field: 'body.linkWorkerId', message: 'Choose a link worker in this scheme' }]);
  return member.display_name;
}

/**
 * Moves a referral through its lifecycle: the pure state machine decides, this writes the
 * result, the timeline entry with its code, and the referrer's feedback — in one transaction.
 */
export async function applyReferralEvent(
  scope: SchemeScope,
  deps: ReferralDeps,
  referralId: string,
  request: ReferralEventRequest,
  options: { expectedVersion?: number | undefined } = {},
): Promise<ReferralRow> {
  scope.authorize('referral', 'triage');
  const row = await lockReferral(scope, referralId);
  if (options.expectedVersion !== undefined && options.expectedVersion !== row.version) {
    throw new AppError('precondition-failed', 'Someone else changed this referral. Reload it to see the latest version.', { code: 'version-mismatch' });
  }
  const settings = await loadReferralSettings(scope);
  const now = nowFrom(deps);
  const state: LifecycleState = {
    status: row.status,
    linkWorkerId: row.link_worker_id,
    closedAt: row.closed_at,
    consentWithdrawn: await consentWithdrawn(scope, referralId),
  };
  const result = transition(state, toDomainEvent(request), { now, reopenWindowDays: settings.reopenWindowDays });
  if (!result.ok) {
    if (result.code === 'invalid-event') throw validationError([{ field: 'body', message: result.message }], result.message);
    throw new AppError('conflict', result.message, { code: result.code });
  }
  let linkWorkerName: string | null = null;
  if (request.type === 'allocate') linkWorkerName = await assertLinkWorker(scope, request.linkWorkerId);

  const decisionReason =
    request.type === 'decline' ? request.reasonCode : request.type === 'mark_not_eligible' ? request.reason : request.type === 'redirect' ? request.destination : undefined;
  const updated = await scope.db
    .updateTable('referrals')
    .set({
      status: result.status,
      link_worker_id: result.linkWorkerId,
      ...(request.type === 'allocate' ? { allocated_at: now } : {}),
      ...(request.type === 'record_first_contact' ? { first_contact_at: now } : {}),
      ...(decisionReason !== undefined ? { decision_reason: decisionReason } : {}),
      ...(request.type === 'close' ? { closed_at: now, closure_reason: request.reasonCode, outcome_summary: request.outcomeSummary ?? null } : {}),
      ...(request.type === 'reopen' ? { closed_at: null, reopened_count: sql<number>`reopened_count + 1` } : {}),
      version: sql<number>`version + 1`,
      updated_at: now,
    })
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', referralId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(scope, {
    referralId,
    kind: result.codedEvent,
    fromStatus: row.status,
    toStatus: result.status,
    reason: noteOf(request),
    coding: codingFor(result.codedEvent, settings.codedEvents),
    detail: {
      ...(request.type === 'allocate' ? { linkWorkerId: request.linkWorkerId, linkWorker: linkWorkerName } : {}),
      ...(request.type === 'decline' || request.type === 'close' ? { reasonCode: request.reasonCode } : {}),
    },
    occurredAt: now,
  });
  await scope.audit({ action: 'update', entityType: 'referral', entityId: referralId, detail: { event: request.type, to: result.status } });
  if (request.type === 'close') await endPendingOnwardOnClosure(scope, referralId, now);
  if (result.milestone) await sendFeedback(scope, deps, updated, result.milestone);
  return updated;
}

/**
 * A re-referral of someone whose referral closed within the window reopens that referral with
 * the same link worker, and the new referral's reason joins its timeline. Only a referral the
 * caller may see is reopened (a referrer's own, an integration's organisation's): the caller is
 * answered with the referral, so reopening another referrer's would either tell them about it
 * or, as "not found", lose their referral. Theirs is then made as a new one.
 */
export async function reopenOnReReferral(
  scope: SchemeScope,
  deps: ReferralDeps,
  personId: string,
  command: CreateReferralCommand,
  windowDays: number,
  now: Date,
): Promise<{ referralId: string; taskId: string; reference: string } | null> {
  const actor = scope.actor;
  const role = roleOf(actor);
  const rule = role ? ruleFor(role, 'referral', 'read') : undefined;
  if (rule === undefined) return null;
  const since = new Date(now.getTime() - windowDays * 86_400_000);
  let query = scope.db
    .selectFrom('referrals')
    .select(['id'])
    .where('scheme_id', '=', scope.schemeId)
    .where('person_id', '=', personId)
    .where('status', '=', 'closed')
    .where('closed_at', '>=', since)
    .where('link_worker_id', 'is not', null);
  if (rule === 'self') {
    if (actor.type !== 'user') return null;
    query = query.where('referrer_user_id', '=', actor.userId);
  } else if (rule === 'own_organisation') {
    if (actor.type !== 'user' && actor.type !== 'client') return null;
    query = query.where('referrer_organisation_id', '=', actor.organisationId);
  }
  const closed = await query.orderBy('closed_at', 'desc').limit(1).executeTakeFirst();
  if (!closed) return null;
  if (await consentWithdrawn(scope, closed.id)) return null;
  const reopened = await reopenAsSystemStep(scope, deps, closed.id, now, windowDays);
  if (!reopened) return null;
  await recordEvent(scope, {
    referralId: closed.id,
    kind: 're-referred',
    reason: command.reason,
    detail: { source: command.source, needs: command.needs, urgency: command.urgency },
    occurredAt: now,
  });
  if (command.consent) await recordConsent(scope, closed.id, personId, command.consent, now);
  return { referralId: reopened.id, taskId: reopened.task_id, reference: reopened.reference };
}

/** Reopening on re-referral is the scheme's rule, not the referrer's choice: no triage right needed. */
async function reopenAsSystemStep(scope: SchemeScope, deps: ReferralDeps, referralId: string, now: Date, windowDays: number): Promise<ReferralRow | null> {
  const row = await lockReferral(scope, referralId);
  const result = transition(
    { status: row.status, linkWorkerId: row.link_worker_id, closedAt: row.closed_at, consentWithdrawn: false },
    { type: 'reopen' },
    { now, reopenWindowDays: windowDays },
  );
  if (!result.ok) return null;
  const settings = await loadReferralSettings(scope);
  const updated = await scope.db
    .updateTable('referrals')
    .set({ status: result.status, closed_at: null, reopened_count: sql<number>`reopened_count + 1`, version: sql<number>`version + 1`, updated_at: now })
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', referralId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await recordEvent(scope, { referralId, kind: 'reopened', fromStatus: row.status, toStatus: result.status, coding: codingFor('reopened', settings.codedEvents), occurredAt: now });
  await scope.audit({ action: 'update', entityType: 'referral', entityId: referralId, detail: { event: 'reopen', cause: 're-referral' } });
  await sendFeedback(scope, deps, updated, 'received');
  return updated;
}
