import type { ColumnType, Generated } from 'kysely';
import type { Defaulted, Json, Nullable, Timestamp } from './schema-columns.js';

// Directory (platform tables; HSDS 3.0 names) -----------------------------------------------------

type Numeric = ColumnType<string | null, number | string | null | undefined, number | string | null>;
type TextArray = ColumnType<string[], string[] | undefined, string[]>;
export type DirectorySource = 'linkwell' | 'oruk' | 'hsds';
export type HsdsServiceStatus = 'active' | 'inactive' | 'defunct' | 'temporarily closed';

export interface DirectoryOrganizationsTable {
  id: string;
  name: string;
  alternate_name: Nullable<string>;
  description: Defaulted<string>;
  email: Nullable<string>;
  website: Nullable<string>;
  tax_status: Nullable<string>;
  tax_id: Nullable<string>;
  year_incorporated: Nullable<number>;
  legal_status: Nullable<string>;
  logo: Nullable<string>;
  uri: Nullable<string>;
  parent_organization_id: Nullable<string>;
  legal_form: Nullable<'incorporated' | 'unincorporated'>;
  safeguarding_policy_reviewed_on: Nullable<string>;
  insurance_expires_on: Nullable<string>;
  dbs_policy: Nullable<string>;
  quality_marks: TextArray;
  source: Defaulted<DirectorySource>;
  extra: Json;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DirectoryOrganizationIdentifiersTable {
  id: string;
  organization_id: string;
  identifier_scheme: Nullable<string>;
  identifier_type: string;
  identifier: string;
}

export interface DirectoryProgramsTable {
  id: string;
  organization_id: string;
  name: string;
  alternate_name: Nullable<string>;
  description: Defaulted<string>;
}

export interface DirectoryServicesTable {
  id: string;
  organization_id: string;
  program_id: Nullable<string>;
  name: string;
  alternate_name: Nullable<string>;
  description: Nullable<string>;
  url: Nullable<string>;
  email: Nullable<string>;
  status: HsdsServiceStatus;
  interpretation_services: Nullable<string>;
  application_process: Nullable<string>;
  fees_description: Nullable<string>;
  wait_time: Nullable<string>;
  fees: Nullable<string>;
  accreditations: Nullable<string>;
  eligibility_description: Nullable<string>;
  minimum_age: Numeric;
  maximum_age: Numeric;
  assured_date: Nullable<string>;
  assurer_email: Nullable<string>;
  licenses: Nullable<string>;
  alert: Nullable<string>;
  last_modified: Timestamp;
  referral_mode: Defaulted<'referrals' | 'signposting'>;
  named_contact_name: Nullable<string>;
  named_contact_role: Nullable<string>;
  named_contact_email: Nullable<string>;
  named_contact_phone: Nullable<string>;
  capacity_places: Nullable<number>;
  waitlist_count: Nullable<number>;
  not_taking_until: Nullable<string>;
  verified_at: Nullable<Date>;
  verified_by: Nullable<string>;
  verified_by_name: Nullable<string>;
  source: Defaulted<DirectorySource>;
  extra: Json;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** tsvector, written with to_tsvector() in SQL; read back as text if ever selected. */
  search_document: ColumnType<string, never, never>;
  term_ids: TextArray;
  language_codes: TextArray;
  accessibility_features: TextArray;
  free: Defaulted<boolean>;
  open_hours: ColumnType<number[], number[] | undefined, number[]>;
  latitude: Nullable<number>;
  longitude: Nullable<number>;
}

export interface DirectoryLocationsTable {
  id: string;
  location_type: Defaulted<'physical' | 'postal' | 'virtual'>;
  url: Nullable<string>;
  organization_id: Nullable<string>;
  name: Nullable<string>;
  alternate_name: Nullable<string>;
  description: Nullable<string>;
  transportation: Nullable<string>;
  latitude: Nullable<number>;
  longitude: Nullable<number>;
  external_identifier: Nullable<string>;
  external_identifier_type: Nullable<string>;
  extra: Json;
}

export interface DirectoryAddressesTable {
  id: string;
  location_id: string;
  attention: Nullable<string>;
  address_1: string;
  address_2: Nullable<string>;
  city: string;
  region: Nullable<string>;
  state_province: Defaulted<string>;
  postal_code: string;
  country: Defaulted<string>;
  address_type: Defaulted<'physical' | 'postal' | 'virtual'>;
}

export interface DirectoryServiceAtLocationsTable {
  id: string;
  service_id: string;
  location_id: string;
  description: Nullable<string>;
}

export interface DirectorySchedulesTable {
  id: string;
  service_id: Nullable<string>;
  location_id: Nullable<string>;
  service_at_location_id: Nullable<string>;
  valid_from: Nullable<string>;
  valid_to: Nullable<string>;
  dtstart: Nullable<string>;
  timezone: Numeric;
  until: Nullable<string>;
  count: Nullable<number>;
  wkst: Nullable<string>;
  freq: Nullable<'WEEKLY' | 'MONTHLY'>;
  interval: Nullable<number>;
  byday: Nullable<string>;
  byweekno: Nullable<string>;
  bymonthday: Nullable<string>;
  byyearday: Nullable<string>;
  description: Nullable<string>;
  /** 'HH:MM:SS' */
  opens_at: Nullable<string>;
  closes_at: Nullable<string>;
  schedule_link: Nullable<string>;
  attending_type: Nullable<string>;
  notes: Nullable<string>;
}

export interface DirectoryCostOptionsTable {
  id: string;
  service_id: string;
  valid_from: Nullable<string>;
  valid_to: Nullable<string>;
  option: Nullable<string>;
  currency: Nullable<string>;
  amount: Numeric;
  amount_description: Nullable<string>;
}

export interface DirectoryContactsTable {
  id: string;
  organization_id: Nullable<string>;
  service_id: Nullable<string>;
  service_at_location_id: Nullable<string>;
  location_id: Nullable<string>;
  name: Nullable<string>;
  title: Nullable<string>;
  department: Nullable<string>;
  email: Nullable<string>;
}

export interface DirectoryPhonesTable {
  id: string;
  location_id: Nullable<string>;
  service_id: Nullable<string>;
  organization_id: Nullable<string>;
  contact_id: Nullable<string>;
  service_at_location_id: Nullable<string>;
  number: string;
  extension: Numeric;
  type: Nullable<string>;
  description: Nullable<string>;
}

export interface DirectoryAccessibilityTable {
  id: string;
  location_id: string;
  description: Nullable<string>;
  details: Nullable<string>;
  url: Nullable<string>;
}

export interface DirectoryLanguagesTable {
  id: string;
  service_id: Nullable<string>;
  location_id: Nullable<string>;
  phone_id: Nullable<string>;
  name: Nullable<string>;
  code: Nullable<string>;
  note: Nullable<string>;
}

export interface DirectoryServiceAreasTable {
  id: string;
  service_id: string;
  name: Nullable<string>;
  description: Nullable<string>;
  extent: Nullable<string>;
  extent_type: Nullable<string>;
  uri: Nullable<string>;
}

export interface DirectoryFundingsTable {
  id: string;
  organization_id: Nullable<string>;
  service_id: Nullable<string>;
  source: Nullable<string>;
}

export interface DirectoryRequiredDocumentsTable {
  id: string;
  service_id: string;
  document: Nullable<string>;
  uri: Nullable<string>;
}

export interface DirectoryTaxonomiesTable {
  id: string;
  name: string;
  description: Defaulted<string>;
  uri: Nullable<string>;
  version: Nullable<string>;
}

export interface DirectoryTaxonomyTermsTable {
  id: string;
  code: Nullable<string>;
  name: string;
  description: Defaulted<string>;
  parent_id: Nullable<string>;
  taxonomy: Nullable<string>;
  language: Nullable<string>;
  taxonomy_id: Nullable<string>;
  term_uri: Nullable<string>;
}

export interface DirectoryAttributesTable {
  id: string;
  link_id: string;
  taxonomy_term_id: string;
  link_type: Nullable<string>;
  link_entity: string;
  value: Nullable<string>;
}

export interface DirectoryWordsTable {
  word: string;
}

export interface DirectoryChangesTable {
  id: Generated<string>;
  entity_type: 'organization' | 'service';
  entity_id: string;
  version: number;
  kind: 'create' | 'update' | 'verify' | 'status' | 'import';
  changed_by: Nullable<string>;
  changed_by_label: string;
  changes: Json;
  note: Nullable<string>;
  changed_at: Timestamp;
}

export interface PostcodesTable {
  postcode: string;
  latitude: number;
  longitude: number;
  lsoa_code: Nullable<string>;
  terminated: Defaulted<boolean>;
}

export interface DirectoryImportsTable {
  id: string;
  format: 'oruk' | 'hsds' | 'onspd';
  source: string;
  status: 'running' | 'finished' | 'failed';
  started_by_label: string;
  read_count: Defaulted<number>;
  created_count: Defaulted<number>;
  updated_count: Defaulted<number>;
  unchanged_count: Defaulted<number>;
  rejected: ColumnType<unknown[], string | undefined, string>;
  /** Things imported with a caveat, as sentences (the first few hundred). */
  warnings: ColumnType<string[], string | undefined, string>;
  /** An uploaded ORUK document, until its import job has read it. */
  document: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  error: Nullable<string>;
  started_at: Timestamp;
  finished_at: Nullable<Date>;
}

export interface DirectorySettingsTable {
  scheme_id: string;
  stale_after_days: Defaulted<number>;
  need_terms: Json;
  area_description: Nullable<string>;
  area_latitude: Nullable<number>;
  area_longitude: Nullable<number>;
  area_radius_km: Nullable<number>;
  contact_email: Nullable<string>;
  contact_phone: Nullable<string>;
  updated_at: Timestamp;
}

export interface DirectorySchemeServicesTable {
  scheme_id: string;
  service_id: string;
  note: Nullable<string>;
  preferred: Defaulted<boolean>;
  public: Defaulted<boolean>;
  updated_by: Nullable<string>;
  updated_at: Timestamp;
}

/** The directory's tables, as they join the database's DB type. */
export interface DirectoryTables {
  directory_organizations: DirectoryOrganizationsTable;
  directory_organization_identifiers: DirectoryOrganizationIdentifiersTable;
  directory_programs: DirectoryProgramsTable;
  directory_services: DirectoryServicesTable;
  directory_locations: DirectoryLocationsTable;
  directory_addresses: DirectoryAddressesTable;
  directory_service_at_locations: DirectoryServiceAtLocationsTable;
  directory_schedules: DirectorySchedulesTable;
  directory_cost_options: DirectoryCostOptionsTable;
  directory_contacts: DirectoryContactsTable;
  directory_phones: DirectoryPhonesTable;
  directory_accessibility: DirectoryAccessibilityTable;
  directory_languages: DirectoryLanguagesTable;
  directory_service_areas: DirectoryServiceAreasTable;
  directory_fundings: DirectoryFundingsTable;
  directory_required_documents: DirectoryRequiredDocumentsTable;
  directory_taxonomies: DirectoryTaxonomiesTable;
  directory_taxonomy_terms: DirectoryTaxonomyTermsTable;
  directory_attributes: DirectoryAttributesTable;
  directory_words: DirectoryWordsTable;
  directory_changes: DirectoryChangesTable;
  postcodes: PostcodesTable;
  directory_imports: DirectoryImportsTable;
  directory_settings: DirectorySettingsTable;
  directory_scheme_services: DirectorySchemeServicesTable;
}
