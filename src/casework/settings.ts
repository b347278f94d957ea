import { DEFAULT_SHARE_FIELDS, SHARE_FIELDS, type ShareField } from '../contracts/casework-codes.js';
import { needDomain, type CaseworkSettings, type CaseworkSettingsInput, type LoneWorkingContact, type NeedDomain } from '../contracts/casework.js';
import { loneWorkingContact } from '../contracts/casework.js';
import type { SchemeScope } from '../data/access.js';
import { writeVersionedSettings } from '../data/versioned-settings.js';
import { validationError } from '../errors.js';
import { loadReferralSettings } from '../referrals/settings.js';

/**
 * The scheme's casework rules: need domains for "what matters to me", the onward referral
 * response window and the provider's access afterwards, the non-attendance and repeated-DNA
 * rules, lone-working timings and contacts, the caseload ceiling, and what partners are sent.
 * One row per scheme once a manager changes anything; until then the defaults below.
 */

export const CASEWORK_DEFAULTS: Omit<CaseworkSettings, 'effectiveNeedDomains' | 'version'> = {
  needDomains: [],
  responseWindowWorkingDays: 10,
  providerAccessDaysAfter: 30,
  nonAttendanceConsecutive: 2,
  nonAttendanceDays: 14,
  repeatedDnaThreshold: 2,
  loneWorkingGraceMinutes: 15,
  loneWorkingIntervalMinutes: 15,
  loneWorkingContacts: [],
  maxCaseload: 40,
  shareFields: [...DEFAULT_SHARE_FIELDS],
  partnerShareFields: {},
};

const isShareField = (value: unknown): value is ShareField => (SHARE_FIELDS as readonly unknown[]).includes(value);

function parseList<T>(value: unknown, parse: (item: unknown) => T | null): T[] {
  return Array.isArray(value) ? value.flatMap((item) => parse(item) ?? []) : [];
}

function parsePartnerFields(value: unknown): Record<string, ShareField[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: Record<string, ShareField[]> = {};
  for (const [organizationId, fields] of Object.entries(value)) {
    const valid = Array.isArray(fields) ? fields.filter(isShareField) : [];
    if (valid.length > 0) out[organizationId] = valid;
  }
  return out;
}

const perTransaction = new WeakMap<SchemeScope['db'], Promise<CaseworkSettings>>();

/** The settings in force, read once per transaction. No policy check: every casework action needs them. */
export function loadCaseworkSettings(scope: SchemeScope): Promise<CaseworkSettings> {
  let settings = perTransaction.get(scope.db);
  if (!settings) {
    settings = readSettings(scope);
    perTransaction.set(scope.db, settings);
  }
  return settings;
}

async function readSettings(scope: SchemeScope): Promise<CaseworkSettings> {
  const row = await scope.db.selectFrom('casework_settings').selectAll().where('scheme_id', '=', scope.schemeId).executeTakeFirst();
  const needDomains = parseList<NeedDomain>(row?.need_domains, (item) => needDomain.safeParse(item).data ?? null);
  const effectiveNeedDomains =
    needDomains.length > 0 ? needDomains : (await loadReferralSettings(scope)).needCategories.map((n) => ({ code: n.code, label: n.label }));
  if (!row) return { ...CASEWORK_DEFAULTS, effectiveNeedDomains, version: 0 };
  const shareFields = row.share_fields.filter(isShareField);
  return {
    needDomains,
    responseWindowWorkingDays: row.response_window_working_days,
    providerAccessDaysAfter: row.provider_access_days_after,
    nonAttendanceConsecutive: row.non_attendance_consecutive,
    nonAttendanceDays: row.non_attendance_days,
    repeatedDnaThreshold: row.repeated_dna_threshold,
    loneWorkingGraceMinutes: row.lone_working_grace_minutes,
    loneWorkingIntervalMinutes: row.lone_working_interval_minutes,
    loneWorkingContacts: parseList<LoneWorkingContact>(row.lone_working_contacts, (item) => loneWorkingContact.safeParse(item).data ?? null),
    maxCaseload: row.max_caseload,
    shareFields: shareFields.length > 0 ? shareFields : [...DEFAULT_SHARE_FIELDS],
    partnerShareFields: parsePartnerFields(row.partner_share_fields),
    effectiveNeedDomains,
    version: row.version,
  };
}

/** What the partner running a service is sent: its own set when the scheme gave it one. */
export function shareFieldsFor(settings: CaseworkSettings, directoryOrganizationId: string): ShareField[] {
  return settings.partnerShareFields[directoryOrganizationId] ?? settings.shareFields;
}

export async function getCaseworkSettings(scope: SchemeScope): Promise<CaseworkSettings> {
  scope.authorize('casework_settings', 'read');
  return loadCaseworkSettings(scope);
}

export async function updateCaseworkSettings(scope: SchemeScope, input: CaseworkSettingsInput, expectedVersion: number): Promise<CaseworkSettings> {
  scope.authorize('casework_settings', 'update');
  const codes = input.needDomains.map((d) => d.code);
  if (new Set(codes).size !== codes.length) {
    throw validationError([{ field: 'body.needDomains', message: 'Each need domain needs a code of its own' }]);
  }
  if (input.loneWorkingContacts.some((c) => c.email === null && c.phone === null)) {
    throw validationError([{ field: 'body.loneWorkingContacts', message: 'Give each lone-working contact an email address or a phone number' }]);
  }
  const values = {
    need_domains: JSON.stringify(input.needDomains),
    response_window_working_days: input.responseWindowWorkingDays,
    provider_access_days_after: input.providerAccessDaysAfter,
    non_attendance_consecutive: input.nonAttendanceConsecutive,
    non_attendance_days: input.nonAttendanceDays,
    repeated_dna_threshold: input.repeatedDnaThreshold,
    lone_working_grace_minutes: input.loneWorkingGraceMinutes,
    lone_working_interval_minutes: input.loneWorkingIntervalMinutes,
    lone_working_contacts: JSON.stringify(input.loneWorkingContacts),
    max_caseload: input.maxCaseload,
    share_fields: [...new Set(input.shareFields)],
    partner_share_fields: JSON.stringify(input.partnerShareFields),
  };
  const version = await writeVersionedSettings(scope, 'casework_settings', values, expectedVersion, 'The casework settings have been changed by someone else. Reload them and make your change again.');
  perTransaction.delete(scope.db);
  await scope.audit({ action: 'update', entityType: 'casework_settings', detail: { version } });
  return loadCaseworkSettings(scope);
}
