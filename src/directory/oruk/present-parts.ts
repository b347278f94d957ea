/**
 * Presenters for the parts that hang off services, locations and organisations, in HSDS 3.0
 * field names. Each names the fields it sends: a column added to a table later reaches the API
 * only when someone adds it here. Linkwell's own fields (named contact, capacity, governance,
 * verification, scheme notes, `extra`) are never among them.
 */
import type {
  AccessibilityRow,
  AddressRow,
  AttributeGraph,
  ContactGraph,
  CostOptionRow,
  FundingRow,
  LanguageRow,
  LocationGraph,
  LocationRow,
  OrganizationGraph,
  OrganizationRow,
  PhoneRow,
  RequiredDocumentRow,
  ScheduleRow,
  ServiceAreaRow,
  TaxonomyRow,
  TaxonomyTermRow,
} from '../model.js';
import { email, numberOf, present, text, timeOfDay, uri, type OrukObject } from './fields.js';

export function taxonomyTerm(term: TaxonomyTermRow): OrukObject {
  return present({
    id: term.id,
    code: text(term.code),
    name: term.name,
    description: term.description,
    parent_id: term.parent_id,
    taxonomy: text(term.taxonomy),
    taxonomy_id: term.taxonomy_id,
    language: text(term.language),
    term_uri: uri(term.term_uri),
  });
}

export function taxonomy(row: TaxonomyRow, terms?: readonly TaxonomyTermRow[]): OrukObject {
  return present({
    id: row.id,
    name: row.name,
    description: row.description,
    uri: uri(row.uri),
    version: text(row.version),
    taxonomy_terms: terms?.map(taxonomyTerm),
  });
}

export function attribute(graph: AttributeGraph): OrukObject {
  const { attribute: row, term } = graph;
  return present({
    id: row.id,
    link_id: row.link_id,
    taxonomy_term_id: row.taxonomy_term_id,
    link_type: text(row.link_type),
    link_entity: row.link_entity,
    value: text(row.value),
    taxonomy_term: taxonomyTerm(term),
  });
}

export function phone(row: PhoneRow): OrukObject {
  return present({
    id: row.id,
    location_id: row.location_id,
    service_id: row.service_id,
    organization_id: row.organization_id,
    contact_id: row.contact_id,
    service_at_location_id: row.service_at_location_id,
    number: row.number,
    extension: numberOf(row.extension),
    type: text(row.type),
    description: text(row.description),
  });
}

export function contact(graph: ContactGraph): OrukObject {
  const row = graph.contact;
  return present({
    id: row.id,
    organization_id: row.organization_id,
    service_id: row.service_id,
    service_at_location_id: row.service_at_location_id,
    location_id: row.location_id,
    name: text(row.name),
    title: text(row.title),
    department: text(row.department),
    email: email(row.email),
    phones: graph.phones.map(phone),
  });
}

export function language(row: LanguageRow): OrukObject {
  return present({
    id: row.id,
    service_id: row.service_id,
    location_id: row.location_id,
    phone_id: row.phone_id,
    name: text(row.name),
    code: text(row.code),
    note: text(row.note),
  });
}

export function schedule(row: ScheduleRow): OrukObject {
  return present({
    id: row.id,
    service_id: row.service_id,
    location_id: row.location_id,
    service_at_location_id: row.service_at_location_id,
    valid_from: row.valid_from,
    valid_to: row.valid_to,
    dtstart: row.dtstart,
    timezone: numberOf(row.timezone),
    until: row.until,
    count: row.count,
    wkst: text(row.wkst),
    freq: row.freq,
    interval: row.interval,
    byday: text(row.byday),
    byweekno: text(row.byweekno),
    bymonthday: text(row.bymonthday),
    byyearday: text(row.byyearday),
    description: text(row.description),
    opens_at: timeOfDay(row.opens_at),
    closes_at: timeOfDay(row.closes_at),
    schedule_link: uri(row.schedule_link),
    attending_type: text(row.attending_type),
    notes: text(row.notes),
  });
}

