/**
 * Working days in England and Wales (Monday to Friday, not a bank holiday) and the first-contact
 * target. Dates are ISO calendar dates ("2026-04-03") in Europe/London. Pure; shared with the web app.
 */
import holidays from '../data/bank-holidays-england-wales.json' with { type: 'json' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DAY_MS = 86_400_000;

/** England and Wales bank holidays 2024 to 2028, as published on GOV.UK. */
export const ENGLAND_WALES_BANK_HOLIDAYS: ReadonlySet<string> = new Set(holidays.dates);

/** Days since 1970-01-01 for an ISO date; throws RangeError for anything else, because a bad date is a caller bug. */
export function isoDayNumber(isoDate: string): number {
  const match = ISO_DATE.exec(isoDate);
  if (match === null) throw new RangeError(`Not an ISO date: ${isoDate}`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const ms = Date.UTC(y, m - 1, d);
  const back = new Date(ms);
  if (back.getUTCFullYear() !== y || back.getUTCMonth() !== m - 1 || back.getUTCDate() !== d) {
    throw new RangeError(`Not a real date: ${isoDate}`);
  }
  return ms / DAY_MS;
}

function isoFromDayNumber(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

const londonFormat = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The calendar date in London at this instant, as "YYYY-MM-DD". */
export function londonDate(instant: Date): string {
  if (Number.isNaN(instant.getTime())) throw new RangeError('Not a valid instant');
  const parts = londonFormat.formatToParts(instant);
  const part = (type: 'year' | 'month' | 'day'): string => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}-${part('day')}`;
}

function isWorkingDayNumber(day: number, holidays: ReadonlySet<string>): boolean {
  const weekday = new Date(day * DAY_MS).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !holidays.has(isoFromDayNumber(day));
}

/** Monday to Friday and not a holiday. */
export function isWorkingDay(isoDate: string, holidays: ReadonlySet<string>): boolean {
  return isWorkingDayNumber(isoDayNumber(isoDate), holidays);
}

/** The nth working day after isoDate (n = 0 gives isoDate itself). n must be a whole number ≥ 0. */
export function addWorkingDays(isoDate: string, n: number, holidays: ReadonlySet<string>): string {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`Working days must be a whole number of 0 or more, not ${n}`);
  let day = isoDayNumber(isoDate);
  let left = n;
  while (left > 0) {
    day += 1;
    if (isWorkingDayNumber(day, holidays)) left -= 1;
  }
  return isoFromDayNumber(day);
}

/** The date first contact is due: the nth working day after the day (in London) it was received. */
export function firstContactDue(receivedAt: Date, workingDays: number, holidays: ReadonlySet<string>): string {
  return addWorkingDays(londonDate(receivedAt), workingDays, holidays);
}

/**
 * Working days after fromIso up to and including toIso, so that
 * workingDaysBetween(d, addWorkingDays(d, n)) === n. Negative when toIso is before fromIso.
 */
export function workingDaysBetween(fromIso: string, toIso: string, holidays: ReadonlySet<string>): number {
  const from = isoDayNumber(fromIso);
  const to = isoDayNumber(toIso);
  if (to < from) return -workingDaysBetween(toIso, fromIso, holidays);
  let count = 0;
  for (let day = from + 1; day <= to; day++) if (isWorkingDayNumber(day, holidays)) count += 1;
  return count;
}

export type TargetState = 'met' | 'missed' | 'breached' | 'due-today' | 'on-track';

/**
 * Where a referral stands against its first-contact target, judged by London dates: contact on or
 * before the due date is met, after it missed; with no contact yet it is on track, due today, or
 * breached once the due date has passed.
 */
export function firstContactTarget(input: { dueDate: string; firstContactAt: Date | null; now: Date }): TargetState {
  const due = isoDayNumber(input.dueDate);
  if (input.firstContactAt !== null) {
    return isoDayNumber(londonDate(input.firstContactAt)) <= due ? 'met' : 'missed';
  }
  const today = isoDayNumber(londonDate(input.now));
  if (today > due) return 'breached';
  if (today === due) return 'due-today';
  return 'on-track';
}
