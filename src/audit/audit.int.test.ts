import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestScheme, createTestUser, openTestApp, signInAs, type SignedIn, type TestApp, type TestScheme, type TestUser } from '../testing/app.js';
import { testBackend } from '../testing/database.js';

let t: TestApp;
let scheme: TestScheme;
let manager: SignedIn;
let worker: TestUser;

beforeAll(async () => {
  t = await openTestApp();
  scheme = await createTestScheme(t.ctx.data);
  manager = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'scheme_manager'));
  worker = await createTestUser(t.ctx.data, scheme, 'link_worker');
});
afterAll(async () => t.close());

async function auditRows(filter: { action?: string; entityType?: string; entityId?: string }) {
  return t.ctx.data.inScheme({ type: 'system', schemeId: scheme.schemeId, label: 'test' }, {}, async (scope) => {
    let q = scope.db.selectFrom('audit_events').selectAll();
    if (filter.action) q = q.where('action', '=', filter.action);
    if (filter.entityType) q = q.where('entity_type', '=', filter.entityType);
    if (filter.entityId) q = q.where('entity_id', '=', filter.entityId);
    return q.execute();
  });
}

describe(`audit trail (${testBackend()})`, () => {
  it('records every API read of a personal record: who, what, from where, which request', async () => {
    const before = await auditRows({ action: 'read', entityType: 'user', entityId: worker.userId });
    const response = await t.app.inject({ method: 'GET', url: `/api/users/${worker.userId}`, headers: { ...manager.headers, 'x-request-id': 'req-audit-0001' } });
    expect(response.statusCode).toBe(200);
    const after = await auditRows({ action: 'read', entityType: 'user', entityId: worker.userId });
    expect(after.length).toBe(before.length + 1);
    const row = after.find((r) => r.request_id === 'req-audit-0001');
    expect(row).toMatchObject({ actor_type: 'user', actor_role: 'scheme_manager', ip: '127.0.0.1', scheme_id: scheme.schemeId });
  });

  it('records list reads, sign-ins and failed sign-ins', async () => {
    await t.app.inject({ method: 'GET', url: '/api/users', headers: manager.headers });
    await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: worker.email, password: 'wrong' } });
    expect((await auditRows({ action: 'read', entityType: 'user' })).some((r) => (r.detail as { list?: boolean }).list)).toBe(true);
    expect((await auditRows({ action: 'sign-in-failed', entityId: worker.userId })).length).toBe(1);
    expect((await auditRows({ action: 'sign-in' })).length).toBeGreaterThan(0);
  });

  it("the app's database role cannot UPDATE, DELETE or TRUNCATE audit rows", async () => {
    for (const statement of [
      sql`update audit_events set action = 'read'`,
      sql`delete from audit_events`,
      sql`truncate audit_events`,
    ]) {
      await expect(
        t.ctx.data.db.transaction().execute(async (tx) => {
          await sql`select set_config('linkwell.scheme_id', ${scheme.schemeId}, true)`.execute(tx);
          await statement.execute(tx);
        }),
      ).rejects.toThrow(/permission denied|append-only/);
    }
    expect((await auditRows({})).length).toBeGreaterThan(0);
  });

  it('searches with filters and pages, newest first', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/audit-events?action=read&entityType=user&pageSize=1', headers: manager.headers });
    expect(response.statusCode).toBe(200);
    const page = response.json<{ items: { action: string; occurredAt: string }[]; total: number; pageSize: number }>();
    expect(page.pageSize).toBe(1);
    expect(page.items).toHaveLength(1);
    expect(page.total).toBeGreaterThan(1);
    expect(page.items[0]?.action).toBe('read');
    const today = new Date().toISOString().slice(0, 10);
    const dated = await t.app.inject({ method: 'GET', url: `/api/audit-events?from=${today}&to=${today}`, headers: manager.headers });
    expect(dated.json<{ total: number }>().total).toBeGreaterThan(0);
    const future = await t.app.inject({ method: 'GET', url: '/api/audit-events?from=2999-01-01', headers: manager.headers });
    expect(future.json<{ total: number }>().total).toBe(0);
  });

  it('exports CSV and records the export', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/audit-events/export?action=sign-in', headers: manager.headers });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="linkwell-audit-\d{4}-\d{2}-\d{2}\.csv"/);
    const lines = response.body.trim().split('\r\n');
    expect(lines[0]).toBe('"id","occurred_at","actor_type","actor_id","actor_label","actor_role","action","entity_type","entity_id","ip","request_id","reason"');
    expect(lines.length).toBeGreaterThan(1);
    expect(lines.slice(1).every((l) => l.includes('"sign-in"'))).toBe(true);
    expect((await auditRows({ action: 'export', entityType: 'audit_event' })).length).toBe(1);
  });

  it('is closed to roles without audit access', async () => {
    const session = await signInAs(t.app, worker);
    expect((await t.app.inject({ method: 'GET', url: '/api/audit-events', headers: session.headers })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/audit-events/export', headers: session.headers })).statusCode).toBe(403);
  });
});
