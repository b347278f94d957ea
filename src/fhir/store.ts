/**
 * What the FHIR API reads and writes besides the referral services: the host organisation,
 * business identifiers sent by integrations (external_identifiers), and resources built from
 * records read through the services (which authorize and audit).
 */
import { sql } from 'kysely';
import type { Composition, Patient, ServiceRequest, Task } from '@medplum/fhirtypes';
import type { SchemeScope } from '../data/access.js';
import type { ExternalIdentifiersTable } from '../db/schema.js';
import { getPerson } from '../referrals/people.js';
import { loadReferral, type ReferralRecord } from '../referrals/get-referral.js';
import { loadReferralSettings } from '../referrals/settings.js';
import { toComposition } from './mapping/composition.js';
import { toPatient, type BusinessIdentifier } from './mapping/patient.js';
import type { OrganisationRef, ReferralContext } from './mapping/references.js';
import { toServiceRequest } from './mapping/service-request.js';
import { toTask } from './mapping/task.js';

export type IdentifiedType = ExternalIdentifiersTable['resource_type'];

/** The scheme's own organisation (kind host; the first by name if there are several). */
export async function hostOrganisation(scope: SchemeScope): Promise<OrganisationRef> {
  const row = await scope.db
    .selectFrom('organisations')
    .select(['id', 'name', 'ods_code'])
    .where('scheme_id', '=', scope.schemeId)
    .where('kind', '=', 'host')
    .orderBy('name')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!row) throw new Error('the scheme has no host organisation');
  return { id: row.id, name: row.name, odsCode: row.ods_code };
}

export async function organisationRef(scope: SchemeScope, id: string | null): Promise<OrganisationRef | null> {
  if (!id) return null;
  const row = await scope.db.selectFrom('organisations').select(['id', 'name', 'ods_code']).where('scheme_id', '=', scope.schemeId).where('id', '=', id).executeTakeFirst();
  return row ? { id: row.id, name: row.name, odsCode: row.ods_code } : null;
}

/** The organisation an integration acts for: identifiers it sends are its own. */
const senderOf = (scope: SchemeScope): string | null =>
  scope.actor.type === 'client' || scope.actor.type === 'user' ? scope.actor.organisationId : null;

/** The identifiers a reader may see: those with no sender, and those its own organisation sent. */
export async function identifiersOf(scope: SchemeScope, type: IdentifiedType, resourceId: string): Promise<BusinessIdentifier[]> {
  const reader = senderOf(scope);
  return scope.db
    .selectFrom('external_identifiers')
    .select(['system', 'value'])
    .where('scheme_id', '=', scope.schemeId)
    .where('resource_type', '=', type)
    .where('resource_id', '=', resourceId)
    .where((eb) => (reader === null ? eb('organisation_id', 'is', null) : eb.or([eb('organisation_id', 'is', null), eb('organisation_id', '=', reader)])))
    .orderBy('created_at')
    .orderBy('system')
    .execute();
}

export async function findByIdentifier(scope: SchemeScope, type: IdentifiedType, id: BusinessIdentifier): Promise<string | undefined> {
  const row = await scope.db
    .selectFrom('external_identifiers')
    .select('resource_id')
    .where('scheme_id', '=', scope.schemeId)
    .where('resource_type', '=', type)
    .where('system', '=', id.system)
    .where('value', '=', id.value)
    .executeTakeFirst();
  return row?.resource_id;
}

/**
 * Serialises conditional creates of the same identifier: the second waits here until the first
 * commits, then finds its resource. The primary key of external_identifiers stays the backstop.
 */
export async function lockIdentifier(scope: SchemeScope, type: IdentifiedType, id: BusinessIdentifier): Promise<void> {
  const key = `${scope.schemeId}|${type}|${id.system}|${id.value}`;
  await sql`select pg_advisory_xact_lock(hashtextextended(${key}, 0))`.execute(scope.db);
}

