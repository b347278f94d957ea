/**
 * The scheme's non-attendance rule for a group or service the person was referred on to.
 * Stopping going can be the first sign that things are getting worse for someone, so the link
 * worker is alerted: after a run of missed sessions, or when the person has not been to a single
 * session some days after the place was accepted. Pure; the caller raises one alert per key.
 */
import type { AttendanceMark } from '../../contracts/casework-codes.js';
import { dayMonth, daysBetween, isoDayNumber, listInEnglish } from './dates.js';

export interface AttendanceRule {
  /** Missed sessions in a row that raise an alert; 0 switches this half of the rule off. */
  consecutiveMisses: number;
  /** Days after acceptance with no session attended that raise an alert; 0 switches it off. */
  daysWithoutAttendance: number;
}

export const DEFAULT_ATTENDANCE_RULE: Readonly<AttendanceRule> = { consecutiveMisses: 2, daysWithoutAttendance: 14 };
export const MAX_CONSECUTIVE_MISSES = 10;
export const MAX_DAYS_WITHOUT_ATTENDANCE = 90;

export type RuleValidation = { ok: true; rule: AttendanceRule } | { ok: false; code: 'invalid-rule'; message: string };

function wholeIn(value: unknown, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= max;
}

export function validateAttendanceRule(rule: { consecutiveMisses: unknown; daysWithoutAttendance: unknown }): RuleValidation {
  if (!wholeIn(rule.consecutiveMisses, MAX_CONSECUTIVE_MISSES)) {
    return {
      ok: false,
      code: 'invalid-rule',
      message: `Missed sessions in a row must be a whole number from 0 to ${MAX_CONSECUTIVE_MISSES} (0 turns this alert off).`,
    };
  }
  if (!wholeIn(rule.daysWithoutAttendance, MAX_DAYS_WITHOUT_ATTENDANCE)) {
    return {
      ok: false,
      code: 'invalid-rule',
      message: `Days without attending must be a whole number from 0 to ${MAX_DAYS_WITHOUT_ATTENDANCE} (0 turns this alert off).`,
    };
  }
  return { ok: true, rule: { consecutiveMisses: rule.consecutiveMisses, daysWithoutAttendance: rule.daysWithoutAttendance } };
}

export interface AttendanceInput {
  /** The London date the provider accepted the place. */
  acceptedOn: string;
  /** Register marks in any order; marks dated after today are ignored, as they cannot have happened. */
  marks: readonly { date: string; mark: AttendanceMark }[];
  today: string;
  rule: AttendanceRule;
}

export type NonAttendanceReason = 'consecutive_misses' | 'no_attendance';

export type AttendanceVerdict =
  | { alert: false }
  | { alert: true; reason: NonAttendanceReason; key: string; message: string };

/** Beyond this many, the message names the first miss instead of listing every date. */
const MOST_DATES_LISTED = 4;

/** "3 and 10 December", "26 November and 3 December", with years only when they are not this year's. */
function describeDates(dates: readonly string[], today: string): string {
  const year = today.slice(0, 4);
  const withYear = dates.some((d) => d.slice(0, 4) !== year);
  const oneMonth = dates.every((d) => d.slice(0, 7) === dates[0]?.slice(0, 7));
  if (oneMonth && dates.length > 1) {
    // Only the last date carries the month: "3, 10 and 17 December".
    const days = dates.slice(0, -1).map((d) => String(Number(d.slice(8, 10))));
    return listInEnglish([...days, dayMonth(dates[dates.length - 1] ?? today, withYear)]);
  }
  return listInEnglish(dates.map((d) => dayMonth(d, withYear)));
}

/** The newest run of misses, oldest first, passing over apologies. */
function latestMissRun(marks: AttendanceInput['marks'], today: string): string[] {
  const todayNumber = isoDayNumber(today);
  // Array sort is stable, so two marks on one day keep the order the caller gave them.
  const counted = marks
    .filter((m) => m.mark !== 'excused' && isoDayNumber(m.date) <= todayNumber)
    .sort((a, b) => isoDayNumber(a.date) - isoDayNumber(b.date));
  const run: string[] = [];
  for (let i = counted.length - 1; i >= 0; i--) {
    const entry = counted[i];
    if (entry === undefined || entry.mark !== 'missed') break;
    run.unshift(entry.date);
  }
  return run;
}

export function evaluateAttendance(input: AttendanceInput): AttendanceVerdict {
  const checked = validateAttendanceRule(input.rule);
  // A rule is validated when the scheme saves it, so a bad one here is a programming error.
  if (!checked.ok) throw new RangeError(checked.message);
  const { consecutiveMisses, daysWithoutAttendance } = checked.rule;

  if (consecutiveMisses > 0) {
    const run = latestMissRun(input.marks, input.today);
    const first = run[0];
    if (first !== undefined && run.length >= consecutiveMisses) {
      const message =
        run.length > MOST_DATES_LISTED
          ? `Missed ${run.length} sessions in a row, since ${describeDates([first], input.today)}.`
          : `Missed ${run.length} ${run.length === 1 ? 'session' : 'sessions in a row'} (${describeDates(run, input.today)}).`;
      // Keyed by the run's first miss: the run keeps that key as it grows, so one run is one alert.
      return { alert: true, reason: 'consecutive_misses', key: `misses:${first}`, message };
    }
  }

  if (daysWithoutAttendance > 0) {
    const todayNumber = isoDayNumber(input.today);
    const attended = input.marks.some((m) => m.mark === 'attended' && isoDayNumber(m.date) <= todayNumber);
    const days = daysBetween(input.acceptedOn, input.today);
    if (!attended && days >= daysWithoutAttendance) {
      return {
        alert: true,
        reason: 'no_attendance',
        key: 'no-attendance',
        message: `Has not attended any session in the ${days} days since the place was accepted on ${describeDates([input.acceptedOn], input.today)}.`,
      };
    }
  }
  return { alert: false };
}
