import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { ReferralStatus } from '../contracts/referral-codes.js';

/** Kysely's view of the tables, kept in step with the files in ./migrations. */

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type Defaulted<T> = ColumnType<T, T | undefined, T>;
type Json = ColumnType<Record<string, unknown>, string | Record<string, unknown> | undefined, string | Record<string, unknown>>;

export interface SchemesTable {
  id: string;
  slug: string;
  name: string;
  kind: Defaulted<'scheme' | 'platform'>;
  require_mfa: Defaulted<boolean>;
  created_at: Timestamp;
}

export type OrganisationKind = 'pcn' | 'gp_practice' | 'host' | 'vcse' | 'icb' | 'local_authority' | 'platform';

export interface OrganisationsTable {
  scheme_id: string;
  id: string;
  kind: OrganisationKind;
  name: string;
  ods_code: string | null;
  parent_id: string | null;
  /** The directory organisation this (VCSE) organisation maintains listings for. */
  directory_organization_id: Defaulted<string | null>;
  created_at: Timestamp;
}

export interface UsersTable {
  id: string;
  email: string;
  display_name: string;
  password_hash: string | null;
  password_changed_at: Date | null;
  totp_secret: string | null;
  totp_last_step: number | null;
  mfa_enabled: Defaulted<boolean>;
  status: Defaulted<'active' | 'disabled'>;
  created_at: Timestamp;
}

export interface MembershipsTable {
  scheme_id: string;
  id: string;
  user_id: string;
  organisation_id: string;
  role: string;
  created_at: Timestamp;
}

export interface SessionsTable {
  id_hash: string;
  user_id: string;
  scheme_id: string | null;
  membership_id: string | null;
  stage: 'mfa' | 'mfa_setup' | 'active';
  csrf_token: string;
  ip: string | null;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
}

export interface LoginThrottleTable {
  key: string;
  failures: Defaulted<number>;
  window_started_at: Timestamp;
  locked_until: Date | null;
}

export interface PasswordResetTokensTable {
  token_hash: string;
  user_id: string;
  expires_at: Timestamp;
  used_at: Date | null;
  created_at: Timestamp;
}

export interface ApiClientsTable {
  scheme_id: string;
  id: string;
  organisation_id: string;
  name: string;
  client_id: string;
  secret_hash: string;
  scopes: Defaulted<string[]>;
  created_at: Timestamp;
  revoked_at: Date | null;
}

export interface ApiTokensTable {
  token_hash: string;
  scheme_id: string;
  api_client_id: string;
  organisation_id: string;
  scopes: string[];
  expires_at: Timestamp;
  created_at: Timestamp;
}

export interface AuditEventsTable {
  scheme_id: string;
  id: ColumnType<string, never, never>;
  occurred_at: ColumnType<Date, never, never>;
  actor_type: 'user' | 'client' | 'system' | 'anonymous';
  actor_id: string | null;
  actor_label: string | null;
  actor_role: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  ip: string | null;
  request_id: string | null;
  reason: string | null;
  detail: Json;
}

export interface JobsTable {
  id: Generated<string>;
  queue: string;
  payload: Json;
  scheme_id: string | null;
  status: Defaulted<'queued' | 'running' | 'completed' | 'failed'>;
  run_at: Timestamp;
  attempts: Defaulted<number>;
  max_attempts: Defaulted<number>;
  locked_until: Date | null;
  locked_by: string | null;
  last_error: string | null;
  singleton_key: string | null;
  created_at: Timestamp;
  completed_at: Date | null;
}

export type NotificationStatus = 'queued' | 'sending' | 'sent' | 'delivered' | 'failed' | 'permanent-failure';

export interface NotificationsTable {
  scheme_id: string;
  id: string;
  channel: 'email' | 'sms';
  template: string;
  recipient: string;
  subject: Defaulted<string>;
  body: string;
  status: Defaulted<NotificationStatus>;
  adapter: string | null;
  provider_reference: string | null;
  attempts: Defaulted<number>;
  last_error: string | null;
  entity_type: string | null;
  entity_id: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  sent_at: Date | null;
}

export interface ReferralSettingsTable {
  scheme_id: string;
  eligibility: Json;
  need_categories: ColumnType<unknown, string | undefined, string>;
  first_contact_working_days: Defaulted<number>;
  reopen_window_days: Defaulted<number>;
  coded_events: Json;
  self_referral_enabled: Defaulted<boolean>;
  updated_at: Timestamp;
}

