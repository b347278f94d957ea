import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestScheme, createTestUser, openTestApp, signInAs, type SignedIn, type TestApp, type TestScheme } from '../testing/app.js';
import { testBackend } from '../testing/database.js';
import { referralBody } from '../testing/referrals.js';

let t: TestApp;
let scheme: TestScheme;
let manager: SignedIn;

beforeAll(async () => {
  t = await openTestApp({ BODY_LIMIT_BYTES: '1048576' });
  scheme = await createTestScheme(t.ctx.data);
  manager = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'scheme_manager'));
});
afterAll(async () => t.close());

/** Counts of every table a write could touch: nothing may change after a rejected request. */
async function snapshot(): Promise<Record<string, number>> {
  return t.ctx.data.db.transaction().execute(async (tx) => {
    await sql`select set_config('linkwell.scheme_id', ${scheme.schemeId}, true)`.execute(tx);
    const counts: Record<string, number> = {};
    for (const table of ['api_clients', 'audit_events', 'organisations', 'memberships', 'notifications', 'users', 'sessions', 'jobs', 'password_reset_tokens', 'people', 'referrals', 'consents', 'referral_events']) {
      const { rows } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(tx);
      counts[table] = rows[0]?.n ?? -1;
    }
    return counts;
  });
}

const goodClient = () => ({ name: 'GP system', organisationId: scheme.organisations.practice, scopes: ['referrals.write'] });

describe(`hostile input (${testBackend()})`, () => {
  const cases: { name: string; url?: string; method?: 'POST' | 'GET' | 'DELETE'; body?: string; contentType?: string; field?: RegExp }[] = [
    { name: 'malformed JSON', body: '{"name": "GP system", ' },
    { name: 'empty JSON body', body: '' },
    { name: 'a JSON array instead of an object', body: '[]' },
    { name: 'wrong types', body: JSON.stringify({ name: 42, organisationId: true, scopes: 'all' }), field: /body\.name/ },
    { name: 'an unknown field', body: JSON.stringify({ name: 'x', organisationId: '00000000-0000-4000-8000-000000000001', isAdmin: true }), field: /body/ },
    { name: 'an invalid UUID', body: JSON.stringify({ name: 'x', organisationId: "1' OR '1'='1" }), field: /body\.organisationId/ },
    { name: 'an unknown scope', body: JSON.stringify({ name: 'x', organisationId: '00000000-0000-4000-8000-000000000001', scopes: ['*'] }), field: /body\.scopes/ },
    { name: 'form encoding', body: 'name=x', contentType: 'application/x-www-form-urlencoded' },
    { name: 'a 10 MB body', body: JSON.stringify({ name: 'x'.repeat(10 * 1024 * 1024), organisationId: '00000000-0000-4000-8000-000000000001' }) },
    { name: 'an invalid UUID in the path', method: 'DELETE', url: '/api/api-clients/not-a-uuid' },
    { name: "SQL in the path", method: 'DELETE', url: "/api/api-clients/1'%3B%20DROP%20TABLE%20users%3B--" },
    { name: 'an unknown query parameter', method: 'GET', url: '/api/audit-events?sort=desc' },
    { name: 'a bad date in the query', method: 'GET', url: '/api/audit-events?from=2026-02-30' },
    { name: 'a page size out of range', method: 'GET', url: '/api/audit-events?pageSize=100000' },
    { name: 'a NUL character in text', body: JSON.stringify({ name: 'GP\u0000system', organisationId: '00000000-0000-4000-8000-000000000001', scopes: [] }) },
  ];

  for (const c of cases) {
    it(`rejects ${c.name} with 4xx problem+json and writes nothing`, async () => {
      const before = await snapshot();
      const response = await t.app.inject({
        method: c.method ?? 'POST',
        url: c.url ?? '/api/api-clients',
        headers: { ...manager.headers, 'content-type': c.contentType ?? 'application/json' },
        ...(c.method === 'GET' ? {} : { payload: c.body ?? '{}' }),
      });
      expect(response.statusCode).toBeGreaterThanOrEqual(400);
      expect(response.statusCode).toBeLessThan(500);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      const problem = response.json<{ type: string; title: string; status: number; detail: string; requestId: string; errors?: { field: string }[] }>();
      expect(problem.status).toBe(response.statusCode);
      expect(problem.requestId).toBe(response.headers['x-request-id']);
      expect(problem.detail).not.toMatch(/select|insert|at .*\.js|node_modules|stack/i);
      if (c.field) expect(problem.errors?.some((e) => c.field?.test(e.field))).toBe(true);
      expect(await snapshot()).toEqual(before);
    });
  }

  it('refuses a NUL character in a referral with 400, storing nothing', async () => {
    const gp = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'referrer'));
    const before = await snapshot();
    const response = await t.app.inject({ method: 'POST', url: '/api/referrals', headers: gp.headers, payload: referralBody({ reason: 'Lonely\u0000and low' }) });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ type: string }>().type).toMatch(/unstorable-character$/);
    expect(await snapshot()).toEqual(before);
  });

  it('stores HTML and SQL-looking text as inert text', async () => {
    const name = `<script>alert(1)</script>'); DROP TABLE users; --`;
    const response = await t.app.inject({ method: 'POST', url: '/api/api-clients', headers: manager.headers, payload: { ...goodClient(), name } });
    expect(response.statusCode).toBe(201);
    expect(response.json<{ name: string }>().name).toBe(name);
    const list = await t.app.inject({ method: 'GET', url: '/api/api-clients', headers: manager.headers });
    expect(list.headers['content-type']).toMatch(/application\/json/);
    expect(list.json<{ items: { name: string }[] }>().items.map((i) => i.name)).toContain(name);
    const users = await sql<{ n: number }>`select count(*)::int as n from users`.execute(t.ctx.data.db);
    expect(users.rows[0]?.n).toBeGreaterThan(0);
  });

  it('never leaks a stack trace or SQL on a server error', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/nowhere' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toMatch(/application\/problem\+json/);
  });
});
