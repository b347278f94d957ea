import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackend, type TestDatabase } from '../../testing/database.js';
import { loadServiceGraph } from '../store/read.js';
import { importOruk } from './oruk.js';
import { projectPath } from '../../project-path.js';

const EXAMPLES = projectPath('..', 'shared', 'conformance/oruk/examples/Test');
const LIST_FILE = `${EXAMPLES}/service_list.json`;
const FULL_FILE = `${EXAMPLES}/service_full.json`;
const who = { userId: null, label: 'import: test' };

let database: TestDatabase;
beforeAll(async () => {
  database = await openTestDatabase();
});
afterAll(async () => database.close());

async function changeRows(): Promise<number> {
  const row = await database.db.selectFrom('directory_changes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('ORUK import from the conformance file', () => {
  it('imports the first of 128 records sharing one id and rejects the 127 repeats, then re-imports as unchanged', async () => {
    const first = await importOruk(database.db, { file: LIST_FILE }, { who });
    expect(first).toMatchObject({ read: 128, created: 1, updated: 0, unchanged: 0 });
    expect(first.rejected).toHaveLength(127);
    expect(first.rejected[0]).toEqual({ record: 2, id: 'ac148810-d857-441c-9679-408f346de14b', reason: 'repeats the id of record 1' });
    expect(first.rejected.every((r) => r.reason === 'repeats the id of record 1')).toBe(true);
    expect(first.rejected.at(-1)?.record).toBe(128);

    const row = await database.db.selectFrom('directory_imports').selectAll().where('id', '=', first.importId).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ format: 'oruk', status: 'finished', read_count: 128, created_count: 1, unchanged_count: 0, started_by_label: 'import: test' });
    expect(row.rejected).toHaveLength(127);

    const changes = await changeRows();
    const again = await importOruk(database.db, { file: LIST_FILE }, { who });
    expect(again).toMatchObject({ read: 128, created: 0, updated: 0, unchanged: 1 });
    expect(await changeRows()).toBe(changes);

    const graph = await loadServiceGraph(database.db, 'ac148810-d857-441c-9679-408f346de14b');
    expect(graph?.service).toMatchObject({ name: 'Community Counselling', status: 'active', source: 'oruk', minimum_age: '12', maximum_age: '100' });
    expect(graph?.organization).toMatchObject({ id: 'd9d5e0f5-d3ce-4f73-9a2f-4dd0ecc6c610', name: 'Example Organization Inc.', source: 'oruk' });
  });

  it('keeps a full service with its nested parts, and reads it back', async () => {
    const report = await importOruk(database.db, { file: FULL_FILE }, { who });
    // service_full.json is the same service as the list's, now with its parts: an update.
    expect(report).toMatchObject({ read: 1, created: 0, updated: 1, unchanged: 0, rejected: [] });
    // Its location claims latitude 100: impossible, so kept in extra and flagged.
    expect(report.warnings).toEqual([expect.stringMatching(/^record 1: .*latitude 100, longitude 101 is not a point on Earth/)]);

    const g = await loadServiceGraph(database.db, 'ac148810-d857-441c-9679-408f346de14b');
    expect(g?.schedules).toEqual([
      expect.objectContaining({ id: '48102e86-bb50-41c4-8f1e-e269368c41d1', freq: 'WEEKLY', interval: 1, byday: 'TH,FR', bymonthday: '2,3,4', opens_at: '10:00:00', closes_at: '18:00:00', valid_from: '2005-01-01', schedule_link: 'http://example.com' }),
    ]);
    expect(g?.serviceAreas).toEqual([expect.objectContaining({ id: '381c64f1-a724-4884-9c21-ac96c21cca3e', extent_type: 'geojson', uri: 'http://example.com' })]);
    expect(g?.costOptions).toEqual([expect.objectContaining({ option: 'Under 18s and Over 60s', valid_to: '2022-12-31', amount_description: 'per 1 hour session' })]);
    expect(Number(g?.costOptions[0]?.amount)).toBe(35);
    expect(g?.contacts.map((c) => [c.contact.name, c.contact.title])).toEqual([['Ann Persona', 'Reception Manager']]);
    expect(g?.fundings.map((f) => f.id)).toEqual(['1f2df32c-bf08-4b8e-bd6f-e834014b19bc']);
    expect(g?.languages.map((l) => l.id)).toEqual(['2989d3ed-c547-48f8-8f9d-432d81c7892e']);
    const sal = g?.serviceAtLocations[0];
    expect(sal?.serviceAtLocation.id).toBe('e94c9f38-1e8f-4564-91d4-d53501ab1765');
    expect(sal?.location.location).toMatchObject({
      id: '3a19ff88-4620-4d17-9830-ac1d859eb5d5', name: 'MyCity Civic Center', external_identifier: '10092008082', external_identifier_type: 'UPRN',
      latitude: null, longitude: null, extra: { latitude: 100, longitude: 101, _nested: { 'accessibility/afcf296e-1cb2-4139-9c88-33d587d1a50b': { accessibility: 'The building is equipped with induction loops for hearing aids. Wheelchair access is possible on all levels.' } } },
    });
    expect(sal?.location.addresses).toEqual([
      { id: '74706e55-df26-4b84-80fe-ecc30b5befb4', location_id: '3a19ff88-4620-4d17-9830-ac1d859eb5d5', attention: 'A. Persona', address_1: '1-30 Main Street', address_2: null, city: 'MyCity', region: 'MyRegion', state_province: 'MyState', postal_code: 'ABC 1234', country: 'US', address_type: 'postal' },
    ]);
    expect(sal?.location.accessibility[0]?.details).toBe('Switch hearing aid to T-coil to access the induction loop facility.');
    expect(g?.attributes[0]?.term).toMatchObject({ id: '3f7b145d-84af-42d7-8fae-eaca714b02b2', name: 'name', parent_id: '0bc248fa-dc27-4650-9ba4-8f1a24ef16a2', term_uri: 'http://example.com' });
    expect(g?.attributes[0]?.attribute).toMatchObject({ link_type: 'link_type', link_entity: 'service' });
    const identifiers = await database.db.selectFrom('directory_organization_identifiers').select(['identifier_scheme', 'identifier']).execute();
    expect(identifiers).toEqual([{ identifier_scheme: 'GB-COH', identifier: '1234567' }]);

    const changes = await changeRows();
    expect(await importOruk(database.db, { file: FULL_FILE }, { who })).toMatchObject({ created: 0, updated: 0, unchanged: 1 });
    expect(await changeRows()).toBe(changes);
  });

  it('refuses a record with a bad status or no organisation, and imports the rest', async () => {
    const good = { id: '0a000000-0000-4000-8000-000000000001', name: 'Good', status: 'active', organization: { id: '0b000000-0000-4000-8000-000000000001', name: 'Org' } };
    const report = await importOruk(
      database.db,
      { json: { contents: [good, { ...good, id: '0a000000-0000-4000-8000-000000000002', status: 'open' }, { id: '0a000000-0000-4000-8000-000000000003', name: 'No org', status: 'active' }, 'junk'] } },
      { who },
    );
    expect(report).toMatchObject({ read: 4, created: 2 });
    expect(report.rejected).toEqual([
      { record: 2, id: '0a000000-0000-4000-8000-000000000002', reason: 'service: status must be one of active, inactive, defunct, temporarily closed' },
      { record: 4, reason: 'the record is not a JSON object' },
    ]);
    // A service that names no organisation is kept, under a placeholder, and the report says so.
    expect(report.warnings).toEqual(['record 3: no organization given; listed under "Organisation not stated"']);
    expect((await loadServiceGraph(database.db, '0a000000-0000-4000-8000-000000000003'))?.organization.name).toBe('Organisation not stated');
  });
});

