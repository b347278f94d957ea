import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Contact, ContactInput, ContactOutcomeInput } from '../../contracts/casework.js';
import type { SchemeScope } from '../../data/access.js';
import { AppError, notFound, validationError } from '../../errors.js';
import { actorName, actorUserId, loadCase, loadOpenCase } from '../case-row.js';
import { initialContactStatus, transitionContact } from '../domain/contact-lifecycle.js';
import { MINUTE_MS } from '../domain/dates.js';
import { loadCaseworkSettings } from '../settings.js';
import { checkRepeatedDna } from './dna.js';
import { presentContact, visitsOf, type ContactRow } from './present.js';

/** The longest a home visit may run before its check-in: beyond this the watch would mean little. */
export const MAX_CHECK_IN_HOURS = 12;

export async function listContacts(scope: SchemeScope, referralId: string, now: Date): Promise<Contact[]> {
  scope.authorize('contact', 'list');
  await loadCase(scope, referralId);
  const rows = await scope.db
    .selectFrom('contacts')
    .selectAll()
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', referralId)
    .orderBy('scheduled_at', 'desc')
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  const visits = await visitsOf(scope, rows.map((r) => r.id));
  const settings = await loadCaseworkSettings(scope);
  await scope.audit({ action: 'read', entityType: 'contact', detail: { referralId, count: rows.length } });
  return rows.map((row) => presentContact(row, visits.get(row.id), settings, now));
}

function checkInTime(input: ContactInput, scheduledAt: Date, now: Date): Date | null {
  if (input.expectedCheckInAt === null) return null;
  const field = 'body.expectedCheckInAt';
  if (input.mode !== 'home_visit') {
    throw validationError([{ field, message: 'A check-in time is only for a home visit. Leave it out, or choose home visit as the kind of contact.' }]);
  }
  const expected = new Date(input.expectedCheckInAt);
  const gap = expected.getTime() - scheduledAt.getTime();
  if (gap <= 0 || gap > MAX_CHECK_IN_HOURS * 60 * MINUTE_MS) {
    throw validationError([{ field, message: `Set the check-in time after the visit starts and no more than ${MAX_CHECK_IN_HOURS} hours after it.` }]);
  }
  // A time already gone would raise the alarm at once over a visit that is over.
  if (expected.getTime() <= now.getTime()) {
    throw validationError([{ field, message: 'The check-in time has already passed. Set a time still to come, or leave it out for a visit already made.' }]);
  }
  return expected;
}

/** How far back a second submit of the same booking counts as the same one. */
export const CONTACT_REPLAY_WINDOW_MINUTES = 10;

/**
 * The same contact made by the same worker for the same case moments ago: a double click, or a
 * retry after a slow network on a home visit, not a second appointment. The caller holds the case's
 * row lock, so a second submit waits here until the first is saved and then finds it.
 */
async function sameContactJustMade(scope: SchemeScope, referralId: string, input: ContactInput, status: ContactRow['status'], scheduledAt: Date, now: Date): Promise<ContactRow | undefined> {
  const workerId = actorUserId(scope);
  let query = scope.db
    .selectFrom('contacts')
    .selectAll()
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', referralId)
    .where('scheduled_at', '=', scheduledAt)
    .where('mode', '=', input.mode)
    .where('status', '=', status)
    .where('created_at', '>=', new Date(now.getTime() - CONTACT_REPLAY_WINDOW_MINUTES * MINUTE_MS));
  query = workerId === null ? query.where('worker_id', 'is', null).where('worker_label', '=', actorName(scope)) : query.where('worker_id', '=', workerId);
  return query.orderBy('created_at', 'desc').orderBy('id').executeTakeFirst();
}

