import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestScheme, createTestUser, openTestApp, signInAs, type SignedIn, type TestApp, type TestScheme } from '../testing/app.js';
import { testBackend } from '../testing/database.js';
import { addApiClient } from '../schemes/provision.js';
import { queueNotification } from '../notifications/outbox.js';
import { referralBody } from '../testing/referrals.js';
import { createTestDirectoryOrganization, createTestDirectoryService } from '../directory/test-fixtures.js';

/** Every table that carries scheme data. A new one must be added here to be checked. */
const SCHEME_TABLES = [
  'directory_settings',
  'directory_scheme_services',
  'organisations',
  'memberships',
  'api_clients',
  'audit_events',
  'notifications',
  'referral_settings',
  'people',
  'referrals',
  'referral_drafts',
  'consents',
  'referral_events',
  'referral_feedback',
  'external_identifiers',
] as const;

let t: TestApp;
let a: TestScheme;
let b: TestScheme;
let managerA: SignedIn;
let bRecords: { organisation: string; user: string; apiClient: string; notification: string; referral: string; person: string; draft: string };

beforeAll(async () => {
  t = await openTestApp();
  a = await createTestScheme(t.ctx.data);
  b = await createTestScheme(t.ctx.data);
  managerA = await signInAs(t.app, await createTestUser(t.ctx.data, a, 'scheme_manager'));
  const userB = await createTestUser(t.ctx.data, b, 'link_worker');
  // Scheme A holds rows in every table too, so "sees only its own" is tested, not "sees nothing".
  await addApiClient(t.ctx.data, a.schemeId, { name: 'A system', organisationId: a.organisations.practice, scopes: [] }, 'test');
  await t.ctx.data.inScheme({ type: 'system', schemeId: a.schemeId, label: 'test' }, {}, (scope) =>
    queueNotification(scope, t.ctx.jobs, { channel: 'email', template: 't', recipient: 'a@test.example.org', subject: 's', body: 'a' }),
  );
  await addApiClient(t.ctx.data, b.schemeId, { name: 'B system', organisationId: b.organisations.practice, scopes: [] }, 'test');
  const ids = await t.ctx.data.inScheme({ type: 'system', schemeId: b.schemeId, label: 'test' }, {}, async (scope) => {
    const notification = await queueNotification(scope, t.ctx.jobs, { channel: 'email', template: 't', recipient: 'b@test.example.org', subject: 's', body: 'b' });
    await scope.db.updateTable('notifications').set({ status: 'failed' }).where('id', '=', notification).execute();
    const client = await scope.db.selectFrom('api_clients').select('id').executeTakeFirstOrThrow();
    return { notification, apiClient: client.id };
  });
  // The directory is shared; each scheme's settings and its view of a listing are its own.
  const listing = await createTestDirectoryService(t.ctx.data, await createTestDirectoryOrganization(t.ctx.data));
  // Referral records in both schemes: a referral (person, consent, timeline, feedback), a draft,
  // settings and an integration identifier; and directory settings and a public listing.
  const referralRecords = async (scheme: TestScheme, manager: SignedIn) => {
    await t.app.inject({ method: 'PUT', url: '/api/directory/settings', headers: manager.headers, payload: { staleAfterDays: 180 } });
    await t.app.inject({ method: 'PUT', url: `/api/directory/services/${listing}/public`, headers: manager.headers, payload: { public: true } });
    const gp = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'referrer'));
    const referral = (await t.app.inject({ method: 'POST', url: '/api/referrals', headers: gp.headers, payload: referralBody() })).json<{ id: string; person: { id: string } }>();
    const draft = (await t.app.inject({ method: 'POST', url: '/api/referral-drafts', headers: gp.headers, payload: { data: { note: 'x' } } })).json<{ id: string }>();
    await t.app.inject({ method: 'PUT', url: '/api/referral-settings', headers: manager.headers, payload: { firstContactWorkingDays: 4 } });
    await t.ctx.data.inScheme({ type: 'system', schemeId: scheme.schemeId, label: 'test' }, {}, (scope) =>
      scope.db.insertInto('external_identifiers').values({ scheme_id: scheme.schemeId, resource_type: 'Patient', system: 'urn:test', value: randomUUID(), resource_id: referral.person.id }).execute(),
    );
    return { referral: referral.id, person: referral.person.id, draft: draft.id };
  };
  await referralRecords(a, managerA);
  const managerB = await signInAs(t.app, await createTestUser(t.ctx.data, b, 'scheme_manager'));
  bRecords = { organisation: b.organisations.vcse, user: userB.userId, ...ids, ...(await referralRecords(b, managerB)) };
});
afterAll(async () => t.close());

