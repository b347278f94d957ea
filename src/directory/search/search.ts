import { performance } from 'node:perf_hooks';
import type { AppContext } from '../../app-context.js';
import {
  SEARCH_DEFAULT_RADIUS_KM,
  type DirectorySearchQuery,
  type DirectorySearchResponse,
} from '../../contracts/directory-search.js';
import type { SchemeScope } from '../../data/access.js';
import { AppError, validationError } from '../../errors.js';
import { getPerson } from '../../referrals/people.js';
import { normalisePostcode } from '../../referrals/domain/postcode.js';
import { loadReferralSettings } from '../../referrals/settings.js';
import { homePointFor } from '../geo/home.js';
import { lookupPostcode, postcodeLookupConfigured } from '../geo/postcodes.js';
import { slotsWanted } from './hours.js';
import { presentResult } from './present.js';
import { correctWords, runSearchQuery, type NeedCondition, type SearchPlan } from './query.js';
import type { ReasonQuery } from './reasons.js';

/** GET /api/directory/search: resolve the filters (need → terms, place → point, typos), run the one query, present. */

export const DEFAULT_STALE_AFTER_DAYS = 365;

export interface Origin {
  latitude: number;
  longitude: number;
  label: string;
  approximate: boolean;
}

export interface SchemeDirectorySettings {
  staleAfterDays: number;
  needTerms: Record<string, string[]>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function loadDirectorySettings(scope: SchemeScope): Promise<SchemeDirectorySettings> {
  const row = await scope.db
    .selectFrom('directory_settings')
    .select(['stale_after_days', 'need_terms'])
    .where('scheme_id', '=', scope.schemeId)
    .executeTakeFirst();
  const needTerms: Record<string, string[]> = {};
  for (const [code, ids] of Object.entries(row?.need_terms ?? {})) {
    if (Array.isArray(ids)) needTerms[code] = ids.filter((id): id is string => typeof id === 'string' && UUID.test(id));
  }
  return { staleAfterDays: row?.stale_after_days ?? DEFAULT_STALE_AFTER_DAYS, needTerms };
}

/** Need codes → the conditions search applies, labelled from the scheme's need categories. */
export async function needConditions(scope: SchemeScope, settings: SchemeDirectorySettings, codes: readonly string[]): Promise<NeedCondition[]> {
  if (codes.length === 0) return [];
  const categories = (await loadReferralSettings(scope)).needCategories;
  return codes.map((code) => ({
    label: categories.find((c) => c.code === code)?.label ?? code,
    termIds: settings.needTerms[code] ?? [],
  }));
}

/** Query words: letters and digits, lower-case, at most 12. */
export function queryWords(q: string | undefined): string[] {
  if (!q) return [];
  return q
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '')
    .slice(0, 12);
}

async function resolveOrigin(scope: SchemeScope, ctx: AppContext, query: DirectorySearchQuery): Promise<Origin | null> {
  const given = [query.near !== undefined, query.lat !== undefined || query.lng !== undefined, query.personId !== undefined].filter(Boolean).length;
  if (given > 1) {
    throw validationError([{ field: 'query.near', message: 'Search near a postcode, a point or a person, not more than one' }]);
  }
  if (query.near !== undefined) {
    const postcode = normalisePostcode(query.near);
    if (postcode === null) throw validationError([{ field: 'query.near', message: 'Enter a real postcode, like LS6 2QJ' }]);
    if (!(await postcodeLookupConfigured(scope.db, ctx))) {
      throw new AppError(
        'bad-request',
        'Searching near a postcode needs the ONS Postcode Directory, which has not been loaded here. An administrator can load it with "linkwell import onspd". Until then, search near a person (their neighbourhood) instead.',
        { code: 'postcode-lookup-not-configured' },
      );
    }
    const point = await lookupPostcode(scope.db, postcode);
    if (point === null) throw validationError([{ field: 'query.near', message: `We could not find the postcode ${postcode}. Check it and try again` }]);
    return { latitude: point.latitude, longitude: point.longitude, label: postcode, approximate: false };
  }
  if (query.lat !== undefined || query.lng !== undefined) {
    if (query.lat === undefined || query.lng === undefined) {
      throw validationError([{ field: query.lat === undefined ? 'query.lat' : 'query.lng', message: 'Give both lat and lng' }]);
    }
    return { latitude: query.lat, longitude: query.lng, label: 'the point chosen', approximate: false };
  }
  if (query.personId !== undefined) {
    const person = await getPerson(scope, query.personId);
    const home = await homePointFor(scope.db, person, ctx);
    if (home === null) {
      throw new AppError('bad-request', 'This person has no postcode or neighbourhood on their record that we can place, so there is no home to search near.', {
        code: 'no-home-point',
      });
    }
    return home;
  }
  return null;
}

export async function searchDirectory(scope: SchemeScope, ctx: AppContext, query: DirectorySearchQuery): Promise<DirectorySearchResponse> {
  const started = performance.now();
  scope.authorize('directory_service', 'list');
  const settings = await loadDirectorySettings(scope);
  const origin = await resolveOrigin(scope, ctx, query);
  const postcodeLookup = (await postcodeLookupConfigured(scope.db, ctx)) ? 'available' : 'not-configured';
  const needs = query.need ? await needConditions(scope, settings, [query.need]) : [];
  const words = queryWords(query.q);
  const corrected = await correctWords(scope.db, words);
  const text = corrected.length > 0 ? corrected.join(' ') : null;
  const correctedQuery = corrected.some((w, i) => w !== words[i]) ? text : null;
  const plan: SearchPlan = {
    schemeId: scope.schemeId,
    text,
    needs,
    termIds: query.term,
    slots: slotsWanted(query.day, query.time),
    free: query.free,
    access: query.access,
    language: query.language,
    age: query.age,
    capacity: query.capacity,
    origin,
    radiusKm: query.radiusKm ?? SEARCH_DEFAULT_RADIUS_KM,
    includePaused: query.includePaused,
    limit: query.perPage,
    offset: (query.page - 1) * query.perPage,
  };
  const rows = await runSearchQuery(scope.db, plan);
  const reasonQuery: ReasonQuery = {
    needs: needs.map((n) => n.label),
    text,
    day: query.day,
    time: query.time,
    free: query.free,
    access: query.access,
    language: query.language,
    age: query.age,
  };
  const now = new Date();
  const results = rows.map((row) =>
    presentResult(row, { query: reasonQuery, needLabels: reasonQuery.needs, staleAfterDays: settings.staleAfterDays, now }),
  );
  return {
    results,
    total: rows[0]?.total ?? (query.page > 1 ? await countOnly(scope, plan) : 0),
    page: query.page,
    perPage: query.perPage,
    origin,
    postcodeLookup,
    correctedQuery,
    serverMs: Math.round((performance.now() - started) * 100) / 100,
  };
}

/** A page past the end has no rows to carry the total; ask for the first row's count instead. */
export async function countOnly(scope: SchemeScope, plan: SearchPlan): Promise<number> {
  const rows = await runSearchQuery(scope.db, { ...plan, limit: 1, offset: 0 });
  return rows[0]?.total ?? 0;
}
