import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DirectoryFacets, DirectorySearchResponse } from '../../contracts/directory-search.js';
import type { ReferralDetail } from '../../contracts/referrals.js';
import { createTestScheme, createTestUser, openTestApp, signInAs, type SignedIn, type TestApp, type TestScheme } from '../../testing/app.js';
import { testBackend } from '../../testing/database.js';
import { referralBody } from '../../testing/referrals.js';
import { insertService, insertTerm, type FixtureService } from './test-fixtures.js';

// Margaret's neighbourhood (LSOA E01011360): its centre is 53.81506, -1.53399. One degree of
// latitude is 111.195 km, so a service 0.8 km due north is at 53.81506 + 0.8 / 111.195.
const HOME = { latitude: 53.81506, longitude: -1.53399 };
const north = (km: number) => ({ latitude: HOME.latitude + km / 111.195, longitude: HOME.longitude });

let t: TestApp;
let scheme: TestScheme;
let worker: SignedIn;
let vcse: SignedIn;
let personId: string;
const ids: Record<string, string> = {};

const tuesdayMorning = [{ byday: 'TU', opensAt: '10:00', closesAt: '11:30' }];
const walk = (name: string, extra: Partial<FixtureService>): FixtureService => ({
  name,
  description: 'A friendly walk at an easy pace, followed by a cup of tea.',
  costs: [{ amount: 0 }],
  sessions: tuesdayMorning,
  ...extra,
});

beforeAll(async () => {
  t = await openTestApp();
  scheme = await createTestScheme(t.ctx.data);
  worker = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'link_worker'));
  vcse = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'vcse_provider'));
  const made = await t.app.inject({
    method: 'POST',
    url: '/api/referrals',
    headers: worker.headers,
    payload: referralBody({ person: { postcode: 'LS6 2QJ', lsoaCode: 'E01011360', dateOfBirth: '1950-03-02', language: 'Polish' } }),
  });
  expect(made.statusCode, made.body).toBe(201);
  personId = made.json<ReferralDetail>().person.id;

  const db = t.ctx.data.db;
  ids.hydePark = await insertService(db, walk('Hyde Park walking group', { point: north(0.8), capacityPlaces: 5, accessibility: ['Step-free paths'] }));
  ids.meanwood = await insertService(db, walk('Meanwood walking group', { point: north(-2), sessions: [{ byday: 'TU', opensAt: '10:00', closesAt: '12:00' }] }));
  ids.nordic = await insertService(db, walk('Nordic walking club', { point: north(1), costs: [{ amount: 4 }] }));
  ids.thursday = await insertService(db, walk('Thursday walking group', { point: north(1), sessions: [{ byday: 'TH', opensAt: '10:00', closesAt: '11:00' }] }));
  ids.afternoon = await insertService(db, walk('Afternoon walking group', { point: north(1.2), sessions: [{ byday: 'TU', opensAt: '14:00', closesAt: '15:00' }] }));
  ids.otley = await insertService(db, walk('Otley walking group', { point: north(12) }));
  ids.closed = await insertService(db, walk('Closed walking group', { point: north(0.5), status: 'inactive' }));
  ids.paused = await insertService(db, walk('Paused walking group', { point: north(0.6), status: 'temporarily closed' }));
  ids.stale = await insertService(db, walk('Stale walking group', { point: north(3), verifiedAt: new Date('2023-01-01T00:00:00Z') }));

  const befriending = await insertTerm(db, 'Befriending');
  ids.cafe = await insertService(db, { name: 'Friendship café', description: 'Tea, cake and company.', point: north(1.5), termIds: [befriending], languages: ['Polish'] });
  ids.bereavement = await insertService(db, { name: 'Bereavement support circle', description: 'Support after losing someone.', point: north(2.5) });
  await t.ctx.data.inScheme({ type: 'system', schemeId: scheme.schemeId, label: 'test' }, {}, async (scope) => {
    await scope.db.insertInto('directory_settings').values({ scheme_id: scheme.schemeId, need_terms: JSON.stringify({ loneliness: [befriending] }) }).execute();
    await scope.db.insertInto('directory_scheme_services').values({ scheme_id: scheme.schemeId, service_id: ids.meanwood ?? '', preferred: true }).execute();
  });
});
afterAll(async () => t.close());

