import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApiClient, addOrganisation } from '../schemes/provision.js';
import { createTestScheme, createTestUser, openTestApp, signInAs, type TestApp, type TestScheme } from '../testing/app.js';
import { testBackend } from '../testing/database.js';
import { createTestDirectoryOrganization, createTestDirectoryService, linkSchemeOrganisation } from './test-fixtures.js';

/**
 * Who may do what to a directory listing, over HTTP, with the exact status for every role.
 * "vcse_own" is a VCSE provider whose organisation stands for directory organisation X;
 * "vcse_unlinked" one whose organisation stands for none. Y is some other organisation.
 */

const CALLERS = [
  'referrer', 'link_worker', 'scheme_manager', 'vcse_own', 'vcse_unlinked', 'safeguarding_lead', 'commissioner', 'system_admin', 'api_client',
] as const;
type Caller = (typeof CALLERS)[number];
type Expected = Record<Caller, number>;

const row = (defaultStatus: number, overrides: Partial<Expected>): Expected =>
  Object.fromEntries(CALLERS.map((c) => [c, overrides[c] ?? defaultStatus])) as Expected;

// Written out by hand from the rules, not derived from the policy table.
const EXPECTED = {
  readService: row(200, {}),
  history: row(200, {}),
  patchOwn: row(403, { scheme_manager: 200, system_admin: 200, vcse_own: 200, vcse_unlinked: 404 }),
  patchOther: row(403, { scheme_manager: 200, system_admin: 200, vcse_own: 404, vcse_unlinked: 404 }),
  createOwn: row(403, { scheme_manager: 201, system_admin: 201, vcse_own: 201, vcse_unlinked: 404 }),
  createOther: row(403, { scheme_manager: 201, system_admin: 201, vcse_own: 404, vcse_unlinked: 404 }),
  verify: row(403, { link_worker: 200, scheme_manager: 200 }),
  publish: row(403, { scheme_manager: 200 }),
  note: row(403, { link_worker: 200, scheme_manager: 200 }),
  settingsRead: row(403, { link_worker: 200, scheme_manager: 200, vcse_own: 200, vcse_unlinked: 200 }),
  settingsUpdate: row(403, { scheme_manager: 200 }),
  patchOwnOrganization: row(403, { scheme_manager: 200, system_admin: 200, vcse_own: 200, vcse_unlinked: 404 }),
  patchOtherOrganization: row(403, { scheme_manager: 200, system_admin: 200, vcse_own: 404, vcse_unlinked: 404 }),
} satisfies Record<string, Expected>;

const READS_SCHEME_NOTE: Caller[] = ['link_worker', 'scheme_manager', 'safeguarding_lead'];

let t: TestApp;
let scheme: TestScheme;
let orgX: string;
let orgY: string;
let serviceX: string;
let serviceY: string;
const headers = {} as Record<Caller, Record<string, string>>;

beforeAll(async () => {
  t = await openTestApp();
  scheme = await createTestScheme(t.ctx.data);
  orgX = await createTestDirectoryOrganization(t.ctx.data, { name: 'Group X' });
  orgY = await createTestDirectoryOrganization(t.ctx.data, { name: 'Group Y' });
  serviceX = await createTestDirectoryService(t.ctx.data, orgX, { name: 'X walk' });
  serviceY = await createTestDirectoryService(t.ctx.data, orgY, { name: 'Y walk' });
  await linkSchemeOrganisation(t.ctx.data, scheme.schemeId, scheme.organisations.vcse, orgX);
  const unlinkedOrg = await t.ctx.data.inScheme({ type: 'system', schemeId: scheme.schemeId, label: 'test' }, {}, (scope) =>
    addOrganisation(scope, { kind: 'vcse', name: 'Unlinked group' }),
  );
  const sessionFor = async (role: Parameters<typeof createTestUser>[2], organisationId?: string) =>
    (await signInAs(t.app, await createTestUser(t.ctx.data, scheme, role, organisationId ? { organisationId } : {}))).headers;
  headers.referrer = await sessionFor('referrer');
  headers.link_worker = await sessionFor('link_worker');
  headers.scheme_manager = await sessionFor('scheme_manager');
  headers.vcse_own = await sessionFor('vcse_provider');
  headers.vcse_unlinked = await sessionFor('vcse_provider', unlinkedOrg);
  headers.safeguarding_lead = await sessionFor('safeguarding_lead');
  headers.commissioner = await sessionFor('commissioner');
  headers.system_admin = await sessionFor('system_admin');
  const { clientId, clientSecret } = await addApiClient(t.ctx.data, scheme.schemeId, { name: 'GP system', organisationId: scheme.organisations.practice, scopes: [] }, 'test');
  const token = await t.app.inject({
    method: 'POST',
    url: '/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `grant_type=client_credentials&client_id=${clientId}&client_secret=${clientSecret}`,
  });
  headers.api_client = { authorization: `Bearer ${token.json<{ access_token: string }>().access_token}` };
});
afterAll(async () => t.close());