export async function createContact(scope: SchemeScope, referralId: string, input: ContactInput, now: Date): Promise<Contact> {
  scope.authorize('contact', 'create');
  const theCase = await loadOpenCase(scope, referralId);
  const scheduledAt = new Date(input.scheduledAt);
  const initial = initialContactStatus(
    input.status === 'booked' ? { recordedAfter: false, scheduledAt, now } : { recordedAfter: true, outcome: input.status, scheduledAt, now },
  );
  if (!initial.ok) throw validationError([{ field: 'body.scheduledAt', message: initial.message }]);
  const expected = checkInTime(input, scheduledAt, now);
  const workerId = actorUserId(scope);
  if (expected !== null) {
    if (workerId === null) throw new AppError('forbidden', 'Only a signed-in member of staff can book a visit under lone working.');
    // The visit is watched for the booking worker's own check-in: only someone who can check in may book one.
    scope.authorize('lone_working', 'create', { userId: workerId });
  }
  const earlier = await sameContactJustMade(scope, theCase.id, input, initial.status, scheduledAt, now);
  const earlierVisit = earlier ? (await visitsOf(scope, [earlier.id])).get(earlier.id) : undefined;
  // A different check-in time is a correction, not a replay: the worker must be watched at the new time.
  const sameWatch = (earlierVisit ? new Date(earlierVisit.expected_check_in_at).getTime() : null) === (expected?.getTime() ?? null);
  if (earlier && sameWatch) {
    // Its lone-working watch and any missed-appointment alert were set up the first time.
    await scope.audit({ action: 'read', entityType: 'contact', entityId: earlier.id, detail: { referralId, replayed: true } });
    return presentContact(earlier, earlierVisit, await loadCaseworkSettings(scope), now);
  }

  const id = randomUUID();
  const row = await scope.db
    .insertInto('contacts')
    .values({
      scheme_id: scope.schemeId,
      id,
      referral_id: theCase.id,
      person_id: theCase.personId,
      mode: input.mode,
      status: initial.status,
      scheduled_at: scheduledAt,
      duration_minutes: input.durationMinutes,
      location: input.location,
      attendees: input.attendees,
      notes: input.notes,
      worker_id: workerId,
      worker_label: actorName(scope),
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await scope.audit({ action: 'create', entityType: 'contact', entityId: id, detail: { referralId, mode: input.mode, status: initial.status } });
  if (expected !== null && workerId !== null) {
    await scope.db
      .insertInto('lone_working_visits')
      .values({ scheme_id: scope.schemeId, contact_id: id, worker_id: workerId, expected_check_in_at: expected, created_at: now })
      .execute();
    await scope.audit({ action: 'create', entityType: 'lone_working_visit', entityId: id, detail: { expectedCheckInAt: expected.toISOString() } });
  }
  if (initial.status === 'did_not_attend') await checkRepeatedDna(scope, theCase.id, now);
  const visits = await visitsOf(scope, [id]);
  return presentContact(row, visits.get(id), await loadCaseworkSettings(scope), now);
}

export async function recordOutcome(scope: SchemeScope, contactId: string, input: ContactOutcomeInput, expectedVersion: number, now: Date): Promise<Contact> {
  scope.authorize('contact', 'update');
  const found = await scope.db
    .selectFrom('contacts')
    .select(['referral_id'])
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', contactId)
    .executeTakeFirst();
  if (!found) throw notFound('The contact');
  // The case first, then the contact: the same order as every other change to a case.
  await loadOpenCase(scope, found.referral_id);
  const contact = await scope.db
    .selectFrom('contacts')
    .selectAll()
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', contactId)
    .forUpdate()
    .executeTakeFirstOrThrow();
  if (contact.version !== expectedVersion) {
    throw new AppError('precondition-failed', 'This contact has been changed by someone else. Reload it and make your change again.', { code: 'version-mismatch' });
  }
  const result = transitionContact(contact.status, input.event, { now, scheduledAt: new Date(contact.scheduled_at) });
  if (!result.ok) throw new AppError('conflict', result.message, { code: result.code });

  const updated = await scope.db
    .updateTable('contacts')
    .set({
      status: result.status,
      cancel_reason: input.event.type === 'cancel' ? input.event.reason : contact.cancel_reason,
      ...(input.durationMinutes !== undefined ? { duration_minutes: input.durationMinutes } : {}),
      ...(input.attendees !== undefined ? { attendees: input.attendees } : {}),
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      version: sql<number>`version + 1`,
      updated_at: now,
    })
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', contactId)
    .returningAll()
    .executeTakeFirstOrThrow();
  await scope.audit({
    action: 'update',
    entityType: 'contact',
    entityId: contactId,
    detail: { referralId: contact.referral_id, event: result.codedEvent, from: contact.status, to: result.status },
  });
  if (result.status === 'did_not_attend') await checkRepeatedDna(scope, contact.referral_id, now);
  const visits = await visitsOf(scope, [contactId]);
  return presentContact(updated, visits.get(contactId), await loadCaseworkSettings(scope), now);
}