const search = (as: SignedIn, query: string) => t.app.inject({ method: 'GET', url: `/api/directory/search?${query}`, headers: as.headers });
const names = (body: DirectorySearchResponse) => body.results.map((r) => r.name);

const personReads = () =>
  t.ctx.data.inScheme({ type: 'system', schemeId: scheme.schemeId, label: 'test' }, {}, (scope) =>
    scope.db.selectFrom('audit_events').select('id').where('entity_type', '=', 'person').where('entity_id', '=', personId).where('action', '=', 'read').execute(),
  );

describe(`directory search (${testBackend()})`, () => {
  it('a free walking group on Tuesday mornings near Margaret: the right ones, in order, with reasons', async () => {
    const readsBefore = (await personReads()).length;
    const response = await search(worker, `q=walk&day=tue&time=morning&free=true&personId=${personId}`);
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<DirectorySearchResponse>();
    expect(names(body)).toEqual(['Hyde Park walking group', 'Meanwood walking group', 'Stale walking group']);
    expect(body.total).toBe(3);
    expect(body.origin).toEqual({ ...HOME, label: 'approximate: the centre of the neighbourhood', approximate: true });
    expect(body.postcodeLookup).toBe('not-configured');
    expect(body.correctedQuery).toBeNull();
    const [hyde, meanwood, stale] = body.results;
    expect(hyde?.reasons).toEqual(['matches “walk”', '800 m away', 'Tuesdays 10:00–11:30', 'free', 'has places']);
    expect(hyde).toMatchObject({
      status: 'active',
      distanceKm: 0.8,
      free: true,
      stale: false,
      sessions: [{ day: 'Tuesday', opensAt: '10:00', closesAt: '11:30', monthly: false }],
      accessibility: [{ code: 'step_free', label: 'step-free access' }],
      capacity: { places: 5, waitlist: null, notTakingUntil: null, available: true },
      summary: 'A friendly walk at an easy pace, followed by a cup of tea.',
    });
    expect(meanwood?.reasons).toEqual(['matches “walk”', '2.0 km away', 'Tuesdays 10:00–12:00', 'free', 'recommended by your scheme']);
    expect(meanwood?.preferred).toBe(true);
    expect(stale).toMatchObject({ stale: true, distanceKm: 3 });
    // The person's home was read for this search, and the read is in the audit trail.
    expect((await personReads()).length).toBe(readsBefore + 1);
  });

  it('closed services never appear; paused ones only when asked for, marked paused', async () => {
    const all = (await search(worker, `q=walking&lat=${HOME.latitude}&lng=${HOME.longitude}&radiusKm=50&perPage=50`)).json<DirectorySearchResponse>();
    expect(names(all)).not.toContain('Closed walking group');
    expect(names(all)).not.toContain('Paused walking group');
    expect(all.total).toBe(7);
    const withPaused = (await search(worker, `q=walking&lat=${HOME.latitude}&lng=${HOME.longitude}&radiusKm=50&includePaused=true`)).json<DirectorySearchResponse>();
    expect(names(withPaused)).not.toContain('Closed walking group');
    expect(withPaused.results.find((r) => r.name === 'Paused walking group')?.status).toBe('paused');
    expect(withPaused.total).toBe(8);
  });

  it('the radius keeps far services out; a wider one lets them in', async () => {
    const near = (await search(worker, `q=otley&lat=${HOME.latitude}&lng=${HOME.longitude}`)).json<DirectorySearchResponse>();
    expect(near.total).toBe(0);
    const wide = (await search(worker, `q=otley&lat=${HOME.latitude}&lng=${HOME.longitude}&radiusKm=15`)).json<DirectorySearchResponse>();
    expect(names(wide)).toEqual(['Otley walking group']);
    expect(wide.results[0]?.reasons).toContain('12 km away');
  });

  it('a typo is corrected and said so', async () => {
    const body = (await search(worker, 'q=walkng&day=thu')).json<DirectorySearchResponse>();
    expect(body.correctedQuery).toBe('walking');
    expect(names(body)).toEqual(['Thursday walking group']);
    expect(body.results[0]?.reasons).toEqual(['matches “walking”', 'Thursdays 10:00–11:00', 'free']);
  });

  it('a need finds the terms the scheme mapped to it, or else its words', async () => {
    const mapped = (await search(worker, 'need=loneliness')).json<DirectorySearchResponse>();
    expect(names(mapped)).toEqual(['Friendship café']);
    expect(mapped.results[0]?.reasons).toEqual(['meets need: loneliness and isolation']);
    const unmapped = (await search(worker, 'need=bereavement')).json<DirectorySearchResponse>();
    expect(names(unmapped)).toEqual(['Bereavement support circle']);
    expect(unmapped.results[0]?.reasons).toEqual(['meets need: bereavement']);
  });

  it('filters on language, access and places', async () => {
    expect(names((await search(worker, 'language=pl')).json<DirectorySearchResponse>())).toEqual(['Friendship café']);
    expect(names((await search(worker, 'access=step_free')).json<DirectorySearchResponse>())).toEqual(['Hyde Park walking group']);
    expect(names((await search(worker, 'capacity=true')).json<DirectorySearchResponse>())).toEqual(['Hyde Park walking group']);
    expect(names((await search(worker, 'language=pl&q=walking')).json<DirectorySearchResponse>())).toEqual([]);
  });

  it('near a postcode needs the postcode directory; once loaded it works, and unknown postcodes are a field error', async () => {
    const missing = await search(worker, 'near=LS6%202QJ&q=walking');
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ type: string; detail: string }>()).toMatchObject({ type: expect.stringMatching(/postcode-lookup-not-configured$/) as unknown, detail: expect.stringMatching(/ONS Postcode Directory/) as unknown });

    await t.ctx.data.db.insertInto('postcodes').values({ postcode: 'LS6 2QJ', latitude: HOME.latitude, longitude: HOME.longitude, lsoa_code: 'E01011360' }).execute();
    const found = await search(worker, 'near=ls62qj&q=walking&day=tue&time=morning&free=true');
    expect(found.statusCode, found.body).toBe(200);
    const body = found.json<DirectorySearchResponse>();
    expect(body.origin).toEqual({ ...HOME, label: 'LS6 2QJ', approximate: false });
    expect(body.postcodeLookup).toBe('available');
    expect(names(body)).toEqual(['Hyde Park walking group', 'Meanwood walking group', 'Stale walking group']);

    const unknown = await search(worker, 'near=LS1%201ZZ');
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ errors: { field: string }[] }>().errors[0]?.field).toBe('query.near');
    const malformed = await search(worker, 'near=NOPE');
    expect(malformed.statusCode).toBe(400);

    // With the directory loaded, a person's home is their postcode, no longer approximate.
    const home = (await search(worker, `personId=${personId}&q=walking`)).json<DirectorySearchResponse>();
    expect(home.origin).toEqual({ ...HOME, label: 'home postcode', approximate: false });
  });

  it('a VCSE provider can search but not around a person', async () => {
    const plain = await search(vcse, 'q=walking');
    expect(plain.statusCode).toBe(200);
    expect(plain.json<DirectorySearchResponse>().total).toBe(7);
    const readsBefore = (await personReads()).length;
    const around = await search(vcse, `q=walking&personId=${personId}`);
    expect(around.statusCode).toBe(403);
    expect((await personReads()).length).toBe(readsBefore);
  });

  it('bad filters are refused and change nothing', async () => {
    for (const query of ['day=someday', 'perPage=500', 'radiusKm=80&lat=53&lng=-1', 'lat=53', 'access=teleporter', 'term=not-a-uuid', 'near=LS1%204AP&lat=53&lng=-1', 'unknown=1']) {
      expect((await search(worker, query)).statusCode, query).toBe(400);
    }
  });

  it('pages', async () => {
    const first = (await search(worker, 'q=walking&perPage=3')).json<DirectorySearchResponse>();
    const second = (await search(worker, 'q=walking&perPage=3&page=3')).json<DirectorySearchResponse>();
    const beyond = (await search(worker, 'q=walking&perPage=3&page=9')).json<DirectorySearchResponse>();
    expect(first.results).toHaveLength(3);
    expect(second.results).toHaveLength(1);
    expect([first.total, second.total, beyond.total]).toEqual([7, 7, 7]);
    expect(beyond.results).toEqual([]);
  });
});

