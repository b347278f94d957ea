import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';
import { boundingBox, EARTH_RADIUS_KM, type Point } from '../geo/distance.js';
import type { ScheduleTimes } from './hours.js';

/**
 * The search itself: one SQL statement that filters on the indexed search columns (text,
 * terms, hours, point), ranks, counts and pages. Everything it needs has been resolved before
 * (the need's terms, the origin point, the corrected words), so this module only builds SQL.
 */

export interface NeedCondition {
  label: string;
  /** taxonomy terms the scheme maps the need to; empty: match the label's words instead */
  termIds: readonly string[];
}

export interface SearchPlan {
  schemeId: string;
  /** the words to find, all of them (after typo correction); null: no text filter */
  text: string | null;
  /** a service meets any of these needs (ORed); empty: no need filter */
  needs: readonly NeedCondition[];
  /** any of these terms (or a narrower one) */
  termIds: readonly string[];
  /** any of these hour slots (see hours.ts) */
  slots: readonly number[] | null;
  free: boolean;
  /** all of these access features */
  access: readonly string[];
  language: string | undefined;
  age: number | undefined;
  capacity: boolean;
  origin: Point | null;
  radiusKm: number;
  includePaused: boolean;
  limit: number;
  offset: number;
}

export interface SearchRow {
  id: string;
  name: string;
  organization_id: string;
  organization_name: string;
  description: string | null;
  status: 'active' | 'temporarily closed';
  referral_mode: 'referrals' | 'signposting';
  latitude: number | null;
  longitude: number | null;
  free: boolean;
  language_codes: string[];
  accessibility_features: string[];
  capacity_places: number | null;
  waitlist_count: number | null;
  not_taking_until: string | null;
  verified_at: Date | null;
  minimum_age: string | null;
  maximum_age: string | null;
  preferred: boolean;
  available: boolean;
  distance_km: number | null;
  needs_met: boolean[];
  total: number;
  score: number;
  own_schedules: ScheduleTimes[];
  site_schedules: ScheduleTimes[];
}

/** Ranking weights: relevance of the words, closeness, the scheme's preference, places free now, needs met. */
const WEIGHTS = { text: 1, closeness: 1, preferred: 0.3, available: 0.2, need: 0.3 } as const;
/** Closeness halves every ~2 km: exp(-d / 3). */
const CLOSENESS_KM = 3;

function distanceSql(origin: Point): RawBuilder<number> {
  // Haversine in SQL; the same formula as haversineKm() so the list and the filter agree.
  return sql<number>`(2 * ${EARTH_RADIUS_KM}::float8 * asin(least(1, sqrt(
    power(sin(radians(s.latitude - ${origin.latitude}::float8) / 2), 2)
    + cos(radians(${origin.latitude}::float8)) * cos(radians(s.latitude))
      * power(sin(radians(s.longitude - ${origin.longitude}::float8) / 2), 2)))))`;
}

function needSql(need: NeedCondition): RawBuilder<boolean> {
  if (need.termIds.length > 0) return sql<boolean>`(s.term_ids && ${[...need.termIds]}::uuid[])`;
  // Unmapped need: any word of its label ("Loneliness and isolation" → loneli | isol).
  return sql<boolean>`(s.search_document @@ replace(plainto_tsquery('english', ${need.label})::text, '&', '|')::tsquery)`;
}

