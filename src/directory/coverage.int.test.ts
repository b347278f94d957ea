import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeList, Coverage, DirectorySettings, MyOrganization, OrganizationDetail } from '../contracts/directory.js';
import { addOrganisation } from '../schemes/provision.js';
import { createTestScheme, createTestUser, openTestApp, signInAs, type SignedIn, type TestApp, type TestScheme } from '../testing/app.js';
import { testBackend } from '../testing/database.js';
import { createTestDirectoryOrganization, createTestDirectoryService, linkSchemeOrganisation } from './test-fixtures.js';

/** A scheme's directory settings, organisations and their governance, and the reverse directory. */

let t: TestApp;
let leeds: TestScheme;
let sheffield: TestScheme;
let leedsManager: SignedIn;
let vcse: SignedIn;
let orgId: string;

beforeAll(async () => {
  t = await openTestApp();
  leeds = await createTestScheme(t.ctx.data);
  sheffield = await createTestScheme(t.ctx.data);
  leedsManager = await signInAs(t.app, await createTestUser(t.ctx.data, leeds, 'scheme_manager'));
  const sheffieldManager = await signInAs(t.app, await createTestUser(t.ctx.data, sheffield, 'scheme_manager'));
  await createTestUser(t.ctx.data, leeds, 'link_worker', { email: 'jo.leeds@test.example.org' });
  await createTestUser(t.ctx.data, sheffield, 'link_worker', { email: 'kim.sheffield@test.example.org' });
  const area = (latitude: number, longitude: number, description: string) => ({ description, latitude, longitude, radiusKm: 12 });
  await t.app.inject({ method: 'PUT', url: '/api/directory/settings', headers: leedsManager.headers, payload: { area: area(53.8008, -1.5491, 'Inner Leeds'), contactEmail: 'team@leeds.example.org' } });
  await t.app.inject({ method: 'PUT', url: '/api/directory/settings', headers: sheffieldManager.headers, payload: { area: area(53.4045, -1.5, 'Hillsborough') } });
  orgId = await createTestDirectoryOrganization(t.ctx.data, { name: 'Woodhouse Walkers', insuranceExpiresOn: '2026-01-31' });
  await createTestDirectoryService(t.ctx.data, orgId, {
    name: 'Moor walk',
    serviceAtLocations: [{ serviceAtLocation: { id: randomUUID() }, location: { location: { id: randomUUID(), name: 'Woodhouse Moor', latitude: 53.8135, longitude: -1.545 } } }],
  });
  await linkSchemeOrganisation(t.ctx.data, leeds.schemeId, leeds.organisations.vcse, orgId);
  vcse = await signInAs(t.app, await createTestUser(t.ctx.data, leeds, 'vcse_provider'));
});
afterAll(async () => t.close());

