import type { z } from 'zod';
import type { Contact, loneWorkingBoardItem } from '../../contracts/casework.js';
import { ruleFor } from '../../auth/policy.js';
import { roleOf, type SchemeScope } from '../../data/access.js';
import { AppError, notFound } from '../../errors.js';
import { actorName, actorUserId } from '../case-row.js';
import { presentContact, presentLoneWorking, visitState, type VisitRow } from '../contacts/present.js';
import { loadCaseworkSettings } from '../settings.js';
import { escalateVisit, type EscalationDeps } from './escalate.js';

async function lockVisit(scope: SchemeScope, contactId: string): Promise<VisitRow | undefined> {
  return scope.db
    .selectFrom('lone_working_visits')
    .selectAll()
    .where('scheme_id', '=', scope.schemeId)
    .where('contact_id', '=', contactId)
    .forUpdate()
    .executeTakeFirst();
}

async function contactWithVisit(scope: SchemeScope, contactId: string, now: Date): Promise<Contact> {
  const row = await scope.db.selectFrom('contacts').selectAll().where('scheme_id', '=', scope.schemeId).where('id', '=', contactId).executeTakeFirstOrThrow();
  const visit = await scope.db.selectFrom('lone_working_visits').selectAll().where('scheme_id', '=', scope.schemeId).where('contact_id', '=', contactId).executeTakeFirst();
  return presentContact(row, visit, await loadCaseworkSettings(scope), now);
}

export type LoneWorkingBoardItem = z.infer<typeof loneWorkingBoardItem>;

export interface CheckIn {
  kind: 'safe' | 'need_help';
  note?: string | undefined;
}

/**
 * The visiting worker checks in. "Safe" ends the watch, once. "I need help" alerts at once, in
 * this transaction, without waiting for the job; pressed again while help is on its way it
 * changes nothing, and pressed after an earlier call was acknowledged it is a new emergency.
 */
export async function checkIn(scope: SchemeScope, deps: EscalationDeps, contactId: string, input: CheckIn, now: Date): Promise<Contact> {
  scope.authorize('lone_working', 'create');
  const visit = await lockVisit(scope, contactId);
  if (!visit) throw notFound('The lone-working visit');
  // Someone else's visit reads as not found.
  scope.authorize('lone_working', 'create', { userId: visit.worker_id });
  if (visit.check_in === 'safe') {
    throw new AppError('conflict', 'You have already checked in safe from this visit. Nothing more is needed.', { code: 'already-checked-in' });
  }
  const note = input.note?.trim() === '' ? null : (input.note ?? null);
  switch (input.kind) {
    case 'safe': {
      await scope.db
        .updateTable('lone_working_visits')
        .set({ check_in: 'safe', checked_in_at: now, check_in_note: note })
        .where('scheme_id', '=', scope.schemeId)
        .where('contact_id', '=', contactId)
        .execute();
      break;
    }
    case 'need_help': {
      if (visit.check_in === 'need_help' && visit.acknowledged_at === null) break;
      // A fresh call for help reopens the watch; the earlier acknowledgement stays in the audit trail.
      const updated = await scope.db
        .updateTable('lone_working_visits')
        .set({ check_in: 'need_help', checked_in_at: now, check_in_note: note, acknowledged_at: null, acknowledged_by: null, acknowledged_by_label: null, acknowledgement_note: null })
        .where('scheme_id', '=', scope.schemeId)
        .where('contact_id', '=', contactId)
        .returningAll()
        .executeTakeFirstOrThrow();
      await escalateVisit(scope, deps, updated, await loadCaseworkSettings(scope), now, { newCallForHelp: true });
      break;
    }
    default: {
      const unreachable: never = input.kind;
      return unreachable;
    }
  }
  await scope.audit({ action: 'update', entityType: 'lone_working_visit', entityId: contactId, detail: { checkIn: input.kind } });
  return contactWithVisit(scope, contactId, now);
}

/** A manager has reached the worker: the alerts stop. Only a missed check-in or a call for help can be acknowledged. */
export async function acknowledge(scope: SchemeScope, contactId: string, note: string, now: Date): Promise<Contact> {
  scope.authorize('lone_working', 'update');
  const visit = await lockVisit(scope, contactId);
  if (!visit) throw notFound('The lone-working visit');
  const { state } = visitState(visit, await loadCaseworkSettings(scope), now);
  if (state !== 'overdue' && state !== 'needs_help') {
    throw new AppError('conflict', 'There is no missed check-in or call for help on this visit to acknowledge.', { code: 'nothing-to-acknowledge' });
  }
  await scope.db
    .updateTable('lone_working_visits')
    .set({ acknowledged_at: now, acknowledged_by: actorUserId(scope), acknowledged_by_label: actorName(scope), acknowledgement_note: note })
    .where('scheme_id', '=', scope.schemeId)
    .where('contact_id', '=', contactId)
    .execute();
  await scope.audit({ action: 'update', entityType: 'lone_working_visit', entityId: contactId, detail: { acknowledged: state } });
  return contactWithVisit(scope, contactId, now);
}

/**
 * Visits still being watched: no safe check-in, nothing acknowledged, and not a cancelled visit
 * (unless the worker called for help all the same).
 */
export function openVisits(scope: SchemeScope) {
  return scope.db
    .selectFrom('lone_working_visits as v')
    .innerJoin('contacts as c', (j) => j.onRef('c.scheme_id', '=', 'v.scheme_id').onRef('c.id', '=', 'v.contact_id'))
    .selectAll('v')
    .select(['c.referral_id', 'c.scheduled_at', 'c.worker_label', 'c.location'])
    .where('v.scheme_id', '=', scope.schemeId)
    .where('v.acknowledged_at', 'is', null)
    .where((eb) => eb.or([eb('v.check_in', 'is', null), eb('v.check_in', '=', 'need_help')]))
    .where((eb) => eb.or([eb('c.status', '!=', 'cancelled'), eb('v.check_in', '=', 'need_help')]));
}

/** The board: a manager sees every open visit, a link worker their own. */
export async function listOpenVisits(scope: SchemeScope, now: Date): Promise<LoneWorkingBoardItem[]> {
  scope.authorize('lone_working', 'list');
  const mine = actorUserId(scope);
  let query = openVisits(scope).orderBy('v.expected_check_in_at');
  const role = roleOf(scope.actor);
  // A role whose rule is 'self' (a link worker) sees only their own visits.
  if (role === undefined || ruleFor(role, 'lone_working', 'list') !== 'allow') {
    if (mine === null) return [];
    scope.authorize('lone_working', 'list', { userId: mine });
    query = query.where('v.worker_id', '=', mine);
  }
  const rows = await query.execute();
  const settings = await loadCaseworkSettings(scope);
  await scope.audit({ action: 'read', entityType: 'lone_working_visit', detail: { count: rows.length } });
  return rows.map((row) => ({
    contactId: row.contact_id,
    referralId: row.referral_id,
    worker: row.worker_label,
    scheduledAt: new Date(row.scheduled_at).toISOString(),
    location: row.location,
    loneWorking: presentLoneWorking(row, settings, now),
  }));
}