/** The statement for a plan (exported so the bench can EXPLAIN exactly what runs). */
export function searchStatement(plan: SearchPlan): RawBuilder<SearchRow> {
  const where: RawBuilder<unknown>[] = [plan.includePaused ? sql`s.status in ('active', 'temporarily closed')` : sql`s.status = 'active'`];
  const textQuery = plan.text ? sql`plainto_tsquery('english', ${plan.text})` : null;
  if (textQuery) where.push(sql`s.search_document @@ ${textQuery}`);
  const needs = plan.needs.map(needSql);
  if (needs.length > 0) where.push(sql`(${sql.join(needs, sql` or `)})`);
  if (plan.termIds.length > 0) where.push(sql`s.term_ids && ${[...plan.termIds]}::uuid[]`);
  if (plan.slots !== null) where.push(sql`s.open_hours && ${[...plan.slots]}::smallint[]`);
  if (plan.free) where.push(sql`s.free`);
  if (plan.access.length > 0) where.push(sql`s.accessibility_features @> ${[...plan.access]}::text[]`);
  if (plan.language !== undefined) {
    // English is the default: a service that names no language is taken to work in English.
    where.push(
      plan.language === 'en'
        ? sql`(s.language_codes @> array['en'] or s.language_codes = '{}')`
        : sql`s.language_codes @> array[${plan.language}::text]`,
    );
  }
  if (plan.age !== undefined) {
    where.push(sql`(s.minimum_age is null or s.minimum_age <= ${plan.age})`);
    where.push(sql`(s.maximum_age is null or s.maximum_age >= ${plan.age})`);
  }
  const available = sql<boolean>`(coalesce(s.capacity_places, 0) > 0 and (s.not_taking_until is null or s.not_taking_until <= current_date))`;
  if (plan.capacity) where.push(available);
  let distance: RawBuilder<number | null> = sql`null::float8`;
  if (plan.origin) {
    const box = boundingBox(plan.origin, plan.radiusKm);
    distance = distanceSql(plan.origin);
    // The box is an index range on (latitude, longitude); the exact distance trims its corners.
    where.push(sql`s.latitude between ${box.minLatitude}::float8 and ${box.maxLatitude}::float8`);
    where.push(sql`s.longitude between ${box.minLongitude}::float8 and ${box.maxLongitude}::float8`);
    where.push(sql`${distance} <= ${plan.radiusKm}::float8`);
  }
  const needsMet = needs.length > 0 ? sql`array[${sql.join(needs)}]` : sql`'{}'::boolean[]`;
  const score = sql.join(
    [
      textQuery ? sql`${sql.lit(WEIGHTS.text)} * ts_rank_cd(s.search_document, ${textQuery}, 32)` : sql`0`,
      plan.origin ? sql`${sql.lit(WEIGHTS.closeness)} * exp(-${distance} / ${sql.lit(CLOSENESS_KM)})` : sql`0`,
      sql`case when coalesce(p.preferred, false) then ${sql.lit(WEIGHTS.preferred)} else 0 end`,
      sql`case when ${available} then ${sql.lit(WEIGHTS.available)} else 0 end`,
      ...needs.map((n) => sql`case when ${n} then ${sql.lit(WEIGHTS.need)} else 0 end`),
    ],
    sql` + `,
  );
  // The page's schedules come with it: two correlated lookups that run only for the rows on
  // the page, each on its index, so one statement answers the whole search.
  return sql<SearchRow>`
    select page.*,
      (select coalesce(json_agg(json_build_object('freq', d.freq, 'byday', d.byday, 'opens_at', d.opens_at, 'closes_at', d.closes_at)), '[]')
        from directory_schedules d where d.service_id = page.id and d.service_at_location_id is null) as own_schedules,
      (select coalesce(json_agg(json_build_object('freq', d.freq, 'byday', d.byday, 'opens_at', d.opens_at, 'closes_at', d.closes_at)), '[]')
        from directory_service_at_locations sal join directory_schedules d on d.service_at_location_id = sal.id
        where sal.service_id = page.id) as site_schedules
    from (
      select s.id, s.name, s.organization_id, o.name as organization_name, left(s.description, 400) as description,
        s.status, s.referral_mode, s.latitude, s.longitude, s.free, s.language_codes, s.accessibility_features,
        s.capacity_places, s.waitlist_count, s.not_taking_until, s.verified_at, s.minimum_age, s.maximum_age,
        coalesce(p.preferred, false) as preferred, ${available} as available, ${distance} as distance_km,
        ${needsMet} as needs_met, (count(*) over ())::int as total, (${score}) as score
      from directory_services s
      join directory_organizations o on o.id = s.organization_id
      left join directory_scheme_services p on p.scheme_id = ${plan.schemeId} and p.service_id = s.id
      where ${sql.join(where, sql` and `)}
      order by score desc, distance_km asc nulls last, s.name, s.id
      limit ${plan.limit} offset ${plan.offset}
    ) page
    order by page.score desc, page.distance_km asc nulls last, page.name, page.id`;
}

export async function runSearchQuery(db: Kysely<DB>, plan: SearchPlan): Promise<SearchRow[]> {
  return (await searchStatement(plan).execute(db)).rows;
}

/** Marks a lexeme row in directory_words (see columns.ts); query words never start with it. */
export const LEXEME_MARK = '~';

/**
 * For each query word that finds nothing, the most similar word in the directory with the same
 * first letter (trigram similarity ≥ 0.4; on a tie, the one closest in length, as a typo
 * mostly drops or adds a letter), in one statement. A word finds something when every lexeme it stems to occurs in
 * some document (the lexemes are kept in directory_words). Stop words and words under three
 * letters are kept as they are.
 */
export async function correctWords(db: Kysely<DB>, words: readonly string[]): Promise<string[]> {
  if (words.length === 0) return [];
  // One branch per word with the word as a constant, so that the trigram lookup can use its
  // index; a word taken from a joined column would make PostgreSQL compare every known word.
  const branches = words.map((word, ord) => {
    // Candidates share the first letter: a range on the primary key instead of comparing every
    // known word (a typo in the first letter is rare, and such a word is left alone).
    const first = word.charAt(0);
    const afterFirst = String.fromCodePoint((first.codePointAt(0) ?? 0) + 1);
    return sql<{ ord: number; suggestion: string | null }>`
    select ${ord}::int as ord,
      case
        when length(${word}::text) < 3 or numnode(plainto_tsquery('english', ${word}::text)) = 0 then null
        when not exists (
          select 1 from unnest(tsvector_to_array(to_tsvector('english', ${word}::text))) as l(lexeme)
          where not exists (select 1 from directory_words k where k.word = ${LEXEME_MARK} || l.lexeme)) then null
        else (select d.word from directory_words d
              where d.word >= ${first} and d.word < ${afterFirst}
                and left(d.word, 1) <> ${LEXEME_MARK} and d.word % ${word}::text and similarity(d.word, ${word}::text) >= 0.4
              order by similarity(d.word, ${word}::text) desc, abs(length(d.word) - length(${word}::text)), d.word limit 1)
      end as suggestion`;
  });
  const result = await sql<{ ord: number; suggestion: string | null }>`${sql.join(branches, sql` union all `)}`.execute(db);
  const suggestions = new Map(result.rows.map((r) => [r.ord, r.suggestion]));
  return words.map((word, i) => suggestions.get(i) ?? word);
}
