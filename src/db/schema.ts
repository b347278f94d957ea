import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

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
}

export type UserRow = Selectable<UsersTable>;
export type NewUser = Insertable<UsersTable>;
export type AuditEventRow = Selectable<AuditEventsTable>;
export type NotificationRow = Selectable<NotificationsTable>;
export type JobRow = Selectable<JobsTable>;
