/**
 * Repeated "did not attend". Missing appointments in a row may mean things are getting worse for
 * the person, so the link worker is alerted. Pure.
 */
import type { ContactStatus } from '../../contracts/casework-codes.js';

/** The default number of missed appointments in a row that raises an alert. */
export const DEFAULT_DNA_THRESHOLD = 2;

/**
 * How many of the most recent contacts in a row were missed. Bookings still to be marked and
 * cancellations are passed over: neither shows the person engaging or not.
 */
export function dnaStreak(statusesNewestFirst: readonly ContactStatus[]): number {
  let streak = 0;
  for (const status of statusesNewestFirst) {
    switch (status) {
      case 'booked':
      case 'cancelled':
        continue;
      case 'did_not_attend':
        streak += 1;
        continue;
      case 'attended':
        return streak;
      default: {
        const unreachable: never = status;
        return unreachable;
      }
    }
  }
  return streak;
}

/** Whether the latest run of misses has reached the threshold. A threshold below 1 switches the alert off. */
export function repeatedDna(statusesNewestFirst: readonly ContactStatus[], threshold = DEFAULT_DNA_THRESHOLD): boolean {
  if (!Number.isFinite(threshold) || threshold < 1) return false;
  return dnaStreak(statusesNewestFirst) >= threshold;
}
