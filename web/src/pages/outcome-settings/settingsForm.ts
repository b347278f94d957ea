import type { OutcomeSettings, SchedulePoint, SchemeMeasure } from '../../../../src/contracts/outcomes.js';
import { formText, type Checked, type FormErrors } from '../../forms/errors.js';

/**
 * Reading the outcome settings form. Inputs are uncontrolled and read when saving; the rows of
 * the schedule (which measures it holds, in order) are the only state. Every field's name is
 * also its id, so the error summary links land on it.
 */

export type SettingsInput = Omit<OutcomeSettings, 'version'>;

export const schedulePointField = (measureKey: string, part: 'baseline' | 'weeks' | 'closure'): string => `schedule-${measureKey}-${part}`;
export const meaningfulField = (measureKey: string): string => `meaningful-${measureKey}`;
export const enabledField = (measureKey: string): string => `enabled-${measureKey}`;

/** Measures with a headline score have a threshold for change; ONS4 (item by item) and entered tools without one do not. */
export function hasHeadline(measure: SchemeMeasure): boolean {
  const scoring = measure.definition.scoring;
  switch (scoring.rule) {
    case 'sum':
    case 'sum-table':
    case 'mean':
      return true;
    case 'each':
      return false;
    case 'entered':
      return scoring.headline !== null;
    default: {
      const unreachable: never = scoring;
      return unreachable;
    }
  }
}

/** "6, 12" → [6, 12], sorted, without repeats. */
export function parseWeeks(text: string): { ok: true; weeks: number[] } | { ok: false; message: string } {
  const parts = text
    .split(/[\s,]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  const weeks: number[] = [];
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part)) return { ok: false, message: 'Enter follow-ups as whole numbers of weeks, separated by commas, like 6, 12' };
    const n = Number(part);
    if (n < 1 || n > 156) return { ok: false, message: 'Each follow-up must be between 1 and 156 weeks after first contact' };
    if (!weeks.includes(n)) weeks.push(n);
  }
  return { ok: true, weeks: weeks.sort((a, b) => a - b) };
}

/** The weeks of an entry's follow-ups, as the form shows them: "12, 24". */
export function weeksText(points: readonly SchedulePoint[]): string {
  return points
    .flatMap((p) => (p.kind === 'follow-up' ? [p.weeks] : []))
    .sort((a, b) => a - b)
    .join(', ');
}

function wholeDays(data: FormData, field: string, min: number, max: number, what: string, errors: Record<string, string>): number {
  const text = formText(data, field).trim();
  if (!/^\d{1,3}$/.test(text) || Number(text) < min || Number(text) > max) {
    errors[field] = `Enter ${what} as a whole number of days from ${min} to ${max}`;
    return min;
  }
  return Number(text);
}

/** The ids of the fields in page order, for the error summary. */
export function fieldOrder(measures: readonly SchemeMeasure[], rows: readonly string[]): string[] {
  return [
    ...measures.map((m) => enabledField(m.definition.key)),
    ...measures.filter(hasHeadline).map((m) => meaningfulField(m.definition.key)),
    ...rows.flatMap((key) => [schedulePointField(key, 'baseline'), schedulePointField(key, 'weeks'), schedulePointField(key, 'closure')]),
    'overdueAfterDays',
    'linkExpiryDays',
  ];
}

/**
 * The settings the form says, or what to fix. A measure switched off may stay in the schedule
 * (it is not offered while off, and comes back as it was when switched on again).
 */
export function readSettingsForm(data: FormData, measures: readonly SchemeMeasure[], rows: readonly string[]): Checked<SettingsInput> {
  const errors: Record<string, string> = {};
  const disabledMeasures = measures.filter((m) => data.get(enabledField(m.definition.key)) === null).map((m) => m.definition.key);

  const meaningfulChange: Record<string, number> = {};
  for (const measure of measures.filter(hasHeadline)) {
    const field = meaningfulField(measure.definition.key);
    const text = formText(data, field).trim();
    if (text === '') continue;
    if (!/^\d{1,4}(\.\d{1,2})?$/.test(text) || Number(text) <= 0) {
      errors[field] = `Enter the meaningful change for ${measure.definition.shortName} as a number above 0, like 2.87, or leave it empty`;
      continue;
    }
    meaningfulChange[measure.definition.key] = Number(text);
  }

  const schedule = rows.map((measureKey) => {
    const name = measures.find((m) => m.definition.key === measureKey)?.definition.shortName ?? measureKey;
    const points: SchedulePoint[] = [];
    if (data.get(schedulePointField(measureKey, 'baseline')) !== null) points.push({ kind: 'baseline' });
    const weeks = parseWeeks(formText(data, schedulePointField(measureKey, 'weeks')));
    if (weeks.ok) points.push(...weeks.weeks.map((w): SchedulePoint => ({ kind: 'follow-up', weeks: w })));
    else errors[schedulePointField(measureKey, 'weeks')] = weeks.message;
    if (data.get(schedulePointField(measureKey, 'closure')) !== null) points.push({ kind: 'closure' });
    if (weeks.ok && points.length === 0) errors[schedulePointField(measureKey, 'baseline')] = `Choose when ${name} is used, or remove it from the schedule`;
    if (points.length > 12) errors[schedulePointField(measureKey, 'weeks')] = `${name} can be used at no more than 12 times`;
    return { measureKey, points };
  });

  const overdueAfterDays = wholeDays(data, 'overdueAfterDays', 1, 90, 'when a measure counts as overdue', errors);
  const linkExpiryDays = wholeDays(data, 'linkExpiryDays', 1, 60, 'how long a link works', errors);

  if (Object.keys(errors).length > 0) return { ok: false, errors: { detail: null, fields: errors } };
  return { ok: true, value: { disabledMeasures, meaningfulChange, schedule, overdueAfterDays, linkExpiryDays } };
}

/** Server problems ("body.schedule.0.points") that name no field of the form go in the summary. */
export function settingsProblemErrors(problem: { detail: string; errors: readonly { field: string; message: string }[] }, known: readonly string[]): FormErrors {
  const fields: Record<string, string> = {};
  const other: string[] = [];
  for (const { field, message } of problem.errors) {
    const last = field.split('.').at(-1) ?? '';
    if (known.includes(last)) fields[last] ??= message;
    else other.push(message);
  }
  return { detail: other.length > 0 ? other.join('. ') : Object.keys(fields).length > 0 ? null : problem.detail, fields };
}
