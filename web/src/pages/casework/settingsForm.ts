import { SHARE_FIELDS, type ShareField } from '../../../../src/contracts/casework-codes.js';
import { caseworkSettingsInput, type CaseworkSettings, type CaseworkSettingsInput } from '../../../../src/contracts/casework.js';
import type { Checked } from '../../forms/errors.js';

/** The casework settings form: its number fields in words, and the form's values to the PUT body. */
export type NumberKey =
  | 'responseWindowWorkingDays'
  | 'providerAccessDaysAfter'
  | 'nonAttendanceConsecutive'
  | 'nonAttendanceDays'
  | 'repeatedDnaThreshold'
  | 'loneWorkingGraceMinutes'
  | 'loneWorkingIntervalMinutes'
  | 'maxCaseload';

export interface NumberFieldSpec {
  key: NumberKey;
  label: string;
  hint: string;
  min: number;
  max: number;
}

export const NUMBER_FIELDS: readonly NumberFieldSpec[] = [
  { key: 'maxCaseload', label: 'Most open cases for one link worker', hint: 'Used to show who has room when cases are shared out.', min: 1, max: 500 },
  { key: 'responseWindowWorkingDays', label: 'Working days a group has to reply to a referral', hint: 'After this the referral comes back to the link worker.', min: 1, max: 60 },
  { key: 'providerAccessDaysAfter', label: 'Days a group still sees the person’s details after the referral ends', hint: 'Enter 0 to remove their access as soon as it ends.', min: 0, max: 365 },
  { key: 'nonAttendanceConsecutive', label: 'Missed sessions in a row before an alert', hint: 'Enter 0 to switch this check off.', min: 0, max: 10 },
  { key: 'nonAttendanceDays', label: 'Days after acceptance with no attendance before an alert', hint: 'Enter 0 to switch this check off.', min: 0, max: 90 },
  { key: 'repeatedDnaThreshold', label: 'Missed appointments in a row that show on the caseload', hint: 'Appointments with the link worker the person did not attend.', min: 1, max: 10 },
  { key: 'loneWorkingGraceMinutes', label: 'Minutes of grace after a missed check-in before the first alert', hint: 'From 0 to 120 minutes.', min: 0, max: 120 },
  { key: 'loneWorkingIntervalMinutes', label: 'Minutes between escalating alerts', hint: 'From 5 to 120 minutes.', min: 5, max: 120 },
];

export interface DomainRow {
  key: number;
  code: string;
  label: string;
}

export interface ContactRow {
  key: number;
  name: string;
  email: string;
  phone: string;
}

export interface SettingsValues {
  numbers: Readonly<Record<NumberKey, string>>;
  domains: readonly DomainRow[];
  contacts: readonly ContactRow[];
  shareFields: readonly string[];
}

/** "Money & debt" → "money-debt": a code for a new need domain, unique among the others. */
export function codeFor(label: string, taken: ReadonlySet<string>): string {
  const slug = label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').replace(/^[^a-z]+/, '').slice(0, 36) || 'need';
  let code = slug;
  for (let n = 2; taken.has(code); n += 1) code = `${slug}-${n}`;
  return code;
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());
const isShareField = (value: string): value is ShareField => (SHARE_FIELDS as readonly string[]).includes(value);

export function settingsBody(values: SettingsValues, partnerShareFields: CaseworkSettings['partnerShareFields']): Checked<CaseworkSettingsInput> {
  const fields: Partial<Record<string, string>> = {};
  const numbers: Partial<Record<NumberKey, number>> = {};
  for (const spec of NUMBER_FIELDS) {
    const raw = values.numbers[spec.key].trim();
    const n = /^\d+$/.test(raw) ? Number(raw) : Number.NaN;
    if (Number.isNaN(n) || n < spec.min || n > spec.max) fields[spec.key] = `${spec.label} must be a whole number from ${spec.min} to ${spec.max}`;
    else numbers[spec.key] = n;
  }
  const taken = new Set<string>();
  const needDomains = values.domains
    .filter((row) => row.label.trim() !== '')
    .map((row) => {
      const code = row.code !== '' ? row.code : codeFor(row.label, new Set([...taken, ...values.domains.map((d) => d.code)]));
      taken.add(code);
      return { code, label: row.label.trim() };
    });
  // Rows left empty are dropped; each kept row remembers its place on the page for its errors.
  const kept = values.contacts.map((row, index) => ({ row, index })).filter(({ row }) => `${row.name}${row.email}${row.phone}`.trim() !== '');
  const contacts = kept.map(({ row }) => ({ name: row.name, email: orNull(row.email), phone: orNull(row.phone) }));
  kept.forEach(({ row, index }) => {
    if (orNull(row.email) === null && orNull(row.phone) === null) fields[`contact-${index + 1}-email`] = `Give an email address or phone number for ${row.name.trim() || 'each lone-working contact'}`;
  });
  const domainRows = values.domains.map((row, index) => ({ row, index })).filter(({ row }) => row.label.trim() !== '');
  const shareFields = values.shareFields.filter(isShareField);
  if (shareFields.length === 0) fields.shareFields = 'Choose at least one detail to send to groups and services';
  if (Object.keys(fields).length > 0) return { ok: false, errors: { detail: null, fields } };
  const parsed = caseworkSettingsInput.safeParse({ ...numbers, needDomains, loneWorkingContacts: contacts, shareFields, partnerShareFields });
  if (parsed.success) return { ok: true, value: parsed.data };
  for (const issue of parsed.error.issues) {
    const [head, at, ...rest] = issue.path;
    const rows = head === 'loneWorkingContacts' ? kept : head === 'needDomains' ? domainRows : null;
    const place = rows !== null && typeof at === 'number' ? rows[at]?.index : undefined;
    fields[settingsField(place === undefined ? issue.path : [head ?? '', place, ...rest])] ??= issue.message;
  }
  return { ok: false, errors: { detail: null, fields } };
}

/** A contract path to the form's field id: the nth contact's email box is "contact-n-email". */
export function settingsField(path: readonly PropertyKey[]): string {
  const [head, index, part] = path;
  if (head === 'loneWorkingContacts' && typeof index === 'number' && typeof part === 'string') return `contact-${index + 1}-${part}`;
  if (head === 'needDomains' && typeof index === 'number') return `domain-${index + 1}`;
  return String(head ?? '');
}
