/**
 * Small calendar helpers for casework rules. Dates are ISO calendar dates ("2026-12-03") meant in
 * Europe/London, the same convention as referrals/domain/working-days.ts; instants are Dates.
 * Pure; kept apart so each rule file stays about its rule.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
export const DAY_MS = 86_400_000;
export const MINUTE_MS = 60_000;

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

/** Calendar days from one ISO date to another (negative when `to` is earlier). */
export function daysBetween(fromIso: string, toIso: string): number {
  return isoDayNumber(toIso) - isoDayNumber(fromIso);
}

const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

/** "3 December", or "3 December 2026" with the year — written out so messages read the same on every ICU build. */
export function dayMonth(isoDate: string, withYear = false): string {
  isoDayNumber(isoDate);
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  const month = MONTHS[m - 1] ?? '';
  return withYear ? `${d} ${month} ${y}` : `${d} ${month}`;
}

const londonClock = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "14:30 on 5 May 2026", London wall-clock time, for refusal messages. */
export function londonTimeAndDate(instant: Date): string {
  const parts = londonClock.formatToParts(instant);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const iso = `${part('year')}-${part('month')}-${part('day')}`;
  return `${part('hour')}:${part('minute')} on ${dayMonth(iso, true)}`;
}

/** "a", "a and b", "a, b and c". */
export function listInEnglish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
