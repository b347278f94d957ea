import type { ColumnType, Selectable } from 'kysely';
import type { Defaulted, Json, Timestamp } from './schema-columns.js';

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

/** The outcome tables, as they join the database's DB type. */
export interface OutcomeTables {
  measure_definitions: MeasureDefinitionsTable;
  outcome_settings: OutcomeSettingsTable;
  measure_responses: MeasureResponsesTable;
  measure_links: MeasureLinksTable;
  measure_reminders: MeasureRemindersTable;
  outcome_preferences: OutcomePreferencesTable;
  outcome_stories: OutcomeStoriesTable;
}

export type MeasureResponseRow = Selectable<MeasureResponsesTable>;
export type MeasureLinkRow = Selectable<MeasureLinksTable>;
export type OutcomeStoryRow = Selectable<OutcomeStoriesTable>;
