import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeList, ServiceDetail } from '../contracts/directory.js';
import { createTestScheme, createTestUser, openTestApp, signInAs, type SignedIn, type TestApp, type TestScheme } from '../testing/app.js';
import { testBackend } from '../testing/database.js';
import { createTestDirectoryOrganization, createTestDirectoryService, linkSchemeOrganisation } from './test-fixtures.js';

/** Keeping a listing right: edits with versions, verification, staleness, closing, history. */

let t: TestApp;
let scheme: TestScheme;
let manager: SignedIn;
let worker: SignedIn;
let orgId: string;

const DAY = 86_400_000;

beforeAll(async () => {
  t = await openTestApp();
  scheme = await createTestScheme(t.ctx.data);
  manager = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'scheme_manager'));
  worker = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'link_worker'));
  orgId = await createTestDirectoryOrganization(t.ctx.data, { name: 'Woodhouse Walkers' });
});
afterAll(async () => t.close());

async function read(id: string, as: SignedIn = manager): Promise<ServiceDetail> {
  const response = await t.app.inject({ method: 'GET', url: `/api/directory/services/${id}`, headers: as.headers });
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ServiceDetail>();
}

async function patch(id: string, version: number | null, payload: Record<string, unknown>, as: SignedIn = manager) {
  const ifMatch: Record<string, string> = version === null ? {} : { 'if-match': `"${version}"` };
  return t.app.inject({ method: 'PATCH', url: `/api/directory/services/${id}`, headers: { ...as.headers, ...ifMatch }, payload });
}

async function history(id: string): Promise<ChangeList> {
  return (await t.app.inject({ method: 'GET', url: `/api/directory/services/${id}/history`, headers: worker.headers })).json<ChangeList>();
}

