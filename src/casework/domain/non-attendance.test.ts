import { describe, it, expect } from 'vitest';
import type { AttendanceMark } from '../../contracts/casework-codes.js';
import {
  DEFAULT_ATTENDANCE_RULE,
  evaluateAttendance,
  validateAttendanceRule,
  type AttendanceRule,
  type AttendanceVerdict,
} from './non-attendance.js';

type Marks = [string, AttendanceMark][];
const marks = (list: Marks) => list.map(([date, mark]) => ({ date, mark }));

/** A weekly Thursday group, place accepted Monday 30 November 2026. */
function evaluate(list: Marks, today: string, rule: AttendanceRule = DEFAULT_ATTENDANCE_RULE, acceptedOn = '2026-11-30'): AttendanceVerdict {
  return evaluateAttendance({ acceptedOn, marks: marks(list), today, rule });
}

const misses = (key: string, message: string): AttendanceVerdict => ({ alert: true, reason: 'consecutive_misses', key, message });
const none = (message: string): AttendanceVerdict => ({ alert: true, reason: 'no_attendance', key: 'no-attendance', message });

describe('evaluateAttendance: missed sessions in a row', () => {
  it('alerts on two misses in a row, keyed by the first', () => {
    expect(evaluate([['2026-12-03', 'missed'], ['2026-12-10', 'missed']], '2026-12-11')).toEqual(
      misses('misses:2026-12-03', 'Missed 2 sessions in a row (3 and 10 December).'),
    );
  });

  it('takes marks in any order', () => {
    expect(evaluate([['2026-12-10', 'missed'], ['2026-12-03', 'missed']], '2026-12-11')).toEqual(
      misses('misses:2026-12-03', 'Missed 2 sessions in a row (3 and 10 December).'),
    );
  });

  it('does not alert on one miss, or when attending broke the run', () => {
    expect(evaluate([['2026-12-03', 'missed']], '2026-12-04')).toEqual({ alert: false });
    expect(evaluate([['2026-12-03', 'attended'], ['2026-12-10', 'missed']], '2026-12-11')).toEqual({ alert: false });
    expect(evaluate([['2026-12-03', 'missed'], ['2026-12-10', 'attended'], ['2026-12-17', 'missed']], '2026-12-18')).toEqual({ alert: false });
  });

  it('passes over apologies: they neither count nor break the run', () => {
    expect(evaluate([['2026-12-03', 'missed'], ['2026-12-10', 'excused'], ['2026-12-17', 'missed']], '2026-12-18')).toEqual(
      misses('misses:2026-12-03', 'Missed 2 sessions in a row (3 and 17 December).'),
    );
    expect(evaluate([['2026-12-03', 'missed'], ['2026-12-10', 'missed'], ['2026-12-17', 'excused']], '2026-12-18')).toEqual(
      misses('misses:2026-12-03', 'Missed 2 sessions in a row (3 and 10 December).'),
    );
    expect(evaluate([['2026-12-03', 'attended'], ['2026-12-10', 'excused'], ['2026-12-17', 'missed']], '2026-12-18')).toEqual({ alert: false });
  });

  it('keeps the same key as the run grows, so it stays one alert', () => {
    const run: Marks = [['2026-12-03', 'missed'], ['2026-12-10', 'missed'], ['2026-12-17', 'missed']];
    expect(evaluate(run, '2026-12-18')).toEqual(misses('misses:2026-12-03', 'Missed 3 sessions in a row (3, 10 and 17 December).'));
  });

  it('gives a new run after attending a new key', () => {
    const list: Marks = [
      ['2026-12-03', 'missed'], ['2026-12-10', 'missed'], ['2026-12-17', 'attended'],
      ['2026-12-24', 'missed'], ['2026-12-31', 'missed'],
    ];
    // Today is in 2027, so the 2026 dates carry their year.
    expect(evaluate(list, '2027-01-01')).toEqual(misses('misses:2026-12-24', 'Missed 2 sessions in a row (24 and 31 December 2026).'));
  });

  it('names months and years across a boundary', () => {
    expect(evaluate([['2026-11-26', 'missed'], ['2026-12-03', 'missed']], '2026-12-04')).toEqual(
      misses('misses:2026-11-26', 'Missed 2 sessions in a row (26 November and 3 December).'),
    );
    expect(evaluate([['2026-12-31', 'missed'], ['2027-01-07', 'missed']], '2027-01-08')).toEqual(
      misses('misses:2026-12-31', 'Missed 2 sessions in a row (31 December 2026 and 7 January 2027).'),
    );
  });

  it('names only the first miss of a long run', () => {
    const list: Marks = [['2026-11-05', 'missed'], ['2026-11-12', 'missed'], ['2026-11-19', 'missed'], ['2026-11-26', 'missed'], ['2026-12-03', 'missed']];
    expect(evaluate(list, '2026-12-04', DEFAULT_ATTENDANCE_RULE, '2026-11-01')).toEqual(
      misses('misses:2026-11-05', 'Missed 5 sessions in a row, since 5 November.'),
    );
  });

  it('alerts on a single miss when the rule says 1', () => {
    expect(evaluate([['2026-12-03', 'missed']], '2026-12-04', { consecutiveMisses: 1, daysWithoutAttendance: 14 })).toEqual(
      misses('misses:2026-12-03', 'Missed 1 session (3 December).'),
    );
  });

  it('waits for the third miss when the rule says 3', () => {
    const rule = { consecutiveMisses: 3, daysWithoutAttendance: 0 };
    expect(evaluate([['2026-12-03', 'missed'], ['2026-12-10', 'missed']], '2026-12-11', rule)).toEqual({ alert: false });
  });

  it('ignores marks dated after today', () => {
    expect(evaluate([['2026-12-03', 'missed'], ['2026-12-17', 'missed']], '2026-12-11')).toEqual({ alert: false });
    // A future "attended" does not hide two real misses.
    expect(evaluate([['2026-12-03', 'missed'], ['2026-12-10', 'missed'], ['2026-12-17', 'attended']], '2026-12-11')).toEqual(
      misses('misses:2026-12-03', 'Missed 2 sessions in a row (3 and 10 December).'),
    );
  });

  it('counts a miss marked today', () => {
    expect(evaluate([['2026-12-03', 'missed'], ['2026-12-10', 'missed']], '2026-12-10')).toMatchObject({ key: 'misses:2026-12-03' });
  });

  it('keeps the given order for two marks on one day', () => {
    expect(evaluate([['2026-12-03', 'missed'], ['2026-12-10', 'missed'], ['2026-12-10', 'attended']], '2026-12-11')).toEqual({ alert: false });
  });
});

