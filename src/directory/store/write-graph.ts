import type {
  AttributeGraph,
  ContactGraph,
  ContactRow,
  LocationGraph,
  OrganizationGraph,
  OrganizationRow,
  PhoneRow,
  ServiceAtLocationGraph,
  ServiceGraph,
  TaxonomyRow,
  TaxonomyTermRow,
} from '../model.js';
import {
  ACCESSIBILITY_DEFAULTS,
  ADDRESS_DEFAULTS,
  ATTRIBUTE_DEFAULTS,
  CONTACT_DEFAULTS,
  COST_OPTION_DEFAULTS,
  FUNDING_DEFAULTS,
  IDENTIFIER_DEFAULTS,
  LANGUAGE_DEFAULTS,
  LOCATION_DEFAULTS,
  ORGANIZATION_DEFAULTS,
  PHONE_DEFAULTS,
  PROGRAM_DEFAULTS,
  REQUIRED_DOCUMENT_DEFAULTS,
  SAL_DEFAULTS,
  SCHEDULE_DEFAULTS,
  SERVICE_AREA_DEFAULTS,
  SERVICE_DEFAULTS,
  TAXONOMY_DEFAULTS,
  TERM_DEFAULTS,
  canonicalRow,
  canonicalRows,
  complete,
  type AccessibilityInput,
  type AddressInput,
  type AttributeInput,
  type ContactInput,
  type CostOptionInput,
  type FundingInput,
  type IdentifierInput,
  type LanguageInput,
  type LocationInput,
  type OrganizationRowInput,
  type PhoneInput,
  type ProgramInput,
  type RequiredDocumentInput,
  type ScheduleInput,
  type ServiceAreaInput,
  type ServiceAtLocationInput,
  type ServiceRowInput,
} from './write-rows.js';

/**
 * What the writer is given, and how it becomes a complete graph. A collection left undefined
 * keeps what is stored; a collection given (even empty) replaces it. Foreign keys of child rows
 * are set from where the row sits in the graph, whatever the input said, so a row always
 * belongs to exactly the parent the reader will find it under.
 */

export interface LocationGraphInput {
  location: LocationInput;
  addresses?: AddressInput[];
  accessibility?: AccessibilityInput[];
  phones?: PhoneInput[];
  languages?: LanguageInput[];
  schedules?: ScheduleInput[];
  contacts?: ContactInput[];
  attributes?: AttributeInput[];
}

export interface ServiceAtLocationGraphInput {
  serviceAtLocation: ServiceAtLocationInput;
  location: LocationGraphInput;
  schedules?: ScheduleInput[];
  contacts?: ContactInput[];
  phones?: PhoneInput[];
  attributes?: AttributeInput[];
}

export interface OrganizationGraphInput {
  organization: OrganizationRowInput;
  identifiers?: IdentifierInput[];
  contacts?: ContactInput[];
  phones?: PhoneInput[];
  fundings?: FundingInput[];
  programs?: ProgramInput[];
  attributes?: AttributeInput[];
}

export interface ServiceGraphInput {
  service: ServiceRowInput;
  /** When present, upserted first in the same transaction (its own change record); when absent, service.organization_id must exist. */
  organization?: OrganizationGraphInput;
  /** When present, upserted and linked as the service's program; null unlinks it. */
  program?: ProgramInput | null;
  schedules?: ScheduleInput[];
  costOptions?: CostOptionInput[];
  contacts?: ContactInput[];
  phones?: PhoneInput[];
  languages?: LanguageInput[];
  serviceAreas?: ServiceAreaInput[];
  fundings?: FundingInput[];
  requiredDocuments?: RequiredDocumentInput[];
  serviceAtLocations?: ServiceAtLocationGraphInput[];
  attributes?: AttributeInput[];
}

/** Stored rows the input is completed from: locations and terms are shared, so an input naming one may leave fields out. */
export interface StoredShared {
  locations: Map<string, LocationGraph>;
  terms: Map<string, TaxonomyTermRow>;
  taxonomies: Map<string, TaxonomyRow>;
}

const CONTACT_PARENTS = { organization_id: null, service_id: null, location_id: null, service_at_location_id: null } as const;
const PHONE_PARENTS = { ...CONTACT_PARENTS, contact_id: null } as const;

function rowsOf<R extends { id: string }>(defaults: R, input: readonly object[] | undefined, stored: R[], parent: Partial<R>): R[] {
  if (input === undefined) return stored;
  return input.map((item) => ({ ...complete(defaults, undefined, item), ...parent }));
}

function contactsOf(input: ContactInput[] | undefined, stored: ContactGraph[], parent: Partial<ContactRow>): ContactGraph[] {
  if (input === undefined) return stored;
  return input.map((c) => {
    const contact: ContactRow = { ...complete(CONTACT_DEFAULTS, undefined, c.contact), ...CONTACT_PARENTS, ...parent };
    const phones = c.phones.map((p): PhoneRow => ({ ...complete(PHONE_DEFAULTS, undefined, p), ...PHONE_PARENTS, contact_id: contact.id }));
    return { contact, phones };
  });
}