describe('ORUK import from a paged feed over HTTP', () => {
  let server: Server;
  let base: string;
  const requests: string[] = [];
  // The conformance list with each record given an id of its own: 128 distinct services.
  const list = JSON.parse(readFileSync(LIST_FILE, 'utf8')) as { contents: Record<string, unknown>[] };
  const services = list.contents.map((s, i) => ({ ...s, id: `5e000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}` }));
  const perPage = 50;

  beforeAll(async () => {
    server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      requests.push(url.pathname + url.search);
      const detail = /^\/api\/services\/([0-9a-f-]{36})$/.exec(url.pathname);
      res.setHeader('content-type', 'application/json');
      if (detail) {
        const found = services.find((s) => s.id === detail[1]);
        res.statusCode = found ? 200 : 404;
        res.end(JSON.stringify(found ?? {}));
        return;
      }
      if (url.pathname !== '/api/services') {
        res.statusCode = 404;
        res.end('{}');
        return;
      }
      const page = Number(url.searchParams.get('page') ?? '1');
      const size = Number(url.searchParams.get('per_page') ?? '10');
      const totalPages = Math.ceil(services.length / size);
      const contents = services.slice((page - 1) * size, page * size);
      res.end(JSON.stringify({ total_items: services.length, total_pages: totalPages, page_number: page, size: contents.length, first_page: page === 1, last_page: page >= totalPages, empty: contents.length === 0, contents }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/services`;
  });
  afterAll(async () => new Promise<void>((resolve) => server.close(() => resolve())));

  it('imports 128 services over 3 pages, then finds all 128 unchanged with no new history', async () => {
    const progress: { read: number; fraction?: number }[] = [];
    const started = performance.now();
    const first = await importOruk(database.db, { url: base }, { who, perPage, onProgress: (p) => progress.push(p) });
    const firstMs = performance.now() - started;
    expect(first).toMatchObject({ read: 128, created: 128, updated: 0, unchanged: 0, rejected: [] });
    expect(requests.filter((r) => r.startsWith('/api/services?'))).toEqual([
      '/api/services?page=1&per_page=50', '/api/services?page=2&per_page=50', '/api/services?page=3&per_page=50',
    ]);
    // List items carry only the organisation, so each full record was fetched.
    expect(requests.filter((r) => /^\/api\/services\/[0-9a-f-]{36}$/.test(r))).toHaveLength(128);
    expect(progress.at(-1)).toEqual({ read: 128, fraction: 1 });

    const changes = await changeRows();
    const again = performance.now();
    const second = await importOruk(database.db, { url: base }, { who, perPage });
    const secondMs = performance.now() - again;
    expect(second).toMatchObject({ read: 128, created: 0, updated: 0, unchanged: 128, rejected: [] });
    expect(await changeRows()).toBe(changes);
    const ids = await database.db.selectFrom('directory_services').select('id').where('id', 'in', services.map((s) => s.id)).execute();
    expect(ids).toHaveLength(128);
    console.info(`[${testBackend()}] 128-service ORUK import over HTTP: first ${firstMs.toFixed(0)} ms, re-run ${secondMs.toFixed(0)} ms`);
  });

  it('fails the import as a whole when the feed is not there', async () => {
    await expect(importOruk(database.db, { url: base.replace('/api/services', '/missing/services') }, { who })).rejects.toThrow('Page 1 of the feed answered HTTP 404.');
    const last = await database.db.selectFrom('directory_imports').select(['status', 'error']).orderBy('started_at', 'desc').limit(1).executeTakeFirstOrThrow();
    expect(last).toEqual({ status: 'failed', error: 'Page 1 of the feed answered HTTP 404.' });
  });
});