describe(`matching for a person (${testBackend()})`, () => {
  it('finds services for the needs of their open referral near their home, with reasons, and audits the read', async () => {
    const readsBefore = (await personReads()).length;
    const response = await t.app.inject({ method: 'GET', url: `/api/directory/match?personId=${personId}`, headers: worker.headers });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json<DirectorySearchResponse>();
    expect(names(body)).toEqual(['Friendship café', 'Bereavement support circle']);
    expect(body.results[0]?.reasons).toEqual(['meets need: loneliness and isolation', '1.5 km away', 'in Polish']);
    expect(body.results[1]?.reasons).toEqual(['meets need: bereavement', '2.5 km away']);
    expect((await personReads()).length).toBe(readsBefore + 1);
    const refused = await t.app.inject({ method: 'GET', url: `/api/directory/match?personId=${personId}`, headers: vcse.headers });
    expect(refused.statusCode).toBe(403);
  });
});

describe(`facets and map configuration (${testBackend()})`, () => {
  it('offers the scheme’s needs, used terms, access features, languages, days and times', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/directory/facets', headers: vcse.headers });
    expect(response.statusCode, response.body).toBe(200);
    const facets = response.json<DirectoryFacets>();
    expect(facets.needs).toContainEqual({ code: 'loneliness', label: 'Loneliness and isolation' });
    expect(facets.terms.map((term) => term.name)).toEqual(['Befriending']);
    expect(facets.access).toContainEqual({ code: 'step_free', label: 'step-free access' });
    expect(facets.languages).toContainEqual({ code: 'pl', name: 'Polish' });
    expect(facets.days[1]).toEqual({ code: 'tue', label: 'Tuesday' });
    expect(facets.times.map((x) => x.code)).toEqual(['morning', 'afternoon', 'evening']);
  });

  it('says there are no map tiles unless configured', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/directory/map-config', headers: worker.headers });
    expect(response.json()).toEqual({ tileUrl: null, attribution: '' });
    const anonymous = await t.app.inject({ method: 'GET', url: '/api/directory/map-config' });
    expect(anonymous.statusCode).toBe(401);
    expect(response.headers['content-security-policy']).toContain("img-src 'self' data:;");
  });

  it('gives the configured tiles, and the page may load images from their host', async () => {
    const mapped = await openTestApp({ MAP_TILE_URL: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png', MAP_TILE_ATTRIBUTION: '© Example contributors' });
    try {
      const s = await createTestScheme(mapped.ctx.data);
      const user = await signInAs(mapped.app, await createTestUser(mapped.ctx.data, s, 'link_worker'));
      const response = await mapped.app.inject({ method: 'GET', url: '/api/directory/map-config', headers: user.headers });
      expect(response.json()).toEqual({ tileUrl: 'https://{s}.tiles.example.org/{z}/{x}/{y}.png', attribution: '© Example contributors' });
      expect(response.headers['content-security-policy']).toContain("img-src 'self' data: https://*.tiles.example.org;");
    } finally {
      await mapped.close();
    }
  });
});
