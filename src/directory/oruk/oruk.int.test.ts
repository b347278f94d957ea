import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestScheme, openTestApp, type TestApp } from '../../testing/app.js';
import { validateOruk, type OrukSchemaName } from './schema-validator.js';
import { buildOrukTestData, type OrukTestData } from './test-data.js';

let t: TestApp;
let d: OrukTestData;

beforeAll(async () => {
  t = await openTestApp();
  const a = await createTestScheme(t.ctx.data);
  const b = await createTestScheme(t.ctx.data);
  d = await buildOrukTestData(t.ctx.data, { a, b });
});

afterAll(async () => {
  await t.close();
});

/** Bodies are read loosely; the schemas and the assertions say what they must hold. */
type Json = Record<string, unknown>;
interface Item extends Json {
  id: string;
  name: string;
}
interface Page<T = Item> {
  total_items: number;
  total_pages: number;
  page_number: number;
  size: number;
  first_page: boolean;
  last_page: boolean;
  empty: boolean;
  contents: T[];
}
interface SalItem extends Json {
  service: Item;
  location: Item;
}
interface Problem {
  status: number;
  detail: string;
  errors?: { field: string }[];
}

interface Answer {
  status: number;
  body: unknown;
  headers: Record<string, unknown>;
}

async function get(url: string): Promise<Answer> {
  const response = await t.app.inject({ method: 'GET', url });
  return { status: response.statusCode, body: response.json(), headers: response.headers };
}

/** GET, expect 200 with CORS open, and the body valid against the named ORUK schema. */
async function getValid<T = Json>(url: string, schema: OrukSchemaName): Promise<T> {
  const answer = await get(url);
  expect(answer.status, `${url}: ${JSON.stringify(answer.body)}`).toBe(200);
  expect(answer.headers['access-control-allow-origin']).toBe('*');
  expect(answer.headers['content-type']).toMatch(/^application\/json/);
  const result = validateOruk(schema, answer.body);
  expect(result.errors, `${url} against ${schema}`).toEqual([]);
  // The schemas allow no null anywhere.
  expect(JSON.stringify(answer.body)).not.toContain(':null');
  return answer.body as T;
}

