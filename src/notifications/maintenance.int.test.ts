import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataAccess } from '../data/access.js';
import { JobQueue } from '../jobs/queue.js';
import { openTestDatabase, testBackend, type TestDatabase } from '../testing/database.js';
import { PURGE_QUEUE, registerMaintenanceJobs } from './jobs.js';
import { memoryLogger } from './testing/setup.js';

describe(`hourly maintenance (${testBackend()})`, () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

  it('purges expired sessions and tokens and week-old completed jobs, once per hour across instances', async () => {
    const db = database.db;
    const userId = randomUUID();
    const past = sql<Date>`now() - interval '1 minute'`;
    const future = sql<Date>`now() + interval '1 hour'`;
    await db.insertInto('users').values({ id: userId, email: 'u@example.org', display_name: 'U' }).execute();
    await db
      .insertInto('sessions')
      .values([
        { id_hash: 'old', user_id: userId, stage: 'active', csrf_token: 'c', expires_at: past },
        { id_hash: 'live', user_id: userId, stage: 'active', csrf_token: 'c', expires_at: future },
      ])
      .execute();
    const token = { scheme_id: randomUUID(), api_client_id: randomUUID(), organisation_id: randomUUID(), scopes: [] };
    await db
      .insertInto('api_tokens')
      .values([
        { token_hash: 'old', ...token, expires_at: past },
        { token_hash: 'live', ...token, expires_at: future },
      ])
      .execute();
    await db
      .insertInto('password_reset_tokens')
      .values([
        { token_hash: 'old', user_id: userId, expires_at: past },
        { token_hash: 'live', user_id: userId, expires_at: future },
      ])
      .execute();
    const job = (key: string, status: 'completed' | 'failed', daysAgo: number) => ({
      queue: 'test.done',
      payload: '{}',
      scheme_id: null,
      status,
      singleton_key: key,
      completed_at: sql<Date>`now() - make_interval(days => ${daysAgo})`,
    });
    await db
      .insertInto('jobs')
      .values([job('week-old', 'completed', 8), job('recent', 'completed', 1), job('old-failure', 'failed', 30)])
      .execute();

    const data = new DataAccess(database);
    const a = new JobQueue(db, { pollMs: 50, logger: memoryLogger() });
    const b = new JobQueue(db, { pollMs: 50, logger: memoryLogger() });
    registerMaintenanceJobs(a, data);
    registerMaintenanceJobs(b, data);
    expect((await a.runDue()) + (await b.runDue())).toBe(1);

    expect(await db.selectFrom('sessions').select('id_hash').execute()).toEqual([{ id_hash: 'live' }]);
    expect(await db.selectFrom('api_tokens').select('token_hash').execute()).toEqual([{ token_hash: 'live' }]);
    expect(await db.selectFrom('password_reset_tokens').select('token_hash').execute()).toEqual([{ token_hash: 'live' }]);
    const keys = (await db.selectFrom('jobs').select('singleton_key').where('singleton_key', 'is not', null).execute())
      .map((r) => r.singleton_key)
      .sort();
    expect(keys).toEqual(['old-failure', 'recent', expect.stringMatching(new RegExp(`^schedule:${PURGE_QUEUE}:`)) as unknown]);
  });
});