function attributesOf(input: AttributeInput[] | undefined, stored: AttributeGraph[], linkId: string, linkEntity: string, shared: StoredShared): AttributeGraph[] {
  if (input === undefined) return stored;
  return input.map((a) => {
    const given = a.taxonomy === null ? null : complete(TAXONOMY_DEFAULTS, shared.taxonomies.get(a.taxonomy.id), a.taxonomy);
    const term = complete(TERM_DEFAULTS, shared.terms.get(a.term.id), a.term);
    if (given && term.taxonomy_id === null) term.taxonomy_id = given.id;
    const taxonomy = given && given.id === term.taxonomy_id ? given : term.taxonomy_id ? (shared.taxonomies.get(term.taxonomy_id) ?? null) : null;
    const attribute = { ...complete(ATTRIBUTE_DEFAULTS, undefined, a.attribute), link_id: linkId, taxonomy_term_id: term.id };
    if (attribute.link_entity === '') attribute.link_entity = linkEntity;
    return { attribute, term, taxonomy };
  });
}

export function locationGraphOf(input: LocationGraphInput, shared: StoredShared): LocationGraph {
  const stored = shared.locations.get(input.location.id);
  const location = complete(LOCATION_DEFAULTS, stored?.location, input.location);
  const id = location.id;
  return {
    location,
    addresses: rowsOf(ADDRESS_DEFAULTS, input.addresses, stored?.addresses ?? [], { location_id: id }),
    accessibility: rowsOf(ACCESSIBILITY_DEFAULTS, input.accessibility, stored?.accessibility ?? [], { location_id: id }),
    phones: rowsOf(PHONE_DEFAULTS, input.phones, stored?.phones ?? [], { ...PHONE_PARENTS, location_id: id }),
    languages: rowsOf(LANGUAGE_DEFAULTS, input.languages, stored?.languages ?? [], { service_id: null, phone_id: null, location_id: id }),
    schedules: rowsOf(SCHEDULE_DEFAULTS, input.schedules, stored?.schedules ?? [], { service_id: null, service_at_location_id: null, location_id: id }),
    contacts: contactsOf(input.contacts, stored?.contacts ?? [], { location_id: id }),
    attributes: attributesOf(input.attributes, stored?.attributes ?? [], id, 'location', shared),
  };
}

function salGraphOf(input: ServiceAtLocationGraphInput, stored: ServiceAtLocationGraph | undefined, serviceId: string, shared: StoredShared): ServiceAtLocationGraph {
  const location = locationGraphOf(input.location, shared);
  const serviceAtLocation = { ...complete(SAL_DEFAULTS, stored?.serviceAtLocation, input.serviceAtLocation), service_id: serviceId, location_id: location.location.id };
  const id = serviceAtLocation.id;
  return {
    serviceAtLocation,
    location,
    schedules: rowsOf(SCHEDULE_DEFAULTS, input.schedules, stored?.schedules ?? [], { service_id: null, location_id: null, service_at_location_id: id }),
    contacts: contactsOf(input.contacts, stored?.contacts ?? [], { service_at_location_id: id }),
    phones: rowsOf(PHONE_DEFAULTS, input.phones, stored?.phones ?? [], { ...PHONE_PARENTS, service_at_location_id: id }),
    attributes: attributesOf(input.attributes, stored?.attributes ?? [], id, 'service_at_location', shared),
  };
}

/** The complete graph the input asks for, given what is stored. */
export function serviceGraphOf(input: ServiceGraphInput, stored: ServiceGraph | undefined, organization: OrganizationRow, shared: StoredShared): ServiceGraph {
  const service = complete(SERVICE_DEFAULTS, stored?.service, input.service);
  const id = service.id;
  let program = stored?.program ?? null;
  if (input.program === null) {
    program = null;
    service.program_id = null;
  } else if (input.program !== undefined) {
    program = complete(PROGRAM_DEFAULTS, stored?.program?.id === input.program.id ? stored.program : undefined, input.program);
    if (program.organization_id === '') program.organization_id = service.organization_id;
    service.program_id = program.id;
  } else if (program && program.id !== service.program_id) {
    program = null;
  }
  const storedSals = new Map((stored?.serviceAtLocations ?? []).map((s) => [s.serviceAtLocation.id, s]));
  return {
    service,
    organization,
    program,
    schedules: rowsOf(SCHEDULE_DEFAULTS, input.schedules, stored?.schedules ?? [], { service_id: id, location_id: null, service_at_location_id: null }),
    costOptions: rowsOf(COST_OPTION_DEFAULTS, input.costOptions, stored?.costOptions ?? [], { service_id: id }),
    contacts: contactsOf(input.contacts, stored?.contacts ?? [], { service_id: id }),
    phones: rowsOf(PHONE_DEFAULTS, input.phones, stored?.phones ?? [], { ...PHONE_PARENTS, service_id: id }),
    languages: rowsOf(LANGUAGE_DEFAULTS, input.languages, stored?.languages ?? [], { location_id: null, phone_id: null, service_id: id }),
    serviceAreas: rowsOf(SERVICE_AREA_DEFAULTS, input.serviceAreas, stored?.serviceAreas ?? [], { service_id: id }),
    fundings: rowsOf(FUNDING_DEFAULTS, input.fundings, stored?.fundings ?? [], { organization_id: null, service_id: id }),
    requiredDocuments: rowsOf(REQUIRED_DOCUMENT_DEFAULTS, input.requiredDocuments, stored?.requiredDocuments ?? [], { service_id: id }),
    serviceAtLocations:
      input.serviceAtLocations === undefined
        ? (stored?.serviceAtLocations ?? [])
        : input.serviceAtLocations.map((s) => salGraphOf(s, storedSals.get(s.serviceAtLocation.id), id, shared)),
    attributes: attributesOf(input.attributes, stored?.attributes ?? [], id, 'service', shared),
  };
}