describe('evaluateAttendance: no attendance since acceptance', () => {
  // Accepted Tuesday 1 December 2026: 14 days on is 15 December.
  const accepted = '2026-12-01';

  it('alerts on exactly the 14th day, not before', () => {
    expect(evaluate([], '2026-12-14', DEFAULT_ATTENDANCE_RULE, accepted)).toEqual({ alert: false });
    expect(evaluate([], '2026-12-15', DEFAULT_ATTENDANCE_RULE, accepted)).toEqual(
      none('Has not attended any session in the 14 days since the place was accepted on 1 December.'),
    );
    expect(evaluate([], '2026-12-21', DEFAULT_ATTENDANCE_RULE, accepted)).toEqual(
      none('Has not attended any session in the 20 days since the place was accepted on 1 December.'),
    );
  });

  it('counts a single miss or apologies as not attending', () => {
    expect(evaluate([['2026-12-10', 'missed']], '2026-12-15', DEFAULT_ATTENDANCE_RULE, accepted)).toMatchObject({ reason: 'no_attendance' });
    expect(evaluate([['2026-12-03', 'excused'], ['2026-12-10', 'excused']], '2026-12-15', DEFAULT_ATTENDANCE_RULE, accepted)).toMatchObject({
      reason: 'no_attendance',
    });
  });

  it('is satisfied by one attended session', () => {
    expect(evaluate([['2026-12-03', 'attended'], ['2026-12-10', 'missed']], '2026-12-30', DEFAULT_ATTENDANCE_RULE, accepted)).toEqual({ alert: false });
  });

  it('is not satisfied by an attended mark dated after today', () => {
    expect(evaluate([['2026-12-17', 'attended']], '2026-12-15', DEFAULT_ATTENDANCE_RULE, accepted)).toMatchObject({ reason: 'no_attendance' });
  });

  it('gives the year when acceptance was last year', () => {
    expect(evaluate([], '2027-01-05', DEFAULT_ATTENDANCE_RULE, '2026-12-20')).toEqual(
      none('Has not attended any session in the 16 days since the place was accepted on 20 December 2026.'),
    );
  });

  it('does nothing when acceptance is in the future', () => {
    expect(evaluate([], '2026-11-01', DEFAULT_ATTENDANCE_RULE, accepted)).toEqual({ alert: false });
  });

  it('lets missed-in-a-row win when both apply', () => {
    expect(evaluate([['2026-12-03', 'missed'], ['2026-12-10', 'missed']], '2026-12-20', DEFAULT_ATTENDANCE_RULE, accepted)).toEqual(
      misses('misses:2026-12-03', 'Missed 2 sessions in a row (3 and 10 December).'),
    );
  });
});

