/**
 * The provider's window to answer an onward referral: a number of working days from the day it
 * was sent, a nudge halfway through, a last nudge on the final day, and expiry the day after.
 * Working days skip weekends and England and Wales bank holidays, so a referral sent before
 * Christmas is not expired while the service is closed. Pure.
 */
import type { OnwardStatus } from '../../contracts/casework-codes.js';
import { ENGLAND_WALES_BANK_HOLIDAYS, addWorkingDays, londonDate } from '../../referrals/domain/working-days.js';
import { isoDayNumber } from './dates.js';

export interface ResponseWindow {
  /** The last day to reply (London date). */
  respondBy: string;
  /** The day of the halfway nudge (London date). */
  reminderOn: string;
}

export type WindowReminder = 'halfway' | 'last-day';
export type WindowAction = WindowReminder | 'expire';

/** workingDays must be a whole number of 1 or more: a zero-day window could never be answered. */
export function responseWindow(
  sentAt: Date,
  workingDays: number,
  holidays: ReadonlySet<string> = ENGLAND_WALES_BANK_HOLIDAYS,
): ResponseWindow {
  if (!Number.isInteger(workingDays) || workingDays < 1) {
    throw new RangeError(`A response window must be a whole number of working days of 1 or more, not ${workingDays}`);
  }
  const sentOn = londonDate(sentAt);
  return {
    respondBy: addWorkingDays(sentOn, workingDays, holidays),
    reminderOn: addWorkingDays(sentOn, Math.ceil(workingDays / 2), holidays),
  };
}

export interface WindowInput extends ResponseWindow {
  status: OnwardStatus;
  /** Today in London. */
  today: string;
  remindersSent: readonly WindowReminder[];
}

/**
 * What the daily job should do for one referral today, at most one thing. Only a referral still
 * waiting for its first answer is chased; a waitlisted one has been answered and never expires.
 * If the job missed days, it does only the most pressing thing: no halfway nudge on the last day
 * (also when the two fall on the same day), and expiry once the last day is over even if a nudge
 * was never sent.
 */
export function windowAction(input: WindowInput): WindowAction | null {
  if (input.status !== 'sent') return null;
  const today = isoDayNumber(input.today);
  const respondBy = isoDayNumber(input.respondBy);
  const reminderOn = isoDayNumber(input.reminderOn);
  if (today > respondBy) return 'expire';
  if (today === respondBy) return input.remindersSent.includes('last-day') ? null : 'last-day';
  if (today >= reminderOn) return input.remindersSent.includes('halfway') ? null : 'halfway';
  return null;
}
