import { sql, type Kysely } from 'kysely';
import type { DB, DirectorySource } from '../../db/schema.js';
import { AppError, notFound, validationError } from '../../errors.js';
import type { AttributeGraph, ContactGraph, LocationGraph, ServiceGraph } from '../model.js';
import { refreshSearchColumns } from '../search/columns.js';
import { diffFields, recordChange, type ChangeKind, type FieldChange } from './changes.js';
import { loadLocationGraphs, loadOrganizationGraphs, loadServiceGraph } from './read.js';
import {
  locationKey,
  organizationGraphOf,
  organizationParts,
  serviceGraphOf,
  serviceParts,
  type LocationGraphInput,
  type OrganizationGraphInput,
  type ServiceGraphInput,
  type StoredShared,
} from './write-graph.js';
import { BOOKKEEPING, canonicalRow, canonicalValue, type AttributeInput } from './write-rows.js';
import { replaceRows, upsertRows } from './write-sql.js';

export type { LocationGraphInput, OrganizationGraphInput, ServiceAtLocationGraphInput, ServiceGraphInput } from './write-graph.js';
export type { AttributeInput, ContactInput } from './write-rows.js';

/**
 * The one way a directory listing is written: the edit API, the importers and the seed all
 * come here. Saving compares the stored graph with the one asked for; when nothing differs
 * nothing is written (no version, no history), which is what makes re-importing a feed a
 * no-op. Otherwise the version goes up, the parts that differ are replaced, one history entry
 * says what changed, and the search columns are recomputed, all in one transaction.
 *
 * Locations and taxonomy terms are shared between services: they are upserted, never deleted
 * here (a location dropped from one service may still serve another).
 */

/** Who is writing: a user, or a process such as 'import: oruk https://…'. */
export interface DirectoryWriter {
  userId: string | null;
  label: string;
}

export type SaveOutcome = 'created' | 'updated' | 'unchanged';

export interface SaveOptions {
  /**
   * 'create' refuses an existing id; 'update', 'status' and 'verify' a missing one; 'import'
   * takes either. Besides that check, the kind is what the history entry says happened.
   */
  kind: ChangeKind;
  /** Why, in the writer's words; kept on the history entry. */
  note?: string | null;
  /** Where the data came from; stamped on the service (and embedded organisation) row. */
  source?: DirectorySource;
  /** The version the caller last saw; a different stored version is 412. */
  expectedVersion?: number;
}

type Db = Kysely<DB>;

async function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

async function lockVersion(tx: Db, table: 'directory_services' | 'directory_organizations', id: string): Promise<number | undefined> {
  const row = await tx.selectFrom(table).select('version').where('id', '=', id).forUpdate().executeTakeFirst();
  return row?.version;
}

function mustExist(kind: ChangeKind): 'absent' | 'present' | 'either' {
  switch (kind) {
    case 'create':
      return 'absent';
    case 'update':
    case 'status':
    case 'verify':
      return 'present';
    case 'import':
      return 'either';
  }
}

function checkPreconditions(what: string, stored: number | undefined, opts: SaveOptions): void {
  const existence = mustExist(opts.kind);
  if (existence === 'absent' && stored !== undefined) throw new AppError('conflict', `${what} already exists.`);
  if (existence === 'present' && stored === undefined) throw notFound(what);
  if (opts.expectedVersion !== undefined && stored !== undefined && stored !== opts.expectedVersion) {
    throw new AppError('precondition-failed', `${what} has been changed by someone else (now version ${stored}). Reload it and try again.`);
  }
}

function collectAttributes(input: ServiceGraphInput): AttributeInput[] {
  const out: AttributeInput[] = [...(input.attributes ?? []), ...(input.organization?.attributes ?? [])];
  for (const sal of input.serviceAtLocations ?? []) out.push(...(sal.attributes ?? []), ...(sal.location.attributes ?? []));
  return out;
}