async function expectProblem(url: string, status: number): Promise<Problem> {
  const answer = await get(url);
  expect(answer.status, url).toBe(status);
  expect(answer.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(answer.headers['access-control-allow-origin']).toBe('*');
  const problem = answer.body as Problem;
  expect(problem.status).toBe(status);
  return problem;
}

/**
 * Reads every page of a list with a small page size, checks each against the list schema and
 * the envelope's arithmetic, then the page after the last (empty), and returns the names seen.
 */
async function walk(path: string, schema: OrukSchemaName, perPage: number, expected: string[], label: (item: Json) => string = (i) => String(i.name)) {
  const join = path.includes('?') ? '&' : '?';
  const seen: string[] = [];
  const totalPages = Math.ceil(expected.length / perPage);
  for (let page = 1; page <= totalPages; page++) {
    const body = await getValid<Page<Json>>(`${path}${join}page=${page}&per_page=${perPage}`, schema);
    expect(body).toMatchObject({
      total_items: expected.length,
      total_pages: totalPages,
      page_number: page,
      first_page: page === 1,
      last_page: page === totalPages,
      empty: false,
    });
    expect(body.size).toBe(body.contents.length);
    seen.push(...body.contents.map(label));
  }
  expect(seen).toEqual(expected);
  const beyond = await getValid<Page<Json>>(`${path}${join}page=${totalPages + 1}&per_page=${perPage}`, schema);
  expect(validateOruk('empty_list', beyond).errors).toEqual([]);
  expect(beyond).toMatchObject({ total_items: expected.length, page_number: totalPages + 1, size: 0, empty: true, last_page: true, contents: [] });
}

const PUBLIC_SERVICES = ['Allotment Gardening', 'Art Club', 'Befriending Calls', 'Community Choir', 'Tuesday Walking Group'];

describe('ORUK API: /oruk/', () => {
  it('answers api_details pointing at its own OpenAPI document', async () => {
    const details = await getValid('/oruk/', 'api_details');
    expect(details.version).toBe('HSDS-UK-3.0');
    expect(details.profile).toBe('https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md');
    expect(details.openapi_url).toMatch(/^https?:\/\/.+\/oruk\/openapi\.json$/);
    const openapi = await get('/oruk/openapi.json');
    expect(openapi.status).toBe(200);
    expect(openapi.headers['access-control-allow-origin']).toBe('*');
    expect(Object.keys((openapi.body as { paths: Json }).paths)).toEqual(expect.arrayContaining(['/', '/services', '/services/{id}', '/organizations/{id}', '/taxonomy_terms']));
  });
});

describe('ORUK API: services', () => {
  it('pages through the public services only, in name order: first, middle, last and empty pages', async () => {
    await walk('/oruk/services', 'service_list', 2, PUBLIC_SERVICES);
    await walk('/oruk/services', 'service_list', 5, PUBLIC_SERVICES);
    const all = await getValid<Page>('/oruk/services', 'service_list');
    expect(all).toMatchObject({ total_items: 5, total_pages: 1, page_number: 1, size: 5, first_page: true, last_page: true, empty: false });
  });

  it('carries each service with its organisation, status as HSDS has it, numbers as numbers, bad links left out', async () => {
    const body = await getValid<Page>('/oruk/services?per_page=200', 'service_list');
    const byName = new Map(body.contents.map((s) => [s.name, s]));
    expect(byName.get('Befriending Calls')).toMatchObject({ status: 'inactive', organization: { id: d.organizations.walkers, name: 'Riverside Walkers' } });
    const walking: Json = byName.get('Tuesday Walking Group') ?? {};
    expect(walking).toMatchObject({ id: d.services.walking, minimum_age: 16, maximum_age: 99, last_modified: '2026-03-01T09:30:00.000Z', assured_date: '2025-11-02' });
    // Riverside Walkers' website and email are not a URI and an address: left out, not sent broken.
    expect(walking.organization).not.toHaveProperty('website');
    expect(walking.organization).not.toHaveProperty('email');
    const choir: Json = byName.get('Community Choir') ?? {};
    expect(choir).not.toHaveProperty('url');
    expect(choir).not.toHaveProperty('assurer_email');
  });

  it('finds by stemmed words and filters by term, taxonomy, organisation and modification time', async () => {
    const names = async (query: string) => (await getValid<Page>(`/oruk/services?${query}`, 'service_list')).contents.map((s) => s.name);
    expect(await names('search=walks')).toEqual(['Tuesday Walking Group']);
    expect(await names('search=riverside')).toEqual(['Befriending Calls', 'Tuesday Walking Group']);
    expect(await names(`taxonomy_term_id=${d.terms.walking}`)).toEqual(['Tuesday Walking Group']);
    expect(await names(`taxonomy_id=${d.taxonomies.activities}`)).toEqual(['Allotment Gardening', 'Tuesday Walking Group']);
    expect(await names(`organization_id=${d.organizations.greenShoots}`)).toEqual(['Allotment Gardening', 'Art Club', 'Community Choir']);
    expect(await names(`organization_id=${d.organizations.hidden}`)).toEqual([]);
    expect(await names('modified_after=2026-01-01T00:00:00Z')).toEqual(['Tuesday Walking Group']);
    // "On or after", as the ORUK open_api.json words it; a plain date is midnight UTC.
    expect(await names('modified_after=2025-06-01')).toEqual(['Art Club', 'Tuesday Walking Group']);
    expect(await names('modified_after=2025-06-01T01:00:00%2B01:00')).toEqual(['Art Club', 'Tuesday Walking Group']);
    await walk('/oruk/services?search=walks', 'service_list', 1, ['Tuesday Walking Group']);
  });

  it('answers a search with no hits as an empty page', async () => {
    const body = await getValid<Page>('/oruk/services?search=zyzzyva', 'service_list');
    expect(validateOruk('empty_list', body).errors).toEqual([]);
    expect(body).toEqual({ total_items: 0, total_pages: 0, page_number: 1, size: 0, first_page: true, last_page: true, empty: true, contents: [] });
  });

  it('gives fully nested items with full=true', async () => {
    const body = await getValid<Page>('/oruk/services?full=true&search=walks', 'service_list');
    expect(body.contents).toHaveLength(1);
    expect(validateOruk('service', body.contents[0]).errors).toEqual([]);
    expect(body.contents[0]).toMatchObject({ service_at_locations: [{ location: { addresses: [{ postal_code: 'LS5 3EH' }] } }] });
  });

  it('refuses bad paging and unknown parameters with problem+json, CORS still open', async () => {
    const refusals: [string, string, string][] = [
      ['per_page=0', 'querystring.per_page', 'must be 1 or more'],
      ['per_page=201', 'querystring.per_page', 'must be 200 or less'],
      ['per_page=ten', 'querystring.per_page', 'must be a whole number'],
      ['page=0', 'querystring.page', 'must be 1 or more'],
      ['page=-1', 'querystring.page', 'must be 1 or more'],
      ['page=1.5', 'querystring.page', 'must be a whole number'],
    ];
    for (const [query, field, message] of refusals) {
      const problem = await expectProblem(`/oruk/services?${query}`, 400);
      expect(problem.errors, query).toEqual([{ field, message }]);
    }
    await expectProblem('/oruk/services?modified_after=yesterday', 400);
    await expectProblem('/oruk/services?taxonomy_term_id=walking', 400);
    await expectProblem('/oruk/services?postcode=LS6%202QJ', 400);
    await expectProblem('/oruk/services?format=ndjson', 400);
    await expectProblem('/oruk/taxonomy_terms?per_page=500', 400);
    await expectProblem('/oruk/organizations?page=0', 400);
  });

  it('answers one service fully nested, without Linkwell-only fields', async () => {
    const service = await getValid(`/oruk/services/${d.services.walking}`, 'service');
    expect(service).toMatchObject({
      id: d.services.walking,
      name: 'Tuesday Walking Group',
      status: 'active',
      url: 'https://walkers.example.org/tuesday',
      organization: { id: d.organizations.walkers, name: 'Riverside Walkers', description: 'Walks by the Aire' },
      schedules: [{ freq: 'WEEKLY', interval: 1, byday: 'TU', opens_at: '10:00:00', closes_at: '11:30:00', dtstart: '2025-01-07' }],
      cost_options: [{ option: 'Everyone', amount: 0, currency: 'GBP', amount_description: 'Free' }],
      contacts: [{ name: 'Walk leader', title: 'Volunteer lead', email: 'lead@walkers.example.org', phones: [{ number: '0113 496 0000', extension: 12 }] }],
      phones: [{ number: '0113 496 0001', type: 'voice' }],
      languages: [{ name: 'Polish', code: 'pl' }],
      service_areas: [{ name: 'Leeds', extent: 'LS4,LS5,LS6' }],
      funding: [{ source: 'National Lottery' }],
      attributes: [{ taxonomy_term_id: d.terms.walking, taxonomy_term: { id: d.terms.walking, name: 'Walking', taxonomy_id: d.taxonomies.activities } }],
      service_at_locations: [
        {
          id: d.serviceAtLocations.walking,
          description: 'Meet at the gates',
          schedules: [{ byday: 'TU', timezone: 0 }],
          location: {
            id: d.location,
            name: 'Kirkstall Abbey gates',
            latitude: 53.8207,
            longitude: -1.6074,
            addresses: [{ address_1: 'Abbey Road', city: 'Leeds', postal_code: 'LS5 3EH', country: 'GB', address_type: 'physical' }],
            accessibility: [{ description: 'Step-free paths', url: 'https://walkers.example.org/access' }],
            attributes: [{ taxonomy_term: { name: 'Nordic walking', parent_id: d.terms.walking } }],
          },
        },
      ],
    });
    const text = JSON.stringify(service);
    for (const secret of ['Sue Private', 'sue.private@example.org', '07700 900123', 'Jo Verifier', 'Scheme A note', 'signposting']) {
      expect(text).not.toContain(secret);
    }
    for (const field of ['named_contact_name', 'capacity_places', 'waitlist_count', 'verified_at', 'verified_by', 'referral_mode', 'extra', 'version', 'source']) {
      expect(service).not.toHaveProperty(field);
    }
  });

  it('shows a closed service with its true status', async () => {
    const service = await getValid(`/oruk/services/${d.services.befriending}`, 'service');
    expect(service.status).toBe('inactive');
  });

  it('answers 404 for a private, unknown or malformed id', async () => {
    await expectProblem(`/oruk/services/${d.services.secretWalk}`, 404);
    await expectProblem(`/oruk/services/${d.services.privateYoga}`, 404);
    await expectProblem('/oruk/services/6f1f0c36-8bb0-4a8e-9d43-5b4d7b35a0c1', 404);
    await expectProblem('/oruk/services/not-a-uuid', 404);
  });
});

describe('ORUK API: services at locations', () => {
  it('pages through those of public services only', async () => {
    const label = (item: Json) => `${(item as SalItem).service.name} @ ${(item as SalItem).location.name}`;
    const expected = ['Community Choir @ Kirkstall Abbey gates', 'Tuesday Walking Group @ Kirkstall Abbey gates'];
    await walk('/oruk/service_at_locations', 'service_at_location_list', 1, expected, label);
    const filtered = await getValid<Page<SalItem>>(`/oruk/service_at_locations?taxonomy_term_id=${d.terms.walking}`, 'service_at_location_list');
    expect(filtered.contents.map(label)).toEqual(['Tuesday Walking Group @ Kirkstall Abbey gates']);
    const none = await getValid('/oruk/service_at_locations?search=zyzzyva', 'service_at_location_list');
    expect(validateOruk('empty_list', none).errors).toEqual([]);
    const full = await getValid<Page<SalItem>>('/oruk/service_at_locations?full=true', 'service_at_location_list');
    for (const item of full.contents) expect(validateOruk('service_at_location', item).errors).toEqual([]);
  });

  it('answers one fully nested, and 404 for one of a private service', async () => {
    const sal = await getValid(`/oruk/service_at_locations/${d.serviceAtLocations.walking}`, 'service_at_location');
    expect(sal).toMatchObject({
      id: d.serviceAtLocations.walking,
      location: { id: d.location, addresses: [{ city: 'Leeds' }] },
      service: { id: d.services.walking, organization: { id: d.organizations.walkers } },
    });
    expect(sal.service).not.toHaveProperty('service_at_locations');
    await expectProblem(`/oruk/service_at_locations/${d.serviceAtLocations.secretWalk}`, 404);
    await expectProblem('/oruk/service_at_locations/nope', 404);
  });
});

describe('ORUK API: organizations', () => {
  it('lists only organisations with a public service', async () => {
    await walk('/oruk/organizations', 'organization_list', 1, ['Green Shoots Community Garden', 'Riverside Walkers']);
    const found = await getValid<Page>('/oruk/organizations?search=garden', 'organization_list');
    expect(found.contents.map((o) => o.name)).toEqual(['Green Shoots Community Garden']);
    const none = await getValid<Page>('/oruk/organizations?search=helpers', 'organization_list');
    expect(validateOruk('empty_list', none).errors).toEqual([]);
    expect(none.empty).toBe(true);
  });

  it('answers one with its public services and no governance fields', async () => {
    const org = await getValid<{ services: Item[] }>(`/oruk/organizations/${d.organizations.greenShoots}`, 'organization');
    expect(org).toMatchObject({
      id: d.organizations.greenShoots,
      website: 'https://greenshoots.example.org',
      organization_identifiers: [{ identifier_scheme: 'GB-CHC', identifier_type: 'Charity number', identifier: '1234567' }],
    });
    expect(org.services.map((s) => s.name)).toEqual(['Allotment Gardening', 'Art Club', 'Community Choir']);
    const text = JSON.stringify(org);
    for (const secret of ['Private Yoga', 'Investing in Volunteers', 'Enhanced checks', '2027-01-31', 'incorporated']) expect(text).not.toContain(secret);
    const full = await getValid<{ services: Item[] }>(`/oruk/organizations/${d.organizations.greenShoots}?full_service=true`, 'organization');
    expect(full.services[0]).toMatchObject({ name: 'Allotment Gardening', cost_options: [{ amount: 12.5, currency: 'GBP' }] });
  });

  it('answers 404 for an organisation with no public service', async () => {
    await expectProblem(`/oruk/organizations/${d.organizations.hidden}`, 404);
    await expectProblem('/oruk/organizations/x', 404);
  });
});

describe('ORUK API: taxonomies and terms', () => {
  it('pages through taxonomies and answers one with its terms', async () => {
    await walk('/oruk/taxonomies', 'taxonomy_list', 1, ['Linkwell activities', 'Unused vocabulary']);
    const none = await getValid('/oruk/taxonomies?search=zyzzyva', 'taxonomy_list');
    expect(validateOruk('empty_list', none).errors).toEqual([]);
    const activities = await getValid<{ taxonomy_terms: Item[] }>(`/oruk/taxonomies/${d.taxonomies.activities}`, 'taxonomy');
    expect(activities).toMatchObject({ name: 'Linkwell activities', uri: 'https://linkwell.dev/taxonomy/activities', version: '1' });
    expect(activities.taxonomy_terms.map((term) => term.name)).toEqual(['Gardening', 'Nordic walking', 'Walking']);
    const empty = await getValid(`/oruk/taxonomies/${d.taxonomies.empty}`, 'taxonomy');
    expect(empty).toEqual({ id: d.taxonomies.empty, name: 'Unused vocabulary', description: '', taxonomy_terms: [] });
    await expectProblem('/oruk/taxonomies/7d0f6f7e-0000-4000-8000-000000000000', 404);
  });

  it('pages through terms with their filters and answers one', async () => {
    await walk('/oruk/taxonomy_terms', 'taxonomy_term_list', 3, ['Gardening', 'Nordic walking', 'Unfiled', 'Walking']);
    const names = async (query: string) => (await getValid<Page>(`/oruk/taxonomy_terms?${query}`, 'taxonomy_term_list')).contents.map((x) => x.name);
    expect(await names(`taxonomy_id=${d.taxonomies.activities}`)).toEqual(['Gardening', 'Nordic walking', 'Walking']);
    expect(await names(`parent_id=${d.terms.walking}`)).toEqual(['Nordic walking']);
    expect(await names('top_only=true')).toEqual(['Gardening', 'Unfiled', 'Walking']);
    expect(await names('search=walks')).toEqual(['Nordic walking', 'Walking']);
    const term = await getValid(`/oruk/taxonomy_terms/${d.terms.walking}`, 'taxonomy_term');
    expect(term).toEqual({
      id: d.terms.walking,
      code: 'walk',
      name: 'Walking',
      description: 'Walking groups',
      taxonomy_id: d.taxonomies.activities,
      term_uri: 'https://linkwell.dev/taxonomy/activities/walk',
    });
    // A stored term_uri that is not a URI is left out rather than sent broken.
    expect(await getValid(`/oruk/taxonomy_terms/${d.terms.unused}`, 'taxonomy_term')).not.toHaveProperty('term_uri');
    await expectProblem('/oruk/taxonomy_terms/0', 404);
  });
});

describe('ORUK API: cross-origin and errors', () => {
  it('answers a preflight from any origin', async () => {
    const response = await t.app.inject({
      method: 'OPTIONS',
      url: '/oruk/services',
      headers: { origin: 'https://elsewhere.example', 'access-control-request-method': 'GET' },
    });
    expect(response.statusCode).toBe(204);
    expect(response.headers['access-control-allow-origin']).toBe('*');
    expect(String(response.headers['access-control-allow-methods'])).toContain('GET');
  });

  it('answers unknown paths and other methods as problem+json with CORS open, and needs no session', async () => {
    const problem = await expectProblem('/oruk/nothing-here', 404);
    expect(problem.detail).toContain('/oruk/openapi.json');
    const post = await t.app.inject({ method: 'POST', url: '/oruk/services', payload: {} });
    expect(post.statusCode).toBe(404);
    expect(post.headers['access-control-allow-origin']).toBe('*');
    const withOrigin = await t.app.inject({ method: 'GET', url: '/oruk/services', headers: { origin: 'https://elsewhere.example' } });
    expect(withOrigin.statusCode).toBe(200);
    expect(withOrigin.headers['access-control-allow-origin']).toBe('*');
  });
});
