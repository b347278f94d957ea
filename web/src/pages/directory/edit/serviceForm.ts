import type { z } from 'zod';
import { serviceCreate, serviceUpdate, type ServiceCreate, type ServiceDetail, type ServiceUpdate } from '../../../../../src/contracts/directory.js';
import { formText, type Checked, type FormErrors } from '../../../forms/errors.js';

/**
 * The listing form, read from its inputs into the API's shape and checked with the API's own
 * contract. Nested fields have inputs named by their path ("contact-name", "schedule-2-opensAt"),
 * so an error from the contract or from the server lands next to the input it is about.
 */

export const SCHEDULE_DAYS = [
  { value: 'MO', label: 'Monday' },
  { value: 'TU', label: 'Tuesday' },
  { value: 'WE', label: 'Wednesday' },
  { value: 'TH', label: 'Thursday' },
  { value: 'FR', label: 'Friday' },
  { value: 'SA', label: 'Saturday' },
  { value: 'SU', label: 'Sunday' },
] as const;

/** Features the search reads from a place's accessibility text, in words it recognises. */
export const ACCESS_OPTIONS = ['Step-free access', 'Wheelchair accessible', 'Accessible toilet', 'Hearing loop', 'Parking', 'British Sign Language', 'Large print'];

/** Offered when the directory's own language list cannot be loaded. */
export const FALLBACK_LANGUAGES: readonly { code: string; name: string }[] = [
  { code: 'en', name: 'English' },
  { code: 'ar', name: 'Arabic' },
  { code: 'bn', name: 'Bengali' },
  { code: 'bfi', name: 'British Sign Language' },
  { code: 'zh', name: 'Chinese' },
  { code: 'pl', name: 'Polish' },
  { code: 'pa', name: 'Punjabi' },
  { code: 'ro', name: 'Romanian' },
  { code: 'so', name: 'Somali' },
  { code: 'ur', name: 'Urdu' },
];

export interface ScheduleRowValues {
  key: string;
  byday: string;
  opensAt: string;
  closesAt: string;
  description: string;
}

let rowCounter = 0;
/** Row keys stay with their row when others are removed, so React keeps what was typed in each. */
export function newRowKey(): string {
  rowCounter += 1;
  return `row-${String(rowCounter)}`;
}

export function scheduleRows(service: ServiceDetail | null): ScheduleRowValues[] {
  const rows = (service?.schedules ?? [])
    .filter((s) => s.byday !== null)
    .map((s) => ({ key: newRowKey(), byday: s.byday ?? 'MO', opensAt: s.opensAt ?? '', closesAt: s.closesAt ?? '', description: s.description ?? '' }));
  return rows.length > 0 ? rows : [{ key: newRowKey(), byday: 'MO', opensAt: '', closesAt: '', description: '' }];
}

/** Field ids in page order, for the error summary. */
export function fieldOrder(rowCount: number): string[] {
  const rows = Array.from({ length: rowCount }, (_, i) => [`schedule-${i}-byday`, `schedule-${i}-opensAt`, `schedule-${i}-closesAt`, `schedule-${i}-description`]).flat();
  return [
    'name',
    'description',
    'alert',
    'status',
    'referralMode',
    'contact-name',
    'contact-role',
    'contact-email',
    'contact-phone',
    'capacity-places',
    'capacity-waitlist',
    'capacity-notTakingUntil',
    ...rows,
    'location-name',
    'location-line1',
    'location-line2',
    'location-city',
    'location-postcode',
    'location-accessibility',
    'location-transportation',
    'free',
    'fees',
    'eligibilityDescription',
    'minimumAge',
    'maximumAge',
    'applicationProcess',
    'languages',
    'url',
    'email',
  ];
}

const GROUP_PREFIX: Record<string, string> = { namedContact: 'contact', capacity: 'capacity', location: 'location' };

/** "schedules.2.opensAt" → "schedule-2-opensAt"; "namedContact.email" → "contact-email"; "body.name" → "name". */
export function inputIdForPath(path: readonly (string | number)[], rowIndex: readonly number[] = []): string {
  const parts = path.map(String).filter((p) => p !== 'body');
  const [first, second, third] = parts;
  if (first === undefined) return 'form';
  if (first === 'schedules' && second !== undefined && /^\d+$/.test(second)) {
    // Rows left empty are not sent, so the server's row number is mapped back to the row on screen.
    const row = rowIndex[Number(second)] ?? Number(second);
    return `schedule-${String(row)}-${third ?? 'byday'}`;
  }
  const prefix = GROUP_PREFIX[first];
  if (prefix !== undefined) return second === undefined ? `${prefix}-${first === 'location' ? 'line1' : first === 'namedContact' ? 'name' : 'places'}` : `${prefix}-${second}`;
  return first;
}

export function issuesToErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[], rowIndex: readonly number[] = []): FormErrors {
  const fields: Partial<Record<string, string>> = {};
  for (const issue of issues) {
    const id = inputIdForPath(
      issue.path.filter((p): p is string | number => typeof p !== 'symbol'),
      rowIndex,
    );
    fields[id] ??= issue.message;
  }
  return { detail: null, fields };
}

/** "body.schedules.0.opensAt" from a problem's field list, as an input id. */
export function problemFieldId(field: string, rowIndex: readonly number[] = []): string {
  return inputIdForPath(field.split('.'), rowIndex);
}