async function loadShared(tx: Db, locations: readonly LocationGraphInput[], attributes: readonly AttributeInput[]): Promise<StoredShared> {
  const termIds = [...new Set(attributes.map((a) => a.term.id))];
  const terms = termIds.length ? await tx.selectFrom('directory_taxonomy_terms').selectAll().where('id', 'in', termIds).execute() : [];
  const taxonomyIds = [
    ...new Set([
      ...attributes.flatMap((a) => (a.taxonomy ? [a.taxonomy.id] : [])),
      ...attributes.flatMap((a) => (a.term.taxonomy_id ? [a.term.taxonomy_id] : [])),
      ...terms.flatMap((t) => (t.taxonomy_id ? [t.taxonomy_id] : [])),
    ]),
  ];
  const taxonomies = taxonomyIds.length ? await tx.selectFrom('directory_taxonomies').selectAll().where('id', 'in', taxonomyIds).execute() : [];
  return {
    locations: await loadLocationGraphs(tx, locations.map((l) => l.location.id)),
    terms: new Map(terms.map((t) => [t.id, t])),
    taxonomies: new Map(taxonomies.map((t) => [t.id, t])),
  };
}

/** Field differences of one row, compared in canonical form (so jsonb key order or '35' against 35 is no difference). */
function rowChanges(before: object | null, after: object): Record<string, FieldChange> {
  const pick = (row: object): Record<string, unknown> => Object.fromEntries(Object.entries(row).filter(([k]) => !BOOKKEEPING.has(k)));
  const from = before === null ? null : pick(before);
  const to = pick(after);
  const differing = Object.keys(to).filter((k) => from === null || canonicalValue(k, from[k]) !== canonicalValue(k, to[k]));
  return diffFields(
    from === null ? null : Object.fromEntries(differing.map((k) => [k, from[k]])),
    Object.fromEntries(differing.map((k) => [k, to[k]])),
  );
}

// Writing parts ------------------------------------------------------------------------------

/** A stored taxonomy term this save rewrote; `moved` when its parent changed too. */
interface ChangedTerm {
  id: string;
  moved: boolean;
}

/** Writes the attributes of one entity, and the terms and taxonomies they name; returns the stored terms that changed. */
async function writeAttributes(tx: Db, linkId: string, attributes: AttributeGraph[], shared: StoredShared): Promise<ChangedTerm[]> {
  const taxonomies = attributes.flatMap((a) => (a.taxonomy && canonicalRow(a.taxonomy) !== canonicalRow(shared.taxonomies.get(a.taxonomy.id) ?? {}) ? [a.taxonomy] : []));
  const terms = uniqueById(attributes.flatMap((a) => (canonicalRow(a.term) !== canonicalRow(shared.terms.get(a.term.id) ?? {}) ? [a.term] : [])));
  await upsertRows(tx, 'directory_taxonomies', uniqueById(taxonomies));
  await upsertRows(tx, 'directory_taxonomy_terms', terms);
  await replaceRows(tx, 'directory_attributes', sql`link_id = ${linkId}`, attributes.map((a) => a.attribute));
  return terms.flatMap((term) => {
    const stored = shared.terms.get(term.id);
    return stored ? [{ id: term.id, moved: stored.parent_id !== term.parent_id }] : [];
  });
}

/**
 * The services whose search columns depend on the changed terms: those the terms are attached
 * to (a term's name is in the search document), and for a term that moved, those attached to
 * any term beneath it (the ancestors of a service's terms are in term_ids).
 */
async function servicesUsingTerms(tx: Db, changed: readonly ChangedTerm[]): Promise<string[]> {
  if (changed.length === 0) return [];
  const termIds = new Set(changed.map((c) => c.id));
  const moved = changed.filter((c) => c.moved).map((c) => c.id);
  if (moved.length > 0) {
    // UNION (not UNION ALL) stops at a term already seen, so a loop in bad data ends.
    const below = await sql<{ id: string }>`
      with recursive below (id) as (
        select id from directory_taxonomy_terms where parent_id in (${sql.join(moved)})
        union
        select t.id from directory_taxonomy_terms t join below b on t.parent_id = b.id
      )
      select id from below`.execute(tx);
    for (const row of below.rows) termIds.add(row.id);
  }
  const rows = await tx
    .selectFrom('directory_attributes')
    .select('link_id')
    .distinct()
    .where('link_entity', '=', 'service')
    .where('taxonomy_term_id', 'in', [...termIds])
    .execute();
  return rows.map((r) => r.link_id);
}