export function costOption(row: CostOptionRow): OrukObject {
  return present({
    id: row.id,
    service_id: row.service_id,
    valid_from: row.valid_from,
    valid_to: row.valid_to,
    option: text(row.option),
    currency: text(row.currency),
    amount: numberOf(row.amount),
    amount_description: text(row.amount_description),
  });
}

export function serviceArea(row: ServiceAreaRow): OrukObject {
  return present({
    id: row.id,
    service_id: row.service_id,
    name: text(row.name),
    description: text(row.description),
    extent: text(row.extent),
    extent_type: text(row.extent_type),
    uri: uri(row.uri),
  });
}

export function funding(row: FundingRow): OrukObject {
  return present({ id: row.id, organization_id: row.organization_id, service_id: row.service_id, source: text(row.source) });
}

export function requiredDocument(row: RequiredDocumentRow): OrukObject {
  return present({ id: row.id, service_id: row.service_id, document: text(row.document), uri: uri(row.uri) });
}

export function address(row: AddressRow): OrukObject {
  return present({
    id: row.id,
    location_id: row.location_id,
    attention: text(row.attention),
    address_1: row.address_1,
    address_2: text(row.address_2),
    city: row.city,
    region: text(row.region),
    state_province: row.state_province,
    postal_code: row.postal_code,
    country: row.country,
    address_type: row.address_type,
  });
}

export function accessibility(row: AccessibilityRow): OrukObject {
  return present({
    id: row.id,
    location_id: row.location_id,
    description: text(row.description),
    details: text(row.details),
    url: uri(row.url),
  });
}

/** A location's own fields, as list answers carry it. */
export function locationSummary(row: LocationRow): OrukObject {
  return present({
    id: row.id,
    location_type: row.location_type,
    url: uri(row.url),
    organization_id: row.organization_id,
    name: text(row.name),
    alternate_name: text(row.alternate_name),
    description: text(row.description),
    transportation: text(row.transportation),
    latitude: row.latitude,
    longitude: row.longitude,
    external_identifier: text(row.external_identifier),
    external_identifier_type: text(row.external_identifier_type),
  });
}

export function locationFull(graph: LocationGraph): OrukObject {
  return {
    ...locationSummary(graph.location),
    addresses: graph.addresses.map(address),
    accessibility: graph.accessibility.map(accessibility),
    phones: graph.phones.map(phone),
    languages: graph.languages.map(language),
    schedules: graph.schedules.map(schedule),
    contacts: graph.contacts.map(contact),
    attributes: graph.attributes.map(attribute),
  };
}

/** An organisation's own fields, as list answers and a service's `organization` carry it. */
export function organizationSummary(row: OrganizationRow): OrukObject {
  return present({
    id: row.id,
    name: row.name,
    alternate_name: text(row.alternate_name),
    description: row.description,
    email: email(row.email),
    website: uri(row.website),
    tax_status: text(row.tax_status),
    tax_id: text(row.tax_id),
    year_incorporated: row.year_incorporated,
    legal_status: text(row.legal_status),
    logo: text(row.logo),
    uri: uri(row.uri),
    parent_organization_id: row.parent_organization_id,
  });
}

/** An organisation with what hangs off it (not its services: the caller adds those). */
export function organizationDetail(graph: OrganizationGraph): OrukObject {
  return {
    ...organizationSummary(graph.organization),
    organization_identifiers: graph.identifiers.map((row) =>
      present({
        id: row.id,
        organization_id: row.organization_id,
        identifier_scheme: text(row.identifier_scheme),
        identifier_type: row.identifier_type,
        identifier: row.identifier,
      }),
    ),
    contacts: graph.contacts.map(contact),
    phones: graph.phones.map(phone),
    funding: graph.fundings.map(funding),
    attributes: graph.attributes.map(attribute),
  };
}
