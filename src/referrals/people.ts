import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { DuplicateCandidate, PersonInput } from '../contracts/people.js';
import type { SchemeScope } from '../data/access.js';
import type { PersonRow } from '../db/schema.js';
import { AppError, notFound } from '../errors.js';
import { imdDecileFor } from './domain/deprivation.js';
import { duplicateReason, normaliseSurname } from './domain/duplicates.js';
import { recordEvent } from './timeline.js';

/** People referred to the scheme: created with a referral, matched on NHS number, merged by a person. */

function columns(input: PersonInput) {
  return {
    nhs_number: input.nhsNumber ?? null,
    given_name: input.givenName,
    family_name: input.familyName,
    family_name_key: normaliseSurname(input.familyName),
    preferred_name: input.preferredName ?? null,
    date_of_birth: input.dateOfBirth,
    sex: input.sex ?? null,
    gender_identity: input.genderIdentity ?? null,
    ethnicity: input.ethnicity ?? null,
    address_line1: input.addressLine1 ?? null,
    address_line2: input.addressLine2 ?? null,
    town: input.town ?? null,
    postcode: input.postcode ?? null,
    gp_practice_ods: input.gpPracticeOds ?? null,
    lsoa_code: input.lsoaCode ?? null,
    imd_decile: input.lsoaCode ? imdDecileFor(input.lsoaCode) : null,
    email: input.email ?? null,
    phone: input.phone ?? null,
    language: input.language ?? null,
    interpreter_needed: input.interpreterNeeded,
    accessible_formats: input.accessibleFormats,
    preferred_contact_method: input.preferredContactMethod ?? null,
    contact_times: input.contactTimes ?? null,
    next_of_kin: input.nextOfKin ? JSON.stringify({ ...input.nextOfKin, phone: input.nextOfKin.phone ?? null }) : null,
  };
}

/**
 * Is the person this organisation's: registered by it (a Patient its system posted) or referred
 * by it? An integration may reach only such people; the FHIR API asks the same question.
 */
export async function personOfOrganisation(scope: SchemeScope, personId: string, organisationId: string): Promise<boolean> {
  const row = await scope.db
    .selectFrom('people as p')
    .select('p.id')
    .where('p.scheme_id', '=', scope.schemeId)
    .where('p.id', '=', personId)
    .where((eb) =>
      eb.or([
        eb('p.registered_by_organisation_id', '=', organisationId),
        eb.exists(
          eb
            .selectFrom('referrals as r')
            .select('r.id')
            .whereRef('r.scheme_id', '=', 'p.scheme_id')
            .whereRef('r.person_id', '=', 'p.id')
            .where('r.referrer_organisation_id', '=', organisationId),
        ),
      ]),
    )
    .executeTakeFirst();
  return row !== undefined;
}

/** The authorization target for a person: it carries the integration's organisation only when the person is its. */
async function personTarget(scope: SchemeScope, person: Pick<PersonRow, 'id'>): Promise<{ organisationId?: string }> {
  if (scope.actor.type !== 'client') return {};
  const organisationId = scope.actor.organisationId;
  return (await personOfOrganisation(scope, person.id, organisationId)) ? { organisationId } : {};
}

export interface CreatedPerson {
  personId: string;
  /** True when the NHS number matched a record already held: the referral joins that person. */
  matchedExisting: boolean;
  /** The record as stored (for a match, as held). Possible duplicates are found when read. */
  row: PersonRow;
}

/**
 * A referral's person. A professional's or integration's NHS number joins the record already
 * held only when the date of birth agrees too: an NHS number is printed on letters and
 * prescriptions, so on its own it would let anyone who may refer read the record as held. A
 * number that does not agree is kept apart (as a claim) and shows as a possible duplicate.
 * The public form's number never joins or becomes a record's number: anyone can type one, so
 * the self-referrer gets a record of their own with the number as a claim, for a link worker
 * to check and merge.
 */