export interface NextOfKin {
  name: string;
  relationship: string;
  phone: string | null;
  isCarer: boolean;
}

export interface PeopleTable {
  scheme_id: string;
  id: string;
  nhs_number: string | null;
  claimed_nhs_number: Defaulted<string | null>;
  given_name: string;
  family_name: string;
  family_name_key: string;
  preferred_name: string | null;
  date_of_birth: ColumnType<string | null, string | null | undefined, string | null>;
  sex: string | null;
  gender_identity: string | null;
  ethnicity: string | null;
  address_line1: string | null;
  address_line2: string | null;
  town: string | null;
  postcode: string | null;
  gp_practice_ods: string | null;
  lsoa_code: string | null;
  imd_decile: number | null;
  email: string | null;
  phone: string | null;
  language: string | null;
  interpreter_needed: Defaulted<boolean>;
  accessible_formats: Defaulted<string[]>;
  preferred_contact_method: string | null;
  contact_times: string | null;
  next_of_kin: ColumnType<NextOfKin | null, string | null | undefined, string | null>;
  registered_by_organisation_id: Defaulted<string | null>;
  merged_into_id: string | null;
  merged_at: Date | null;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReferralsTable {
  scheme_id: string;
  id: string;
  reference: string;
  task_id: string;
  person_id: string;
  source: 'professional' | 'self' | 'api' | 'fhir' | 'bulk';
  status: ReferralStatus;
  referrer_user_id: string | null;
  referrer_organisation_id: string | null;
  referrer_api_client_id: string | null;
  referrer_name: string | null;
  referrer_role: string | null;
  referrer_email: string | null;
  referrer_phone: string | null;
  reason: string;
  needs: Defaulted<string[]>;
  person_view: string | null;
  risk_info: string | null;
  urgency: Defaulted<'routine' | 'soon' | 'urgent'>;
  lead_on: string | null;
  feedback_milestones: Defaulted<string[]>;
  feedback_channel: Defaulted<'email' | 'letter' | 'none'>;
  eligibility: Json;
  eligibility_override_reason: string | null;
  eligibility_override_by: string | null;
  link_worker_id: string | null;
  allocated_at: Date | null;
  received_at: Timestamp;
  first_contact_due: ColumnType<string | null, string | null | undefined, string | null>;
  first_contact_at: Date | null;
  decision_reason: string | null;
  closed_at: Date | null;
  closure_reason: string | null;
  outcome_summary: string | null;
  reopened_count: Defaulted<number>;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ReferralDraftsTable {
  scheme_id: string;
  id: string;
  author_user_id: string;
  data: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ConsentsTable {
  scheme_id: string;
  id: string;
  referral_id: string;
  person_id: string;
  given_by: 'person' | 'representative';
  given_by_name: string | null;
  method: 'verbal' | 'written' | 'digital';
  scopes: string[];
  given_at: Date | string;
  recorded_by: string;
  recorded_at: Timestamp;
  withdrawn_at: Date | null;
  withdrawn_reason: string | null;
  withdrawal_recorded_by: string | null;
}

export interface ReferralEventsTable {
  scheme_id: string;
  id: Generated<string>;
  referral_id: string;
  occurred_at: Timestamp;
  kind: string;
  from_status: string | null;
  to_status: string | null;
  actor_label: string;
  actor_id: string | null;
  reason: string | null;
  code_system: string | null;
  code: string | null;
  code_display: string | null;
  detail: Json;
}

export interface ReferralFeedbackTable {
  scheme_id: string;
  id: string;
  referral_id: string;
  milestone: 'received' | 'decision' | 'first_contact' | 'closed';
  channel: 'email' | 'letter';
  notification_id: string | null;
  created_at: Timestamp;
}

export interface ExternalIdentifiersTable {
  scheme_id: string;
  resource_type: 'Patient' | 'ServiceRequest' | 'Task' | 'Consent';
  system: string;
  value: string;
  resource_id: string;
  organisation_id: Defaulted<string | null>;
  created_at: Timestamp;
}

export interface SubmissionThrottleTable {
  key: string;
  count: Defaulted<number>;
  window_started_at: Timestamp;
}

// Directory (platform tables; HSDS 3.0 names) -----------------------------------------------------

type Nullable<T> = ColumnType<T | null, T | null | undefined, T | null>;
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

// Outcomes (0005) ------------------------------------------------------------------------------

export interface MeasureDefinitionsTable {
  scheme_id: string;
  id: string;
  key: string;
  definition: Json;
  version: Defaulted<number>;
  created_by: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OutcomeSettingsTable {
  scheme_id: string;
  disabled_measures: Defaulted<string[]>;
  meaningful_change: Json;
  schedule: ColumnType<unknown, string, string>;
  overdue_after_days: Defaulted<number>;
  link_expiry_days: Defaulted<number>;
  version: Defaulted<number>;
  updated_at: Timestamp;
}

export interface MeasureResponsesTable {
  scheme_id: string;
  id: string;
  person_id: string;
  referral_id: string | null;
  measure_key: string;
  definition: Json;
  timepoint: string;
  status: Defaulted<'in-progress' | 'completed' | 'cancelled'>;
  mode: 'self' | 'with-worker' | 'paper' | 'external';
  answers: Json;
  score: ColumnType<Record<string, unknown> | null, string | null | undefined, string | null>;
  headline: number | null;
  entered_by: string | null;
  entered_by_label: string | null;
  completed_at: Date | null;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MeasureLinksTable {
  scheme_id: string;
  id: string;
  token_hash: string;
  response_id: string;
  person_id: string;
  channel: 'email' | 'sms';
  notification_id: string | null;
  expires_at: ColumnType<Date, Date | string, Date | string>;
  opened_at: Date | null;
  submitted_at: Date | null;
  revoked_at: Date | null;
  revoked_by: string | null;
  created_by: string | null;
  created_at: Timestamp;
}

export interface MeasureRemindersTable {
  scheme_id: string;
  referral_id: string;
  measure_key: string;
  timepoint: string;
  recipient: 'worker' | 'person';
  stage: 'due' | 'overdue';
  notification_id: string | null;
  sent_at: Timestamp;
}

export interface OutcomePreferencesTable {
  scheme_id: string;
  person_id: string;
  reminders: Defaulted<'none' | 'email' | 'sms'>;
  agreed_at: Date | null;
  recorded_by: string | null;
  updated_at: Timestamp;
}

export interface OutcomeStoriesTable {
  scheme_id: string;
  id: string;
  person_id: string;
  referral_id: string | null;
  story: string;
  consent_to_share: Defaulted<boolean>;
  consent_recorded_at: Date | null;
  consent_recorded_by: string | null;
  deidentified: string | null;
  created_by: string | null;
  created_by_label: string;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface DB {
  schemes: SchemesTable;
  organisations: OrganisationsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sessions: SessionsTable;
  login_throttle: LoginThrottleTable;
  password_reset_tokens: PasswordResetTokensTable;
  api_clients: ApiClientsTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  jobs: JobsTable;
  notifications: NotificationsTable;
  referral_settings: ReferralSettingsTable;
  people: PeopleTable;
  referrals: ReferralsTable;
  referral_drafts: ReferralDraftsTable;
  consents: ConsentsTable;
  referral_events: ReferralEventsTable;
  referral_feedback: ReferralFeedbackTable;
  external_identifiers: ExternalIdentifiersTable;
  submission_throttle: SubmissionThrottleTable;
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
  measure_definitions: MeasureDefinitionsTable;
  outcome_settings: OutcomeSettingsTable;
  measure_responses: MeasureResponsesTable;
  measure_links: MeasureLinksTable;
  measure_reminders: MeasureRemindersTable;
  outcome_preferences: OutcomePreferencesTable;
  outcome_stories: OutcomeStoriesTable;
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type JobRow = Selectable<JobsTable>;
export type PersonRow = Selectable<PeopleTable>;
export type ReferralRow = Selectable<ReferralsTable>;
export type ConsentRow = Selectable<ConsentsTable>;
export type ReferralEventRow = Selectable<ReferralEventsTable>;
export type MeasureResponseRow = Selectable<MeasureResponsesTable>;
export type MeasureLinkRow = Selectable<MeasureLinksTable>;
export type OutcomeStoryRow = Selectable<OutcomeStoriesTable>;
