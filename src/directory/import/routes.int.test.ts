import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportRunDto } from '../../contracts/directory-import.js';
import { createTestScheme, createTestUser, openTestApp, signInAs, type SignedIn, type TestApp } from '../../testing/app.js';
import { saveService } from '../store/write.js';
import { registerDirectoryJobs, UPLOADED_SOURCE } from './jobs.js';
import { ImportRun } from './run.js';
import { projectPath } from '../../project-path.js';

const FULL = JSON.parse(readFileSync(projectPath('..', 'shared', 'conformance/oruk/examples/Test/service_full.json'), 'utf8')) as Record<string, unknown>;
const LIST = JSON.parse(readFileSync(projectPath('..', 'shared', 'conformance/oruk/examples/Test/service_list.json'), 'utf8')) as { contents: Record<string, unknown>[] };

let t: TestApp;
let server: Server;
let feedUrl: string;
let manager: SignedIn;
let worker: SignedIn;
let provider: SignedIn;
// The conformance list with distinct ids, served as one page per 64 records.
const services = LIST.contents.map((s, i) => ({ ...s, id: `7e000000-0000-4000-8000-${String(i + 1).padStart(12, '0')}` }));

beforeAll(async () => {
  server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    res.setHeader('content-type', 'application/json');
    const detail = /^\/services\/(.+)$/.exec(url.pathname);
    if (detail) {
      res.end(JSON.stringify(services.find((s) => s.id === detail[1]) ?? {}));
      return;
    }
    const page = Number(url.searchParams.get('page') ?? '1');
    const contents = services.slice((page - 1) * 64, page * 64);
    res.end(JSON.stringify({ total_items: 128, total_pages: 2, page_number: page, size: contents.length, first_page: page === 1, last_page: page >= 2, empty: false, contents }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/services`;
  t = await openTestApp({ DATA_DIR: mkdtempSync(join(tmpdir(), 'linkwell-import-')), ORUK_FEED_URL: feedUrl, ORUK_PULL_INTERVAL_MINUTES: '5' });
  registerDirectoryJobs(t.ctx.jobs, t.ctx.data, t.ctx.config);
  const scheme = await createTestScheme(t.ctx.data);
  manager = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'scheme_manager'));
  worker = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'link_worker'));
  provider = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'vcse_provider'));
});
afterAll(async () => {
  await t.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

/** The uploaded document as the database holds it for the job (null once the job is done with it). */
async function heldDocument(id: string): Promise<unknown> {
  const row = await t.ctx.data.db.selectFrom('directory_imports').select('document').where('id', '=', id).executeTakeFirstOrThrow();
  return row.document;
}

async function importRun(as: SignedIn, id: string): Promise<ImportRunDto> {
  const response = await t.app.inject({ method: 'GET', url: `/api/directory/imports/${id}`, headers: as.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ImportRunDto>();
}

describe('directory import from the web', () => {
  it('runs an uploaded ORUK document as a job that the page can follow', async () => {
    const started = await t.app.inject({ method: 'POST', url: '/api/directory/imports', headers: manager.headers, payload: { format: 'oruk', document: FULL } });
    expect(started.statusCode, started.body).toBe(202);
    const { id } = started.json<{ id: string }>();
    expect(await importRun(manager, id)).toMatchObject({ status: 'running', read: 0, source: 'uploaded document', startedBy: 'Test scheme_manager', warnings: [] });
    // The document waits in the database (any instance may run the job), not on this one's disk.
    expect(await heldDocument(id)).toMatchObject({ id: 'ac148810-d857-441c-9679-408f346de14b', name: FULL.name });
    expect(readdirSync(t.ctx.config.DATA_DIR)).not.toContain('imports');

    await t.ctx.jobs.runDue();
    const done = await importRun(manager, id);
    expect(done).toMatchObject({ status: 'finished', format: 'oruk', read: 1, created: 1, updated: 0, unchanged: 0, rejected: [], error: null });
    expect(done.finishedAt).not.toBeNull();
    // The conformance record's only location is at latitude 100, longitude 101.
    expect(done.warnings).toEqual([expect.stringMatching(/^record 1: .*latitude 100, longitude 101 is not a point on Earth/)]);
    expect(await heldDocument(id)).toBeNull();

    const again = await t.app.inject({ method: 'POST', url: '/api/directory/imports', headers: manager.headers, payload: { format: 'oruk', document: FULL } });
    await t.ctx.jobs.runDue();
    expect(await importRun(manager, again.json<{ id: string }>().id)).toMatchObject({ status: 'finished', created: 0, unchanged: 1 });

    const list = await t.app.inject({ method: 'GET', url: '/api/directory/imports', headers: manager.headers });
    expect(list.json<{ items: ImportRunDto[] }>().items.map((i) => i.id)).toContain(id);

    const audit = await t.app.inject({ method: 'GET', url: `/api/audit-events?entityType=directory_import&entityId=${id}`, headers: manager.headers });
    expect(audit.json<{ items: { action: string }[] }>().items.map((a) => a.action)).toEqual(['create']);
  });

  it('fails an uploaded import whose document is no longer held, saying so', async () => {
    const id = '00000000-0000-4000-8000-0000000d0c00';
    await t.ctx.data.db.insertInto('directory_imports').values({ id, format: 'oruk', source: UPLOADED_SOURCE, status: 'running', started_by_label: 'Test scheme_manager' }).execute();
    await t.ctx.jobs.enqueue(t.ctx.data.db, 'directory.import', { importId: id, userId: null });
    await t.ctx.jobs.runDue();
    const failed = await importRun(manager, id);
    expect(failed).toMatchObject({ status: 'failed', error: 'The uploaded document is no longer held. Upload it again.', read: 0, created: 0 });
    expect(failed.finishedAt).not.toBeNull();
  });

  it('keeps the first 200 warnings of a run and says how many more there were', async () => {
    const run = await ImportRun.start(t.ctx.data.db, 'oruk', 'warnings test', { who: { userId: null, label: 'test' } });
    for (let i = 1; i <= 203; i++) run.report.warnings.push(`warning ${i}`);
    await run.finish();
    const { warnings } = await importRun(manager, run.report.importId);
    expect(warnings).toHaveLength(201);
    expect(warnings.slice(0, 2)).toEqual(['warning 1', 'warning 2']);
    expect(warnings.slice(-2)).toEqual(['warning 200', '3 more warnings are not listed']);
  });

  it('refuses a feed address inside the network, and bodies that are not an import', async () => {
    const loopback = await t.app.inject({ method: 'POST', url: '/api/directory/imports', headers: manager.headers, payload: { format: 'oruk', url: 'http://127.0.0.1:9/services' } });
    expect(loopback.statusCode).toBe(400);
    expect(loopback.json<{ errors?: unknown }>()).toMatchObject({ status: 400 });
    const both = await t.app.inject({ method: 'POST', url: '/api/directory/imports', headers: manager.headers, payload: { format: 'hsds', url: 'https://example.org/' } });
    expect(both.statusCode).toBe(400);
  });

  it('is for managers: a link worker gets 403, an unknown import is 404', async () => {
    const post = await t.app.inject({ method: 'POST', url: '/api/directory/imports', headers: worker.headers, payload: { format: 'oruk', document: FULL } });
    expect(post.statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/directory/imports', headers: worker.headers })).statusCode).toBe(403);
    const missing = '00000000-0000-4000-8000-00000000abcd';
    expect((await t.app.inject({ method: 'GET', url: `/api/directory/imports/${missing}`, headers: worker.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/directory/imports/${missing}`, headers: manager.headers })).statusCode).toBe(404);
  });

  it('pulls the configured ORUK feed on its schedule: 128 services, then 128 unchanged', async () => {
    // The slot's job was made by the first runDue above (every poll makes sure of the current slot).
    await t.ctx.jobs.runDue();
    const pulls = await t.ctx.data.db.selectFrom('directory_imports').selectAll().where('source', '=', feedUrl).execute();
    expect(pulls).toHaveLength(1);
    expect(pulls[0]).toMatchObject({ status: 'finished', read_count: 128, created_count: 128, started_by_label: `import: oruk ${feedUrl}` });
    const pulled = await t.ctx.data.db.selectFrom('directory_services').select('id').where('id', 'in', services.map((s) => s.id)).execute();
    expect(pulled).toHaveLength(128);
    const after = await t.ctx.data.db.selectFrom('directory_changes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();

    // The next slot's job runs the same handler again.
    await t.ctx.jobs.enqueue(t.ctx.data.db, 'directory.oruk-pull', {});
    await t.ctx.jobs.runDue();
    const second = await t.ctx.data.db.selectFrom('directory_imports').selectAll().where('source', '=', feedUrl).orderBy('started_at', 'desc').executeTakeFirstOrThrow();
    expect(second).toMatchObject({ status: 'finished', created_count: 0, updated_count: 0, unchanged_count: 128 });
    const last = await t.ctx.data.db.selectFrom('directory_changes').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(last.n)).toBe(Number(after.n));
  });
});