export async function createPerson(scope: SchemeScope, input: PersonInput): Promise<CreatedPerson> {
  const anonymous = scope.actor.type === 'anonymous';
  if (!anonymous) scope.authorize('person', 'create');
  let claimedNhsNumber: string | null = null;
  if (input.nhsNumber && anonymous) {
    claimedNhsNumber = input.nhsNumber;
  } else if (input.nhsNumber) {
    // Two referrals of someone new with the same number wait for each other here, so the
    // second joins the first's record instead of failing on the unique index.
    await lockNhsNumber(scope, input.nhsNumber);
    const existing = await scope.db
      .selectFrom('people')
      .select(['id', sql<boolean>`date_of_birth is not distinct from ${input.dateOfBirth}::date`.as('same_birth_date')])
      .where('scheme_id', '=', scope.schemeId)
      .where('nhs_number', '=', input.nhsNumber)
      .where('merged_into_id', 'is', null)
      .executeTakeFirst();
    if (existing && !existing.same_birth_date) {
      claimedNhsNumber = input.nhsNumber;
    } else if (existing) {
      await scope.audit({ action: 'read', entityType: 'person', entityId: existing.id, detail: { matchedOn: 'nhs-number' } });
      return { personId: existing.id, matchedExisting: true, row: await fetchPerson(scope, existing.id) };
    }
  }
  const personId = randomUUID();
  const row = await scope.db
    .insertInto('people')
    .values({
      scheme_id: scope.schemeId,
      id: personId,
      ...columns(input),
      ...(claimedNhsNumber ? { nhs_number: null, claimed_nhs_number: claimedNhsNumber } : {}),
      registered_by_organisation_id: scope.actor.type === 'user' || scope.actor.type === 'client' ? scope.actor.organisationId : null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await scope.audit({ action: 'create', entityType: 'person', entityId: personId });
  return { personId, matchedExisting: false, row };
}

/** Serialises the writers of one NHS number in a scheme until their transactions end. */
async function lockNhsNumber(scope: SchemeScope, nhsNumber: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`${scope.schemeId}|person|nhs|${nhsNumber}`}, 0))`.execute(scope.db);
}

export async function findPersonIdByNhsNumber(scope: SchemeScope, nhsNumber: string): Promise<string | undefined> {
  const row = await scope.db
    .selectFrom('people')
    .select('id')
    .where('scheme_id', '=', scope.schemeId)
    .where('nhs_number', '=', nhsNumber)
    .where('merged_into_id', 'is', null)
    .executeTakeFirst();
  return row?.id;
}

async function fetchPerson(scope: SchemeScope, id: string): Promise<PersonRow> {
  const row = await scope.db.selectFrom('people').selectAll().where('scheme_id', '=', scope.schemeId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('The person');
  return row;
}

export async function getPerson(scope: SchemeScope, id: string): Promise<PersonRow> {
  scope.authorize('person', 'read');
  const row = await fetchPerson(scope, id);
  scope.authorize('person', 'read', await personTarget(scope, row));
  await scope.audit({ action: 'read', entityType: 'person', entityId: id });
  return row;
}

/** Replaces the person's details. With expectedVersion, a stale copy is refused (optimistic locking). */
export async function updatePerson(scope: SchemeScope, id: string, input: PersonInput, expectedVersion?: number): Promise<PersonRow> {
  scope.authorize('person', 'update');
  const current = await fetchPerson(scope, id);
  scope.authorize('person', 'update', await personTarget(scope, current));
  if (current.merged_into_id) throw new AppError('conflict', 'This record was merged into another; update that one instead.', { code: 'merged' });
  if (input.nhsNumber && input.nhsNumber !== current.nhs_number) {
    // One live record per NHS number: say so plainly rather than fail on the unique index.
    await lockNhsNumber(scope, input.nhsNumber);
    const holder = await findPersonIdByNhsNumber(scope, input.nhsNumber);
    if (holder && holder !== id) {
      const message = 'Another record has this NHS number. If they are the same person, merge the two records.';
      throw new AppError('conflict', message, { code: 'nhs-number-taken', fields: [{ field: 'body.nhsNumber', message }] });
    }
  }
  let query = scope.db
    .updateTable('people')
    .set({ ...columns(input), version: sql<number>`version + 1`, updated_at: new Date() })
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', id);
  // The version check is part of the UPDATE itself, so two writers holding the same version
  // cannot both succeed: the second finds no row to change.
  if (expectedVersion !== undefined) query = query.where('version', '=', expectedVersion);
  const updated = await query.returningAll().executeTakeFirst();
  if (!updated) {
    throw new AppError('precondition-failed', 'The person record was changed by someone else. Fetch it again and reapply your change.', {
      code: 'version-mismatch',
    });
  }
  await scope.audit({ action: 'update', entityType: 'person', entityId: id });
  return updated;
}

/** Other live records that may be the same person (NHS number; else date of birth, surname, postcode). */
export async function findDuplicates(scope: SchemeScope, personId: string): Promise<DuplicateCandidate[]> {
  scope.authorize('person', 'list');
  const me = await fetchPerson(scope, personId);
  if (me.merged_into_id) return [];
  const rows = await scope.db
    .selectFrom('people as p')
    .select((eb) => [
      'p.id',
      'p.claimed_nhs_number',
      'p.given_name',
      'p.family_name',
      'p.family_name_key',
      'p.date_of_birth',
      'p.postcode',
      'p.nhs_number',
      eb.selectFrom('referrals as r').select(eb.fn.countAll<number>().as('n')).whereRef('r.person_id', '=', 'p.id').whereRef('r.scheme_id', '=', 'p.scheme_id').as('referral_count'),
    ])
    .where('p.scheme_id', '=', scope.schemeId)
    .where('p.id', '!=', personId)
    .where('p.merged_into_id', 'is', null)
    .where((eb) => {
      const either = [];
      if (me.nhs_number) either.push(eb('p.nhs_number', '=', me.nhs_number), eb('p.claimed_nhs_number', '=', me.nhs_number));
      if (me.claimed_nhs_number) either.push(eb('p.nhs_number', '=', me.claimed_nhs_number));
      if (me.date_of_birth) either.push(eb.and([eb('p.date_of_birth', '=', me.date_of_birth), eb('p.family_name_key', '=', me.family_name_key)]));
      return either.length > 0 ? eb.or(either) : eb.val(false);
    })
    .limit(20)
    .execute();
  // A claimed number counts as the record's number when matching, never when stored.
  const key = (p: { nhs_number: string | null; claimed_nhs_number: string | null; date_of_birth: string | null; family_name: string; postcode: string | null }) => ({
    nhsNumber: p.nhs_number ?? p.claimed_nhs_number,
    dateOfBirth: p.date_of_birth,
    familyName: p.family_name,
    postcode: p.postcode,
  });
  const found = rows.flatMap((row) => {
    const reason = duplicateReason(key(me), key(row));
    return reason
      ? [
          {
            id: row.id,
            name: `${row.given_name} ${row.family_name}`,
            dateOfBirth: row.date_of_birth,
            postcode: row.postcode,
            nhsNumber: row.nhs_number,
            reason,
            referralCount: Number(row.referral_count ?? 0),
          },
        ]
      : [];
  });
  // Each candidate is someone else's record shown to the caller: the read is recorded.
  if (found.length > 0) await scope.audit({ action: 'read', entityType: 'person', detail: { duplicatesOf: personId, ids: found.map((d) => d.id) } });
  return found;
}

/**
 * Merges one record into another: the referrals and consents move to the kept record, the
 * merged record stays (marked, with a pointer) so both histories remain readable.
 */
export async function mergePeople(scope: SchemeScope, fromId: string, intoId: string, reason: string): Promise<void> {
  scope.authorize('person', 'merge');
  if (fromId === intoId) throw new AppError('conflict', 'A record cannot be merged into itself.', { code: 'same-person' });
  // Lock both rows in a fixed order so two merges of the same pair cannot interleave.
  const [first, second] = [fromId, intoId].sort();
  await scope.db.selectFrom('people').select('id').where('scheme_id', '=', scope.schemeId).where('id', 'in', [first ?? '', second ?? '']).forUpdate().execute();
  const from = await fetchPerson(scope, fromId);
  const into = await fetchPerson(scope, intoId);
  if (from.merged_into_id || into.merged_into_id) throw new AppError('conflict', 'One of these records has already been merged.', { code: 'merged' });
  if (from.nhs_number && into.nhs_number && from.nhs_number !== into.nhs_number) {
    throw new AppError('conflict', 'These records have different NHS numbers, so they are different people.', { code: 'different-nhs-numbers' });
  }
  const now = new Date();
  await scope.db.updateTable('people').set({ merged_into_id: intoId, merged_at: now, version: sql<number>`version + 1`, updated_at: now }).where('scheme_id', '=', scope.schemeId).where('id', '=', fromId).execute();
  if (from.nhs_number && !into.nhs_number) {
    await scope.db.updateTable('people').set({ nhs_number: from.nhs_number, version: sql<number>`version + 1`, updated_at: now }).where('scheme_id', '=', scope.schemeId).where('id', '=', intoId).execute();
  }
  const moved = await scope.db.updateTable('referrals').set({ person_id: intoId, updated_at: now }).where('scheme_id', '=', scope.schemeId).where('person_id', '=', fromId).returning('id').execute();
  await scope.db.updateTable('consents').set({ person_id: intoId }).where('scheme_id', '=', scope.schemeId).where('person_id', '=', fromId).execute();
  for (const referral of moved) {
    await recordEvent(scope, { referralId: referral.id, kind: 'person-merged', reason, detail: { fromPersonId: fromId, intoPersonId: intoId } });
  }
  await scope.audit({ action: 'update', entityType: 'person', entityId: fromId, reason, detail: { mergedInto: intoId, referralsMoved: moved.length } });
  await scope.audit({ action: 'update', entityType: 'person', entityId: intoId, reason, detail: { mergedFrom: fromId } });
}
