import { sql } from 'kysely';
import type { z } from 'zod';
import { DEFAULT_NEED_CATEGORIES } from '../contracts/referral-codes.js';
import { eligibilityCriteria, type ReferralSettingsView, type referralSettingsUpdate } from '../contracts/referrals.js';
import type { SchemeScope } from '../data/access.js';
import { validationError } from '../errors.js';
import type { CodedEventKey } from './domain/lifecycle.js';
import { validateExtensions, type Coding } from './domain/coding.js';
import { OPEN_CRITERIA, type EligibilityCriteria } from './domain/eligibility.js';

/** A scheme's referral rules, with the defaults filled in. */
export interface ReferralSettings extends ReferralSettingsView {
  codedEvents: Partial<Record<CodedEventKey, Coding>>;
}

export const DEFAULT_FIRST_CONTACT_WORKING_DAYS = 5;
export const DEFAULT_REOPEN_WINDOW_DAYS = 90;

function parseCriteria(value: unknown): EligibilityCriteria {
  const parsed = eligibilityCriteria.safeParse({ ...OPEN_CRITERIA, ...(value as object) });
  return parsed.success ? parsed.data : OPEN_CRITERIA;
}

function parseNeeds(value: unknown): { code: string; label: string }[] {
  if (!Array.isArray(value) || value.length === 0) return [...DEFAULT_NEED_CATEGORIES];
  return value.filter(
    (v): v is { code: string; label: string } =>
      typeof v === 'object' && v !== null && typeof (v as { code?: unknown }).code === 'string' && typeof (v as { label?: unknown }).label === 'string',
  );
}

/** Settings read once per transaction: a referral's create, screen and response all need them. */
const perTransaction = new WeakMap<SchemeScope['db'], Promise<ReferralSettings>>();

export function loadReferralSettings(scope: SchemeScope): Promise<ReferralSettings> {
  let settings = perTransaction.get(scope.db);
  if (!settings) {
    settings = readSettings(scope);
    perTransaction.set(scope.db, settings);
  }
  return settings;
}

async function readSettings(scope: SchemeScope): Promise<ReferralSettings> {
  const row = await scope.db.selectFrom('referral_settings').selectAll().where('scheme_id', '=', scope.schemeId).executeTakeFirst();
  return {
    needCategories: parseNeeds(row?.need_categories),
    eligibility: parseCriteria(row?.eligibility),
    firstContactWorkingDays: row?.first_contact_working_days ?? DEFAULT_FIRST_CONTACT_WORKING_DAYS,
    reopenWindowDays: row?.reopen_window_days ?? DEFAULT_REOPEN_WINDOW_DAYS,
    selfReferralEnabled: row?.self_referral_enabled ?? true,
    codedEvents: (row?.coded_events ?? {}),
  };
}

export function presentSettings(settings: ReferralSettings): ReferralSettingsView {
  const { codedEvents: _codes, ...view } = settings;
  return view;
}

/** A manager changes the scheme's rules. Need codes the criteria name must exist. */
export async function updateReferralSettings(scope: SchemeScope, change: z.infer<typeof referralSettingsUpdate>): Promise<ReferralSettings> {
  scope.authorize('referral_settings', 'update');
  // A change names only some fields and keeps the rest as they are: read them under a lock, so
  // two managers saving different fields at once cannot undo each other's change.
  await sql`select pg_advisory_xact_lock(hashtextextended(${`${scope.schemeId}|referral_settings`}, 0))`.execute(scope.db);
  perTransaction.delete(scope.db);
  const current = await loadReferralSettings(scope);
  const next = { ...current, ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) };
  const known = new Set(next.needCategories.map((n) => n.code));
  const unknown = next.eligibility.acceptedNeeds.filter((code) => !known.has(code));
  if (unknown.length > 0) {
    throw validationError([{ field: 'body.eligibility.acceptedNeeds', message: `Unknown need categories: ${unknown.join(', ')}` }]);
  }
  const codeProblems = validateExtensions(next.codedEvents);
  if (codeProblems.length > 0) throw validationError(codeProblems.map((message) => ({ field: 'codedEvents', message })));
  const values = {
    scheme_id: scope.schemeId,
    eligibility: JSON.stringify(next.eligibility),
    need_categories: JSON.stringify(next.needCategories),
    first_contact_working_days: next.firstContactWorkingDays,
    reopen_window_days: next.reopenWindowDays,
    coded_events: JSON.stringify(next.codedEvents),
    self_referral_enabled: next.selfReferralEnabled,
    updated_at: new Date(),
  };
  await scope.db
    .insertInto('referral_settings')
    .values(values)
    .onConflict((oc) => oc.column('scheme_id').doUpdateSet(values))
    .execute();
  await scope.audit({ action: 'update', entityType: 'referral_settings', entityId: scope.schemeId, detail: { fields: Object.keys(change) } });
  perTransaction.set(scope.db, Promise.resolve(next));
  return next;
}
