import type {
  AccessibilityRow,
  AddressRow,
  AttributeRow,
  ContactRow,
  CostOptionRow,
  FundingRow,
  LanguageRow,
  LocationRow,
  OrganizationIdentifierRow,
  OrganizationRow,
  PhoneRow,
  ProgramRow,
  RequiredDocumentRow,
  ScheduleRow,
  ServiceAreaRow,
  ServiceAtLocationRow,
  ServiceRow,
  TaxonomyRow,
  TaxonomyTermRow,
} from '../model.js';

/**
 * The writer's input rows and the defaults that complete them. A row's defaults object is also
 * its column list: only the keys named here are ever written, so a stray property on an input
 * object cannot reach SQL. Values are normalised the same way on both sides of the "has anything
 * changed?" comparison, so a numeric column read back as '35' equals the 35 an importer sent.
 */

/** Some keys required, every other column optional. */
export type Loose<T, K extends keyof T> = Pick<T, K> & Partial<Omit<T, K>>;

export type ScheduleInput = Loose<ScheduleRow, 'id'>;
export type CostOptionInput = Loose<CostOptionRow, 'id'>;
export type PhoneInput = Loose<PhoneRow, 'id' | 'number'>;
export type LanguageInput = Loose<LanguageRow, 'id'>;
export type ServiceAreaInput = Loose<ServiceAreaRow, 'id'>;
export type FundingInput = Loose<FundingRow, 'id'>;
export type RequiredDocumentInput = Loose<RequiredDocumentRow, 'id'>;
export type AccessibilityInput = Loose<AccessibilityRow, 'id'>;
export type AddressInput = Loose<AddressRow, 'id' | 'address_1' | 'city' | 'postal_code'>;
export type TaxonomyInput = Loose<TaxonomyRow, 'id' | 'name'>;
export type TaxonomyTermInput = Loose<TaxonomyTermRow, 'id' | 'name'>;
export type IdentifierInput = Loose<OrganizationIdentifierRow, 'id' | 'identifier_type' | 'identifier'>;
export type ProgramInput = Loose<ProgramRow, 'id' | 'name'>;
export type ServiceAtLocationInput = Loose<ServiceAtLocationRow, 'id'>;
export type LocationInput = Loose<LocationRow, 'id'>;
/** Bookkeeping (version, times, verification, source, extra) and Linkwell's own fields are optional: left out, they keep their stored value. */
export type ServiceRowInput = Loose<ServiceRow, 'id' | 'organization_id' | 'name' | 'status'>;
export type OrganizationRowInput = Loose<OrganizationRow, 'id' | 'name'>;

export interface ContactInput {
  contact: Loose<ContactRow, 'id'>;
  phones: PhoneInput[];
}

export interface AttributeInput {
  attribute: Loose<AttributeRow, 'id'>;
  term: TaxonomyTermInput;
  taxonomy: TaxonomyInput | null;
}

const NO_PARENT = { organization_id: null, service_id: null, location_id: null, service_at_location_id: null } as const;

export const SCHEDULE_DEFAULTS: ScheduleRow = {
  id: '', service_id: null, location_id: null, service_at_location_id: null, valid_from: null, valid_to: null, dtstart: null, timezone: null, until: null, count: null, wkst: null,
  freq: null, interval: null, byday: null, byweekno: null, bymonthday: null, byyearday: null, description: null,
  opens_at: null, closes_at: null, schedule_link: null, attending_type: null, notes: null,
};

export const COST_OPTION_DEFAULTS: CostOptionRow = {
  id: '', service_id: '', valid_from: null, valid_to: null, option: null, currency: null, amount: null, amount_description: null,
};
export const CONTACT_DEFAULTS: ContactRow = { id: '', ...NO_PARENT, name: null, title: null, department: null, email: null };
export const PHONE_DEFAULTS: PhoneRow = {
  id: '', ...NO_PARENT, contact_id: null, number: '', extension: null, type: null, description: null,
};
export const LANGUAGE_DEFAULTS: LanguageRow = { id: '', service_id: null, location_id: null, phone_id: null, name: null, code: null, note: null };
export const SERVICE_AREA_DEFAULTS: ServiceAreaRow = {
  id: '', service_id: '', name: null, description: null, extent: null, extent_type: null, uri: null,
};
export const FUNDING_DEFAULTS: FundingRow = { id: '', organization_id: null, service_id: null, source: null };
export const REQUIRED_DOCUMENT_DEFAULTS: RequiredDocumentRow = { id: '', service_id: '', document: null, uri: null };
export const ACCESSIBILITY_DEFAULTS: AccessibilityRow = { id: '', location_id: '', description: null, details: null, url: null };
export const ADDRESS_DEFAULTS: AddressRow = {
  id: '', location_id: '', attention: null, address_1: '', address_2: null, city: '', region: null, state_province: '',
  postal_code: '', country: 'GB', address_type: 'physical',
};
export const TAXONOMY_DEFAULTS: TaxonomyRow = { id: '', name: '', description: '', uri: null, version: null };
export const TERM_DEFAULTS: TaxonomyTermRow = {
  id: '', code: null, name: '', description: '', parent_id: null, taxonomy: null, language: null, taxonomy_id: null, term_uri: null,
};
export const ATTRIBUTE_DEFAULTS: AttributeRow = { id: '', link_id: '', taxonomy_term_id: '', link_type: null, link_entity: '', value: null };
export const IDENTIFIER_DEFAULTS: OrganizationIdentifierRow = {
  id: '', organization_id: '', identifier_scheme: null, identifier_type: '', identifier: '',
};
export const PROGRAM_DEFAULTS: ProgramRow = { id: '', organization_id: '', name: '', alternate_name: null, description: '' };
export const SAL_DEFAULTS: ServiceAtLocationRow = { id: '', service_id: '', location_id: '', description: null };
export const LOCATION_DEFAULTS: LocationRow = {
  id: '', location_type: 'physical', url: null, organization_id: null, name: null, alternate_name: null, description: null,
  transportation: null, latitude: null, longitude: null, external_identifier: null, external_identifier_type: null, extra: {},
};