describe('evaluateAttendance: switching halves off', () => {
  const twoMisses: Marks = [['2026-12-03', 'missed'], ['2026-12-10', 'missed']];

  it('with misses off, falls through to the no-attendance check', () => {
    expect(evaluate(twoMisses, '2026-12-11', { consecutiveMisses: 0, daysWithoutAttendance: 14 })).toEqual({ alert: false });
    expect(evaluate(twoMisses, '2026-12-14', { consecutiveMisses: 0, daysWithoutAttendance: 14 })).toEqual(
      none('Has not attended any session in the 14 days since the place was accepted on 30 November.'),
    );
  });

  it('with days off, never raises no-attendance', () => {
    expect(evaluate([], '2027-03-01', { consecutiveMisses: 2, daysWithoutAttendance: 0 })).toEqual({ alert: false });
  });

  it('with both off, never alerts', () => {
    expect(evaluate(twoMisses, '2027-03-01', { consecutiveMisses: 0, daysWithoutAttendance: 0 })).toEqual({ alert: false });
  });

  it('throws for a rule out of bounds', () => {
    expect(() => evaluate([], '2026-12-11', { consecutiveMisses: 11, daysWithoutAttendance: 14 })).toThrow(RangeError);
  });
});

describe('validateAttendanceRule', () => {
  it.each([
    [0, 0],
    [2, 14],
    [10, 90],
    [1, 1],
  ])('accepts %d misses and %d days', (consecutiveMisses, daysWithoutAttendance) => {
    expect(validateAttendanceRule({ consecutiveMisses, daysWithoutAttendance })).toEqual({
      ok: true,
      rule: { consecutiveMisses, daysWithoutAttendance },
    });
  });

  it.each([-1, 11, 2.5, Number.NaN, '2', null])('refuses %j missed sessions', (consecutiveMisses) => {
    expect(validateAttendanceRule({ consecutiveMisses, daysWithoutAttendance: 14 })).toEqual({
      ok: false,
      code: 'invalid-rule',
      message: 'Missed sessions in a row must be a whole number from 0 to 10 (0 turns this alert off).',
    });
  });

  it.each([-1, 91, 7.5, undefined])('refuses %j days', (daysWithoutAttendance) => {
    expect(validateAttendanceRule({ consecutiveMisses: 2, daysWithoutAttendance })).toEqual({
      ok: false,
      code: 'invalid-rule',
      message: 'Days without attending must be a whole number from 0 to 90 (0 turns this alert off).',
    });
  });
});
