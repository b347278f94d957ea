import { z } from 'zod';
import {
  measureDefinition,
  outcomeSettings,
  scheduleEntry,
  type MeasureDefinition,
  type OutcomeSettings,
  type SchemeMeasure,
} from '../contracts/outcomes.js';
import type { SchemeScope } from '../data/access.js';
import { AppError } from '../errors.js';
import { BUILTIN_MEASURES } from './measures/builtin.js';
import { ownValue } from './scoring.js';

/**
 * The measures a scheme offers and its measurement settings. Reading these needs no permission
 * of its own (no personal data): services that act on a person authorize that act themselves.
 */

export const DEFAULT_OUTCOME_SETTINGS: OutcomeSettings = {
  disabledMeasures: [],
  meaningfulChange: {},
  schedule: [
    { measureKey: 'swemwbs', points: [{ kind: 'baseline' }, { kind: 'follow-up', weeks: 12 }, { kind: 'follow-up', weeks: 24 }, { kind: 'closure' }] },
    { measureKey: 'ons4', points: [{ kind: 'baseline' }, { kind: 'follow-up', weeks: 12 }, { kind: 'closure' }] },
  ],
  overdueAfterDays: 14,
  linkExpiryDays: 14,
  version: 0,
};

const storedSchedule = z.array(scheduleEntry);
const storedThresholds = outcomeSettings.shape.meaningfulChange;

/** Read once per transaction: a page that lists many people judges them all by one schedule. */
const settingsPerTransaction = new WeakMap<SchemeScope['db'], Promise<OutcomeSettings>>();

export function loadOutcomeSettings(scope: SchemeScope): Promise<OutcomeSettings> {
  let settings = settingsPerTransaction.get(scope.db);
  if (!settings) {
    settings = readSettings(scope);
    settingsPerTransaction.set(scope.db, settings);
  }
  return settings;
}

/** After a change in the same transaction, the next read must see it. */
export function forgetOutcomeSettings(scope: SchemeScope): void {
  settingsPerTransaction.delete(scope.db);
}

async function readSettings(scope: SchemeScope): Promise<OutcomeSettings> {
  const row = await scope.db.selectFrom('outcome_settings').selectAll().where('scheme_id', '=', scope.schemeId).executeTakeFirst();
  if (!row) return DEFAULT_OUTCOME_SETTINGS;
  const schedule = storedSchedule.safeParse(row.schedule);
  const thresholds = storedThresholds.safeParse(row.meaningful_change);
  return {
    disabledMeasures: row.disabled_measures,
    meaningfulChange: thresholds.success ? thresholds.data : {},
    schedule: schedule.success ? schedule.data : DEFAULT_OUTCOME_SETTINGS.schedule,
    overdueAfterDays: row.overdue_after_days,
    linkExpiryDays: row.link_expiry_days,
    version: row.version,
  };
}

/** The scheme's own scales, newest version of each. A stored definition that no longer parses is skipped, not fatal. */
export async function loadCustomMeasures(scope: SchemeScope): Promise<MeasureDefinition[]> {
  const rows = await scope.db
    .selectFrom('measure_definitions')
    .select(['definition', 'version'])
    .where('scheme_id', '=', scope.schemeId)
    .orderBy('key')
    .execute();
  const measures: MeasureDefinition[] = [];
  for (const row of rows) {
    const parsed = measureDefinition.safeParse(row.definition);
    if (parsed.success) measures.push({ ...parsed.data, origin: 'scheme', version: row.version });
  }
  return measures;
}

/** Every measure this scheme could offer, with whether it is on and its meaningful-change threshold. */
export async function schemeMeasures(scope: SchemeScope): Promise<SchemeMeasure[]> {
  const settings = await loadOutcomeSettings(scope);
  const disabled = new Set(settings.disabledMeasures);
  const all = [...BUILTIN_MEASURES, ...(await loadCustomMeasures(scope))];
  return all.map((definition) => ({
    definition,
    enabled: !disabled.has(definition.key),
    meaningfulChange: ownValue(settings.meaningfulChange, definition.key) ?? definition.meaningfulChange,
  }));
}

/**
 * The measure to record or send, refusing one the scheme has switched off or does not have,
 * and (for a link) one that may not be completed by the person alone.
 */
export async function requireMeasure(scope: SchemeScope, key: string, options: { selfCompletion?: boolean } = {}): Promise<SchemeMeasure> {
  const measure = (await schemeMeasures(scope)).find((m) => m.definition.key === key);
  if (!measure) throw new AppError('validation', `This scheme has no measure "${key}".`, { code: 'unknown-measure', fields: [{ field: 'body.measureKey', message: 'Choose one of the scheme’s measures' }] });
  if (!measure.enabled) {
    throw new AppError('validation', `${measure.definition.name} is switched off for this scheme.`, {
      code: 'measure-switched-off',
      fields: [{ field: 'body.measureKey', message: 'Choose a measure the scheme uses' }],
    });
  }
  if (options.selfCompletion && !measure.definition.selfCompletion) {
    throw new AppError('validation', `${measure.definition.name} cannot be completed by the person alone: record it with them instead.`, {
      code: 'not-self-completable',
      fields: [{ field: 'body.measureKey', message: 'Choose a measure the person can complete alone' }],
    });
  }
  return measure;
}
