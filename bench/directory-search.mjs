// Directory search at 50,000 services: server time of the combined query (words + need or term +
// day and time + free + 5 km around a point), reported with p50/p95/p99 and as a ratio to a
// primary-key lookup of one service measured in the same run (machines here are noisy: ratios
// travel, milliseconds do not).
//
//   npm run bench:directory                          embedded PGlite
//   DATABASE_URL=postgres://… npm run bench:directory    also a PostgreSQL server (a throwaway database)
//
// Options: --services N (default 50000), --queries N (default 200), --http N (queries over
// in-process HTTP, default 50), --backend pglite|postgres (one only), --explain (print the plan
// of one combined query), --json

import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import pg from 'pg';
import { directorySearchQuery } from '../dist/server/contracts/directory-search.js';
import { refreshSearchColumns } from '../dist/server/directory/search/columns.js';
import { searchDirectory } from '../dist/server/directory/search/search.js';
import { createTestScheme, createTestUser, openTestApp, signInAs } from '../dist/server/testing/app.js';

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(`--${name}`);
  return at >= 0 && args[at + 1] ? Number(args[at + 1]) : fallback;
};
const SERVICES = option('services', 50_000);
const QUERIES = option('queries', 200);
const HTTP_QUERIES = option('http', 50);
const WARM_UP = 20;
const BATCH = 1000;
const TARGET_P95_MS = 15;

// A small deterministic generator (mulberry32), so every run builds the same directory.
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(20261121);
const pick = (list) => list[Math.floor(random() * list.length)];
const chance = (p) => random() < p;
const between = (min, max) => min + random() * (max - min);
const hex = (n) => Array.from({ length: n }, () => Math.floor(random() * 16).toString(16)).join('');
const uuid = () => `${hex(8)}-${hex(4)}-4${hex(3)}-${pick(['8', '9', 'a', 'b'])}${hex(3)}-${hex(12)}`;

const ACTIVITIES = [
  'walking', 'gardening', 'choir', 'singing', 'yoga', 'tai chi', 'art', 'painting', 'knitting', 'crafts', 'cooking', 'football',
  'cycling', 'swimming', 'dance', 'reading', 'writing', 'photography', 'woodwork', 'allotment', 'chess', 'bingo', 'pilates',
  'bowls', 'running', 'badminton', 'drama', 'music', 'ukulele', 'drumming', 'birdwatching', 'conservation', 'volunteering',
  'befriending', 'coffee morning', 'lunch club', 'men’s shed', 'debt advice', 'benefits advice', 'housing advice', 'food bank',
  'job club', 'computer class', 'english conversation', 'carers support', 'bereavement support', 'peer support', 'mindfulness',
];
const KINDS = ['group', 'club', 'circle', 'session', 'project', 'café', 'class', 'network', 'drop-in', 'workshop'];
const PLACES = [
  'Hyde Park', 'Meanwood', 'Headingley', 'Chapel Allerton', 'Harehills', 'Armley', 'Beeston', 'Holbeck', 'Kirkstall', 'Roundhay',
  'Seacroft', 'Horsforth', 'Otley', 'Pudsey', 'Morley', 'Riverside', 'Northfield', 'Southgate', 'Eastbrook', 'Westwood',
  'Hillside', 'Millbrook', 'Oakfield', 'Ashton', 'Elmwood', 'Kingsway', 'Bridgend', 'Castleton', 'Fairview', 'Greenbank',
];
const ADJECTIVES = ['friendly', 'gentle', 'relaxed', 'welcoming', 'weekly', 'free', 'small', 'local', 'informal', 'lively', 'supportive', 'beginners'];
const NOUNS = ['people', 'neighbours', 'carers', 'older people', 'families', 'adults', 'young people', 'newcomers', 'everyone', 'veterans'];
const ACCESS = ['Step-free access', 'Wheelchair accessible', 'Accessible toilet', 'Hearing loop', 'Free parking', 'Ramp at the side door', 'BSL interpreter on request'];
const LANGUAGE_NAMES = ['Polish', 'Urdu', 'Punjabi', 'Arabic', 'Romanian', 'Bengali', 'Somali', 'Kurdish', 'Welsh', 'Portuguese'];
const DAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'];
const NEEDS = ['loneliness', 'mental-wellbeing', 'physical-activity', 'money-debt', 'food', 'carers', 'bereavement'];

/** Leeds has a dense cluster; the rest is spread over England. */
function point() {
  if (chance(0.4)) return { latitude: 53.8 + between(-0.08, 0.08), longitude: -1.55 + between(-0.13, 0.13) };
  return { latitude: between(50.5, 54.9), longitude: between(-3.5, 0.5) };
}

