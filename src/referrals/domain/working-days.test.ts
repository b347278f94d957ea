import { describe, it, expect } from 'vitest';
import {
  ENGLAND_WALES_BANK_HOLIDAYS as HOLIDAYS,
  addWorkingDays,
  firstContactDue,
  firstContactTarget,
  isWorkingDay,
  londonDate,
  workingDaysBetween,
} from './working-days.js';

const NONE: ReadonlySet<string> = new Set();

describe('ENGLAND_WALES_BANK_HOLIDAYS', () => {
  it('has eight bank holidays in each year 2024 to 2028', () => {
    expect(HOLIDAYS.size).toBe(40);
    for (const year of [2024, 2025, 2026, 2027, 2028]) {
      expect([...HOLIDAYS].filter((d) => d.startsWith(`${year}-`))).toHaveLength(8);
    }
  });

  it('has only weekdays (weekend Christmas and New Year are moved to a substitute day)', () => {
    for (const d of HOLIDAYS) {
      const weekday = new Date(`${d}T12:00:00Z`).getUTCDay();
      expect(weekday, d).toBeGreaterThanOrEqual(1);
      expect(weekday, d).toBeLessThanOrEqual(5);
    }
  });

  it('includes Easter 2026, the 2026 Christmas substitute day and the 2028 New Year substitute day', () => {
    for (const d of ['2026-04-03', '2026-04-06', '2026-12-25', '2026-12-28', '2027-12-27', '2027-12-28', '2028-01-03']) {
      expect(HOLIDAYS.has(d), d).toBe(true);
    }
    expect(HOLIDAYS.has('2026-12-26')).toBe(false);
    expect(HOLIDAYS.has('2028-01-01')).toBe(false);
  });
});

describe('londonDate', () => {
  it.each([
    ['2026-01-15T12:00:00Z', '2026-01-15', 'winter midday'],
    ['2026-03-28T23:30:00Z', '2026-03-28', 'GMT: London is on UTC'],
    ['2026-03-29T00:59:59Z', '2026-03-29', 'just before clocks go forward'],
    ['2026-03-29T23:30:00Z', '2026-03-30', 'first night of BST'],
    ['2026-06-30T23:30:00Z', '2026-07-01', 'BST: London is an hour ahead'],
    ['2026-06-30T22:59:59Z', '2026-06-30', 'BST: a second before London midnight'],
    ['2026-06-30T23:00:00Z', '2026-07-01', 'BST: London midnight'],
    ['2026-10-24T23:30:00Z', '2026-10-25', 'last night of BST'],
    ['2026-10-25T23:30:00Z', '2026-10-25', 'GMT again after clocks go back'],
    ['2026-12-31T23:59:59Z', '2026-12-31', 'New Year’s Eve in GMT'],
  ])('%s → %s (%s)', (instant, expected) => {
    expect(londonDate(new Date(instant))).toBe(expected);
  });

  it('refuses an invalid date', () => {
    expect(() => londonDate(new Date('nonsense'))).toThrow(RangeError);
  });
});

describe('isWorkingDay', () => {
  it.each([
    ['2026-04-01', true, 'Wednesday'],
    ['2026-04-02', true, 'Thursday before Easter'],
    ['2026-04-03', false, 'Good Friday'],
    ['2026-04-04', false, 'Saturday'],
    ['2026-04-05', false, 'Easter Sunday'],
    ['2026-04-06', false, 'Easter Monday'],
    ['2026-04-07', true, 'Tuesday after Easter'],
    ['2026-12-24', true, 'Christmas Eve (Thursday)'],
    ['2026-12-25', false, 'Christmas Day (Friday)'],
    ['2026-12-26', false, 'Boxing Day (Saturday)'],
    ['2026-12-28', false, 'substitute Boxing Day (Monday)'],
    ['2026-12-29', true, 'Tuesday'],
    ['2027-01-01', false, 'New Year’s Day (Friday)'],
  ])('%s is %s (%s)', (date, expected) => {
    expect(isWorkingDay(date, HOLIDAYS)).toBe(expected);
  });

  it('counts a holiday as working when no holidays are given', () => {
    expect(isWorkingDay('2026-04-03', NONE)).toBe(true);
    expect(isWorkingDay('2026-04-04', NONE)).toBe(false);
  });

  it.each(['2026-4-3', '2026-02-30', '2026-13-01', '03/04/2026', ''])('refuses %j', (date) => {
    expect(() => isWorkingDay(date, HOLIDAYS)).toThrow(RangeError);
  });
});