function uniqueById<T extends { id: string }>(rows: T[]): T[] {
  return [...new Map(rows.map((r) => [r.id, r])).values()];
}

type ContactOwner = 'service_id' | 'organization_id' | 'location_id' | 'service_at_location_id';

async function writeContacts(tx: Db, owner: ContactOwner, ownerId: string, contacts: ContactGraph[]): Promise<void> {
  await replaceRows(tx, 'directory_contacts', sql`${sql.ref(owner)} = ${ownerId}`, contacts.map((c) => c.contact));
  for (const c of contacts) await replaceRows(tx, 'directory_phones', sql`contact_id = ${c.contact.id}`, c.phones);
}

async function writeLocation(tx: Db, l: LocationGraph, shared: StoredShared): Promise<ChangedTerm[]> {
  const id = l.location.id;
  await upsertRows(tx, 'directory_locations', [l.location]);
  await replaceRows(tx, 'directory_addresses', sql`location_id = ${id}`, l.addresses);
  await replaceRows(tx, 'directory_accessibility', sql`location_id = ${id}`, l.accessibility);
  await writeContacts(tx, 'location_id', id, l.contacts);
  await replaceRows(tx, 'directory_phones', sql`location_id = ${id} and contact_id is null`, l.phones);
  await replaceRows(tx, 'directory_languages', sql`location_id = ${id}`, l.languages);
  await replaceRows(tx, 'directory_schedules', sql`location_id = ${id} and service_id is null and service_at_location_id is null`, l.schedules);
  return writeAttributes(tx, id, l.attributes, shared);
}

/** Writes the parts of a service that differ from what is stored; returns the other services whose shared locations or terms changed. */
async function writeService(tx: Db, next: ServiceGraph, differs: ReadonlySet<string>, shared: StoredShared): Promise<string[]> {
  const id = next.service.id;
  if (next.program && differs.has('program')) await upsertRows(tx, 'directory_programs', [next.program]);
  await upsertRows(tx, 'directory_services', [next.service], ['created_at']);
  if (differs.has('schedules')) await replaceRows(tx, 'directory_schedules', sql`service_id = ${id} and service_at_location_id is null`, next.schedules);
  if (differs.has('costOptions')) await replaceRows(tx, 'directory_cost_options', sql`service_id = ${id}`, next.costOptions);
  if (differs.has('contacts')) await writeContacts(tx, 'service_id', id, next.contacts);
  if (differs.has('phones')) await replaceRows(tx, 'directory_phones', sql`service_id = ${id} and contact_id is null`, next.phones);
  if (differs.has('languages')) await replaceRows(tx, 'directory_languages', sql`service_id = ${id}`, next.languages);
  if (differs.has('serviceAreas')) await replaceRows(tx, 'directory_service_areas', sql`service_id = ${id}`, next.serviceAreas);
  if (differs.has('fundings')) await replaceRows(tx, 'directory_fundings', sql`service_id = ${id}`, next.fundings);
  if (differs.has('requiredDocuments')) await replaceRows(tx, 'directory_required_documents', sql`service_id = ${id}`, next.requiredDocuments);
  const changedTerms: ChangedTerm[] = [];
  if (differs.has('attributes')) changedTerms.push(...(await writeAttributes(tx, id, next.attributes, shared)));
  const changedLocations: string[] = [];
  if (differs.has('serviceAtLocations')) {
    for (const sal of next.serviceAtLocations) {
      const stored = shared.locations.get(sal.location.location.id);
      if (!stored || locationKey(stored) !== locationKey(sal.location)) {
        changedTerms.push(...(await writeLocation(tx, sal.location, shared)));
        changedLocations.push(sal.location.location.id);
      }
    }
    await replaceRows(tx, 'directory_service_at_locations', sql`service_id = ${id}`, next.serviceAtLocations.map((s) => s.serviceAtLocation));
    for (const sal of next.serviceAtLocations) {
      const salId = sal.serviceAtLocation.id;
      await replaceRows(tx, 'directory_schedules', sql`service_at_location_id = ${salId}`, sal.schedules);
      await writeContacts(tx, 'service_at_location_id', salId, sal.contacts);
      await replaceRows(tx, 'directory_phones', sql`service_at_location_id = ${salId} and contact_id is null`, sal.phones);
      changedTerms.push(...(await writeAttributes(tx, salId, sal.attributes, shared)));
    }
  }
  const atLocations =
    changedLocations.length === 0
      ? []
      : await tx.selectFrom('directory_service_at_locations').select('service_id').distinct().where('location_id', 'in', changedLocations).execute();
  const others = new Set([...atLocations.map((o) => o.service_id), ...(await servicesUsingTerms(tx, changedTerms))]);
  others.delete(id);
  return [...others];
}

