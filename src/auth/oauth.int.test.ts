import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addApiClient } from '../schemes/provision.js';
import { createTestScheme, createTestUser, openTestApp, signInAs, type TestApp, type TestScheme } from '../testing/app.js';
import { testBackend } from '../testing/database.js';

let t: TestApp;
let scheme: TestScheme;
let client: { clientId: string; clientSecret: string };

beforeAll(async () => {
  t = await openTestApp();
  scheme = await createTestScheme(t.ctx.data);
  client = await addApiClient(t.ctx.data, scheme.schemeId, { name: 'GP system', organisationId: scheme.organisations.practice, scopes: ['referrals.write', 'referrals.read'] }, 'test');
});
afterAll(async () => t.close());

const basic = (id: string, secret: string) => `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}`;

async function token(body: string, authorization?: string) {
  return t.app.inject({
    method: 'POST',
    url: '/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...(authorization ? { authorization } : {}) },
    payload: body,
  });
}

describe(`OAuth client credentials (${testBackend()})`, () => {
  it('issues a short-lived bearer token scoped to one organisation', async () => {
    const response = await token('grant_type=client_credentials', basic(client.clientId, client.clientSecret));
    expect(response.statusCode).toBe(200);
    expect(response.headers['cache-control']).toBe('no-store');
    const body = response.json<{ access_token: string; token_type: string; expires_in: number; scope: string }>();
    expect(body).toMatchObject({ token_type: 'Bearer', expires_in: 900, scope: 'referrals.write referrals.read' });
    const whoami = await t.app.inject({ method: 'GET', url: '/api/integration/whoami', headers: { authorization: `Bearer ${body.access_token}` } });
    expect(whoami.statusCode).toBe(200);
    expect(whoami.json()).toEqual({ schemeId: scheme.schemeId, organisationId: scheme.organisations.practice, scopes: ['referrals.write', 'referrals.read'] });
  });

  it('accepts credentials in the form body and narrows the scope on request', async () => {
    const response = await token(`grant_type=client_credentials&client_id=${client.clientId}&client_secret=${client.clientSecret}&scope=referrals.read`);
    expect(response.json<{ scope: string }>().scope).toBe('referrals.read');
  });

  it('refuses wrong secrets, other grants, unknown scopes and expired or bogus tokens', async () => {
    expect((await token('grant_type=client_credentials', basic(client.clientId, 'wrong'))).json()).toMatchObject({ error: 'invalid_client' });
    expect((await token('grant_type=password', basic(client.clientId, client.clientSecret))).json()).toMatchObject({ error: 'unsupported_grant_type' });
    expect((await token('grant_type=client_credentials&scope=admin', basic(client.clientId, client.clientSecret))).json()).toMatchObject({ error: 'invalid_scope' });
    const bogus = await t.app.inject({ method: 'GET', url: '/api/integration/whoami', headers: { authorization: 'Bearer nonsense' } });
    expect(bogus.statusCode).toBe(401);
    expect(bogus.headers['content-type']).toMatch(/problem\+json/);

    const issued = (await token('grant_type=client_credentials', basic(client.clientId, client.clientSecret))).json<{ access_token: string }>();
    await t.ctx.data.platform((tx) => tx.updateTable('api_tokens').set({ expires_at: new Date(Date.now() - 1000) }).execute());
    expect((await t.app.inject({ method: 'GET', url: '/api/integration/whoami', headers: { authorization: `Bearer ${issued.access_token}` } })).statusCode).toBe(401);
  });

  it('a token cannot reach staff-only endpoints', async () => {
    const { access_token } = (await token('grant_type=client_credentials', basic(client.clientId, client.clientSecret))).json<{ access_token: string }>();
    for (const url of ['/api/audit-events', '/api/users', '/api/api-clients', '/api/notifications']) {
      expect((await t.app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${access_token}` } })).statusCode, url).toBe(403);
    }
  });

  it('revoking a client through the API ends its tokens at once', async () => {
    const manager = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'scheme_manager'));
    const created = (await t.app.inject({ method: 'POST', url: '/api/api-clients', headers: manager.headers, payload: { name: 'Temp', organisationId: scheme.organisations.practice, scopes: ['referrals.read'] } })).json<{ id: string; clientId: string; clientSecret: string }>();
    const { access_token } = (await token('grant_type=client_credentials', basic(created.clientId, created.clientSecret))).json<{ access_token: string }>();
    expect((await t.app.inject({ method: 'DELETE', url: `/api/api-clients/${created.id}`, headers: manager.headers })).statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/integration/whoami', headers: { authorization: `Bearer ${access_token}` } })).statusCode).toBe(401);
    expect((await token('grant_type=client_credentials', basic(created.clientId, created.clientSecret))).statusCode).toBe(401);
  });
});

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 and describes the API', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json<{ openapi: string; paths: Record<string, unknown> }>();
    expect(doc.openapi).toBe('3.1.0');
    for (const path of ['/api/auth/sign-in', '/api/session', '/api/audit-events', '/api/audit-events/export', '/oauth/token', '/health/ready', '/api/notifications']) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
    expect((await t.app.inject({ method: 'GET', url: '/api/docs' })).statusCode).toBeLessThan(400);
  });
});