describe('addWorkingDays', () => {
  it.each([
    ['2026-04-02', 1, '2026-04-07', 'over Easter'],
    ['2026-04-02', 2, '2026-04-08', 'over Easter'],
    ['2026-04-03', 1, '2026-04-07', 'from Good Friday'],
    ['2026-04-04', 1, '2026-04-07', 'from the Saturday'],
    ['2026-12-24', 1, '2026-12-29', 'over Christmas'],
    ['2026-12-24', 3, '2026-12-31', 'over Christmas'],
    ['2026-12-24', 4, '2027-01-04', 'over Christmas and New Year'],
    ['2026-05-15', 1, '2026-05-18', 'Friday to Monday'],
    ['2026-05-16', 1, '2026-05-18', 'Saturday to Monday'],
    ['2026-05-11', 5, '2026-05-18', 'a working week'],
    ['2026-05-11', 10, '2026-05-26', 'past the spring bank holiday'],
    ['2024-02-28', 1, '2024-02-29', 'leap day'],
    ['2026-04-02', 0, '2026-04-02', 'zero days'],
    ['2026-04-04', 0, '2026-04-04', 'zero days from a weekend'],
  ])('%s + %i → %s (%s)', (from, n, expected) => {
    expect(addWorkingDays(from, n, HOLIDAYS)).toBe(expected);
  });

  it('uses only the holidays it is given', () => {
    expect(addWorkingDays('2026-04-02', 1, NONE)).toBe('2026-04-03');
  });

  it.each([-1, 1.5, Number.NaN])('refuses %s working days', (n) => {
    expect(() => addWorkingDays('2026-04-02', n, HOLIDAYS)).toThrow(RangeError);
  });
});

describe('firstContactDue', () => {
  it('counts from the London date of receipt, in GMT', () => {
    // Saturday 28 March in London; Mon 30, Tue 31, Wed 1, Thu 2, (Good Friday, weekend, Easter Monday), Tue 7.
    expect(firstContactDue(new Date('2026-03-28T23:30:00Z'), 5, HOLIDAYS)).toBe('2026-04-07');
  });

  it('counts from the London date of receipt, in BST', () => {
    // Received 00:30 on Wednesday 1 July in London (still 30 June in UTC): Thu 2, Fri 3.
    expect(firstContactDue(new Date('2026-06-30T23:30:00Z'), 2, HOLIDAYS)).toBe('2026-07-03');
    expect(firstContactDue(new Date('2026-06-30T22:30:00Z'), 2, HOLIDAYS)).toBe('2026-07-02');
  });

  it('passes over Christmas 2026', () => {
    expect(firstContactDue(new Date('2026-12-23T15:00:00Z'), 2, HOLIDAYS)).toBe('2026-12-29');
  });
});

describe('workingDaysBetween', () => {
  it.each([
    ['2026-04-02', '2026-04-07', 1],
    ['2026-04-02', '2026-04-08', 2],
    ['2026-04-01', '2026-04-06', 1],
    ['2026-12-24', '2027-01-04', 4],
    ['2026-05-11', '2026-05-11', 0],
    ['2026-05-16', '2026-05-17', 0],
    ['2026-05-11', '2026-05-18', 5],
    ['2026-04-07', '2026-04-02', -1],
    ['2027-01-04', '2026-12-24', -4],
  ])('%s → %s is %i', (from, to, expected) => {
    expect(workingDaysBetween(from, to, HOLIDAYS)).toBe(expected);
  });

  it('undoes addWorkingDays for every start day of 2026 and 0 to 15 days', () => {
    for (let day = 0; day < 365; day++) {
      const from = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
      for (let n = 0; n <= 15; n++) {
        expect(workingDaysBetween(from, addWorkingDays(from, n, HOLIDAYS), HOLIDAYS)).toBe(n);
      }
    }
  });
});

describe('firstContactTarget', () => {
  const dueDate = '2026-04-07';

  it.each([
    ['2026-04-01T09:00:00Z', 'met', 'well before'],
    ['2026-04-07T22:59:00Z', 'met', '23:59 BST on the due date'],
    ['2026-04-07T23:00:00Z', 'missed', 'midnight BST, the day after'],
    ['2026-04-20T09:00:00Z', 'missed', 'long after'],
  ])('contact at %s is %s (%s)', (contact, expected) => {
    expect(firstContactTarget({ dueDate, firstContactAt: new Date(contact), now: new Date('2026-05-01T09:00:00Z') })).toBe(expected);
  });

  it.each([
    ['2026-04-02T09:00:00Z', 'on-track'],
    ['2026-04-06T22:59:00Z', 'on-track'],
    ['2026-04-06T23:00:00Z', 'due-today'],
    ['2026-04-07T16:00:00Z', 'due-today'],
    ['2026-04-07T23:00:00Z', 'breached'],
    ['2026-06-01T09:00:00Z', 'breached'],
  ])('with no contact yet, at %s it is %s', (now, expected) => {
    expect(firstContactTarget({ dueDate, firstContactAt: null, now: new Date(now) })).toBe(expected);
  });

  it('judges a GMT due date by the London day', () => {
    expect(firstContactTarget({ dueDate: '2026-01-15', firstContactAt: null, now: new Date('2026-01-15T23:30:00Z') })).toBe('due-today');
    expect(firstContactTarget({ dueDate: '2026-01-15', firstContactAt: null, now: new Date('2026-01-16T00:00:00Z') })).toBe('breached');
  });

  it('refuses a due date that is not an ISO date', () => {
    expect(() => firstContactTarget({ dueDate: '07/04/2026', firstContactAt: null, now: new Date() })).toThrow(RangeError);
  });
});