// Organisations ------------------------------------------------------------------------------

/** `embedded`: saved as part of a service, so upserted whatever the service's kind says. */
async function saveOrganizationIn(tx: Db, input: OrganizationGraphInput, who: DirectoryWriter, opts: SaveOptions, embedded = false): Promise<{ outcome: SaveOutcome; version: number }> {
  const id = input.organization.id;
  const storedVersion = await lockVersion(tx, 'directory_organizations', id);
  if (!embedded) checkPreconditions('The organisation', storedVersion, opts);
  const stored = storedVersion === undefined ? undefined : (await loadOrganizationGraphs(tx, [id]))[0];
  const shared = await loadShared(tx, [], [...(input.attributes ?? [])]);
  const next = organizationGraphOf(input, stored, shared);
  if (opts.source) next.organization.source = opts.source;
  const rowDiff = rowChanges(stored?.organization ?? null, next.organization);
  const before = stored ? organizationParts(stored) : undefined;
  const after = organizationParts(next);
  const differs = (Object.keys(after) as (keyof typeof after)[]).filter((k) => before?.[k].key !== after[k].key);
  if (stored && Object.keys(rowDiff).length === 0 && differs.length === 0) return { outcome: 'unchanged', version: stored.organization.version };

  const version = (storedVersion ?? 0) + 1;
  const now = new Date();
  next.organization.version = version;
  next.organization.updated_at = now;
  next.organization.created_at = stored?.organization.created_at ?? now;
  await upsertRows(tx, 'directory_organizations', [next.organization], ['created_at']);
  const set = new Set<string>(differs);
  if (set.has('identifiers')) await replaceRows(tx, 'directory_organization_identifiers', sql`organization_id = ${id}`, next.identifiers);
  if (set.has('programs')) await upsertRows(tx, 'directory_programs', next.programs);
  if (set.has('contacts')) await writeContacts(tx, 'organization_id', id, next.contacts);
  if (set.has('phones')) await replaceRows(tx, 'directory_phones', sql`organization_id = ${id} and contact_id is null`, next.phones);
  if (set.has('fundings')) await replaceRows(tx, 'directory_fundings', sql`organization_id = ${id}`, next.fundings);
  const changedTerms = set.has('attributes') ? await writeAttributes(tx, id, next.attributes, shared) : [];
  const summary: Record<string, unknown> = { ...rowDiff };
  for (const k of differs) summary[k] = { from: before?.[k].count ?? 0, to: after[k].count };
  await recordChange(tx, {
    entityType: 'organization', entityId: id, version, kind: opts.kind === 'import' || !embedded ? opts.kind : stored ? 'update' : 'create',
    changedBy: who.userId, changedByLabel: who.label, changes: summary, note: embedded ? null : (opts.note ?? null),
  });
  // The organisation's name is part of each of its services' search document.
  const ownServices = stored ? await tx.selectFrom('directory_services').select('id').where('organization_id', '=', id).execute() : [];
  const refresh = [...ownServices.map((s) => s.id), ...(await servicesUsingTerms(tx, changedTerms))];
  if (refresh.length) await refreshSearchColumns(tx, refresh);
  return { outcome: stored ? 'updated' : 'created', version };
}

/**
 * Upserts an organisation and the parts the input names (identifiers, contacts, phones,
 * fundings, programs, attributes); programs are upserted, never deleted, since services
 * may point at them.
 */
