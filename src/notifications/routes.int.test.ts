import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AppContext } from '../app-context.js';
import type { Role } from '../auth/roles.js';
import { loadConfig } from '../config/index.js';
import { DataAccess, type Actor } from '../data/access.js';
import { problemFromError, sendProblem } from '../http/problem.js';
import type { RequestAuth } from '../http/request-context.js';
import { JobQueue } from '../jobs/queue.js';
import { openTestDatabase, testBackend, type TestDatabase } from '../testing/database.js';
import { queueNotification, SEND_QUEUE } from './outbox.js';
import { registerNotificationRoutes } from './routes.js';
import { createScheme, memoryLogger } from './testing/setup.js';

/**
 * The outbox API on a bare Fastify app: the routes, the zod compilers and the problem
 * handler, with the signed-in user set directly instead of through a session cookie.
 */
describe(`outbox API (${testBackend()})`, () => {
  let database: TestDatabase;
  let ctx: AppContext;
  let app: FastifyInstance;
  let schemeA: string;
  let schemeB: string;
  let auth: RequestAuth | null = null;
  const ids: Record<string, string> = {};

  const signInAs = (schemeId: string, role: Role) => {
    const membershipId = randomUUID();
    auth = {
      kind: 'session',
      session: { idHash: 'x', userId: randomUUID(), schemeId, membershipId, stage: 'active', csrfToken: 'x' },
      user: { id: randomUUID(), displayName: `Test ${role}`, email: 'staff@example.org', mfaEnabled: false },
      membership: {
        schemeId,
        schemeSlug: 's',
        schemeName: 'S',
        schemeKind: 'scheme',
        requireMfa: false,
        membershipId,
        role,
        organisationId: randomUUID(),
        organisationName: 'O',
      },
      memberships: [],
    };
  };
  const system = (schemeId: string): Actor => ({ type: 'system', schemeId, label: 'test' });
  const setStatus = (schemeId: string, id: string, status: 'failed' | 'sent') =>
    ctx.data.inScheme(system(schemeId), {}, (scope) =>
      scope.db.updateTable('notifications').set({ status }).where('id', '=', id).execute(),
    );

  beforeAll(async () => {
    database = await openTestDatabase();
    const data = new DataAccess(database);
    ctx = { config: loadConfig({}), data, jobs: new JobQueue(database.db, { pollMs: 50, logger: memoryLogger() }) };
    schemeA = await createScheme(database.db);
    schemeB = await createScheme(database.db);
    for (const [key, schemeId, recipient] of [
      ['first', schemeA, 'jane.doe@example.org'],
      ['second', schemeA, '07700 901234'],
      ['other', schemeB, 'b@example.org'],
    ] as const) {
      ids[key] = await data.inScheme(system(schemeId), {}, (scope) =>
        queueNotification(scope, ctx.jobs, {
          channel: recipient.includes('@') ? 'email' : 'sms',
          template: 't',
          recipient,
          subject: 's',
          body: 'b',
        }),
      );
    }
    app = Fastify();
    app.setValidatorCompiler(validatorCompiler);
    app.setSerializerCompiler(serializerCompiler);
    app.setErrorHandler((error, request, reply) => sendProblem(reply, problemFromError(error, request)));
    app.decorateRequest('auth', null);
    app.addHook('onRequest', async (request) => {
      request.auth = auth;
    });
    await app.register(
      async (api) => {
        registerNotificationRoutes(api, ctx);
      },
      { prefix: '/api' },
    );
  });
  afterAll(async () => {
    await app.close();
    await database.close();
  });

  it('lists the scheme’s outbox newest first, with recipients masked, and audits the read', async () => {
    signInAs(schemeA, 'scheme_manager');
    const response = await app.inject({ method: 'GET', url: '/api/notifications' });
    expect(response.statusCode).toBe(200);
    const body = response.json<{ items: { id: string; recipient: string; status: string; createdAt: string; sentAt: null }[] }>();
    expect(body.items.map((n) => n.id)).toEqual([ids.second, ids.first]);
    expect(body.items.map((n) => n.recipient)).toEqual(['•••••••1234', 'j•••@example.org']);
    expect(body.items[0]).toMatchObject({ status: 'queued', sentAt: null, attempts: 0, adapter: null, lastError: null });
    expect(response.body).not.toContain('jane');
    expect(response.body).not.toContain('900');

    const audit = await ctx.data.inScheme(system(schemeA), {}, (scope) =>
      scope.db.selectFrom('audit_events').select(['action', 'detail', 'actor_type']).where('action', '=', 'read').execute(),
    );
    expect(audit).toEqual([{ action: 'read', detail: { count: 2 }, actor_type: 'user' }]);
  });

  it('filters by status, and refuses unknown query parameters', async () => {
    signInAs(schemeA, 'scheme_manager');
    await setStatus(schemeA, ids.first!, 'failed');
    const failed = await app.inject({ method: 'GET', url: '/api/notifications?status=failed' });
    expect(failed.json<{ items: { id: string }[] }>().items.map((n) => n.id)).toEqual([ids.first]);
    expect((await app.inject({ method: 'GET', url: '/api/notifications?status=lost' })).statusCode).toBe(400);
    expect((await app.inject({ method: 'GET', url: '/api/notifications?recipient=x' })).statusCode).toBe(400);
  });

  it('retries a failed notification with one send job, and refuses other states', async () => {
    signInAs(schemeA, 'scheme_manager');
    await setStatus(schemeA, ids.first!, 'failed');
    const retry = await app.inject({ method: 'POST', url: `/api/notifications/${ids.first}/retry` });
    expect(retry.statusCode).toBe(202);
    expect(retry.json()).toEqual({ status: 'queued' });
    // The original job had not run yet: it is brought forward, not joined by a second one.
    const jobs = await database.db
      .selectFrom('jobs')
      .select('status')
      .where('queue', '=', SEND_QUEUE)
      .where(sql<string>`payload->>'notificationId'`, '=', ids.first!)
      .execute();
    expect(jobs).toEqual([{ status: 'queued' }]);

    await setStatus(schemeA, ids.second!, 'sent');
    const conflict = await app.inject({ method: 'POST', url: `/api/notifications/${ids.second}/retry` });
    expect(conflict.statusCode).toBe(409);
    expect(conflict.headers['content-type']).toMatch(/application\/problem\+json/);
  });

  it('hides another scheme’s notifications and refuses roles without the right', async () => {
    signInAs(schemeA, 'scheme_manager');
    await setStatus(schemeB, ids.other!, 'failed');
    expect((await app.inject({ method: 'POST', url: `/api/notifications/${ids.other}/retry` })).statusCode).toBe(404);
    expect((await app.inject({ method: 'POST', url: '/api/notifications/not-a-uuid/retry' })).statusCode).toBe(400);

    signInAs(schemeA, 'link_worker');
    expect((await app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url: `/api/notifications/${ids.first}/retry` })).statusCode).toBe(403);
    auth = null;
    expect((await app.inject({ method: 'GET', url: '/api/notifications' })).statusCode).toBe(401);
  });
});