describe(`reverse directory and organisations (${testBackend()})`, () => {
  it('a linked VCSE provider sees their organisation, the schemes around it and their scheme’s link workers', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/directory/my-organization', headers: vcse.headers });
    expect(response.statusCode, response.body).toBe(200);
    const mine = response.json<MyOrganization>();
    expect(mine.organization).toMatchObject({ id: orgId, name: 'Woodhouse Walkers', services: [{ name: 'Moor walk', status: 'active', stale: true }], permissions: { edit: true } });
    expect(mine.organization?.governanceWarnings).toEqual(['Insurance expired on 31 January 2026']);
    // Woodhouse Moor is about 1.4 km from the centre of the Leeds area, and 150 km from Hillsborough.
    expect(mine.coverage.schemes).toHaveLength(1);
    expect(mine.coverage.schemes[0]).toMatchObject({ name: expect.stringMatching(/^Test scheme/), areaDescription: 'Inner Leeds', contactEmail: 'team@leeds.example.org' });
    expect(mine.coverage.schemes[0]?.distanceKm).toBeGreaterThan(1.2);
    expect(mine.coverage.schemes[0]?.distanceKm).toBeLessThan(1.7);
    expect(mine.coverage.linkWorkers).toEqual([{ name: 'Test link_worker', email: 'jo.leeds@test.example.org' }]);
  });

  it('coverage for a point finds the scheme that works there', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/directory/coverage?latitude=53.41&longitude=-1.51', headers: vcse.headers });
    expect(response.json<Coverage>().schemes.map((s) => s.areaDescription)).toEqual(['Hillsborough']);
    const half = await t.app.inject({ method: 'GET', url: '/api/directory/coverage?latitude=53.41', headers: vcse.headers });
    expect(half.statusCode).toBe(400);
  });

  it('an unlinked VCSE provider is told their organisation is not linked', async () => {
    const other = await t.ctx.data.inScheme({ type: 'system', schemeId: leeds.schemeId, label: 'test' }, {}, (scope) => addOrganisation(scope, { kind: 'vcse', name: 'Unlinked' }));
    const user = await signInAs(t.app, await createTestUser(t.ctx.data, leeds, 'vcse_provider', { organisationId: other }));
    const mine = (await t.app.inject({ method: 'GET', url: '/api/directory/my-organization', headers: user.headers })).json<MyOrganization>();
    expect(mine.organization).toBeNull();
    expect(mine.message).toMatch(/not linked/);
    expect(mine.coverage.schemes).toEqual([]);
  });

  it('settings: need codes must be the scheme’s and terms must exist', async () => {
    const termId = randomUUID();
    await t.ctx.data.db.insertInto('directory_taxonomy_terms').values({ id: termId, name: 'Walking' }).execute();
    const put = (payload: Record<string, unknown>) => t.app.inject({ method: 'PUT', url: '/api/directory/settings', headers: leedsManager.headers, payload });
    const badNeed = await put({ needTerms: { astrology: [termId] } });
    expect(badNeed.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['body.needTerms.astrology']);
    const badTerm = await put({ needTerms: { 'physical-activity': [randomUUID()] } });
    expect(badTerm.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['body.needTerms.physical-activity.0']);
    const ok = await put({ needTerms: { 'physical-activity': [termId] } });
    expect(ok.statusCode, ok.body).toBe(200);
    const read = (await t.app.inject({ method: 'GET', url: '/api/directory/settings', headers: leedsManager.headers })).json<DirectorySettings>();
    expect(read).toEqual({
      staleAfterDays: 365,
      needTerms: { 'physical-activity': [termId] },
      area: { description: 'Inner Leeds', latitude: 53.8008, longitude: -1.5491, radiusKm: 12 },
      contactEmail: 'team@leeds.example.org',
      contactPhone: null,
    });
  });

  it('organisations: found by name; edited by their VCSE provider with If-Match; history kept', async () => {
    const list = (await t.app.inject({ method: 'GET', url: '/api/directory/organizations?q=woodhouse', headers: vcse.headers })).json<{ items: { id: string; serviceCount: number }[]; total: number }>();
    expect(list.total).toBe(1);
    expect(list.items[0]).toMatchObject({ id: orgId, serviceCount: 1 });
    const before = (await t.app.inject({ method: 'GET', url: `/api/directory/organizations/${orgId}`, headers: vcse.headers })).json<OrganizationDetail>();
    const response = await t.app.inject({
      method: 'PATCH',
      url: `/api/directory/organizations/${orgId}`,
      headers: { ...vcse.headers, 'if-match': `"${before.version}"` },
      payload: { insuranceExpiresOn: '2027-01-31', qualityMarks: ['Trusted Charity Mark'] },
    });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json<OrganizationDetail>()).toMatchObject({ version: before.version + 1, governanceWarnings: [], qualityMarks: ['Trusted Charity Mark'] });
    const changes = (await t.app.inject({ method: 'GET', url: `/api/directory/organizations/${orgId}/history`, headers: vcse.headers })).json<ChangeList>();
    expect(changes[0]).toMatchObject({ kind: 'update', changedBy: 'Test vcse_provider' });
    expect(changes[0]?.changes).toContainEqual({ field: 'insurance_expires_on', from: '2026-01-31', to: '2027-01-31' });
  });
});