const EPOCH = new Date(0);
export const SERVICE_DEFAULTS: ServiceRow = {
  id: '', organization_id: '', program_id: null, name: '', alternate_name: null, description: null, url: null, email: null,
  status: 'active', interpretation_services: null, application_process: null, fees_description: null, wait_time: null,
  fees: null, accreditations: null, eligibility_description: null, minimum_age: null, maximum_age: null, assured_date: null,
  assurer_email: null, licenses: null, alert: null, last_modified: EPOCH, referral_mode: 'referrals', named_contact_name: null,
  named_contact_role: null, named_contact_email: null, named_contact_phone: null, capacity_places: null, waitlist_count: null,
  not_taking_until: null, verified_at: null, verified_by: null, verified_by_name: null, source: 'linkwell', extra: {},
  version: 1, created_at: EPOCH, updated_at: EPOCH,
};
export const ORGANIZATION_DEFAULTS: OrganizationRow = {
  id: '', name: '', alternate_name: null, description: '', email: null, website: null, tax_status: null, tax_id: null,
  year_incorporated: null, legal_status: null, logo: null, uri: null, parent_organization_id: null, legal_form: null,
  safeguarding_policy_reviewed_on: null, insurance_expires_on: null, dbs_policy: null, quality_marks: [], source: 'linkwell',
  extra: {}, version: 1, created_at: EPOCH, updated_at: EPOCH,
};

/** Columns the writer keeps itself: never compared, never taken from input. */
export const BOOKKEEPING = new Set(['version', 'created_at', 'updated_at', 'last_modified']);

/**
 * A complete row: the input's values over the stored row (or the defaults, for a new one).
 * Only the columns of `defaults` are taken. An input value of undefined keeps the stored
 * value; so does null for a column that cannot be null (its default is not null).
 */
export function complete<T extends object>(defaults: T, stored: T | undefined, input: object): T {
  const out: Record<string, unknown> = {};
  const given = input as Record<string, unknown>;
  const base = (stored ?? defaults) as Record<string, unknown>;
  for (const [key, fallback] of Object.entries(defaults)) {
    const next = given[key];
    out[key] = next === undefined || (next === null && fallback !== null) ? base[key] : next;
  }
  return out as T;
}

const NUMERIC = new Set(['minimum_age', 'maximum_age', 'timezone', 'amount', 'extension']);
const TIME = new Set(['opens_at', 'closes_at']);
const DATE = new Set([
  'valid_from', 'valid_to', 'dtstart', 'until', 'assured_date', 'not_taking_until', 'safeguarding_policy_reviewed_on', 'insurance_expires_on',
]);

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  return JSON.stringify(value ?? null);
}

/** One column's value in the form both sides of a comparison share. */
export function canonicalValue(column: string, value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (NUMERIC.has(column)) {
    const n = typeof value === 'number' || typeof value === 'string' ? Number(value) : NaN;
    return Number.isFinite(n) ? n : stableJson(value);
  }
  if (TIME.has(column) && typeof value === 'string') {
    const m = /^(\d{1,2}):(\d{2})(?::(\d{2}))?/.exec(value);
    return m ? `${(m[1] ?? '').padStart(2, '0')}:${m[2] ?? '00'}:${m[3] ?? '00'}` : value;
  }
  if (DATE.has(column)) {
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    if (typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value)) return value.slice(0, 10);
  }
  if (value instanceof Date) return value.toISOString();
  if (typeof value === 'object') return stableJson(value);
  return value;
}

/** A row as a comparable string, leaving out the writer's bookkeeping. */
export function canonicalRow(row: object): string {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (BOOKKEEPING.has(key)) continue;
    out[key] = canonicalValue(key, value);
  }
  return stableJson(out);
}

/** A collection as a comparable string: order does not matter, content does. */
export function canonicalRows(rows: readonly object[]): string {
  return `[${rows.map(canonicalRow).sort().join(',')}]`;
}

/** The value to hand to SQL for a column. */
export function sqlValue(column: string, value: unknown): unknown {
  if (value === undefined) return null;
  if (column === 'extra') return JSON.stringify(value ?? {});
  return value;
}