describe('directory CSV export', () => {
  it('lists every service with its details and defuses formulas; audited; not for VCSE providers', async () => {
    await saveService(
      t.ctx.data.db,
      {
        service: { id: '0e000000-0000-4000-8000-000000000001', organization_id: '0e000000-0000-4000-8000-0000000000aa', name: '=HYPERLINK("http://evil.example","Click")', status: 'temporarily closed', capacity_places: 12, minimum_age: '18', email: '+44@example.org' },
        organization: { organization: { id: '0e000000-0000-4000-8000-0000000000aa', name: 'Riverside Walkers' } },
        schedules: [{ id: '0e000000-0000-4000-8000-000000000002', byday: 'TU', opens_at: '10:00', closes_at: '11:30' }],
        languages: [{ id: '0e000000-0000-4000-8000-000000000003', name: 'Urdu', code: 'ur' }],
        phones: [{ id: '0e000000-0000-4000-8000-000000000004', number: '0113 496 0000' }],
        serviceAtLocations: [
          {
            serviceAtLocation: { id: '0e000000-0000-4000-8000-000000000005' },
            location: { location: { id: '0e000000-0000-4000-8000-000000000006', latitude: 53.81506, longitude: -1.53399 }, addresses: [{ id: '0e000000-0000-4000-8000-000000000007', address_1: 'Woodhouse Moor', city: 'Leeds', postal_code: 'LS6 2QJ' }] },
          },
        ],
      },
      { userId: null, label: 'test' },
      { kind: 'create' },
    );
    const response = await t.app.inject({ method: 'GET', url: '/api/directory/export.csv', headers: worker.headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = response.body.trimEnd().split('\r\n');
    expect(lines[0]).toBe(
      '"id","name","organisation","status","referral_mode","address","postcode","latitude","longitude","schedule","free","minimum_age","maximum_age","languages","capacity_places","waitlist","not_taking_until","verified_at","verified_by","url","email","phone"',
    );
    // Every service: the evil one, 128 pulled, and the counselling service.
    expect(lines).toHaveLength(1 + 1 + 128 + 1);
    const evil = lines.find((l) => l.startsWith('"0e000000-0000-4000-8000-000000000001"'));
    expect(evil).toBe(
      '"0e000000-0000-4000-8000-000000000001","\'=HYPERLINK(""http://evil.example"",""Click"")","Riverside Walkers","paused","referrals","Woodhouse Moor, Leeds","LS6 2QJ","53.81506","-1.53399","Tuesdays 10:00–11:30","no","18","","Urdu","12","","","","","","\'+44@example.org","0113 496 0000"',
    );
    const audit = await t.app.inject({ method: 'GET', url: '/api/audit-events?action=export&entityType=directory_service', headers: manager.headers });
    expect(audit.json<{ items: unknown[] }>().items).toHaveLength(1);
    expect((await t.app.inject({ method: 'GET', url: '/api/directory/export.csv', headers: provider.headers })).statusCode).toBe(403);
  });
});
