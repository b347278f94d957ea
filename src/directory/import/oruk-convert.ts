import type {
  AttributeInput,
  ContactInput,
  LocationGraphInput,
  OrganizationGraphInput,
  ServiceAtLocationGraphInput,
  ServiceGraphInput,
} from '../store/write.js';
import type {
  AccessibilityInput, AddressInput, CostOptionInput, FundingInput, IdentifierInput, LanguageInput, PhoneInput, ProgramInput,
  RequiredDocumentInput, ScheduleInput, ServiceAreaInput, ServiceAtLocationInput, TaxonomyInput, TaxonomyTermInput,
} from '../store/write-rows.js';
import { checkCoordinates, isUuid, readRow } from './fields.js';

/** The writer's input row for each nested table an ORUK record can hold. */
interface InputOf {
  schedule: ScheduleInput;
  cost_option: CostOptionInput;
  contact: ContactInput['contact'];
  phone: PhoneInput;
  language: LanguageInput;
  service_area: ServiceAreaInput;
  funding: FundingInput;
  required_document: RequiredDocumentInput;
  accessibility: AccessibilityInput;
  address: AddressInput;
  taxonomy: TaxonomyInput;
  taxonomy_term: TaxonomyTermInput;
  attribute: AttributeInput['attribute'];
  organization_identifier: IdentifierInput;
  program: ProgramInput;
  service_at_location: ServiceAtLocationInput;
}

/**
 * One ORUK v3 service record (HSDS 3.0 names, with its parts nested) → the writer's input.
 * Every field is either read into a column or kept in the nearest `extra` (the service's, the
 * location's or the organisation's; a nested row's leftovers under extra._nested keyed
 * "<collection>/<id>"), so that nothing a feed sent is lost.
 */

type Obj = Record<string, unknown>;

export type Converted = { ok: true; input: ServiceGraphInput; warnings: string[] } | { ok: false; id?: string; reason: string };

interface Owner {
  problems: string[];
  warnings: string[];
  nested: Obj;
}

function isObj(value: unknown): value is Obj {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function listOf(value: unknown, where: string, owner: Owner): Obj[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value)) {
    owner.problems.push(`${where} is not a list`);
    return [];
  }
  return value.flatMap((item: unknown, i) => {
    if (isObj(item)) return [item];
    owner.problems.push(`${where}[${i}] is not an object`);
    return [];
  });
}

/** Reads one nested row; its leftover fields go to the owner's extra._nested. */
function rowOf<K extends keyof InputOf>(table: K, source: Obj, where: string, owner: Owner, skip: readonly string[] = []): InputOf[K] {
  const { row, unknown } = readRow(table, source, where, owner.problems, skip);
  // Keyed by the collection's own name, not the path, so a location shared by services reads the same from each.
  const collection = (where.split('.').pop() ?? where).replace(/\[\d+\]$/, '');
  if (Object.keys(unknown).length > 0) owner.nested[`${collection}/${String(row.id)}`] = unknown;
  return row as InputOf[K];
}

function rowsOf<K extends keyof InputOf>(table: K, value: unknown, where: string, owner: Owner, skip: readonly string[] = []): InputOf[K][] {
  return listOf(value, where, owner).map((item, i) => rowOf(table, item, `${where}[${i}]`, owner, skip));
}

function contactsOf(value: unknown, where: string, owner: Owner): ContactInput[] {
  return listOf(value, where, owner).map((item, i) => ({
    contact: rowOf('contact', item, `${where}[${i}]`, owner, ['phones']),
    phones: rowsOf('phone', item.phones, `${where}[${i}].phones`, owner),
  }));
}

function attributesOf(value: unknown, where: string, owner: Owner): AttributeInput[] {
  return listOf(value, where, owner).flatMap((item, i): AttributeInput[] => {
    const at = `${where}[${i}]`;
    const attribute = rowOf('attribute', item, at, owner, ['taxonomy_term']);
    const termSource = isObj(item.taxonomy_term) ? item.taxonomy_term : null;
    if (!termSource) {
      if (!isUuid(item.taxonomy_term_id)) {
        owner.problems.push(`${at}: taxonomy_term is missing`);
        return [];
      }
      // The term is known only by id: the writer completes it from the stored term.
      return [{ attribute, term: { id: item.taxonomy_term_id.toLowerCase(), name: '' }, taxonomy: null }];
    }
    const detail = isObj(termSource.taxonomy_detail) ? termSource.taxonomy_detail : null;
    const term = rowOf('taxonomy_term', termSource, `${at}.taxonomy_term`, owner, ['taxonomy_detail']);
    const taxonomy = detail ? rowOf('taxonomy', detail, `${at}.taxonomy_term.taxonomy_detail`, owner) : null;
    return [{ attribute, term, taxonomy }];
  });
}

const LOCATION_PARTS = ['addresses', 'accessibility', 'phones', 'languages', 'schedules', 'contacts', 'attributes'];

function locationOf(source: Obj, where: string, problems: string[], warnings: string[]): LocationGraphInput {
  const owner: Owner = { problems, warnings, nested: {} };
  const { row, unknown } = readRow('location', source, where, problems, LOCATION_PARTS);
  checkCoordinates(row, unknown, where, warnings);
  const graph: LocationGraphInput = {
    location: row as LocationGraphInput['location'],
    addresses: rowsOf('address', source.addresses, `${where}.addresses`, owner),
    accessibility: rowsOf('accessibility', source.accessibility, `${where}.accessibility`, owner),
    phones: rowsOf('phone', source.phones, `${where}.phones`, owner),
    languages: rowsOf('language', source.languages, `${where}.languages`, owner),
    schedules: rowsOf('schedule', source.schedules, `${where}.schedules`, owner),
    contacts: contactsOf(source.contacts, `${where}.contacts`, owner),
    attributes: attributesOf(source.attributes, `${where}.attributes`, owner),
  };
  graph.location.extra = withNested(unknown, owner.nested);
  return graph;
}