async function currentVersion(kind: 'services' | 'organizations', id: string): Promise<number> {
  const response = await t.app.inject({ method: 'GET', url: `/api/directory/${kind}/${id}`, headers: headers.scheme_manager });
  return response.json<{ version: number }>().version;
}

type Attempt = (caller: Caller) => Promise<{ statusCode: number; body: string }>;

const ATTEMPTS: Record<keyof typeof EXPECTED, Attempt> = {
  readService: (c) => t.app.inject({ method: 'GET', url: `/api/directory/services/${serviceY}`, headers: headers[c] }),
  history: (c) => t.app.inject({ method: 'GET', url: `/api/directory/services/${serviceY}/history`, headers: headers[c] }),
  patchOwn: async (c) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/directory/services/${serviceX}`,
      headers: { ...headers[c], 'if-match': `"${await currentVersion('services', serviceX)}"` },
      payload: { alert: `Changed by ${c}` },
    }),
  patchOther: async (c) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/directory/services/${serviceY}`,
      headers: { ...headers[c], 'if-match': `"${await currentVersion('services', serviceY)}"` },
      payload: { alert: `Changed by ${c}` },
    }),
  createOwn: (c) => t.app.inject({ method: 'POST', url: '/api/directory/services', headers: headers[c], payload: { organizationId: orgX, name: `New by ${c}` } }),
  createOther: (c) => t.app.inject({ method: 'POST', url: '/api/directory/services', headers: headers[c], payload: { organizationId: orgY, name: `New by ${c}` } }),
  verify: (c) => t.app.inject({ method: 'POST', url: `/api/directory/services/${serviceY}/verify`, headers: headers[c], payload: {} }),
  publish: (c) => t.app.inject({ method: 'PUT', url: `/api/directory/services/${serviceY}/public`, headers: headers[c], payload: { public: true } }),
  note: (c) => t.app.inject({ method: 'PUT', url: `/api/directory/services/${serviceY}/note`, headers: headers[c], payload: { note: `Seen by ${c}`, preferred: false } }),
  settingsRead: (c) => t.app.inject({ method: 'GET', url: '/api/directory/settings', headers: headers[c] }),
  settingsUpdate: (c) => t.app.inject({ method: 'PUT', url: '/api/directory/settings', headers: headers[c], payload: { staleAfterDays: 200 } }),
  patchOwnOrganization: async (c) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/directory/organizations/${orgX}`,
      headers: { ...headers[c], 'if-match': `"${await currentVersion('organizations', orgX)}"` },
      payload: { description: `Described by ${c}` },
    }),
  patchOtherOrganization: async (c) =>
    t.app.inject({
      method: 'PATCH',
      url: `/api/directory/organizations/${orgY}`,
      headers: { ...headers[c], 'if-match': `"${await currentVersion('organizations', orgY)}"` },
      payload: { description: `Described by ${c}` },
    }),
};

describe(`directory access matrix (${testBackend()})`, () => {
  for (const action of Object.keys(EXPECTED) as (keyof typeof EXPECTED)[]) {
    it(`${action}: the exact status for every role`, async () => {
      const seen = {} as Record<Caller, number>;
      for (const caller of CALLERS) seen[caller] = (await ATTEMPTS[action](caller)).statusCode;
      expect(seen).toEqual(EXPECTED[action]);
    });
  }

  it('only scheme staff who may read notes see the scheme note; permissions say what the caller may do', async () => {
    for (const caller of CALLERS) {
      const detail = (await t.app.inject({ method: 'GET', url: `/api/directory/services/${serviceX}`, headers: headers[caller] })).json<{
        schemeNote: unknown;
        permissions: { edit: boolean; verify: boolean; publish: boolean; note: boolean };
      }>();
      expect(detail.schemeNote === null, caller).toBe(!READS_SCHEME_NOTE.includes(caller));
      expect(detail.permissions.edit, caller).toBe(EXPECTED.patchOwn[caller] === 200);
      expect(detail.permissions.verify, caller).toBe(EXPECTED.verify[caller] === 200);
      expect(detail.permissions.publish, caller).toBe(EXPECTED.publish[caller] === 200);
    }
  });

  it('a refused edit changes nothing', async () => {
    const before = await t.app.inject({ method: 'GET', url: `/api/directory/services/${serviceY}`, headers: headers.scheme_manager });
    const refused = await t.app.inject({
      method: 'PATCH',
      url: `/api/directory/services/${serviceY}`,
      headers: { ...headers.vcse_own, 'if-match': `"${before.json<{ version: number }>().version}"` },
      payload: { name: 'Taken over' },
    });
    expect(refused.statusCode).toBe(404);
    const after = await t.app.inject({ method: 'GET', url: `/api/directory/services/${serviceY}`, headers: headers.scheme_manager });
    expect(after.json<{ name: string; version: number }>()).toMatchObject({ name: 'Y walk', version: before.json<{ version: number }>().version });
  });
});
