import type { ColumnType, Generated, Selectable } from 'kysely';
import type {
  AlertKind,
  AttendanceMark,
  CheckInKind,
  ConcernUrgency,
  ContactMode,
  ContactStatus,
  FirstContactBy,
  GoalStatus,
  OnwardStatus,
} from '../contracts/casework-codes.js';
import type { Defaulted, Timestamp } from './schema-columns.js';

// Casework (0006) ------------------------------------------------------------------------------

/** A date column: read as "YYYY-MM-DD" text (see the type parser in connect.ts), written as text. */
type DateText = ColumnType<string, string, string>;
type NullableDateText = ColumnType<string | null, string | null | undefined, string | null>;
type JsonArray = ColumnType<unknown, string | undefined, string>;
type At = ColumnType<Date, Date | string, Date | string>;
type NullableAt = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;

export interface CaseworkSettingsTable {
  scheme_id: string;
  need_domains: JsonArray;
  response_window_working_days: Defaulted<number>;
  provider_access_days_after: Defaulted<number>;
  non_attendance_consecutive: Defaulted<number>;
  non_attendance_days: Defaulted<number>;
  repeated_dna_threshold: Defaulted<number>;
  lone_working_grace_minutes: Defaulted<number>;
  lone_working_interval_minutes: Defaulted<number>;
  lone_working_contacts: JsonArray;
  max_caseload: Defaulted<number>;
  share_fields: Defaulted<string[]>;
  partner_share_fields: JsonArray;
  version: Defaulted<number>;
  updated_at: Timestamp;
}

export interface AssessmentsTable {
  scheme_id: string;
  id: string;
  referral_id: string;
  person_id: string;
  number: number;
  what_matters: string;
  domains: JsonArray;
  assessed_on: DateText;
  created_by: string | null;
  created_by_label: string;
  created_at: Timestamp;
}

export interface GoalsTable {
  scheme_id: string;
  id: string;
  referral_id: string;
  person_id: string;
  title: string;
  domain: string | null;
  steps: JsonArray;
  target_date: NullableDateText;
  review_date: NullableDateText;
  status: Defaulted<GoalStatus>;
  person_rating: number | null;
  rated_at: NullableAt;
  position: Defaulted<number>;
  created_by_label: string;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface GoalUpdatesTable {
  scheme_id: string;
  id: Generated<string>;
  goal_id: string;
  occurred_at: Timestamp;
  from_status: GoalStatus | null;
  to_status: GoalStatus | null;
  person_rating: number | null;
  note: string | null;
  actor_label: string;
}

export interface ContactsTable {
  scheme_id: string;
  id: string;
  referral_id: string;
  person_id: string;
  mode: ContactMode;
  status: ContactStatus;
  scheduled_at: At;
  duration_minutes: number | null;
  location: string | null;
  attendees: string | null;
  notes: string | null;
  cancel_reason: string | null;
  worker_id: string | null;
  worker_label: string;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface LoneWorkingVisitsTable {
  scheme_id: string;
  contact_id: string;
  worker_id: string;
  expected_check_in_at: At;
  check_in: CheckInKind | null;
  checked_in_at: NullableAt;
  check_in_note: string | null;
  acknowledged_at: NullableAt;
  acknowledged_by: string | null;
  acknowledged_by_label: string | null;
  acknowledgement_note: string | null;
  created_at: Timestamp;
}

export interface LoneWorkingAlertsTable {
  scheme_id: string;
  contact_id: string;
  level: number;
  recipients: number;
  sent_at: Timestamp;
}

export interface OnwardReferralsTable {
  scheme_id: string;
  id: string;
  reference: string;
  referral_id: string;
  person_id: string;
  service_id: string;
  directory_organization_id: string;
  status: Defaulted<OnwardStatus>;
  consent_given_by: 'person' | 'representative';
  consent_given_by_name: string | null;
  consent_method: 'verbal' | 'written' | 'digital';
  consent_given_at: At;
  consent_recorded_by: string;
  shared_fields: string[];
  /** The snapshot of what was sent: see src/casework/onward for its shape. */
  shared: ColumnType<Record<string, unknown>, string, string>;
  first_contact_by: FirstContactBy;
  link_worker_stays_involved: boolean;
  may_return: boolean;
  return_until: NullableDateText;
  report_non_attendance: boolean;
  handover_note: string | null;
  respond_by: DateText;
  remind_on: DateText;
  status_reason_code: string | null;
  status_note: string | null;
  responded_at: NullableAt;
  accepted_on: NullableDateText;
  ended_at: NullableAt;
  sent_by: string | null;
  sent_by_label: string;
  version: Defaulted<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface OnwardReferralEventsTable {
  scheme_id: string;
  id: Generated<string>;
  onward_referral_id: string;
  occurred_at: Timestamp;
  kind: string;
  from_status: OnwardStatus | null;
  to_status: OnwardStatus | null;
  reason_code: string | null;
  note: string | null;
  actor_label: string;
  actor_role: string | null;
}

export interface SignpostsTable {
  scheme_id: string;
  id: string;
  referral_id: string;
  person_id: string;
  service_id: string | null;
  service_name: string;
  information: string | null;
  given_on: DateText;
  created_by_label: string;
  created_at: Timestamp;
}

export interface AttendanceTable {
  scheme_id: string;
  onward_referral_id: string;
  session_date: DateText;
  mark: AttendanceMark;
  recorded_by: string | null;
  recorded_by_label: string;
  recorded_at: Timestamp;
}

export interface CaseAlertsTable {
  scheme_id: string;
  id: string;
  referral_id: string;
  kind: AlertKind;
  key: string;
  onward_referral_id: string | null;
  message: string;
  raised_at: Timestamp;
  resolved_at: NullableAt;
  resolved_by_label: string | null;
  resolution_note: string | null;
}

export interface CaseTasksTable {
  scheme_id: string;
  id: string;
  referral_id: string;
  title: string;
  due_on: DateText;
  alert_id: string | null;
  assignee_id: string | null;
  done_at: NullableAt;
  done_by_label: string | null;
  created_by_label: string;
  created_at: Timestamp;
}

export interface ProviderConcernsTable {
  scheme_id: string;
  id: string;
  onward_referral_id: string;
  referral_id: string;
  urgency: ConcernUrgency;
  concern: string;
  raised_by: string | null;
  raised_by_label: string;
  raised_by_organisation: string | null;
  raised_at: Timestamp;
}

export interface CaseworkRemindersTable {
  scheme_id: string;
  kind: string;
  subject_id: string;
  key: string;
  notification_id: string | null;
  sent_at: Timestamp;
}

/** The casework tables, as they join the database's DB type. */
export interface CaseworkTables {
  casework_settings: CaseworkSettingsTable;
  assessments: AssessmentsTable;
  goals: GoalsTable;
  goal_updates: GoalUpdatesTable;
  contacts: ContactsTable;
  lone_working_visits: LoneWorkingVisitsTable;
  lone_working_alerts: LoneWorkingAlertsTable;
  onward_referrals: OnwardReferralsTable;
  onward_referral_events: OnwardReferralEventsTable;
  signposts: SignpostsTable;
  attendance: AttendanceTable;
  case_alerts: CaseAlertsTable;
  case_tasks: CaseTasksTable;
  provider_concerns: ProviderConcernsTable;
  casework_reminders: CaseworkRemindersTable;
}

export type GoalRow = Selectable<GoalsTable>;
export type ContactRow = Selectable<ContactsTable>;
export type OnwardReferralRow = Selectable<OnwardReferralsTable>;
export type CaseAlertRow = Selectable<CaseAlertsTable>;