describe(`directory maintenance (${testBackend()})`, () => {
  it('an edit is saved, returns the new ETag, and the history says who changed what', async () => {
    const id = await createTestDirectoryService(t.ctx.data, orgId, { name: 'Wellbeing walk' });
    const before = await read(id);
    const response = await patch(id, before.version, {
      name: 'Tuesday Wellbeing Walk',
      free: true,
      schedules: [{ byday: 'TU', opensAt: '10:00', closesAt: '11:30' }],
      location: { name: 'Woodhouse Moor café', line1: 'Clarendon Road', city: 'Leeds', postcode: 'ls6 2ab', latitude: 53.8135, longitude: -1.545, accessibility: ['Step-free access'] },
      namedContact: { name: 'Sue Marshall', role: 'Walk leader' },
      capacity: { places: 20, waitlist: 0 },
    });
    expect(response.statusCode, response.body).toBe(200);
    const after = response.json<ServiceDetail>();
    expect(response.headers.etag).toBe(`W/"${before.version + 1}"`);
    expect(after).toMatchObject({
      name: 'Tuesday Wellbeing Walk',
      free: true,
      costOptions: [{ amount: 0, currency: 'GBP' }],
      schedules: [{ byday: 'TU', opensAt: '10:00', closesAt: '11:30', summary: 'Tuesdays 10:00–11:30' }],
      locations: [{ name: 'Woodhouse Moor café', address: { line1: 'Clarendon Road', city: 'Leeds', postcode: 'LS6 2AB' }, latitude: 53.8135, accessibility: [{ description: 'Step-free access' }] }],
      namedContact: { name: 'Sue Marshall', role: 'Walk leader', email: null, phone: null },
      capacity: { places: 20, waitlist: 0, available: true },
    });
    const [latest] = await history(id);
    expect(latest).toMatchObject({ version: before.version + 1, kind: 'update', changedBy: 'Test scheme_manager' });
    expect(latest?.changes).toContainEqual({ field: 'name', from: 'Wellbeing walk', to: 'Tuesday Wellbeing Walk' });
  });

  it('a form that sends no point keeps the stored one while the postcode is unchanged', async () => {
    const id = await createTestDirectoryService(t.ctx.data, orgId, { name: 'Moor walk' });
    const place = { name: 'Woodhouse Moor café', line1: 'Clarendon Road', city: 'Leeds', accessibility: [] };
    let current = await read(id);
    expect((await patch(id, current.version, { location: { ...place, postcode: 'LS6 2AB', latitude: 53.8135, longitude: -1.545 } })).statusCode).toBe(200);
    current = await read(id);
    // The web form sends the place without coordinates; no postcode directory is loaded here.
    const kept = await patch(id, current.version, { alert: 'Bring water', location: { ...place, postcode: 'ls6 2ab' } });
    expect(kept.json<ServiceDetail>().locations).toMatchObject([{ latitude: 53.8135, longitude: -1.545 }]);
    current = await read(id);
    const moved = await patch(id, current.version, { location: { ...place, postcode: 'LS1 4AP' } });
    expect(moved.json<ServiceDetail>().locations).toMatchObject([{ latitude: null, longitude: null }]);
  });

  it('a stale If-Match is 412 and changes nothing; a missing one is refused', async () => {
    const id = await createTestDirectoryService(t.ctx.data, orgId, { name: 'Canal walk' });
    const current = await read(id);
    expect((await patch(id, current.version, { alert: 'No walk on Boxing Day' })).statusCode).toBe(200);
    const stale = await patch(id, current.version, { name: 'Overwritten' });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toMatch(/application\/problem\+json/);
    const missing = await patch(id, null, { name: 'Overwritten' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json<{ code?: string; detail: string }>().detail).toMatch(/If-Match/);
    const now = await read(id);
    expect(now).toMatchObject({ name: 'Canal walk', alert: 'No walk on Boxing Day', version: current.version + 1 });
    expect((await history(id)).map((c) => c.version)).toEqual([current.version + 1, current.version]);
  });

  it('field errors name the field, and bad input changes nothing', async () => {
    const id = await createTestDirectoryService(t.ctx.data, orgId, { name: 'Choir' });
    const { version } = await read(id);
    const badTime = await patch(id, version, { schedules: [{ byday: 'MO', opensAt: '25:00', closesAt: '21:00' }] });
    expect(badTime.statusCode).toBe(400);
    expect(badTime.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toContain('body.schedules.0.opensAt');
    const backwards = await patch(id, version, { schedules: [{ byday: 'MO', opensAt: '21:00', closesAt: '19:00' }] });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json<{ errors: { field: string }[] }>().errors).toEqual([{ field: 'body.schedules.0.closesAt', message: 'The finishing time must be after the starting time' }]);
    const unknownTerm = await patch(id, version, { taxonomyTermIds: [randomUUID()] });
    expect(unknownTerm.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['body.taxonomyTermIds.0']);
    expect((await read(id)).version).toBe(version);
  });

  it('stale follows the scheme’s window; verifying clears it and is recorded', async () => {
    const oldCheck = new Date(Date.now() - 400 * DAY);
    const id = await createTestDirectoryService(t.ctx.data, orgId, { name: 'Lunch club', verified_at: oldCheck, verified_by_name: 'Someone' });
    const never = await createTestDirectoryService(t.ctx.data, orgId, { name: 'Never checked' });
    expect((await read(id)).verification).toMatchObject({ stale: true, staleAfterDays: 365 });
    expect((await t.app.inject({ method: 'PUT', url: '/api/directory/settings', headers: manager.headers, payload: { staleAfterDays: 500 } })).statusCode).toBe(200);
    expect((await read(id)).verification).toMatchObject({ stale: false, staleAfterDays: 500 });
    expect((await read(never)).verification).toMatchObject({ stale: true, verifiedAt: null });
    await t.app.inject({ method: 'PUT', url: '/api/directory/settings', headers: manager.headers, payload: { staleAfterDays: 365 } });

    const verified = await t.app.inject({ method: 'POST', url: `/api/directory/services/${id}/verify`, headers: worker.headers, payload: { note: 'Phoned Sue: times unchanged' } });
    expect(verified.statusCode, verified.body).toBe(200);
    expect(verified.json<ServiceDetail>().verification).toMatchObject({ stale: false, verifiedBy: 'Test link_worker' });
    const [latest] = await history(id);
    expect(latest).toMatchObject({ kind: 'verify', changedBy: 'Test link_worker', note: 'Phoned Sue: times unchanged' });
  });

  it('a closed service keeps its page and its history', async () => {
    const id = await createTestDirectoryService(t.ctx.data, orgId, { name: 'Canal Side Lunch Club' });
    const { version } = await read(id);
    const closed = await patch(id, version, { status: 'closed', alert: 'Closed in 2025' });
    expect(closed.statusCode, closed.body).toBe(200);
    expect(closed.json<ServiceDetail>()).toMatchObject({ status: 'closed', hsdsStatus: 'inactive', capacity: { available: false } });
    const page = await read(id, worker);
    expect(page).toMatchObject({ name: 'Canal Side Lunch Club', status: 'closed' });
    const changes = await history(id);
    expect(changes.map((c) => c.kind)).toEqual(['update', 'create']);
    expect(changes[0]?.changes).toContainEqual({ field: 'status', from: 'active', to: 'inactive' });
  });

  it('a manager publishes a service; a link worker keeps a note; both show on the page', async () => {
    const id = await createTestDirectoryService(t.ctx.data, orgId, { name: 'Drawing group' });
    expect((await t.app.inject({ method: 'PUT', url: `/api/directory/services/${id}/public`, headers: manager.headers, payload: { public: true } })).statusCode).toBe(200);
    const noted = await t.app.inject({ method: 'PUT', url: `/api/directory/services/${id}/note`, headers: worker.headers, payload: { note: 'Ask for Sue', preferred: true } });
    expect(noted.json<ServiceDetail>().schemeNote).toEqual({ note: 'Ask for Sue', preferred: true, public: true });
    const missing = await t.app.inject({ method: 'PUT', url: `/api/directory/services/${randomUUID()}/note`, headers: worker.headers, payload: { note: 'x', preferred: false } });
    expect(missing.statusCode).toBe(404);
  });

  it('a VCSE provider adds a service to their own organisation', async () => {
    const vcse = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'vcse_provider'));
    await linkSchemeOrganisation(t.ctx.data, scheme.schemeId, scheme.organisations.vcse, orgId);
    const created = await t.app.inject({
      method: 'POST',
      url: '/api/directory/services',
      headers: vcse.headers,
      payload: { organizationId: orgId, name: 'Polish coffee morning', languages: [{ code: 'pl', name: 'Polish' }], schedules: [{ byday: 'SU', opensAt: '11:00', closesAt: '13:00' }] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const detail = created.json<ServiceDetail>();
    expect(detail).toMatchObject({ name: 'Polish coffee morning', version: 1, languages: [{ code: 'pl', name: 'Polish' }], organization: { id: orgId }, permissions: { edit: true } });
    expect((await history(detail.id))[0]).toMatchObject({ kind: 'create', changedBy: 'Test vcse_provider' });
  });

  it('the OpenAPI document describes the maintenance API', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/openapi.json' })).json<{ paths: Record<string, Record<string, unknown>> }>();
    for (const path of ['/api/directory/services/{id}', '/api/directory/services/{id}/history', '/api/directory/organizations/{id}', '/api/directory/settings', '/api/directory/coverage']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect(Object.keys(doc.paths['/api/directory/services/{id}'] ?? {})).toEqual(expect.arrayContaining(['get', 'patch']));
  });
});