const time = (minutes) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}:00`;

function generate() {
  const taxonomyId = uuid();
  // 20 categories of 9 terms each; an activity belongs to category (its index mod 20), so a
  // service's terms agree with what it does, as in a real directory.
  const parents = Array.from({ length: 20 }, (_, i) => ({ id: uuid(), name: `${ACTIVITIES[i]} and similar`, parent_id: null }));
  const children = parents.flatMap((parent, i) =>
    Array.from({ length: 9 }, (_, j) => ({ id: uuid(), name: `${ACTIVITIES[(i + 20 * (j % 3)) % ACTIVITIES.length]} ${KINDS[j]}`, parent_id: parent.id })),
  );
  const terms = [...parents, ...children].map((t) => ({ ...t, taxonomy: 'bench', taxonomy_id: taxonomyId }));
  const rows = { organizations: [], services: [], locations: [], sals: [], schedules: [], costs: [], languages: [], accessibility: [], attributes: [] };
  let organizationId = null;
  for (let i = 0; i < SERVICES; i++) {
    if (i % 5 === 0) {
      organizationId = uuid();
      rows.organizations.push({ id: organizationId, name: `${pick(PLACES)} ${pick(['Community', 'Neighbourhood', 'Friends', 'Trust', 'Association'])} ${i}` });
    }
    const id = uuid();
    const activityIndex = Math.floor(random() * ACTIVITIES.length);
    const activity = ACTIVITIES[activityIndex];
    const place = pick(PLACES);
    const roll = random();
    rows.services.push({
      id,
      organization_id: organizationId,
      name: `${place} ${activity} ${pick(KINDS)}`,
      description: `A ${pick(ADJECTIVES)} ${activity} ${pick(KINDS)} for ${pick(NOUNS)} in ${place}. ${pick(ADJECTIVES)} and ${pick(ADJECTIVES)}; ${pick(ACTIVITIES)} too.`,
      status: roll < 0.92 ? 'active' : roll < 0.95 ? 'temporarily closed' : 'inactive',
      capacity_places: chance(0.5) ? Math.floor(between(0, 20)) : null,
      verified_at: chance(0.8) ? new Date(Date.UTC(2024, 0, 1) + Math.floor(random() * 700) * 86_400_000) : null,
      minimum_age: chance(0.2) ? pick([16, 18, 50, 55, 65]) : null,
    });
    const locationId = uuid();
    const salId = uuid();
    rows.locations.push({ id: locationId, name: `${place} venue`, ...point() });
    rows.sals.push({ id: salId, service_id: id, location_id: locationId });
    for (let s = 0, n = chance(0.3) ? 2 : 1; s < n; s++) {
      const opens = Math.floor(between(8, 20)) * 60 + pick([0, 0, 30]);
      const monthly = chance(0.1);
      rows.schedules.push({
        id: uuid(),
        service_at_location_id: salId,
        freq: monthly ? 'MONTHLY' : 'WEEKLY',
        byday: monthly ? `${Math.floor(between(1, 5))}${pick(DAYS)}` : pick(DAYS),
        opens_at: time(opens),
        closes_at: time(Math.min(23 * 60 + 59, opens + pick([60, 90, 120, 180]))),
      });
    }
    rows.costs.push(chance(0.3) ? { id: uuid(), service_id: id, amount: 0, option: 'Everyone' } : { id: uuid(), service_id: id, amount: Math.floor(between(2, 10)), option: 'Per session' });
    if (chance(0.1)) rows.languages.push({ id: uuid(), service_id: id, name: pick(LANGUAGE_NAMES) });
    if (chance(0.4)) rows.accessibility.push({ id: uuid(), location_id: locationId, description: pick(ACCESS) });
    const own = children[(activityIndex % 20) * 9 + Math.floor(random() * 9)];
    rows.attributes.push({ id: uuid(), link_id: id, link_entity: 'service', taxonomy_term_id: own.id });
    for (let a = 0, n = Math.floor(random() * 3); a < n; a++) {
      rows.attributes.push({ id: uuid(), link_id: id, link_entity: 'service', taxonomy_term_id: pick(children).id });
    }
  }
  return { taxonomyId, terms, parents, children, rows };
}

async function insertAll(db, table, rows) {
  for (let i = 0; i < rows.length; i += BATCH) await db.insertInto(table).values(rows.slice(i, i + BATCH)).execute();
}

/** Statistics as the owner (autovacuum's job on a server; PGlite has no autovacuum). */
async function analyze(t) {
  if (t.database.backend === 'postgres') {
    const client = new pg.Client({ connectionString: t.database.url });
    await client.connect();
    try {
      await client.query('analyze');
    } finally {
      await client.end();
    }
    return;
  }
  await t.database.db.connection().execute(async (conn) => {
    await sql`reset role`.execute(conn);
    try {
      await sql`analyze`.execute(conn);
    } finally {
      await sql`set role linkwell_app`.execute(conn);
    }
  });
}

function percentile(sorted, p) {
  if (sorted.length === 0) return 0;
  const rank = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, rank)];
}
const stats = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { n: sorted.length, p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? 0 };
};

function combinedQuery(data, i) {
  const centre = chance(0.7) ? { latitude: 53.8 + between(-0.06, 0.06), longitude: -1.55 + between(-0.1, 0.1) } : point();
  const activityIndex = Math.floor(random() * 20);
  const typo = (word) => word.slice(0, 3) + word.slice(4);
  const query = {
    q: pick([ACTIVITIES[activityIndex], ACTIVITIES[activityIndex], `friendly ${ACTIVITIES[activityIndex]}`, typo(ACTIVITIES[activityIndex].split(' ')[0])]),
    day: pick(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
    time: pick(['morning', 'afternoon', 'evening']),
    lat: String(centre.latitude),
    lng: String(centre.longitude),
    radiusKm: '5',
  };
  if (i % 2 === 0) query.need = pick(NEEDS);
  else query.term = data.parents[activityIndex].id;
  if (chance(0.5)) query.free = 'true';
  if (chance(0.2)) query.access = 'step_free';
  return query;
}

async function benchBackend(backend) {
  process.env.LINKWELL_TEST_BACKEND = backend;
  const t = await openTestApp();
  try {
    const db = t.ctx.data.db;
    const scheme = await createTestScheme(t.ctx.data);
    const user = await createTestUser(t.ctx.data, scheme, 'link_worker');
    const actor = { type: 'user', schemeId: scheme.schemeId, userId: user.userId, label: 'Bench', role: 'link_worker', membershipId: user.membershipId, organisationId: scheme.organisations.host };

    const data = generate();
    const loadStarted = performance.now();
    await db.insertInto('directory_taxonomies').values({ id: data.taxonomyId, name: 'Bench taxonomy' }).execute();
    await insertAll(db, 'directory_taxonomy_terms', data.terms);
    await insertAll(db, 'directory_organizations', data.rows.organizations);
    await insertAll(db, 'directory_services', data.rows.services);
    await insertAll(db, 'directory_locations', data.rows.locations);
    await insertAll(db, 'directory_service_at_locations', data.rows.sals);
    await insertAll(db, 'directory_schedules', data.rows.schedules);
    await insertAll(db, 'directory_cost_options', data.rows.costs);
    await insertAll(db, 'directory_languages', data.rows.languages);
    await insertAll(db, 'directory_accessibility', data.rows.accessibility);
    await insertAll(db, 'directory_attributes', data.rows.attributes);
    const loadSeconds = (performance.now() - loadStarted) / 1000;

    const refreshStarted = performance.now();
    await refreshSearchColumns(db, data.rows.services.map((s) => s.id));
    const refreshSeconds = (performance.now() - refreshStarted) / 1000;
    await analyze(t);

    // Each scheme maps its needs to terms; map half of them here, leave the rest to the words.
    const needTerms = Object.fromEntries(NEEDS.slice(0, 4).map((need, i) => [need, [data.parents[i].id, data.parents[i + 10].id]]));
    await t.ctx.data.inScheme(actor, {}, (scope) =>
      scope.db.insertInto('directory_settings').values({ scheme_id: scheme.schemeId, need_terms: JSON.stringify(needTerms) }).execute(),
    );

    const queries = Array.from({ length: QUERIES + WARM_UP }, (_, i) => directorySearchQuery.parse(combinedQuery(data, i)));
    const someId = data.rows.services[Math.floor(SERVICES / 2)].id;
    const baselineOnce = () =>
      t.ctx.data.inScheme(actor, {}, async (scope) => {
        const started = performance.now();
        await scope.db.selectFrom('directory_services').select(['id', 'name', 'status']).where('id', '=', someId).executeTakeFirstOrThrow();
        return performance.now() - started;
      });
    const searchOnce = async (query) => {
      const started = performance.now();
      const response = await t.ctx.data.inScheme(actor, {}, (scope) => searchDirectory(scope, t.ctx, query));
      return { serverMs: response.serverMs, wallMs: performance.now() - started, total: response.total };
    };

    for (const query of queries.slice(0, WARM_UP)) await searchOnce(query);
    for (let i = 0; i < WARM_UP; i++) await baselineOnce();
    const baseline1 = [];
    for (let i = 0; i < QUERIES; i++) baseline1.push(await baselineOnce());
    const server = [];
    const wall = [];
    const totals = [];
    for (const query of queries.slice(WARM_UP)) {
      const r = await searchOnce(query);
      server.push(r.serverMs);
      wall.push(r.wallMs);
      totals.push(r.total);
    }
    const baseline2 = [];
    for (let i = 0; i < QUERIES; i++) baseline2.push(await baselineOnce());

    let http = null;
    if (HTTP_QUERIES > 0) {
      const signedIn = await signInAs(t.app, user);
      const times = [];
      for (let i = 0; i < HTTP_QUERIES; i++) {
        const params = new URLSearchParams(combinedQuery(data, i));
        const started = performance.now();
        const response = await t.app.inject({ method: 'GET', url: `/api/directory/search?${params}`, headers: signedIn.headers });
        const elapsed = performance.now() - started;
        if (response.statusCode !== 200) throw new Error(`HTTP ${response.statusCode}: ${response.body.slice(0, 300)}`);
        times.push(elapsed);
      }
      http = stats(times);
    }

    let explain = null;
    if (args.includes('--explain')) explain = await explainOne(t, actor, queries[WARM_UP]);

    const baseline = stats([...baseline1, ...baseline2]);
    const totalStats = stats(totals);
    return { backend, services: SERVICES, loadSeconds, refreshSeconds, baseline, server: stats(server), wall: stats(wall), http, medianMatches: totalStats.p50, explain };
  } finally {
    await t.close();
  }
}

/** EXPLAIN ANALYZE of one combined query, as the search service would run it. */
async function explainOne(t, actor, query) {
  const { searchStatement } = await import('../dist/server/directory/search/query.js');
  const { slotsWanted } = await import('../dist/server/directory/search/hours.js');
  return t.ctx.data.inScheme(actor, {}, async (scope) => {
    const statement = searchStatement({
      schemeId: scope.schemeId,
      text: query.q,
      needs: [],
      termIds: query.term,
      slots: slotsWanted(query.day, query.time),
      free: query.free,
      access: query.access,
      language: undefined,
      age: undefined,
      capacity: false,
      origin: { latitude: query.lat, longitude: query.lng },
      radiusKm: query.radiusKm ?? 5,
      includePaused: false,
      limit: query.perPage,
      offset: 0,
    });
    const result = await sql`explain (analyze, costs off, timing on) ${statement}`.execute(scope.db);
    return result.rows.map((row) => Object.values(row)[0]).join('\n');
  });
}

function report(r) {
  const ms = (v) => `${v.toFixed(2).padStart(7)} ms`;
  const line = (name, s) => `  ${name.padEnd(34)} p50 ${ms(s.p50)}  p95 ${ms(s.p95)}  p99 ${ms(s.p99)}  (n=${s.n})`;
  const verdict = r.server.p95 < TARGET_P95_MS ? 'meets' : 'MISSES';
  return [
    `${r.backend}: ${r.services} services; bulk load ${r.loadSeconds.toFixed(1)} s; search columns refreshed in ${r.refreshSeconds.toFixed(1)} s; median matches per query ${r.medianMatches}`,
    line('baseline: primary-key lookup', r.baseline),
    line('combined search, server time', r.server),
    line('combined search, with transaction', r.wall),
    ...(r.http ? [line('combined search over HTTP (inject)', r.http)] : []),
    ...(r.explain ? [r.explain] : []),
    `  ratio to baseline: p50 ×${(r.server.p50 / r.baseline.p50).toFixed(1)}  p95 ×${(r.server.p95 / r.baseline.p95).toFixed(1)}; p95 ${verdict} the ${TARGET_P95_MS} ms target`,
  ].join('\n');
}

const only = args.includes('--backend') ? args[args.indexOf('--backend') + 1] : undefined;
const backends = ['pglite', ...(process.env.DATABASE_URL ? ['postgres'] : [])].filter((b) => only === undefined || b === only);
const results = [];
for (const backend of backends) results.push(await benchBackend(backend));
if (args.includes('--json')) console.log(JSON.stringify(results, null, 2));
else console.log(results.map(report).join('\n\n'));
if (results.some((r) => r.server.p95 >= TARGET_P95_MS)) process.exitCode = 1;