export function organizationGraphOf(input: OrganizationGraphInput, stored: OrganizationGraph | undefined, shared: StoredShared): OrganizationGraph {
  const organization = complete(ORGANIZATION_DEFAULTS, stored?.organization, input.organization);
  const id = organization.id;
  return {
    organization,
    identifiers: rowsOf(IDENTIFIER_DEFAULTS, input.identifiers, stored?.identifiers ?? [], { organization_id: id }),
    contacts: contactsOf(input.contacts, stored?.contacts ?? [], { organization_id: id }),
    phones: rowsOf(PHONE_DEFAULTS, input.phones, stored?.phones ?? [], { ...PHONE_PARENTS, organization_id: id }),
    fundings: rowsOf(FUNDING_DEFAULTS, input.fundings, stored?.fundings ?? [], { service_id: null, organization_id: id }),
    programs: rowsOf(PROGRAM_DEFAULTS, input.programs, stored?.programs ?? [], { organization_id: id }),
    attributes: attributesOf(input.attributes, stored?.attributes ?? [], id, 'organization', shared),
  };
}

// Comparable forms ---------------------------------------------------------------------------

const contactsKey = (contacts: ContactGraph[]): string =>
  `[${contacts.map((c) => `${canonicalRow(c.contact)}${canonicalRows(c.phones)}`).sort().join(',')}]`;
const attributesKey = (attributes: AttributeGraph[]): string =>
  `[${attributes.map((a) => `${canonicalRow(a.attribute)}${canonicalRow(a.term)}${a.taxonomy ? canonicalRow(a.taxonomy) : 'null'}`).sort().join(',')}]`;

export function locationKey(l: LocationGraph): string {
  return [
    canonicalRow(l.location), canonicalRows(l.addresses), canonicalRows(l.accessibility), canonicalRows(l.phones),
    canonicalRows(l.languages), canonicalRows(l.schedules), contactsKey(l.contacts), attributesKey(l.attributes),
  ].join('|');
}

const salKey = (s: ServiceAtLocationGraph): string =>
  [canonicalRow(s.serviceAtLocation), locationKey(s.location), canonicalRows(s.schedules), contactsKey(s.contacts), canonicalRows(s.phones), attributesKey(s.attributes)].join('|');

export type ServiceCollection =
  | 'program' | 'schedules' | 'costOptions' | 'contacts' | 'phones' | 'languages' | 'serviceAreas' | 'fundings'
  | 'requiredDocuments' | 'serviceAtLocations' | 'attributes';

/** Each collection of a service as one comparable string, with its size. */
export function serviceParts(g: ServiceGraph): Record<ServiceCollection, { key: string; count: number }> {
  return {
    program: { key: g.program ? canonicalRow(g.program) : 'null', count: g.program ? 1 : 0 },
    schedules: { key: canonicalRows(g.schedules), count: g.schedules.length },
    costOptions: { key: canonicalRows(g.costOptions), count: g.costOptions.length },
    contacts: { key: contactsKey(g.contacts), count: g.contacts.length },
    phones: { key: canonicalRows(g.phones), count: g.phones.length },
    languages: { key: canonicalRows(g.languages), count: g.languages.length },
    serviceAreas: { key: canonicalRows(g.serviceAreas), count: g.serviceAreas.length },
    fundings: { key: canonicalRows(g.fundings), count: g.fundings.length },
    requiredDocuments: { key: canonicalRows(g.requiredDocuments), count: g.requiredDocuments.length },
    serviceAtLocations: { key: `[${g.serviceAtLocations.map(salKey).sort().join(',')}]`, count: g.serviceAtLocations.length },
    attributes: { key: attributesKey(g.attributes), count: g.attributes.length },
  };
}

export type OrganizationCollection = 'identifiers' | 'contacts' | 'phones' | 'fundings' | 'programs' | 'attributes';

export function organizationParts(g: OrganizationGraph): Record<OrganizationCollection, { key: string; count: number }> {
  return {
    identifiers: { key: canonicalRows(g.identifiers), count: g.identifiers.length },
    contacts: { key: contactsKey(g.contacts), count: g.contacts.length },
    phones: { key: canonicalRows(g.phones), count: g.phones.length },
    fundings: { key: canonicalRows(g.fundings), count: g.fundings.length },
    programs: { key: canonicalRows(g.programs), count: g.programs.length },
    attributes: { key: attributesKey(g.attributes), count: g.attributes.length },
  };
}
