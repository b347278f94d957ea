import { describe, expect, it } from 'vitest';
import { inboxGroup } from './service.js';
import { providerAccessUntil, providerMaySeeRow } from './view.js';

const ended = new Date('2026-03-01T10:00:00Z');
const settings = { providerAccessDaysAfter: 30 };

describe('providerMaySeeRow', () => {
  it('sees a live referral whatever the clock', () => {
    for (const status of ['sent', 'accepted', 'waitlisted', 'attending'] as const) {
      expect(providerMaySeeRow({ status, ended_at: null, status_reason_code: null }, settings, new Date('2099-01-01T00:00:00Z'))).toBe(true);
    }
  });

  it('sees an ended referral until 30 × 24 hours after it ended, not at that instant', () => {
    // 1 March 10:00 + 30 days = 31 March 10:00 (clocks change on 29 March; 24-hour days keep it 10:00 UTC).
    const row = { status: 'completed' as const, ended_at: ended, status_reason_code: null };
    expect(providerMaySeeRow(row, settings, new Date('2026-03-31T09:59:59.999Z'))).toBe(true);
    expect(providerMaySeeRow(row, settings, new Date('2026-03-31T10:00:00.000Z'))).toBe(false);
    expect(providerAccessUntil(row, settings)?.toISOString()).toBe('2026-03-31T10:00:00.000Z');
  });

  it('with 0 days loses sight the moment it ends', () => {
    const row = { status: 'declined' as const, ended_at: ended, status_reason_code: 'full' };
    expect(providerMaySeeRow(row, { providerAccessDaysAfter: 0 }, ended)).toBe(false);
    expect(providerMaySeeRow(row, { providerAccessDaysAfter: 0 }, new Date(ended.getTime() - 1))).toBe(true);
  });

  it('an ended referral with no end recorded is not seen', () => {
    expect(providerMaySeeRow({ status: 'expired', ended_at: null, status_reason_code: null }, settings, ended)).toBe(false);
    expect(providerAccessUntil({ status: 'expired', ended_at: null, status_reason_code: null }, settings)).toBeNull();
  });

  it('loses sight the moment the person withdraws consent, whatever the scheme allows after an end', () => {
    const row = { status: 'withdrawn' as const, ended_at: ended, status_reason_code: 'consent-withdrawn' };
    expect(providerMaySeeRow(row, settings, new Date(ended.getTime() - 1))).toBe(false);
    expect(providerMaySeeRow(row, settings, ended)).toBe(false);
    expect(providerAccessUntil(row, settings)?.toISOString()).toBe('2026-03-01T10:00:00.000Z');
    // Withdrawn by the link worker for another reason: the usual 30 days (to 31 March 10:00).
    const other = { status: 'withdrawn' as const, ended_at: ended, status_reason_code: null };
    expect(providerMaySeeRow(other, settings, new Date('2026-03-31T09:59:59.999Z'))).toBe(true);
    expect(providerAccessUntil(other, settings)?.toISOString()).toBe('2026-03-31T10:00:00.000Z');
  });
});

describe('inboxGroup', () => {
  it('sorts every status into new, current or ended', () => {
    expect(
      (['sent', 'accepted', 'waitlisted', 'attending', 'declined', 'completed', 'dropped_out', 'expired', 'withdrawn'] as const).map(inboxGroup),
    ).toEqual(['new', 'current', 'current', 'current', 'ended', 'ended', 'ended', 'ended', 'ended']);
  });
});
