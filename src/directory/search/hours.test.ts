import { describe, expect, it } from 'vitest';
import { clock, minutesOf, openHoursOf, sessionsOf, slotsOfSession, slotsWanted, weekdaysOf } from './hours.js';

const weekly = (byday: string | null, opens_at: string | null, closes_at: string | null, freq: string | null = 'WEEKLY') => ({ freq, byday, opens_at, closes_at });

describe('minutesOf', () => {
  it.each([
    ['10:00', 600],
    ['10:00:00', 600],
    ['09:05:30', 545],
    ['00:00', 0],
    ['24:00:00', 1440],
    ['23:59', 1439],
    ['10:00:00.000', 600],
  ])('%s → %i', (text, minutes) => expect(minutesOf(text)).toBe(minutes));
  it.each([null, '', '10', '9:00', '25:00', '24:01', '10:60', 'noon', '10.00'])('%s → null', (text) => expect(minutesOf(text)).toBeNull());
});

describe('weekdaysOf', () => {
  it.each([
    ['MO', [1]],
    ['TU', [2]],
    ['SU', [7]],
    ['MO,WE,FR', [1, 3, 5]],
    ['fr, mo', [1, 5]],
    ['2TU', [2]],
    ['-1FR', [5]],
    ['+1SA', [6]],
    ['1MO,3MO', [1]],
    ['XX,TU', [2]],
    ['TUESDAY', []],
    ['', []],
  ])('%s → %j', (byday, days) => expect(weekdaysOf(byday)).toEqual(days));
  it('no byday → none', () => expect(weekdaysOf(null)).toEqual([]));
});

describe('slotsOfSession', () => {
  it('10:00–11:30 on Tuesday covers 10 and 11', () => expect(slotsOfSession({ weekday: 2, opensAt: 600, closesAt: 690 })).toEqual([210, 211]));
  it('a session ending at 12:00 exactly does not cover 12', () => expect(slotsOfSession({ weekday: 1, opensAt: 600, closesAt: 720 })).toEqual([110, 111]));
  it('a session starting mid-hour covers that hour', () => expect(slotsOfSession({ weekday: 3, opensAt: 645, closesAt: 660 })).toEqual([310]));
  it('without a closing time only the opening hour counts', () => expect(slotsOfSession({ weekday: 4, opensAt: 870, closesAt: null })).toEqual([414]));
  it('equal opening and closing times count as the opening hour', () => expect(slotsOfSession({ weekday: 5, opensAt: 600, closesAt: 600 })).toEqual([510]));
  it('to 24:00 covers the last hour of the day', () => expect(slotsOfSession({ weekday: 6, opensAt: 1320, closesAt: 1440 })).toEqual([622, 623]));
  it('past midnight runs into the next day', () => expect(slotsOfSession({ weekday: 1, opensAt: 1380, closesAt: 90 })).toEqual([123, 200, 201]));
  it('Sunday night runs into Monday', () => expect(slotsOfSession({ weekday: 7, opensAt: 1380, closesAt: 60 })).toEqual([723, 100]));
});

describe('sessionsOf and openHoursOf', () => {
  it('a weekly Tuesday session 10:00–11:30 → 210, 211', () => expect(openHoursOf([weekly('TU', '10:00:00', '11:30:00')])).toEqual([210, 211]));
  it('no freq is read as weekly', () => expect(openHoursOf([weekly('WE', '14:00', '15:00', null)])).toEqual([314]));
  it('monthly on the second Tuesday counts as Tuesday', () => expect(openHoursOf([weekly('2TU', '18:00', '20:00', 'MONTHLY')])).toEqual([218, 219]));
  it('several days and schedules merge, sorted, without repeats', () =>
    expect(openHoursOf([weekly('MO,TH', '09:30', '10:30'), weekly('MO', '10:00', '11:00')])).toEqual([109, 110, 409, 410]));
  it.each([
    ['a daily rule', weekly('TU', '10:00', '11:00', 'DAILY')],
    ['no weekday', weekly(null, '10:00', '11:00')],
    ['monthly by day of month only', weekly(null, '10:00', '11:00', 'MONTHLY')],
    ['no opening time', weekly('TU', null, '11:00')],
    ['an unreadable opening time', weekly('TU', 'ten', '11:00')],
    ['opening at 24:00', weekly('TU', '24:00', null)],
  ])('%s is ignored', (_name, schedule) => {
    expect(sessionsOf(schedule)).toEqual([]);
    expect(openHoursOf([schedule])).toEqual([]);
  });
  it('an unreadable closing time counts as the opening hour', () => expect(openHoursOf([weekly('FR', '10:15', 'late')])).toEqual([510]));
  it('sessions keep their weekday and times', () =>
    expect(sessionsOf(weekly('MO,FR', '10:00', '11:30'))).toEqual([
      { weekday: 1, opensAt: 600, closesAt: 690 },
      { weekday: 5, opensAt: 600, closesAt: 690 },
    ]));
});

describe('slotsWanted', () => {
  it('no day or time → no filter', () => expect(slotsWanted(undefined, undefined)).toBeNull());
  it('Tuesday morning → 206 to 211', () => expect(slotsWanted('tue', 'morning')).toEqual([206, 207, 208, 209, 210, 211]));
  it('Sunday evening → 717 to 721', () => expect(slotsWanted('sun', 'evening')).toEqual([717, 718, 719, 720, 721]));
  it('a day alone → all its hours', () => {
    const slots = slotsWanted('mon', undefined);
    expect(slots).toHaveLength(24);
    expect(slots?.[0]).toBe(100);
    expect(slots?.[23]).toBe(123);
  });
  it('a time alone → that time on every day', () => {
    const slots = slotsWanted(undefined, 'afternoon');
    expect(slots).toHaveLength(35);
    expect(slots).toContain(112);
    expect(slots).toContain(716);
    expect(slots).not.toContain(117);
  });
});

describe('clock', () => {
  it.each([
    [600, '10:00'],
    [690, '11:30'],
    [5, '00:05'],
    [1440, '00:00'],
  ])('%i → %s', (minutes, text) => expect(clock(minutes)).toBe(text));
});
