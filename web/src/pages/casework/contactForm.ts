import { CONTACT_MODES, type ContactMode } from '../../../../src/contracts/casework-codes.js';
import { contactInput, contactOutcomeInput, type ContactInput, type ContactOutcomeInput } from '../../../../src/contracts/casework.js';
import { partsToIso, type DateParts } from '../../components/dateParts.js';
import { checkWith, type Checked } from '../../forms/errors.js';
import { checkRenamed, type FieldMap } from '../referrals/forms.js';
import { londonToIso, readTime } from './time.js';

/**
 * A contact from the form to the request body. Times are London times; a home visit being
 * booked must say when the worker will check in by, which starts the lone-working procedure.
 */
export type ContactKind = 'book' | 'record';

export interface ContactValues {
  kind: string;
  mode: string;
  /** For a contact that happened: whether the person came. */
  attended: string;
  date: DateParts;
  time: string;
  duration: string;
  location: string;
  attendees: string;
  notes: string;
  checkInBy: string;
}

const isMode = (value: string): value is ContactMode => (CONTACT_MODES as readonly string[]).includes(value);
const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** Whether the form must ask for a check-in time. */
export const needsCheckIn = (kind: string, mode: string): boolean => kind === 'book' && mode === 'home_visit';

/** The contract's field names to this form's ids, for errors from Zod and from the server. */
export const CONTACT_FIELDS: FieldMap = { scheduledAt: 'date', expectedCheckInAt: 'checkInBy', status: 'kind' };

export function contactBody(values: ContactValues): Checked<ContactInput> {
  const fields: Partial<Record<string, string>> = {};
  if (values.kind !== 'book' && values.kind !== 'record') fields.kind = 'Choose whether you are booking a visit or recording a contact';
  if (!isMode(values.mode)) fields.mode = 'Choose how you are meeting or speaking';
  if (values.kind === 'record' && values.attended !== 'attended' && values.attended !== 'did_not_attend') fields.attended = 'Say whether the person came';
  const date = partsToIso(values.date);
  if (!date.ok) fields.date = date.problem === 'empty' ? 'Enter the date' : 'The date must be a real date';
  const time = readTime(values.time);
  if (time === null) fields.time = 'Enter the time as hours and minutes, like 14:30';
  let duration: number | null = null;
  if (values.duration.trim() !== '') {
    duration = /^\d{1,4}$/.test(values.duration.trim()) ? Number(values.duration.trim()) : Number.NaN;
    if (!Number.isInteger(duration) || duration > 1440) fields.durationMinutes = 'Enter the length in whole minutes, like 45';
  }
  let expectedCheckInAt: string | null = null;
  if (needsCheckIn(values.kind, values.mode)) {
    const checkIn = readTime(values.checkInBy);
    if (checkIn === null) fields.checkInBy = 'Enter the time you will check in by, like 15:30';
    else if (time !== null && checkIn <= time) fields.checkInBy = 'The check-in time must be after the visit starts';
    else if (date.ok) expectedCheckInAt = londonToIso(date.iso, checkIn);
  }
  if (Object.keys(fields).length > 0 || !date.ok || time === null) return { ok: false, errors: { detail: null, fields } };
  const status = values.kind === 'book' ? 'booked' : values.attended;
  return checkRenamed(contactInput, {
    mode: values.mode,
    status,
    scheduledAt: londonToIso(date.iso, time),
    durationMinutes: duration,
    location: orNull(values.location),
    attendees: orNull(values.attendees),
    notes: orNull(values.notes),
    expectedCheckInAt,
  }, CONTACT_FIELDS);
}

/** The outcome form's values to the request body. */
export function outcomeBody(event: string, reason: string, duration: string, notes: string): Checked<ContactOutcomeInput> {
  if (event !== 'attended' && event !== 'did_not_attend' && event !== 'cancel') return { ok: false, errors: { detail: null, fields: { event: 'Choose what happened' } } };
  const minutes = duration.trim();
  if (minutes !== '' && !/^\d{1,4}$/.test(minutes)) return { ok: false, errors: { detail: null, fields: { durationMinutes: 'Enter the length in whole minutes, like 45' } } };
  const body: Record<string, unknown> = { event: event === 'cancel' ? { type: 'cancel', reason } : { type: event } };
  if (minutes !== '') body.durationMinutes = Number(minutes);
  if (notes.trim() !== '') body.notes = notes;
  return checkWith(contactOutcomeInput, body);
}