export async function saveOrganization(db: Db, input: OrganizationGraphInput, who: DirectoryWriter, opts: SaveOptions): Promise<{ outcome: SaveOutcome; version: number }> {
  return inTransaction(db, (tx) => saveOrganizationIn(tx, input, who, opts));
}

// Services -----------------------------------------------------------------------------------

export interface SaveServiceResult {
  outcome: SaveOutcome;
  version: number;
  /** Field → before and after for the service row; collection → sizes before and after. Empty when unchanged. */
  changes: Record<string, FieldChange>;
  /** What happened to the embedded organisation, when the input held one. */
  organization?: SaveOutcome;
}

/**
 * What saving `next` over `stored` would record as changed, compared as the writer compares:
 * service fields by name and collections (schedules, costOptions, …) by name. Empty when nothing.
 */
export function serviceDifferences(stored: ServiceGraph, next: ServiceGraph): string[] {
  const before = serviceParts(stored);
  const after = serviceParts(next);
  const collections = (Object.keys(after) as (keyof typeof after)[]).filter((k) => before[k].key !== after[k].key);
  return [...Object.keys(rowChanges(stored.service, next.service)), ...collections];
}

/**
 * Upserts a service with the parts the input names. An embedded organisation is saved first
 * (as its own change, same transaction); without one, the organisation must already exist.
 */
export async function saveService(db: Db, input: ServiceGraphInput, who: DirectoryWriter, opts: SaveOptions): Promise<SaveServiceResult> {
  return inTransaction(db, async (tx) => {
    const id = input.service.id;
    const storedVersion = await lockVersion(tx, 'directory_services', id);
    checkPreconditions('The service', storedVersion, opts);

    let organizationOutcome: SaveOutcome | undefined;
    if (input.organization) {
      if (input.organization.organization.id !== input.service.organization_id) {
        throw validationError([{ field: 'organization.id', message: 'The embedded organisation is not the one the service names.' }]);
      }
      organizationOutcome = (await saveOrganizationIn(tx, input.organization, who, { kind: opts.kind, ...(opts.source ? { source: opts.source } : {}) }, true)).outcome;
    }
    const organization = await tx.selectFrom('directory_organizations').selectAll().where('id', '=', input.service.organization_id).executeTakeFirst();
    if (!organization) throw validationError([{ field: 'service.organization_id', message: 'No organisation has this id.' }]);

    const stored = storedVersion === undefined ? undefined : await loadServiceGraph(tx, id);
    const shared = await loadShared(tx, (input.serviceAtLocations ?? []).map((s) => s.location), collectAttributes(input));
    const next = serviceGraphOf(input, stored, organization, shared);
    if (opts.source) next.service.source = opts.source;

    const rowDiff = rowChanges(stored?.service ?? null, next.service);
    const before = stored ? serviceParts(stored) : undefined;
    const after = serviceParts(next);
    const differs = (Object.keys(after) as (keyof typeof after)[]).filter((k) => before?.[k].key !== after[k].key);
    if (stored && Object.keys(rowDiff).length === 0 && differs.length === 0) {
      return { outcome: 'unchanged', version: stored.service.version, changes: {}, ...(organizationOutcome ? { organization: organizationOutcome } : {}) };
    }

    const version = (storedVersion ?? 0) + 1;
    const now = new Date();
    Object.assign(next.service, { version, updated_at: now, last_modified: now, created_at: stored?.service.created_at ?? now });
    const others = await writeService(tx, next, new Set(differs), shared);
    const changes: Record<string, FieldChange> = { ...rowDiff };
    for (const k of differs) changes[k] = { from: before?.[k].count ?? 0, to: after[k].count };
    await recordChange(tx, {
      entityType: 'service', entityId: id, version, kind: opts.kind, changedBy: who.userId, changedByLabel: who.label, changes, note: opts.note ?? null,
    });
    await refreshSearchColumns(tx, [id, ...others]);
    return { outcome: stored ? 'updated' : 'created', version, changes, ...(organizationOutcome ? { organization: organizationOutcome } : {}) };
  });
}
