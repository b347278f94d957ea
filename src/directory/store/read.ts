import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type {
  AttributeGraph,
  ContactGraph,
  LocationGraph,
  OrganizationGraph,
  PhoneRow,
  ServiceAtLocationGraph,
  ServiceGraph,
  ServiceRow,
} from '../model.js';

/**
 * Loads whole services (or organisations) in a fixed number of queries however many are asked
 * for: one query per table, then assembled in memory. Used for the ORUK API pages, the CSV
 * export, the service page and the importer's "has anything changed?" check.
 */

type Reader = Kysely<DB>;

const SERVICE_COLUMNS = [
  'id', 'organization_id', 'program_id', 'name', 'alternate_name', 'description', 'url', 'email', 'status',
  'interpretation_services', 'application_process', 'fees_description', 'wait_time', 'fees', 'accreditations',
  'eligibility_description', 'minimum_age', 'maximum_age', 'assured_date', 'assurer_email', 'licenses', 'alert',
  'last_modified', 'referral_mode', 'named_contact_name', 'named_contact_role', 'named_contact_email',
  'named_contact_phone', 'capacity_places', 'waitlist_count', 'not_taking_until', 'verified_at', 'verified_by',
  'verified_by_name', 'source', 'extra', 'version', 'created_at', 'updated_at',
] as const satisfies readonly (keyof ServiceRow)[];