function nullable(value: string): string | null {
  const trimmed = value.trim();
  return trimmed === '' ? null : trimmed;
}

type NumberRead = { ok: true; value: number | null } | { ok: false };

function wholeNumber(value: string): NumberRead {
  const trimmed = value.trim();
  if (trimmed === '') return { ok: true, value: null };
  return /^\d{1,6}$/.test(trimmed) ? { ok: true, value: Number(trimmed) } : { ok: false };
}

export interface FormChoices {
  rowKeys: readonly string[];
  languages: readonly { code: string; name: string }[];
}

/** The form's values in the API's field names, before checking. Number fields that are not numbers come back as errors. */
export interface ReadForm {
  input: Record<string, unknown>;
  numberErrors: Record<string, string>;
  /** For each schedule sent, the number of its row on screen. */
  rowIndex: number[];
}

export function readServiceForm(data: FormData, choices: FormChoices): ReadForm {
  const numberErrors: Record<string, string> = {};
  const number = (id: string): number | null => {
    const read = wholeNumber(formText(data, id));
    if (read.ok) return read.value;
    numberErrors[id] = 'Enter a whole number, like 12';
    return null;
  };
  const contactName = nullable(formText(data, 'contact-name'));
  const contactFields = ['contact-role', 'contact-email', 'contact-phone'].map((id) => nullable(formText(data, id)));
  const namedContact =
    contactName === null && contactFields.every((v) => v === null)
      ? null
      : { name: contactName ?? '', role: contactFields[0] ?? null, email: contactFields[1] ?? null, phone: contactFields[2] ?? null };
  const line1 = nullable(formText(data, 'location-line1'));
  const locationTexts = ['location-name', 'location-line2', 'location-city', 'location-postcode', 'location-transportation'].map((id) => nullable(formText(data, id)));
  const accessibility = data.getAll('location-accessibility').filter((v): v is string => typeof v === 'string');
  const location =
    line1 === null && locationTexts.every((v) => v === null)
      ? null
      : {
          name: locationTexts[0] ?? null,
          line1: line1 ?? '',
          line2: locationTexts[1] ?? null,
          city: locationTexts[2] ?? '',
          postcode: locationTexts[3] ?? '',
          accessibility,
          transportation: locationTexts[4] ?? null,
        };
  const allRows = choices.rowKeys.map((_, index) => ({
    index,
    schedule: {
      byday: formText(data, `schedule-${index}-byday`),
      opensAt: formText(data, `schedule-${index}-opensAt`).trim(),
      closesAt: formText(data, `schedule-${index}-closesAt`).trim(),
      description: nullable(formText(data, `schedule-${index}-description`)),
    },
  }));
  // A row left with no times at all is a row the user did not fill, not a mistake.
  const filled = allRows.filter(({ schedule: s }) => s.opensAt !== '' || s.closesAt !== '' || s.description !== null);
  const chosenLanguages = new Set(data.getAll('languages').filter((v): v is string => typeof v === 'string'));
  const input: Record<string, unknown> = {
    name: formText(data, 'name').trim(),
    description: nullable(formText(data, 'description')),
    alert: nullable(formText(data, 'alert')),
    status: formText(data, 'status'),
    referralMode: formText(data, 'referralMode'),
    namedContact,
    capacity: {
      places: number('capacity-places'),
      waitlist: number('capacity-waitlist'),
      notTakingUntil: nullable(formText(data, 'capacity-notTakingUntil')),
    },
    schedules: filled.map((row) => row.schedule),
    location,
    free: data.get('free') === 'true',
    fees: nullable(formText(data, 'fees')),
    eligibilityDescription: nullable(formText(data, 'eligibilityDescription')),
    minimumAge: number('minimumAge'),
    maximumAge: number('maximumAge'),
    applicationProcess: nullable(formText(data, 'applicationProcess')),
    languages: choices.languages.filter((l) => chosenLanguages.has(l.code)).map((l) => ({ code: l.code, name: l.name })),
    url: nullable(formText(data, 'url')),
    email: nullable(formText(data, 'email')),
  };
  return { input, numberErrors, rowIndex: filled.map((row) => row.index) };
}

function check<T>(schema: z.ZodType<T>, { input, numberErrors, rowIndex }: ReadForm): Checked<T> {
  const parsed = schema.safeParse(input);
  const errors = parsed.success ? { detail: null, fields: {} } : issuesToErrors(parsed.error.issues, rowIndex);
  const fields = { ...errors.fields, ...numberErrors };
  if (parsed.success && Object.keys(numberErrors).length === 0) return { ok: true, value: parsed.data };
  return { ok: false, errors: { detail: null, fields } };
}

export function checkUpdate(read: ReadForm): Checked<ServiceUpdate> {
  return check(serviceUpdate, read);
}

export function checkCreate(read: ReadForm, organizationId: string): Checked<ServiceCreate> {
  return check(serviceCreate, { ...read, input: { ...read.input, organizationId } });
}

/** A problem from the server, placed on the form's inputs. */
export function serverErrors(problem: { detail: string; errors: readonly { field: string; message: string }[] }, rowIndex: readonly number[]): FormErrors {
  if (problem.errors.length === 0) return { detail: problem.detail, fields: {} };
  const fields: Partial<Record<string, string>> = {};
  for (const e of problem.errors) fields[problemFieldId(e.field, rowIndex)] ??= e.message;
  return { detail: null, fields };
}