describe(`tenant isolation over the API (${testBackend()})`, () => {
  it("a scheme A manager gets 404 for each of scheme B's records", async () => {
    const attempts = [
      { method: 'GET' as const, url: `/api/organisations/${bRecords.organisation}` },
      { method: 'GET' as const, url: `/api/users/${bRecords.user}` },
      { method: 'DELETE' as const, url: `/api/api-clients/${bRecords.apiClient}` },
      { method: 'POST' as const, url: `/api/notifications/${bRecords.notification}/retry`, payload: {} },
      { method: 'GET' as const, url: `/api/referrals/${bRecords.referral}` },
      { method: 'GET' as const, url: `/api/referrals/${bRecords.referral}/letter` },
      { method: 'POST' as const, url: `/api/referrals/${bRecords.referral}/events`, payload: { type: 'triage' } },
      { method: 'GET' as const, url: `/api/people/${bRecords.person}` },
      { method: 'GET' as const, url: `/api/referral-drafts/${bRecords.draft}` },
    ];
    for (const attempt of attempts) {
      const response = await t.app.inject({ ...attempt, headers: managerA.headers });
      expect(response.statusCode, `${attempt.method} ${attempt.url}`).toBe(404);
      expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });

  it("lists show none of scheme B's records", async () => {
    const orgs = (await t.app.inject({ method: 'GET', url: '/api/organisations', headers: managerA.headers })).json<{ items: { id: string }[] }>();
    expect(orgs.items.map((o) => o.id).sort()).toEqual(Object.values(a.organisations).sort());
    const users = (await t.app.inject({ method: 'GET', url: '/api/users', headers: managerA.headers })).json<{ items: { id: string }[] }>();
    expect(users.items.map((u) => u.id)).not.toContain(bRecords.user);
    const audit = (await t.app.inject({ method: 'GET', url: '/api/audit-events?pageSize=200', headers: managerA.headers })).json<{ items: { entityId: string | null }[] }>();
    expect(audit.items.map((e) => e.entityId)).not.toContain(bRecords.apiClient);
    const outbox = (await t.app.inject({ method: 'GET', url: '/api/notifications', headers: managerA.headers })).json<{ items: { id: string }[] }>();
    expect(outbox.items.map((n) => n.id)).not.toContain(bRecords.notification);
  });
});

describe(`row-level security on the app's connection (${testBackend()})`, () => {
  for (const table of SCHEME_TABLES) {
    it(`${table}: scheme A's setting shows no B rows; no setting shows no rows at all`, async () => {
      const withA = await t.ctx.data.db.transaction().execute(async (tx) => {
        await sql`select set_config('linkwell.scheme_id', ${a.schemeId}, true)`.execute(tx);
        return (await sql<{ scheme_id: string }>`select scheme_id from ${sql.table(table)}`.execute(tx)).rows;
      });
      expect(withA.length).toBeGreaterThan(0);
      expect(withA.every((r) => r.scheme_id === a.schemeId)).toBe(true);
      const bare = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(t.ctx.data.db);
      expect(bare.rows[0]?.n).toBe(0);
    });
  }

  it('schemes: only the current one is visible', async () => {
    const rows = await t.ctx.data.db.transaction().execute(async (tx) => {
      await sql`select set_config('linkwell.scheme_id', ${a.schemeId}, true)`.execute(tx);
      return (await sql<{ id: string }>`select id from schemes`.execute(tx)).rows;
    });
    expect(rows).toEqual([{ id: a.schemeId }]);
    expect((await sql`select id from schemes`.execute(t.ctx.data.db)).rows).toEqual([]);
  });

  it("cannot write a row into another scheme even by naming it", async () => {
    await expect(
      t.ctx.data.db.transaction().execute(async (tx) => {
        await sql`select set_config('linkwell.scheme_id', ${a.schemeId}, true)`.execute(tx);
        await sql`insert into organisations (scheme_id, id, kind, name) values (${b.schemeId}, ${randomUUID()}, 'vcse', 'Smuggled')`.execute(tx);
      }),
    ).rejects.toThrow(/row-level security/);
  });
});
