/**
 * How long a provider may see the details shared with it. While the referral is live it needs
 * them to do its job; after it ends it keeps them for a short, scheme-set time (to finish a
 * register or answer a question), then loses them — sharing only what is needed, for only as
 * long as it is needed. Pure.
 */
import type { OnwardStatus } from '../../contracts/casework-codes.js';
import { DAY_MS } from './dates.js';
import { isLiveOnward } from './onward-lifecycle.js';

export interface ProviderAccessInput {
  status: OnwardStatus;
  /** When the referral stopped being live; null while live. */
  endedAt: Date | null;
  /** Whole days the provider keeps access after the end; 0 means it ends at once. */
  accessDaysAfter: number;
}

function checkDays(days: number): void {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`Access days must be a whole number of 0 or more, not ${days}`);
}

/**
 * The instant access stops (exclusive): endedAt plus the days, counted as 24-hour periods so the
 * answer does not shift with the clocks. Null while live (no end yet), and null for an ended
 * referral whose end was never recorded — providerMaySee treats that as no access at all.
 */
export function accessEndsAt(input: ProviderAccessInput): Date | null {
  checkDays(input.accessDaysAfter);
  if (isLiveOnward(input.status) || input.endedAt === null) return null;
  return new Date(input.endedAt.getTime() + input.accessDaysAfter * DAY_MS);
}

export function providerMaySee(input: ProviderAccessInput & { now: Date }): boolean {
  checkDays(input.accessDaysAfter);
  if (isLiveOnward(input.status)) return true;
  const ends = accessEndsAt(input);
  // Without an end date we cannot say how long access lasted, so it is safer to refuse.
  if (ends === null) return false;
  return input.now.getTime() < ends.getTime();
}
