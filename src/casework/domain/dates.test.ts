import { describe, it, expect } from 'vitest';
import { dayMonth, daysBetween, isoDayNumber, listInEnglish, londonTimeAndDate } from './dates.js';

describe('isoDayNumber and daysBetween', () => {
  it('counts calendar days, across a month, a year and a leap day', () => {
    expect(isoDayNumber('1970-01-02')).toBe(1);
    expect(daysBetween('2026-11-30', '2026-12-14')).toBe(14);
    expect(daysBetween('2026-12-31', '2027-01-01')).toBe(1);
    expect(daysBetween('2028-02-28', '2028-03-01')).toBe(2);
    expect(daysBetween('2026-12-14', '2026-11-30')).toBe(-14);
    // The clocks going back on 25 October 2026 do not make a day longer.
    expect(daysBetween('2026-10-24', '2026-10-26')).toBe(2);
  });

  it.each(['2026-02-30', '2026-13-01', '3 December', '2026-1-5', ''])('throws for %j', (value) => {
    expect(() => isoDayNumber(value)).toThrow(RangeError);
  });
});

describe('dayMonth', () => {
  it('writes the day without a leading zero', () => {
    expect(dayMonth('2026-12-03')).toBe('3 December');
    expect(dayMonth('2027-01-31', true)).toBe('31 January 2027');
  });
});

describe('londonTimeAndDate', () => {
  it('gives London wall-clock time in summer and winter', () => {
    expect(londonTimeAndDate(new Date('2026-06-02T13:30:00Z'))).toBe('14:30 on 2 June 2026');
    expect(londonTimeAndDate(new Date('2026-12-03T09:05:00Z'))).toBe('09:05 on 3 December 2026');
    // 23:30 UTC on 30 June is already 1 July in London.
    expect(londonTimeAndDate(new Date('2026-06-30T23:30:00Z'))).toBe('00:30 on 1 July 2026');
  });
});

describe('listInEnglish', () => {
  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b'], 'a and b'],
    [['a', 'b', 'c'], 'a, b and c'],
  ] as [string[], string][])('%j → %j', (items, expected) => {
    expect(listInEnglish(items)).toBe(expected);
  });
});
