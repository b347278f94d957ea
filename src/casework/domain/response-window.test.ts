import { describe, it, expect } from 'vitest';
import { ONWARD_STATUSES } from '../../contracts/casework-codes.js';
import { ENGLAND_WALES_BANK_HOLIDAYS } from '../../referrals/domain/working-days.js';
import { responseWindow, windowAction, type WindowInput, type WindowReminder } from './response-window.js';

describe('responseWindow', () => {
  it('counts over Christmas and New Year', () => {
    // Sent Thursday 24 December 2026 (GMT). Bank holidays: Fri 25 Dec, Mon 28 Dec (Boxing Day
    // substitute), Fri 1 Jan 2027; 26–27 Dec and 2–3 Jan are weekends. Working days after the 24th:
    // Tue 29 (1), Wed 30 (2), Thu 31 (3), Mon 4 Jan (4), Tue 5 (5), Wed 6 (6), Thu 7 (7), Fri 8 (8),
    // Mon 11 (9), Tue 12 (10). Halfway is ceil(10 / 2) = 5 → Tue 5 Jan.
    expect(ENGLAND_WALES_BANK_HOLIDAYS.has('2026-12-28')).toBe(true);
    expect(responseWindow(new Date('2026-12-24T16:00:00Z'), 10)).toEqual({ respondBy: '2027-01-12', reminderOn: '2027-01-05' });
  });

  it('counts over Easter', () => {
    // Sent Thursday 2 April 2026; Good Friday 3 and Easter Monday 6 April are holidays.
    // Tue 7 (1), Wed 8 (2), Thu 9 (3). Halfway is ceil(3 / 2) = 2 → Wed 8.
    expect(responseWindow(new Date('2026-04-02T09:00:00Z'), 3)).toEqual({ respondBy: '2026-04-09', reminderOn: '2026-04-08' });
  });

  it('counts an ordinary week', () => {
    // Sent Monday 1 June 2026: Tue 2 (1), Wed 3 (2), Thu 4 (3), Fri 5 (4), Mon 8 (5). Halfway 3 → Thu 4.
    expect(responseWindow(new Date('2026-06-01T09:00:00Z'), 5)).toEqual({ respondBy: '2026-06-08', reminderOn: '2026-06-04' });
  });

  it('starts from the London date, not the UTC one', () => {
    // 23:30 UTC on Tuesday 30 June is 00:30 BST on Wednesday 1 July: one working day on is Thursday 2 July.
    expect(responseWindow(new Date('2026-06-30T23:30:00Z'), 1)).toEqual({ respondBy: '2026-07-02', reminderOn: '2026-07-02' });
    // An hour earlier it is still Tuesday in London: Wednesday 1 July.
    expect(responseWindow(new Date('2026-06-30T22:30:00Z'), 1)).toEqual({ respondBy: '2026-07-01', reminderOn: '2026-07-01' });
  });

  it('uses the holidays it is given', () => {
    // With no holidays, from Thu 24 Dec: Fri 25 (1), Mon 28 (2). Halfway 1 → Fri 25.
    expect(responseWindow(new Date('2026-12-24T12:00:00Z'), 2, new Set())).toEqual({ respondBy: '2026-12-28', reminderOn: '2026-12-25' });
  });

  it.each([0, -1, 2.5, Number.NaN])('refuses a window of %d working days', (days) => {
    expect(() => responseWindow(new Date('2026-06-01T09:00:00Z'), days)).toThrow(RangeError);
  });
});

describe('windowAction', () => {
  // The Christmas window above: nudge on Tue 5 Jan, last day Tue 12 Jan, expire from Wed 13 Jan.
  const base = { status: 'sent', respondBy: '2027-01-12', reminderOn: '2027-01-05' } as const;
  const action = (today: string, remindersSent: WindowReminder[] = [], extra: Partial<WindowInput> = {}) =>
    windowAction({ ...base, today, remindersSent, ...extra });

  it('walks through the window day by day', () => {
    const days: [string, WindowReminder[], ReturnType<typeof windowAction>][] = [
      ['2026-12-24', [], null],
      ['2027-01-04', [], null],
      ['2027-01-05', [], 'halfway'],
      ['2027-01-05', ['halfway'], null],
      ['2027-01-08', ['halfway'], null],
      ['2027-01-11', ['halfway'], null],
      ['2027-01-12', ['halfway'], 'last-day'],
      ['2027-01-12', ['halfway', 'last-day'], null],
      ['2027-01-13', ['halfway', 'last-day'], 'expire'],
      ['2027-02-01', ['halfway', 'last-day'], 'expire'],
    ];
    for (const [today, sent, expected] of days) expect([today, sent, action(today, sent)]).toEqual([today, sent, expected]);
  });

  it('catches up with only the most pressing step after the job was down', () => {
    expect(action('2027-01-08')).toBe('halfway');
    expect(action('2027-01-12')).toBe('last-day');
    expect(action('2027-01-20')).toBe('expire');
  });

  it('sends only the last-day nudge when halfway falls on the last day', () => {
    const oneDay = { respondBy: '2026-07-02', reminderOn: '2026-07-02' };
    expect(action('2026-07-01', [], oneDay)).toBeNull();
    expect(action('2026-07-02', [], oneDay)).toBe('last-day');
    expect(action('2026-07-02', ['last-day'], oneDay)).toBeNull();
    expect(action('2026-07-03', ['last-day'], oneDay)).toBe('expire');
  });

  it.each(ONWARD_STATUSES.filter((s) => s !== 'sent'))('does nothing for a %s referral', (status) => {
    expect(action('2027-01-05', [], { status })).toBeNull();
    expect(action('2027-01-12', [], { status })).toBeNull();
    expect(action('2027-03-01', [], { status })).toBeNull();
  });

  it('throws for a date that is not an ISO date', () => {
    expect(() => action('12/01/2027')).toThrow(RangeError);
  });
});
