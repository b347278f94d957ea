import { performance } from 'node:perf_hooks';
import type { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { SEARCH_DEFAULT_RADIUS_KM, type directoryMatchQuery, type DirectorySearchResponse } from '../../contracts/directory-search.js';
import type { SchemeScope } from '../../data/access.js';
import { getPerson } from '../../referrals/people.js';
import { londonDate } from '../../referrals/domain/working-days.js';
import { homePointFor } from '../geo/home.js';
import { postcodeLookupConfigured } from '../geo/postcodes.js';
import { languageCode, type AccessFeature } from './features.js';
import { presentResult } from './present.js';
import { runSearchQuery, type SearchPlan } from './query.js';
import type { ReasonQuery } from './reasons.js';
import { countOnly, loadDirectorySettings, needConditions } from './search.js';

/**
 * GET /api/directory/match: services for one person, from what their open referral asks for
 * (its needs), where they live, their age and their language. Needs and place filter; the rest
 * ranks and explains.
 */

type MatchQuery = z.output<typeof directoryMatchQuery>;

/** Statuses after which a referral no longer asks for anything. */
const ENDED = ['declined', 'not_eligible', 'redirected', 'closed'] as const;

/** Full years between a date of birth and a day (both 'YYYY-MM-DD'). */
export function ageOn(dateOfBirth: string, today: string): number | null {
  const birth = /^(\d{4})-(\d{2})-(\d{2})$/.exec(dateOfBirth);
  const day = /^(\d{4})-(\d{2})-(\d{2})$/.exec(today);
  if (!birth || !day) return null;
  const years = Number(day[1]) - Number(birth[1]);
  const beforeBirthday = `${day[2]}-${day[3]}` < `${birth[2]}-${birth[3]}`;
  const age = beforeBirthday ? years - 1 : years;
  return age >= 0 ? age : null;
}

/** The person's accessible formats, as the venue features that serve them. */
export function accessFeaturesForFormats(formats: readonly string[]): AccessFeature[] {
  const features = new Set<AccessFeature>();
  for (const format of formats) {
    if (format === 'bsl') features.add('bsl');
    if (format === 'large-print' || format === 'easy-read' || format === 'braille') features.add('large_print');
  }
  return [...features];
}

export async function matchForPerson(scope: SchemeScope, ctx: AppContext, query: MatchQuery): Promise<DirectorySearchResponse> {
  const started = performance.now();
  scope.authorize('directory_service', 'list');
  // Matching reads the needs of the person's open referral, whoever made it: only those who hold
  // the scheme's caseload (link workers, managers) may see those.
  scope.authorize('person', 'list');
  const person = await getPerson(scope, query.personId);
  const settings = await loadDirectorySettings(scope);
  const referral = await scope.db
    .selectFrom('referrals')
    .select('needs')
    .where('scheme_id', '=', scope.schemeId)
    .where('person_id', '=', person.id)
    .where('status', 'not in', ENDED)
    .orderBy('created_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  const needs = await needConditions(scope, settings, referral?.needs ?? []);
  const origin = await homePointFor(scope.db, person, ctx);
  const postcodeLookup = (await postcodeLookupConfigured(scope.db, ctx)) ? 'available' : 'not-configured';
  const age = person.date_of_birth ? (ageOn(person.date_of_birth, londonDate(new Date())) ?? undefined) : undefined;
  const language = languageCode(person.language) ?? undefined;
  // Only someone who needs an interpreter is limited to services in their language; for anyone
  // else the language is a reason to show, not a filter.
  const languageFilter = person.interpreter_needed && language !== undefined && language !== 'en' ? language : undefined;
  const plan: SearchPlan = {
    schemeId: scope.schemeId,
    text: null,
    needs,
    termIds: [],
    slots: null,
    free: false,
    access: [],
    language: languageFilter,
    age,
    capacity: false,
    origin,
    radiusKm: query.radiusKm ?? SEARCH_DEFAULT_RADIUS_KM,
    includePaused: false,
    limit: query.perPage,
    offset: (query.page - 1) * query.perPage,
  };
  const rows = await runSearchQuery(scope.db, plan);
  const reasonQuery: ReasonQuery = {
    needs: needs.map((n) => n.label),
    text: null,
    day: undefined,
    time: undefined,
    free: false,
    access: accessFeaturesForFormats(person.accessible_formats),
    language: language === 'en' ? undefined : language,
    age,
  };
  const now = new Date();
  return {
    results: rows.map((row) => presentResult(row, { query: reasonQuery, needLabels: reasonQuery.needs, staleAfterDays: settings.staleAfterDays, now })),
    total: rows[0]?.total ?? (query.page > 1 ? await countOnly(scope, plan) : 0),
    page: query.page,
    perPage: query.perPage,
    origin,
    postcodeLookup,
    correctedQuery: null,
    serverMs: Math.round((performance.now() - started) * 100) / 100,
  };
}
