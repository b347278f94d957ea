import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { deriveSearchFields, type SearchFields, type SearchSource } from './derive.js';
import type { ScheduleTimes } from './hours.js';

/**
 * Keeps the search columns of directory_services in step with the rest of the listing. The
 * parts are read set-based (one query per table for a whole batch), the columns derived in
 * derive.ts, and written back in one UPDATE per batch, so an import of thousands of services
 * costs a few dozen statements, not thousands.
 */

const BATCH = 1000;
/** How far up the taxonomy a term's parents are followed; real taxonomies are a few levels deep. */
const MAX_TERM_DEPTH = 12;

type Db = Kysely<DB>;

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The attached terms' ids and names per service, and every ancestor of those terms. */
async function termsOf(db: Db, serviceIds: string[]): Promise<{ names: Map<string, string[]>; ids: Map<string, string[]> }> {
  const rows = await db
    .selectFrom('directory_attributes as a')
    .innerJoin('directory_taxonomy_terms as t', 't.id', 'a.taxonomy_term_id')
    .select(['a.link_id', 't.id', 't.name', 't.parent_id'])
    .where('a.link_entity', '=', 'service')
    .where('a.link_id', 'in', serviceIds)
    .orderBy('a.id')
    .execute();
  const parentOf = new Map<string, string | null>();
  for (const row of rows) parentOf.set(row.id, row.parent_id);
  let wanted = [...new Set(rows.flatMap((r) => (r.parent_id && !parentOf.has(r.parent_id) ? [r.parent_id] : [])))];
  for (let depth = 0; wanted.length > 0 && depth < MAX_TERM_DEPTH; depth++) {
    const parents = await db.selectFrom('directory_taxonomy_terms').select(['id', 'parent_id']).where('id', 'in', wanted).execute();
    for (const p of parents) parentOf.set(p.id, p.parent_id);
    // A parent id that names no term is remembered as a root, so it is not asked for again.
    for (const id of wanted) if (!parentOf.has(id)) parentOf.set(id, null);
    wanted = [...new Set(parents.flatMap((p) => (p.parent_id && !parentOf.has(p.parent_id) ? [p.parent_id] : [])))];
  }
  const names = new Map<string, string[]>();
  const ids = new Map<string, string[]>();
  for (const row of rows) {
    push(names, row.link_id, row.name);
    const seen = new Set<string>();
    for (let id: string | null | undefined = row.id; id && !seen.has(id) && seen.size <= MAX_TERM_DEPTH; id = parentOf.get(id)) {
      seen.add(id);
      push(ids, row.link_id, id);
    }
  }
  return { names, ids };
}

async function loadSources(db: Db, serviceIds: string[]): Promise<Map<string, SearchSource>> {
  const services = await db
    .selectFrom('directory_services as s')
    .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
    .select(['s.id', 's.name', 's.alternate_name', 's.description', 's.eligibility_description', 's.fees', 's.fees_description', 'o.name as organization_name'])
    .where('s.id', 'in', serviceIds)
    .execute();
  if (services.length === 0) return new Map();
  const ids = services.map((s) => s.id);
  const sals = await db
    .selectFrom('directory_service_at_locations as sal')
    .innerJoin('directory_locations as l', 'l.id', 'sal.location_id')
    .select(['sal.id', 'sal.service_id', 'sal.location_id', 'l.latitude', 'l.longitude', 'l.location_type'])
    .where('sal.service_id', 'in', ids)
    .orderBy('sal.id')
    .execute();
  const salIds = sals.map((s) => s.id);
  const locationIds = [...new Set(sals.map((s) => s.location_id))];
  const [terms, serviceSchedules, salSchedules, costOptions, serviceLanguages, locationLanguages, accessibility] = await Promise.all([
    termsOf(db, ids),
    db.selectFrom('directory_schedules').select(['service_id', 'freq', 'byday', 'opens_at', 'closes_at']).where('service_id', 'in', ids).where('service_at_location_id', 'is', null).execute(),
    salIds.length
      ? db.selectFrom('directory_schedules').select(['service_at_location_id', 'freq', 'byday', 'opens_at', 'closes_at']).where('service_at_location_id', 'in', salIds).execute()
      : Promise.resolve([]),
    db.selectFrom('directory_cost_options').select(['service_id', 'option', 'amount', 'amount_description']).where('service_id', 'in', ids).execute(),
    db.selectFrom('directory_languages').select(['service_id', 'code', 'name']).where('service_id', 'in', ids).execute(),
    locationIds.length
      ? db.selectFrom('directory_languages').select(['location_id', 'code', 'name']).where('location_id', 'in', locationIds).where('service_id', 'is', null).execute()
      : Promise.resolve([]),
    locationIds.length
      ? db.selectFrom('directory_accessibility').select(['location_id', 'description', 'details']).where('location_id', 'in', locationIds).execute()
      : Promise.resolve([]),
  ]);

  const schedulesBy = new Map<string, ScheduleTimes[]>();
  for (const s of serviceSchedules) if (s.service_id) push(schedulesBy, s.service_id, s);
  const serviceOfSal = new Map(sals.map((s) => [s.id, s.service_id]));
  for (const s of salSchedules) {
    const serviceId = s.service_at_location_id ? serviceOfSal.get(s.service_at_location_id) : undefined;
    if (serviceId) push(schedulesBy, serviceId, s);
  }
  const costBy = new Map<string, (typeof costOptions)[number][]>();
  for (const c of costOptions) push(costBy, c.service_id, c);
  const languagesBy = new Map<string, { code: string | null; name: string | null }[]>();
  for (const l of serviceLanguages) if (l.service_id) push(languagesBy, l.service_id, l);
  const locationLanguagesBy = new Map<string, { code: string | null; name: string | null }[]>();
  for (const l of locationLanguages) if (l.location_id) push(locationLanguagesBy, l.location_id, l);
  const accessBy = new Map<string, string[]>();
  for (const a of accessibility) for (const text of [a.description, a.details]) if (text) push(accessBy, a.location_id, text);
  const salsBy = new Map<string, (typeof sals)[number][]>();
  for (const s of sals) push(salsBy, s.service_id, s);

  const sources = new Map<string, SearchSource>();
  for (const s of services) {
    const mine = salsBy.get(s.id) ?? [];
    sources.set(s.id, {
      name: s.name,
      alternateName: s.alternate_name,
      description: s.description,
      eligibilityDescription: s.eligibility_description,
      organizationName: s.organization_name,
      fees: s.fees,
      fees_description: s.fees_description,
      costOptions: costBy.get(s.id) ?? [],
      termNames: terms.names.get(s.id) ?? [],
      termIds: terms.ids.get(s.id) ?? [],
      schedules: schedulesBy.get(s.id) ?? [],
      languages: [...(languagesBy.get(s.id) ?? []), ...mine.flatMap((sal) => locationLanguagesBy.get(sal.location_id) ?? [])],
      accessibilityTexts: mine.flatMap((sal) => accessBy.get(sal.location_id) ?? []),
      points: mine.map((sal) => ({ latitude: sal.latitude, longitude: sal.longitude, locationType: sal.location_type })),
    });
  }
  return sources;
}

