/**
 * A small directory for the ORUK API tests, written straight into the tables: three
 * organisations, public and private services (one closed, one with a website that is not a
 * URL, one with everything that can hang off a service), taxonomies and terms, and two schemes
 * that list some services publicly and keep others to themselves.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { DataAccess } from '../../data/access.js';
import type { TestScheme } from '../../testing/app.js';

export interface OrukTestData {
  taxonomies: { activities: string; empty: string };
  terms: { walking: string; nordic: string; gardening: string; unused: string };
  organizations: { greenShoots: string; walkers: string; hidden: string };
  services: { walking: string; allotment: string; art: string; befriending: string; choir: string; secretWalk: string; privateYoga: string };
  serviceAtLocations: { walking: string; choir: string; secretWalk: string };
  location: string;
}

const id = (): string => randomUUID();

export async function buildOrukTestData(data: DataAccess, schemes: { a: TestScheme; b: TestScheme }): Promise<OrukTestData> {
  const db = data.db;
  const d: OrukTestData = {
    taxonomies: { activities: id(), empty: id() },
    terms: { walking: id(), nordic: id(), gardening: id(), unused: id() },
    organizations: { greenShoots: id(), walkers: id(), hidden: id() },
    services: { walking: id(), allotment: id(), art: id(), befriending: id(), choir: id(), secretWalk: id(), privateYoga: id() },
    serviceAtLocations: { walking: id(), choir: id(), secretWalk: id() },
    location: id(),
  };
  const { taxonomies: x, terms: t, organizations: o, services: s } = d;

  await db
    .insertInto('directory_taxonomies')
    .values([
      { id: x.activities, name: 'Linkwell activities', description: 'What people do together', uri: 'https://linkwell.dev/taxonomy/activities', version: '1' },
      { id: x.empty, name: 'Unused vocabulary', description: '' },
    ])
    .execute();
  await db
    .insertInto('directory_taxonomy_terms')
    .values([
      { id: t.walking, name: 'Walking', description: 'Walking groups', taxonomy_id: x.activities, code: 'walk', term_uri: 'https://linkwell.dev/taxonomy/activities/walk' },
      { id: t.nordic, name: 'Nordic walking', description: 'With poles', taxonomy_id: x.activities, parent_id: t.walking },
      { id: t.gardening, name: 'Gardening', description: 'Growing things', taxonomy_id: x.activities },
      { id: t.unused, name: 'Unfiled', description: 'A term of no taxonomy', term_uri: 'not a uri' },
    ])
    .execute();

  await db
    .insertInto('directory_organizations')
    .values([
      {
        id: o.greenShoots, name: 'Green Shoots Community Garden', description: 'Gardening for wellbeing', email: 'hello@greenshoots.example.org',
        website: 'https://greenshoots.example.org', legal_form: 'incorporated', dbs_policy: 'Enhanced checks for all volunteers',
        insurance_expires_on: '2027-01-31', quality_marks: ['Investing in Volunteers'],
      },
      { id: o.walkers, name: 'Riverside Walkers', description: 'Walks by the Aire', website: 'www.walkers.example.org', email: 'not an email' },
      { id: o.hidden, name: 'Hidden Helpers', description: 'Listed by nobody' },
    ])
    .execute();
  await db.insertInto('directory_organization_identifiers').values({ id: id(), organization_id: o.greenShoots, identifier_scheme: 'GB-CHC', identifier_type: 'Charity number', identifier: '1234567' }).execute();

  const service = (serviceId: string, organizationId: string, name: string, lastModified: string, extra: Record<string, unknown> = {}) => ({
    id: serviceId, organization_id: organizationId, name, status: 'active' as const, last_modified: lastModified, description: `${name} in Leeds`, ...extra,
  });
  await db
    .insertInto('directory_services')
    .values([
      service(s.walking, o.walkers, 'Tuesday Walking Group', '2026-03-01T09:30:00Z', {
        description: 'A gentle walk along the river every Tuesday, free and friendly.', url: 'https://walkers.example.org/tuesday',
        email: 'walks@walkers.example.org', minimum_age: 16, maximum_age: 99, assured_date: '2025-11-02', fees: 'Free',
        named_contact_name: 'Sue Private', named_contact_email: 'sue.private@example.org', named_contact_phone: '07700 900123',
        capacity_places: 12, waitlist_count: 3, verified_by_name: 'Jo Verifier', verified_at: '2026-02-01T10:00:00Z', referral_mode: 'signposting',
      }),
      service(s.allotment, o.greenShoots, 'Allotment Gardening', '2025-01-01T00:00:00Z'),
      service(s.art, o.greenShoots, 'Art Club', '2025-06-01T00:00:00Z'),
      service(s.befriending, o.walkers, 'Befriending Calls', '2025-02-01T00:00:00Z', { status: 'inactive' }),
      service(s.choir, o.greenShoots, 'Community Choir', '2025-03-01T00:00:00Z', { url: 'www.choir.example.org', assurer_email: 'nobody' }),
      service(s.secretWalk, o.hidden, 'Secret Walking Club', '2026-03-02T00:00:00Z'),
      service(s.privateYoga, o.greenShoots, 'Private Yoga', '2026-03-03T00:00:00Z'),
    ])
    .execute();

  await db
    .insertInto('directory_locations')
    .values({
      id: d.location, name: 'Kirkstall Abbey gates', location_type: 'physical', latitude: 53.8207, longitude: -1.6074, organization_id: o.walkers,
      external_identifier: '72729292', external_identifier_type: 'UPRN', transportation: 'Bus 33 to the abbey',
    })
    .execute();
  await db.insertInto('directory_addresses').values({ id: id(), location_id: d.location, address_1: 'Abbey Road', city: 'Leeds', postal_code: 'LS5 3EH', state_province: 'West Yorkshire' }).execute();
  await db.insertInto('directory_accessibility').values({ id: id(), location_id: d.location, description: 'Step-free paths', details: 'Gravel in places', url: 'https://walkers.example.org/access' }).execute();
  const sal = d.serviceAtLocations;
  await db
    .insertInto('directory_service_at_locations')
    .values([
      { id: sal.walking, service_id: s.walking, location_id: d.location, description: 'Meet at the gates' },
      { id: sal.choir, service_id: s.choir, location_id: d.location },
      { id: sal.secretWalk, service_id: s.secretWalk, location_id: d.location },
    ])
    .execute();

  await db
    .insertInto('directory_schedules')
    .values([
      { id: id(), service_id: s.walking, freq: 'WEEKLY', interval: 1, byday: 'TU', opens_at: '10:00', closes_at: '11:30', dtstart: '2025-01-07', description: 'Tuesdays at ten' },
      { id: id(), service_at_location_id: sal.walking, freq: 'WEEKLY', byday: 'TU', opens_at: '10:00', closes_at: '11:30', timezone: 0 },
    ])
    .execute();
  await db
    .insertInto('directory_cost_options')
    .values([
      { id: id(), service_id: s.walking, option: 'Everyone', amount: 0, currency: 'GBP', amount_description: 'Free' },
      { id: id(), service_id: s.allotment, option: 'Plot share', amount: '12.50', currency: 'GBP' },
    ])
    .execute();
  const contact = id();
  await db.insertInto('directory_contacts').values({ id: contact, service_id: s.walking, name: 'Walk leader', title: 'Volunteer lead', email: 'lead@walkers.example.org' }).execute();
  await db
    .insertInto('directory_phones')
    .values([
      { id: id(), contact_id: contact, number: '0113 496 0000', extension: 12 },
      { id: id(), service_id: s.walking, number: '0113 496 0001', type: 'voice' },
    ])
    .execute();
  await db.insertInto('directory_languages').values({ id: id(), service_id: s.walking, name: 'Polish', code: 'pl', note: 'One walk leader speaks Polish' }).execute();
  await db.insertInto('directory_service_areas').values({ id: id(), service_id: s.walking, name: 'Leeds', extent_type: 'postcode district', extent: 'LS4,LS5,LS6' }).execute();
  await db.insertInto('directory_fundings').values({ id: id(), service_id: s.walking, source: 'National Lottery' }).execute();
  await db.insertInto('directory_required_documents').values({ id: id(), service_id: s.walking, document: 'None' }).execute();
  await db
    .insertInto('directory_attributes')
    .values([
      { id: id(), link_id: s.walking, link_entity: 'service', link_type: 'category', taxonomy_term_id: t.walking },
      { id: id(), link_id: s.allotment, link_entity: 'service', link_type: 'category', taxonomy_term_id: t.gardening },
      { id: id(), link_id: s.secretWalk, link_entity: 'service', link_type: 'category', taxonomy_term_id: t.walking },
      { id: id(), link_id: d.location, link_entity: 'location', taxonomy_term_id: t.nordic },
    ])
    .execute();

  // What the search columns writer would store: a stemmed document of the service and its organisation.
  await sql`update directory_services s set search_document = to_tsvector('english', s.name || ' ' || coalesce(s.description, '') || ' ' || o.name)
    from directory_organizations o where o.id = s.organization_id`.execute(db);

  // Scheme A lists five services publicly; scheme B lists the walking group too (it must still
  // appear once) and keeps two to itself.
  await data.inScheme({ type: 'system', schemeId: schemes.a.schemeId, label: 'test' }, {}, (scope) =>
    scope.db
      .insertInto('directory_scheme_services')
      .values([
        ...[s.walking, s.allotment, s.art, s.befriending, s.choir].map((serviceId) => ({ scheme_id: schemes.a.schemeId, service_id: serviceId, public: true, note: 'Scheme A note: lovely group' })),
        { scheme_id: schemes.a.schemeId, service_id: s.privateYoga, public: false, note: 'Not for the public' },
      ])
      .execute(),
  );
  await data.inScheme({ type: 'system', schemeId: schemes.b.schemeId, label: 'test' }, {}, (scope) =>
    scope.db
      .insertInto('directory_scheme_services')
      .values([
        { scheme_id: schemes.b.schemeId, service_id: s.walking, public: true },
        { scheme_id: schemes.b.schemeId, service_id: s.secretWalk, public: false, preferred: true },
        { scheme_id: schemes.b.schemeId, service_id: s.privateYoga, public: false },
      ])
      .execute(),
  );
  return d;
}