function salsOf(value: unknown, owner: Owner): ServiceAtLocationGraphInput[] {
  return listOf(value, 'service_at_locations', owner).flatMap((item, i): ServiceAtLocationGraphInput[] => {
    const where = `service_at_locations[${i}]`;
    const sal = rowOf('service_at_location', item, where, owner, ['location', 'schedules', 'contacts', 'phones', 'attributes']);
    let location: LocationGraphInput;
    if (isObj(item.location)) location = locationOf(item.location, `${where}.location`, owner.problems, owner.warnings);
    else if (isUuid(item.location_id)) location = { location: { id: item.location_id.toLowerCase() } };
    else {
      owner.problems.push(`${where}: location is missing`);
      return [];
    }
    return [
      {
        serviceAtLocation: sal,
        location,
        schedules: rowsOf('schedule', item.schedules, `${where}.schedules`, owner),
        contacts: contactsOf(item.contacts, `${where}.contacts`, owner),
        phones: rowsOf('phone', item.phones, `${where}.phones`, owner),
        attributes: attributesOf(item.attributes, `${where}.attributes`, owner),
      },
    ];
  });
}

/**
 * The organisation a service record carries is a summary: fields it leaves out keep their
 * stored value, so services that each carry a different subset agree with one another.
 */
function organizationOf(source: Obj, problems: string[], warnings: string[]): OrganizationGraphInput {
  const owner: Owner = { problems, warnings, nested: {} };
  const { row, unknown } = readRow('organization', source, 'organization', problems, ['organization_identifiers'], { leaveOutAbsent: true });
  const organization = row as OrganizationGraphInput['organization'];
  const identifiers = 'organization_identifiers' in source
    ? rowsOf('organization_identifier', source.organization_identifiers, 'organization.organization_identifiers', owner)
    : undefined;
  const extra = withNested(unknown, owner.nested);
  if (Object.keys(extra).length > 0) organization.extra = extra;
  return { organization, ...(identifiers ? { identifiers } : {}) };
}

function withNested(unknown: Obj, nested: Obj): Obj {
  return Object.keys(nested).length > 0 ? { ...unknown, _nested: nested } : unknown;
}

/** Where services that name no organisation are listed. */
export const UNSTATED_ORGANIZATION = {
  id: '0a0a0a0a-0000-4000-8000-00000000000f',
  name: 'Organisation not stated',
  description: 'Services imported without an organisation are listed here until someone records who provides them.',
} as const;

const SERVICE_PARTS = [
  'organization', 'program', 'schedules', 'service_areas', 'service_at_locations', 'languages', 'funding', 'cost_options', 'contacts',
  'phones', 'required_documents', 'attributes',
];

/** Whether a list item carries its parts, or only the service's own fields (then the detail is fetched). */
export function hasDetail(record: unknown): boolean {
  return isObj(record) && SERVICE_PARTS.some((k) => k !== 'organization' && k in record);
}

export function orukServiceToInput(record: unknown): Converted {
  if (!isObj(record)) return { ok: false, reason: 'the record is not a JSON object' };
  const id = isUuid(record.id) ? record.id.toLowerCase() : undefined;
  const problems: string[] = [];
  const warnings: string[] = [];
  const owner: Owner = { problems, warnings, nested: {} };
  const { row, unknown } = readRow('service', record, 'service', problems, SERVICE_PARTS);

  let organization: OrganizationGraphInput | undefined;
  if (isObj(record.organization)) {
    organization = organizationOf(record.organization, problems, warnings);
    if (row.organization_id === null) row.organization_id = organization.organization.id;
    else if (row.organization_id !== organization.organization.id) problems.push('service: organization_id is not the id of the nested organization');
  } else if (row.organization_id === null) {
    // Real feeds do leave the provider out (a quarter of the ORUK Test list does). Rather than
    // lose the service, it is listed under one placeholder until someone sets its organisation.
    organization = { organization: { ...UNSTATED_ORGANIZATION } };
    row.organization_id = UNSTATED_ORGANIZATION.id;
    warnings.push('no organization given; listed under "Organisation not stated"');
  }
  const program = isObj(record.program) ? rowOf('program', record.program, 'program', owner) : undefined;

  const input: ServiceGraphInput = {
    service: row as ServiceGraphInput['service'],
    ...(organization ? { organization } : {}),
    ...(program ? { program } : {}),
    schedules: rowsOf('schedule', record.schedules, 'schedules', owner),
    serviceAreas: rowsOf('service_area', record.service_areas, 'service_areas', owner),
    serviceAtLocations: salsOf(record.service_at_locations, owner),
    languages: rowsOf('language', record.languages, 'languages', owner),
    fundings: rowsOf('funding', record.funding, 'funding', owner),
    costOptions: rowsOf('cost_option', record.cost_options, 'cost_options', owner),
    contacts: contactsOf(record.contacts, 'contacts', owner),
    phones: rowsOf('phone', record.phones, 'phones', owner),
    requiredDocuments: rowsOf('required_document', record.required_documents, 'required_documents', owner),
    attributes: attributesOf(record.attributes, 'attributes', owner),
  };
  if (problems.length > 0) return { ok: false, ...(id ? { id } : {}), reason: problems.slice(0, 5).join('; ') };
  input.service.extra = withNested(unknown, owner.nested);
  return { ok: true, input, warnings };
}
