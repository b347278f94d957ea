import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { ReferralStatus } from '../contracts/referral-codes.js';
import type { Defaulted, Json, Timestamp } from './schema-columns.js';
import type { DirectoryTables } from './schema-directory.js';
import type { OutcomeTables } from './schema-outcomes.js';
import type { CaseworkTables } from './schema-casework.js';

export type * from './schema-directory.js';
export type * from './schema-outcomes.js';
export type * from './schema-casework.js';

/**
 * Kysely's view of the tables, kept in step with the files in ./migrations: the foundation and
 * referrals here, the directory and outcomes in files of their own, joined in DB below.
 */

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

/** Every table: the foundation's and referrals' here, the directory's and outcomes' from their files. */
export interface DB extends DirectoryTables, OutcomeTables, CaseworkTables {
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