/** Claims the identifier for the resource; a unique violation means another create claimed it first. */
export async function claimIdentifier(scope: SchemeScope, type: IdentifiedType, id: BusinessIdentifier, resourceId: string): Promise<void> {
  await scope.db
    .insertInto('external_identifiers')
    .values({ scheme_id: scope.schemeId, resource_type: type, system: id.system, value: id.value, resource_id: resourceId, organisation_id: senderOf(scope) })
    .execute();
}

/** Keeps further identifiers the resource carried; returns those already held by another resource. */
export async function keepIdentifiers(scope: SchemeScope, type: IdentifiedType, ids: readonly BusinessIdentifier[], resourceId: string): Promise<BusinessIdentifier[]> {
  const taken: BusinessIdentifier[] = [];
  for (const id of ids) {
    const inserted = await scope.db
      .insertInto('external_identifiers')
      .values({ scheme_id: scope.schemeId, resource_type: type, system: id.system, value: id.value, resource_id: resourceId, organisation_id: senderOf(scope) })
      .onConflict((oc) => oc.columns(['scheme_id', 'resource_type', 'system', 'value']).doNothing())
      .returning('resource_id')
      .executeTakeFirst();
    if (!inserted) {
      const holder = await findByIdentifier(scope, type, id);
      if (holder !== resourceId) taken.push(id);
    }
  }
  return taken;
}

export function isUniqueViolation(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === '23505';
}

/** The Patient for a person the caller may read (getPerson authorizes and audits). */
export async function readPatient(scope: SchemeScope, personId: string): Promise<Patient> {
  const row = await getPerson(scope, personId);
  return toPatient(row, await identifiersOf(scope, 'Patient', personId));
}

export async function referralContext(scope: SchemeScope, record: ReferralRecord): Promise<ReferralContext> {
  const [host, referrerOrganisation, settings, identifiers] = [
    await hostOrganisation(scope),
    await organisationRef(scope, record.referral.referrer_organisation_id),
    await loadReferralSettings(scope),
    await identifiersOf(scope, 'ServiceRequest', record.referral.id),
  ];
  return { host, referrerOrganisation, needCategories: settings.needCategories, identifiers };
}

/** The ServiceRequest and Task of a referral the caller may read (loadReferral authorizes and audits). */
export async function readReferral(scope: SchemeScope, referralId: string): Promise<{ record: ReferralRecord; serviceRequest: ServiceRequest; task: Task }> {
  const record = await loadReferral(scope, referralId);
  const context = await referralContext(scope, record);
  return { record, serviceRequest: toServiceRequest(record, context), task: toTask(record, context.host, context) };
}

/**
 * The message back to GP and referrer for a referral the caller may read (loadReferral authorizes
 * and audits). Its id is the referral's. Withdrawn consent does not hide it: it goes back to the
 * referrer only, and says so.
 */
export async function readComposition(scope: SchemeScope, referralId: string): Promise<Composition> {
  const record = await loadReferral(scope, referralId);
  const context = await referralContext(scope, record);
  const workerId = record.referral.link_worker_id;
  const worker = workerId
    ? await scope.db
        .selectFrom('users')
        .innerJoin('memberships', 'memberships.user_id', 'users.id')
        .select('users.display_name')
        .where('memberships.scheme_id', '=', scope.schemeId)
        .where('users.id', '=', workerId)
        .limit(1)
        .executeTakeFirst()
    : undefined;
  return toComposition(record, context, { linkWorkerName: worker?.display_name ?? null });
}

/** Did this organisation make the referral? (Only then may its clients read it.) */
export async function referralOfOrganisation(scope: SchemeScope, referralId: string, organisationId: string): Promise<boolean> {
  const row = await scope.db
    .selectFrom('referrals')
    .select('id')
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', referralId)
    .where('referrer_organisation_id', '=', organisationId)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Did this transaction make the person (rather than find them held)? people.created_at defaults
 * to now(), the start of the current transaction, so only a row inserted by it has that value.
 */
export async function personCreatedInThisTransaction(scope: SchemeScope, personId: string): Promise<boolean> {
  const row = await scope.db
    .selectFrom('people')
    .select(sql<boolean>`created_at = now()`.as('fresh'))
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', personId)
    .executeTakeFirst();
  return row?.fresh === true;
}
