import type { DirectorySettings, DirectorySettingsUpdate } from '../contracts/directory.js';
import type { SchemeScope } from '../data/access.js';
import { validationError, type FieldProblem } from '../errors.js';
import { loadReferralSettings } from '../referrals/settings.js';

/** A scheme's directory settings: when a listing goes stale, which terms meet each need, its area. */

export const DEFAULT_STALE_AFTER_DAYS = 365;

const DEFAULTS: DirectorySettings = { staleAfterDays: DEFAULT_STALE_AFTER_DAYS, needTerms: {}, area: null, contactEmail: null, contactPhone: null };

function parseNeedTerms(value: unknown): Record<string, string[]> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const result: Record<string, string[]> = {};
  for (const [code, ids] of Object.entries(value)) {
    if (Array.isArray(ids)) result[code] = ids.filter((id): id is string => typeof id === 'string');
  }
  return result;
}

/** Read once per transaction: every service on a page is judged stale against the same window. */
const perTransaction = new WeakMap<SchemeScope['db'], Promise<DirectorySettings>>();

export function loadDirectorySettings(scope: SchemeScope): Promise<DirectorySettings> {
  let settings = perTransaction.get(scope.db);
  if (!settings) {
    settings = readSettings(scope);
    perTransaction.set(scope.db, settings);
  }
  return settings;
}

async function readSettings(scope: SchemeScope): Promise<DirectorySettings> {
  const row = await scope.db.selectFrom('directory_settings').selectAll().where('scheme_id', '=', scope.schemeId).executeTakeFirst();
  if (!row) return DEFAULTS;
  const hasArea = row.area_latitude !== null && row.area_longitude !== null && row.area_radius_km !== null;
  return {
    staleAfterDays: row.stale_after_days,
    needTerms: parseNeedTerms(row.need_terms),
    area: hasArea
      ? { description: row.area_description, latitude: row.area_latitude ?? 0, longitude: row.area_longitude ?? 0, radiusKm: row.area_radius_km ?? 0 }
      : null,
    contactEmail: row.contact_email,
    contactPhone: row.contact_phone,
  };
}

/** A manager changes the settings; need codes must be the scheme's and term ids must exist. */
export async function updateDirectorySettings(scope: SchemeScope, change: DirectorySettingsUpdate): Promise<DirectorySettings> {
  scope.authorize('directory_settings', 'update');
  const current = await readSettings(scope);
  const next: DirectorySettings = {
    staleAfterDays: change.staleAfterDays ?? current.staleAfterDays,
    needTerms: change.needTerms ?? current.needTerms,
    area: change.area === undefined ? current.area : change.area,
    contactEmail: change.contactEmail === undefined ? current.contactEmail : change.contactEmail,
    contactPhone: change.contactPhone === undefined ? current.contactPhone : (change.contactPhone ?? null),
  };
  if (change.needTerms) await checkNeedTerms(scope, change.needTerms);
  const values = {
    stale_after_days: next.staleAfterDays,
    need_terms: JSON.stringify(next.needTerms),
    area_description: next.area?.description ?? null,
    area_latitude: next.area?.latitude ?? null,
    area_longitude: next.area?.longitude ?? null,
    area_radius_km: next.area?.radiusKm ?? null,
    contact_email: next.contactEmail,
    contact_phone: next.contactPhone,
    updated_at: new Date(),
  };
  await scope.db
    .insertInto('directory_settings')
    .values({ scheme_id: scope.schemeId, ...values })
    .onConflict((oc) => oc.column('scheme_id').doUpdateSet(values))
    .execute();
  perTransaction.delete(scope.db);
  await scope.audit({ action: 'update', entityType: 'directory_settings', entityId: scope.schemeId, detail: { fields: Object.keys(change) } });
  return next;
}

async function checkNeedTerms(scope: SchemeScope, needTerms: Record<string, string[]>): Promise<void> {
  const problems: FieldProblem[] = [];
  const needs = new Set((await loadReferralSettings(scope)).needCategories.map((n) => n.code));
  for (const code of Object.keys(needTerms)) {
    if (!needs.has(code)) problems.push({ field: `body.needTerms.${code}`, message: `"${code}" is not one of the scheme’s need categories` });
  }
  const ids = [...new Set(Object.values(needTerms).flat())];
  const known = ids.length
    ? new Set((await scope.db.selectFrom('directory_taxonomy_terms').select('id').where('id', 'in', ids).execute()).map((r) => r.id))
    : new Set<string>();
  for (const [code, termIds] of Object.entries(needTerms)) {
    termIds.forEach((id, index) => {
      if (!known.has(id)) problems.push({ field: `body.needTerms.${code}.${index}`, message: 'No such taxonomy term' });
    });
  }
  if (problems.length > 0) throw validationError(problems);
}
