import type { z } from 'zod';
import type { OutcomeSettings, outcomeSettingsInput, SchedulePoint } from '../contracts/outcomes.js';
import type { SchemeScope } from '../data/access.js';
import { writeVersionedSettings } from '../data/versioned-settings.js';
import { validationError, type FieldProblem } from '../errors.js';
import { forgetOutcomeSettings, loadOutcomeSettings, schemeMeasures } from './catalogue.js';
import { timepointOf } from './schedule.js';

/**
 * A scheme's measurement settings: which measures are off, its own meaningful-change
 * thresholds and its schedule. Administrators change them; every write names the version it was
 * made against, so two administrators cannot overwrite each other unseen.
 */

export type OutcomeSettingsInput = z.infer<typeof outcomeSettingsInput>;

export async function getOutcomeSettings(scope: SchemeScope): Promise<OutcomeSettings> {
  scope.authorize('outcome_settings', 'read');
  return loadOutcomeSettings(scope);
}

/** Each reason the settings refer to a measure wrongly, naming the field. */
export function settingsProblems(input: OutcomeSettingsInput, known: ReadonlySet<string>): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const unknown = (field: string, key: string) => problems.push({ field, message: `This scheme has no measure "${key}"` });
  input.disabledMeasures.forEach((key, i) => {
    if (!known.has(key)) unknown(`body.disabledMeasures.${i}`, key);
  });
  for (const key of Object.keys(input.meaningfulChange)) {
    if (!known.has(key)) unknown(`body.meaningfulChange.${key}`, key);
  }
  const disabled = new Set(input.disabledMeasures);
  const scheduled = new Set<string>();
  input.schedule.forEach((entry, i) => {
    const at = `body.schedule.${i}`;
    if (!known.has(entry.measureKey)) unknown(`${at}.measureKey`, entry.measureKey);
    else if (disabled.has(entry.measureKey)) problems.push({ field: `${at}.measureKey`, message: 'A measure that is switched off cannot be scheduled' });
    if (scheduled.has(entry.measureKey)) problems.push({ field: `${at}.measureKey`, message: 'Put all of a measure’s points in one entry' });
    scheduled.add(entry.measureKey);
    const points = new Set<string>();
    entry.points.forEach((point: SchedulePoint, j) => {
      const timepoint = timepointOf(point);
      if (points.has(timepoint)) problems.push({ field: `${at}.points.${j}`, message: 'Each point of a schedule can appear only once' });
      points.add(timepoint);
    });
  });
  return problems;
}

/**
 * Replaces the settings. Licensed tools may be scheduled: the schedule says when a measure is
 * due, and a licensed tool is then recorded with the link worker (a link for it is refused).
 */
export async function updateOutcomeSettings(scope: SchemeScope, input: OutcomeSettingsInput, expectedVersion: number): Promise<OutcomeSettings> {
  scope.authorize('outcome_settings', 'update');
  const known = new Set((await schemeMeasures(scope)).map((m) => m.definition.key));
  const problems = settingsProblems(input, known);
  if (problems.length > 0) throw validationError(problems, 'The settings cannot be saved yet.');
  const values = {
    disabled_measures: [...new Set(input.disabledMeasures)],
    meaningful_change: JSON.stringify(input.meaningfulChange),
    schedule: JSON.stringify(input.schedule),
    overdue_after_days: input.overdueAfterDays,
    link_expiry_days: input.linkExpiryDays,
  };
  const version = await writeVersionedSettings(scope, 'outcome_settings', values, expectedVersion, 'The settings have been changed by someone else. Reload them and make your change again.');
  forgetOutcomeSettings(scope);
  await scope.audit({
    action: 'update',
    entityType: 'outcome_settings',
    detail: { version, disabledMeasures: values.disabled_measures, scheduled: input.schedule.map((e) => e.measureKey) },
  });
  return loadOutcomeSettings(scope);
}