function groupBy<T, K>(rows: readonly T[], key: (row: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

async function attributesFor(db: Reader, linkIds: string[]): Promise<Map<string, AttributeGraph[]>> {
  if (linkIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('directory_attributes as a')
    .innerJoin('directory_taxonomy_terms as t', 't.id', 'a.taxonomy_term_id')
    .leftJoin('directory_taxonomies as x', 'x.id', 't.taxonomy_id')
    .select([
      'a.id as a_id', 'a.link_id', 'a.taxonomy_term_id', 'a.link_type', 'a.link_entity', 'a.value',
      't.id as t_id', 't.code', 't.name as t_name', 't.description as t_description', 't.parent_id', 't.taxonomy',
      't.language', 't.taxonomy_id', 't.term_uri',
      'x.id as x_id', 'x.name as x_name', 'x.description as x_description', 'x.uri as x_uri', 'x.version as x_version',
    ])
    .where('a.link_id', 'in', linkIds)
    .orderBy('a.id')
    .execute();
  const graphs = rows.map(
    (r): AttributeGraph => ({
      attribute: { id: r.a_id, link_id: r.link_id, taxonomy_term_id: r.taxonomy_term_id, link_type: r.link_type, link_entity: r.link_entity, value: r.value },
      term: {
        id: r.t_id, code: r.code, name: r.t_name, description: r.t_description, parent_id: r.parent_id, taxonomy: r.taxonomy,
        language: r.language, taxonomy_id: r.taxonomy_id, term_uri: r.term_uri,
      },
      taxonomy:
        r.x_id === null || r.x_name === null
          ? null
          : { id: r.x_id, name: r.x_name, description: r.x_description ?? '', uri: r.x_uri, version: r.x_version },
    }),
  );
  return groupBy(graphs, (g) => g.attribute.link_id);
}

async function contactsWhere(
  db: Reader,
  column: 'service_id' | 'organization_id' | 'location_id' | 'service_at_location_id',
  ids: string[],
): Promise<Map<string, ContactGraph[]>> {
  if (ids.length === 0) return new Map();
  const contacts = await db.selectFrom('directory_contacts').selectAll().where(column, 'in', ids).orderBy('id').execute();
  const phones = contacts.length
    ? await db.selectFrom('directory_phones').selectAll().where('contact_id', 'in', contacts.map((c) => c.id)).orderBy('id').execute()
    : [];
  const phonesByContact = groupBy(phones, (p) => p.contact_id);
  const graphs = contacts.map((contact): ContactGraph => ({ contact, phones: phonesByContact.get(contact.id) ?? [] }));
  return groupBy(graphs, (g) => g.contact[column] ?? '');
}

/** Phones that hang straight off the parent, not off one of its contacts. */
async function phonesWhere(
  db: Reader,
  column: 'service_id' | 'organization_id' | 'location_id' | 'service_at_location_id',
  ids: string[],
): Promise<Map<string, PhoneRow[]>> {
  if (ids.length === 0) return new Map();
  const phones = await db.selectFrom('directory_phones').selectAll().where(column, 'in', ids).where('contact_id', 'is', null).orderBy('id').execute();
  return groupBy(phones, (p) => p[column] ?? '');
}

export async function loadLocationGraphs(db: Reader, ids: string[]): Promise<Map<string, LocationGraph>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const [locations, addresses, accessibility, languages, schedules, contacts, phones, attributes] = await Promise.all([
    db.selectFrom('directory_locations').selectAll().where('id', 'in', unique).execute(),
    db.selectFrom('directory_addresses').selectAll().where('location_id', 'in', unique).orderBy('id').execute(),
    db.selectFrom('directory_accessibility').selectAll().where('location_id', 'in', unique).orderBy('id').execute(),
    db.selectFrom('directory_languages').selectAll().where('location_id', 'in', unique).orderBy('id').execute(),
    db
      .selectFrom('directory_schedules')
      .selectAll()
      .where('location_id', 'in', unique)
      .where('service_id', 'is', null)
      .where('service_at_location_id', 'is', null)
      .orderBy('id')
      .execute(),
    contactsWhere(db, 'location_id', unique),
    phonesWhere(db, 'location_id', unique),
    attributesFor(db, unique),
  ]);
  const addressesBy = groupBy(addresses, (r) => r.location_id);
  const accessibilityBy = groupBy(accessibility, (r) => r.location_id);
  const languagesBy = groupBy(languages, (r) => r.location_id ?? '');
  const schedulesBy = groupBy(schedules, (r) => r.location_id ?? '');
  const result = new Map<string, LocationGraph>();
  for (const location of locations) {
    result.set(location.id, {
      location,
      addresses: addressesBy.get(location.id) ?? [],
      accessibility: accessibilityBy.get(location.id) ?? [],
      phones: phones.get(location.id) ?? [],
      languages: languagesBy.get(location.id) ?? [],
      schedules: schedulesBy.get(location.id) ?? [],
      contacts: contacts.get(location.id) ?? [],
      attributes: attributes.get(location.id) ?? [],
    });
  }
  return result;
}

/** Whole services by id, in the order asked; ids that do not exist are left out. */
export async function loadServiceGraphs(db: Reader, ids: readonly string[]): Promise<ServiceGraph[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const services = await db.selectFrom('directory_services').select(SERVICE_COLUMNS).where('id', 'in', unique).execute();
  if (services.length === 0) return [];
  const serviceIds = services.map((s) => s.id);
  const orgIds = [...new Set(services.map((s) => s.organization_id))];
  const programIds = [...new Set(services.flatMap((s) => (s.program_id ? [s.program_id] : [])))];
  const sals = await db.selectFrom('directory_service_at_locations').selectAll().where('service_id', 'in', serviceIds).orderBy('id').execute();
  const salIds = sals.map((s) => s.id);
  const [
    organizations, programs, schedules, costOptions, languages, serviceAreas, fundings, requiredDocuments,
    contacts, phones, attributes, salSchedules, salContacts, salPhones, salAttributes, locations,
  ] = await Promise.all([
    db.selectFrom('directory_organizations').selectAll().where('id', 'in', orgIds).execute(),
    programIds.length ? db.selectFrom('directory_programs').selectAll().where('id', 'in', programIds).execute() : Promise.resolve([]),
    db.selectFrom('directory_schedules').selectAll().where('service_id', 'in', serviceIds).where('service_at_location_id', 'is', null).orderBy('id').execute(),
    db.selectFrom('directory_cost_options').selectAll().where('service_id', 'in', serviceIds).orderBy('id').execute(),
    db.selectFrom('directory_languages').selectAll().where('service_id', 'in', serviceIds).orderBy('id').execute(),
    db.selectFrom('directory_service_areas').selectAll().where('service_id', 'in', serviceIds).orderBy('id').execute(),
    db.selectFrom('directory_fundings').selectAll().where('service_id', 'in', serviceIds).orderBy('id').execute(),
    db.selectFrom('directory_required_documents').selectAll().where('service_id', 'in', serviceIds).orderBy('id').execute(),
    contactsWhere(db, 'service_id', serviceIds),
    phonesWhere(db, 'service_id', serviceIds),
    attributesFor(db, serviceIds),
    salIds.length ? db.selectFrom('directory_schedules').selectAll().where('service_at_location_id', 'in', salIds).orderBy('id').execute() : Promise.resolve([]),
    contactsWhere(db, 'service_at_location_id', salIds),
    phonesWhere(db, 'service_at_location_id', salIds),
    attributesFor(db, salIds),
    loadLocationGraphs(db, sals.map((s) => s.location_id)),
  ]);
  const orgById = new Map(organizations.map((o) => [o.id, o]));
  const programById = new Map(programs.map((p) => [p.id, p]));
  const schedulesBy = groupBy(schedules, (r) => r.service_id ?? '');
  const salSchedulesBy = groupBy(salSchedules, (r) => r.service_at_location_id ?? '');
  const costBy = groupBy(costOptions, (r) => r.service_id);
  const languagesBy = groupBy(languages, (r) => r.service_id ?? '');
  const areasBy = groupBy(serviceAreas, (r) => r.service_id);
  const fundingsBy = groupBy(fundings, (r) => r.service_id ?? '');
  const documentsBy = groupBy(requiredDocuments, (r) => r.service_id);
  const salsBy = groupBy(sals, (r) => r.service_id);
  const graphs = new Map<string, ServiceGraph>();
  for (const service of services) {
    const organization = orgById.get(service.organization_id);
    if (!organization) continue;
    const serviceAtLocations = (salsBy.get(service.id) ?? []).flatMap((sal): ServiceAtLocationGraph[] => {
      const location = locations.get(sal.location_id);
      if (!location) return [];
      return [
        {
          serviceAtLocation: sal,
          location,
          schedules: salSchedulesBy.get(sal.id) ?? [],
          contacts: salContacts.get(sal.id) ?? [],
          phones: salPhones.get(sal.id) ?? [],
          attributes: salAttributes.get(sal.id) ?? [],
        },
      ];
    });
    graphs.set(service.id, {
      service,
      organization,
      program: service.program_id ? (programById.get(service.program_id) ?? null) : null,
      schedules: schedulesBy.get(service.id) ?? [],
      costOptions: costBy.get(service.id) ?? [],
      contacts: contacts.get(service.id) ?? [],
      phones: phones.get(service.id) ?? [],
      languages: languagesBy.get(service.id) ?? [],
      serviceAreas: areasBy.get(service.id) ?? [],
      fundings: fundingsBy.get(service.id) ?? [],
      requiredDocuments: documentsBy.get(service.id) ?? [],
      serviceAtLocations,
      attributes: attributes.get(service.id) ?? [],
    });
  }
  return ids.flatMap((id) => {
    const graph = graphs.get(id);
    return graph ? [graph] : [];
  });
}

export async function loadServiceGraph(db: Reader, id: string): Promise<ServiceGraph | undefined> {
  return (await loadServiceGraphs(db, [id]))[0];
}

/** Whole organisations by id, in the order asked. */
export async function loadOrganizationGraphs(db: Reader, ids: readonly string[]): Promise<OrganizationGraph[]> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return [];
  const [organizations, identifiers, contacts, phones, fundings, programs, attributes] = await Promise.all([
    db.selectFrom('directory_organizations').selectAll().where('id', 'in', unique).execute(),
    db.selectFrom('directory_organization_identifiers').selectAll().where('organization_id', 'in', unique).orderBy('id').execute(),
    contactsWhere(db, 'organization_id', unique),
    phonesWhere(db, 'organization_id', unique),
    db.selectFrom('directory_fundings').selectAll().where('organization_id', 'in', unique).orderBy('id').execute(),
    db.selectFrom('directory_programs').selectAll().where('organization_id', 'in', unique).orderBy('id').execute(),
    attributesFor(db, unique),
  ]);
  const identifiersBy = groupBy(identifiers, (r) => r.organization_id);
  const fundingsBy = groupBy(fundings, (r) => r.organization_id ?? '');
  const programsBy = groupBy(programs, (r) => r.organization_id);
  const byOrg = new Map(organizations.map((o) => [o.id, o]));
  return ids.flatMap((id): OrganizationGraph[] => {
    const organization = byOrg.get(id);
    if (!organization) return [];
    return [
      {
        organization,
        identifiers: (identifiersBy.get(id) ?? []).sort(byId),
        contacts: contacts.get(id) ?? [],
        phones: phones.get(id) ?? [],
        fundings: fundingsBy.get(id) ?? [],
        programs: programsBy.get(id) ?? [],
        attributes: attributes.get(id) ?? [],
      },
    ];
  });
}
