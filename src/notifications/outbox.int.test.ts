import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DataAccess, type Actor } from '../data/access.js';
import { JobQueue } from '../jobs/queue.js';
import { openTestDatabase, testBackend, type TestDatabase } from '../testing/database.js';
import { queueNotification, SEND_QUEUE } from './outbox.js';
import { createScheme, memoryLogger } from './testing/setup.js';

describe(`notification outbox (${testBackend()})`, () => {
  let database: TestDatabase;
  let data: DataAccess;
  let jobs: JobQueue;
  let system: Actor;

  beforeAll(async () => {
    database = await openTestDatabase();
    data = new DataAccess(database);
    jobs = new JobQueue(database.db, { pollMs: 50, logger: memoryLogger() });
    system = { type: 'system', schemeId: await createScheme(database.db), label: 'test' };
  });
  afterAll(async () => database.close());

  const message = { channel: 'email', template: 't', recipient: ' pat@example.org ', subject: 'Hi', body: 'Private text' } as const;
  const sendJobsFor = (id: string) =>
    database.db
      .selectFrom('jobs')
      .select(['payload', 'scheme_id', 'max_attempts'])
      .where('queue', '=', SEND_QUEUE)
      .where(sql<string>`payload->>'notificationId'`, '=', id)
      .execute();

  it('writes the message, its send job and an audit entry together', async () => {
    const id = await data.inScheme(system, {}, (scope) => queueNotification(scope, jobs, message));
    const row = await data.inScheme(system, {}, (scope) =>
      scope.db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
    expect(row).toMatchObject({ status: 'queued', recipient: 'pat@example.org', attempts: 0, scheme_id: system.schemeId });
    // The job row is outside row-level security: it names the message, it does not carry it.
    expect(await sendJobsFor(id)).toEqual([
      { payload: { schemeId: system.schemeId, notificationId: id }, scheme_id: system.schemeId, max_attempts: 8 },
    ]);
    const audit = await data.inScheme(system, {}, (scope) =>
      scope.db.selectFrom('audit_events').select(['action', 'entity_type', 'actor_type']).where('entity_id', '=', id).execute(),
    );
    expect(audit).toEqual([{ action: 'create', entity_type: 'notification', actor_type: 'system' }]);
  });

  it('leaves no message and no job when the caller’s transaction rolls back', async () => {
    let id = '';
    const abort = new Error('the referral could not be saved');
    await expect(
      data.inScheme(system, {}, async (scope) => {
        id = await queueNotification(scope, jobs, message);
        throw abort;
      }),
    ).rejects.toBe(abort);
    expect(id).not.toBe('');
    const rows = await data.inScheme(system, {}, (scope) =>
      scope.db.selectFrom('notifications').select('id').where('id', '=', id).execute(),
    );
    expect(rows).toEqual([]);
    expect(await sendJobsFor(id)).toEqual([]);
  });

  it('cannot write a message into another scheme', async () => {
    const other = await createScheme(database.db);
    await expect(
      data.inScheme(system, {}, (scope) =>
        scope.db
          .insertInto('notifications')
          .values({ scheme_id: other, id: randomUUID(), channel: 'email', template: 't', recipient: 'x', body: 'y' })
          .execute(),
      ),
    ).rejects.toThrow(/row-level security/);
  });
});
