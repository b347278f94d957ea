import { describe, it, expect } from 'vitest';
import { ONWARD_STATUSES, type OnwardStatus } from '../../contracts/casework-codes.js';
import { accessEndsAt, providerMaySee } from './provider-access.js';

const ENDED = new Date('2026-10-20T15:00:00Z');
const DAY = 86_400_000;
const LIVE: OnwardStatus[] = ['sent', 'accepted', 'waitlisted', 'attending'];
const ENDED_STATUSES: OnwardStatus[] = ['declined', 'completed', 'dropped_out', 'expired', 'withdrawn'];

describe('providerMaySee', () => {
  it('splits the statuses into live and ended', () => {
    expect([...LIVE, ...ENDED_STATUSES].sort()).toEqual([...ONWARD_STATUSES].sort());
  });

  it.each(LIVE)('always sees a %s referral', (status) => {
    expect(providerMaySee({ status, endedAt: null, now: new Date('2040-01-01T00:00:00Z'), accessDaysAfter: 0 })).toBe(true);
  });

  it.each(ENDED_STATUSES)('sees a %s referral for 30 days after it ended, then not', (status) => {
    const at = (ms: number) => providerMaySee({ status, endedAt: ENDED, now: new Date(ENDED.getTime() + ms), accessDaysAfter: 30 });
    expect(at(0)).toBe(true);
    expect(at(29 * DAY)).toBe(true);
    expect(at(30 * DAY - 1)).toBe(true);
    expect(at(30 * DAY)).toBe(false);
    expect(at(31 * DAY)).toBe(false);
  });

  it.each(ENDED_STATUSES)('with no end recorded, a %s referral is not seen', (status) => {
    expect(providerMaySee({ status, endedAt: null, now: ENDED, accessDaysAfter: 30 })).toBe(false);
  });

  it('with zero days, access stops the moment it ends', () => {
    expect(providerMaySee({ status: 'completed', endedAt: ENDED, now: ENDED, accessDaysAfter: 0 })).toBe(false);
    expect(providerMaySee({ status: 'completed', endedAt: ENDED, now: new Date(ENDED.getTime() - 1), accessDaysAfter: 0 })).toBe(true);
  });

  it.each([-1, 1.5, Number.NaN])('throws for %d access days', (days) => {
    expect(() => providerMaySee({ status: 'sent', endedAt: null, now: ENDED, accessDaysAfter: days })).toThrow(RangeError);
  });
});

describe('accessEndsAt', () => {
  it('is endedAt plus whole 24-hour days', () => {
    expect(accessEndsAt({ status: 'withdrawn', endedAt: ENDED, accessDaysAfter: 14 })).toEqual(new Date('2026-11-03T15:00:00Z'));
    // Across the clocks going back on 25 October 2026: still 7 × 24 hours.
    expect(accessEndsAt({ status: 'completed', endedAt: ENDED, accessDaysAfter: 7 })).toEqual(new Date('2026-10-27T15:00:00Z'));
    expect(accessEndsAt({ status: 'completed', endedAt: ENDED, accessDaysAfter: 0 })).toEqual(ENDED);
  });

  it('is null while live or when the end is not recorded', () => {
    expect(accessEndsAt({ status: 'attending', endedAt: null, accessDaysAfter: 14 })).toBeNull();
    expect(accessEndsAt({ status: 'expired', endedAt: null, accessDaysAfter: 14 })).toBeNull();
  });
});