async function writeFields(db: Db, fields: Map<string, SearchFields>): Promise<void> {
  if (fields.size === 0) return;
  const rows = [...fields].map(([id, f]) => ({
    id,
    a: f.textA,
    b: f.textB,
    c: f.textC,
    term_ids: f.termIds,
    language_codes: f.languageCodes,
    accessibility_features: f.accessibilityFeatures,
    free: f.free,
    open_hours: f.openHours,
    latitude: f.latitude,
    longitude: f.longitude,
  }));
  // One statement for the batch: the rows travel as one JSON parameter and the text document is
  // built by PostgreSQL's own parser, the same one that parses the queries.
  await sql`
    update directory_services as s set
      search_document = setweight(to_tsvector('english', v.a), 'A')
        || setweight(to_tsvector('english', v.b), 'B')
        || setweight(to_tsvector('english', v.c), 'C'),
      term_ids = v.term_ids,
      language_codes = v.language_codes,
      accessibility_features = v.accessibility_features,
      free = v.free,
      open_hours = v.open_hours,
      latitude = v.latitude,
      longitude = v.longitude
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as v(
      id uuid, a text, b text, c text, term_ids uuid[], language_codes text[], accessibility_features text[],
      free boolean, open_hours smallint[], latitude double precision, longitude double precision)
    where s.id = v.id`.execute(db);
  const words = [...new Set([...fields.values()].flatMap((f) => f.words))];
  if (words.length > 0) {
    await sql`insert into directory_words (word) select w from jsonb_array_elements_text(${JSON.stringify(words)}::jsonb) as w on conflict do nothing`.execute(db);
  }
  // The documents' lexemes too, marked with a leading '~' (a query word never has one), so that
  // "does this word find anything?" is a primary-key lookup instead of a scan of every document.
  await sql`
    insert into directory_words (word)
    select distinct '~' || l.lexeme
    from directory_services s cross join lateral unnest(s.search_document) as l
    where s.id = any(${[...fields.keys()]}::uuid[]) and l.lexeme ~ '[[:alpha:]]'
    on conflict do nothing`.execute(db);
}

/**
 * Recomputes the search columns of directory_services (search_document, term_ids,
 * language_codes, accessibility_features, free, open_hours, latitude, longitude) for the given
 * services from their stored parts, and records their words for typo-tolerant search. Call it in
 * the same transaction after any write to a service or anything hanging off it.
 */
export async function refreshSearchColumns(db: Db, serviceIds: readonly string[]): Promise<void> {
  const unique = [...new Set(serviceIds)];
  for (let start = 0; start < unique.length; start += BATCH) {
    const sources = await loadSources(db, unique.slice(start, start + BATCH));
    const fields = new Map<string, SearchFields>();
    for (const [id, source] of sources) fields.set(id, deriveSearchFields(source));
    await writeFields(db, fields);
  }
}
