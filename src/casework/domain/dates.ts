/**
 * Small calendar helpers for casework rules. Dates are ISO calendar dates ("2026-12-03") meant in
 * Europe/London, the same convention as referrals/domain/working-days.ts; instants are Dates.
 * Pure; kept apart so each rule file stays about its rule.
 */

import { isoDayNumber } from '../../referrals/domain/working-days.js';
import { londonWall } from './london-clock.js';

export { DAY_MS, isoDayNumber } from '../../referrals/domain/working-days.js';
export const MINUTE_MS = 60_000;

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

/** "14:30 on 5 May 2026", London wall-clock time, for refusal messages. */
export function londonTimeAndDate(instant: Date): string {
  const wall = londonWall(instant);
  return `${wall.time} on ${dayMonth(wall.date, true)}`;
}

/** "a", "a and b", "a, b and c". */
export function listInEnglish(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1] ?? ''}`;
}
