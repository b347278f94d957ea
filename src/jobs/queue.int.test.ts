import { setTimeout as sleep } from 'node:timers/promises';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type Database } from '../db/connect.js';
import { openTestDatabase, testBackend, type TestDatabase } from '../testing/database.js';
import { JobQueue, type JobLogger } from './queue.js';

/** Keeps log lines so a test can check that nothing personal was written. */
function memoryLogger(): JobLogger & { lines: string[] } {
  const lines: string[] = [];
  const put = (obj: object, msg?: string) => lines.push(`${msg ?? ''} ${JSON.stringify(obj)}`);
  return { lines, info: put, warn: put, error: put };
}

describe(`job queue (${testBackend()})`, () => {
  let database: TestDatabase;
  const logger = memoryLogger();

  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(async () => database.close());

  const jobRow = (id: string) =>
    database.db
      .selectFrom('jobs')
      .select([
        'status',
        'attempts',
        'last_error',
        'locked_by',
        'completed_at',
        sql<number>`extract(epoch from run_at - now())::float8`.as('dueIn'),
      ])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
  const makeDue = (id: string) =>
    database.db.updateTable('jobs').set({ run_at: sql<Date>`now() - interval '1 second'` }).where('id', '=', id).execute();

  it('enqueues inside the caller’s transaction: a rollback leaves no job', async () => {
    const queue = new JobQueue(database.db, { pollMs: 50, logger });
    const rollback = new Error('roll back');
    await expect(
      database.db.transaction().execute(async (tx) => {
        const id = await queue.enqueue(tx, 'test.rollback', { thingId: 'abc' });
        expect(id).toMatch(/^\d+$/);
        throw rollback;
      }),
    ).rejects.toBe(rollback);
    const count = await database.db.selectFrom('jobs').where('queue', '=', 'test.rollback').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(count.n).toBe(0);
  });

  it('does not run a delayed job before its time', async () => {
    const queue = new JobQueue(database.db, { pollMs: 50, logger });
    const seen: string[] = [];
    queue.register('test.delayed', async (job) => {
      seen.push(String(job.payload.thingId));
    });
    const id = await queue.enqueue(database.db, 'test.delayed', { thingId: 'later' }, { delaySeconds: 60 });
    const future = await queue.enqueue(database.db, 'test.delayed', { thingId: 'runAt' }, { runAt: new Date(Date.now() + 3_600_000) });
    expect(await queue.runDue()).toBe(0);
    expect(seen).toEqual([]);
    expect((await jobRow(id!)).dueIn).toBeGreaterThan(55);
    await makeDue(id!);
    expect(await queue.runDue()).toBe(1);
    expect(seen).toEqual(['later']);
    expect(await jobRow(id!)).toMatchObject({ status: 'completed', attempts: 1, locked_by: null });
    expect((await jobRow(future!)).status).toBe('queued');
  });

  it('retries with growing backoff, then fails after the last attempt', async () => {
    const queue = new JobQueue(database.db, { pollMs: 50, logger });
    const attempts: number[] = [];
    queue.register('test.flaky', async (job) => {
      attempts.push(job.attempt);
      throw new Error(`provider refused jane.doe@example.org on attempt ${job.attempt}`);
    });
    const id = (await queue.enqueue(database.db, 'test.flaky', { thingId: 'x' }, { maxAttempts: 3 }))!;

    expect(await queue.runDue()).toBe(1);
    const first = await jobRow(id);
    expect(first).toMatchObject({ status: 'queued', attempts: 1, locked_by: null });
    expect(first.last_error).toBe('Error: provider refused [email] on attempt 1');
    expect(first.dueIn).toBeGreaterThan(8);
    expect(first.dueIn).toBeLessThan(13);
    expect(await queue.runDue()).toBe(0);

    await makeDue(id);
    expect(await queue.runDue()).toBe(1);
    const second = await jobRow(id);
    expect(second).toMatchObject({ status: 'queued', attempts: 2 });
    expect(second.dueIn).toBeGreaterThan(18);
    expect(second.dueIn).toBeLessThan(25);

    await makeDue(id);
    expect(await queue.runDue()).toBe(1);
    expect(await jobRow(id)).toMatchObject({ status: 'failed', attempts: 3, last_error: 'Error: provider refused [email] on attempt 3' });
    await makeDue(id);
    expect(await queue.runDue()).toBe(0);
    expect(attempts).toEqual([1, 2, 3]);
    expect(logger.lines.join('\n')).not.toContain('jane');
  });

  it('keeps one job per singleton key', async () => {
    const queue = new JobQueue(database.db, { pollMs: 50, logger });
    const first = await queue.enqueue(database.db, 'test.single', {}, { singletonKey: 'single:1' });
    const again = await queue.enqueue(database.db, 'test.single', {}, { singletonKey: 'single:1' });
    expect(first).not.toBeNull();
    expect(again).toBeNull();
    const rows = await database.db
      .selectFrom('jobs')
      .select(sql<string>`id::text`.as('id'))
      .where('singleton_key', '=', 'single:1')
      .execute();
    expect(rows.map((r) => r.id)).toEqual([first]);
  });

  it('leaves jobs of queues it has no handler for', async () => {
    const queue = new JobQueue(database.db, { pollMs: 50, logger });
    queue.register('test.mine', async () => {});
    const theirs = (await queue.enqueue(database.db, 'test.theirs', {}))!;
    expect(await queue.runDue()).toBe(0);
    expect((await jobRow(theirs)).status).toBe('queued');
  });

  it('takes over a job whose instance died, and fails it if that was the last attempt', async () => {
    const queue = new JobQueue(database.db, { pollMs: 50, logger, workerId: 'survivor' });
    const ran: string[] = [];
    queue.register('test.orphan', async (job) => {
      ran.push(String(job.payload.n));
    });
    const orphan = (await queue.enqueue(database.db, 'test.orphan', { n: 'retry' }, { maxAttempts: 3 }))!;
    const finalOrphan = (await queue.enqueue(database.db, 'test.orphan', { n: 'final' }, { maxAttempts: 1 }))!;
    // What a crashed instance leaves: running, attempt counted, lease expired.
    await database.db
      .updateTable('jobs')
      .set({ status: 'running', attempts: 1, locked_by: 'dead', locked_until: sql<Date>`now() - interval '1 second'` })
      .where('id', 'in', [orphan, finalOrphan])
      .execute();
    expect(await queue.runDue()).toBe(2);
    expect(ran).toEqual(['retry']);
    expect(await jobRow(orphan)).toMatchObject({ status: 'completed', attempts: 2 });
    expect((await jobRow(finalOrphan)).status).toBe('failed');
  });

  it('stop() waits for the job that is running', async () => {
    const queue = new JobQueue(database.db, { pollMs: 20, logger });
    let finished = false;
    let started!: () => void;
    const running = new Promise<void>((resolve) => {
      started = resolve;
    });
    queue.register('test.slow', async () => {
      started();
      await sleep(300);
      finished = true;
    });
    const id = (await queue.enqueue(database.db, 'test.slow', {}))!;
    queue.start();
    await running;
    await queue.stop();
    expect(finished).toBe(true);
    expect((await jobRow(id)).status).toBe('completed');
  });

  it('a job that outlives its lease keeps it, so no other instance takes it over', async () => {
    const runs: string[] = [];
    const instance = (worker: string) => {
      const queue = new JobQueue(database.db, { pollMs: 50, logger, workerId: worker, leaseSeconds: 1 });
      queue.register('test.long', async () => {
        runs.push(worker);
        await sleep(2_500);
      });
      return queue;
    };
    const a = instance('long-a');
    const b = instance('long-b');
    const id = (await a.enqueue(database.db, 'test.long', {}))!;
    const first = a.runDue(1);
    await sleep(1_500);
    expect(await b.runDue(1)).toBe(0);
    expect(await first).toBe(1);
    expect(runs).toEqual(['long-a']);
    expect(await jobRow(id)).toMatchObject({ status: 'completed', attempts: 1 });
  });

  it('two app instances against one database: a scheduled job fires exactly once per slot', async () => {
    // On PostgreSQL the second instance has its own connection pool, as a second process would.
    const second: Database = database.url ? await openDatabase({ url: database.url, poolSize: 4 }) : database;
    const fired: { slot: string; worker: string }[] = [];
    const instance = (db: Database, worker: string) => {
      const queue = new JobQueue(db.db, { pollMs: 25, logger, workerId: worker });
      queue.register('test.tick', async (job) => {
        fired.push({ slot: String(job.payload.slot), worker });
        await sleep(10);
      });
      queue.schedule('tick', 1, 'test.tick');
      return queue;
    };
    const a = instance(database, 'instance-a');
    const b = instance(second, 'instance-b');
    try {
      a.start();
      b.start();
      await sleep(3_600);
      await Promise.all([a.stop(), b.stop()]);
    } finally {
      if (second !== database) await second.close();
    }

    const perSlot = new Map<string, number>();
    for (const f of fired) perSlot.set(f.slot, (perSlot.get(f.slot) ?? 0) + 1);
    expect(perSlot.size).toBeGreaterThanOrEqual(2);
    expect([...perSlot].filter(([, n]) => n !== 1)).toEqual([]);
    for (const slot of perSlot.keys()) expect(slot).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.000Z$/);

    const jobs = await database.db
      .selectFrom('jobs')
      .select(['singleton_key', 'status', 'attempts'])
      .where('queue', '=', 'test.tick')
      .execute();
    const completed = jobs.filter((j) => j.status === 'completed');
    expect(completed).toHaveLength(fired.length);
    expect(completed.every((j) => j.attempts === 1)).toBe(true);
    expect(new Set(jobs.map((j) => j.singleton_key)).size).toBe(jobs.length);
  });
});
