import { randomUUID } from 'node:crypto';
import { loadConfig, type Config } from '../config/index.js';
import type { AppContext } from '../app-context.js';
import { DataAccess } from '../data/access.js';
import { buildApp, type App } from '../http/app.js';
import { JobQueue } from '../jobs/queue.js';
import type { Role } from '../auth/roles.js';
import { addMember, addOrganisation, createScheme } from '../schemes/provision.js';
import { openTestDatabase, type TestDatabase } from './database.js';

/** An app on its own database, for in-process HTTP tests (app.inject). */
export interface TestApp {
  app: App;
  ctx: AppContext;
  database: TestDatabase;
  close(): Promise<void>;
}

export async function openTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const database = await openTestDatabase();
  const config: Config = loadConfig({ LOG_LEVEL: 'silent', JOBS_ENABLED: 'false', SEED_DEMO: 'false', NODE_ENV: 'test', ...env });
  const data = new DataAccess(database);
  const quiet = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const jobs = new JobQueue(database.db, { pollMs: 50, logger: quiet });
  const ctx: AppContext = { config, data, jobs };
  const app = await buildApp(ctx);
  return {
    app,
    ctx,
    database,
    close: async () => {
      await app.close();
      await jobs.stop();
      await database.close();
    },
  };
}

export interface TestScheme {
  schemeId: string;
  slug: string;
  organisations: Record<'host' | 'practice' | 'vcse', string>;
}

/** A tenant of the test's own, with a host organisation, a GP practice and a VCSE group. */
export async function createTestScheme(data: DataAccess, overrides: { requireMfa?: boolean } = {}): Promise<TestScheme> {
  const slug = `t-${randomUUID().slice(0, 12)}`;
  const schemeId = await createScheme(data, { slug, name: `Test scheme ${slug}`, requireMfa: overrides.requireMfa ?? false }, 'test');
  const organisations = await data.inScheme({ type: 'system', schemeId, label: 'test' }, {}, async (scope) => ({
    host: await addOrganisation(scope, { kind: 'host', name: 'Test host' }),
    practice: await addOrganisation(scope, { kind: 'gp_practice', name: 'Test practice', odsCode: 'Y00001' }),
    vcse: await addOrganisation(scope, { kind: 'vcse', name: 'Test community group' }),
  }));
  return { schemeId, slug, organisations };
}

export interface TestUser {
  userId: string;
  membershipId: string;
  email: string;
  password: string;
  role: Role;
}

export async function createTestUser(
  data: DataAccess,
  scheme: TestScheme,
  role: Role,
  overrides: { organisationId?: string; email?: string } = {},
): Promise<TestUser> {
  const email = overrides.email ?? `${role}.${randomUUID().slice(0, 8)}@test.example.org`;
  const password = `pw-${randomUUID()}`;
  const organisationId = overrides.organisationId ?? (role === 'vcse_provider' ? scheme.organisations.vcse : role === 'referrer' ? scheme.organisations.practice : scheme.organisations.host);
  const { userId, membershipId } = await addMember(data, scheme.schemeId, { email, displayName: `Test ${role}`, password, role, organisationId }, 'test');
  return { userId, membershipId, email, password, role };
}

export interface SignedIn {
  cookie: string;
  csrf: string;
  headers: { cookie: string; 'x-csrf-token': string };
}

/** Signs in through the real endpoint and returns what a browser would hold. */
export async function signInAs(app: App, user: { email: string; password: string }): Promise<SignedIn> {
  const response = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: user.email, password: user.password } });
  if (response.statusCode !== 200) throw new Error(`sign-in failed: ${response.statusCode} ${response.body}`);
  const cookie = response.cookies.find((c) => c.name === 'lw_session');
  if (!cookie) throw new Error('no session cookie');
  const { csrfToken } = response.json<{ csrfToken: string }>();
  const header = `lw_session=${cookie.value}`;
  return { cookie: header, csrf: csrfToken, headers: { cookie: header, 'x-csrf-token': csrfToken } };
}
