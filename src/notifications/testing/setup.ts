import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import type { JobLogger, JobQueue } from '../../jobs/queue.js';

/** Test helpers for the notification suites. */

export function memoryLogger(): JobLogger & { lines: string[] } {
  const lines: string[] = [];
  const put = (obj: object, msg?: string) => lines.push(`${msg ?? ''} ${JSON.stringify(obj)}`);
  return { lines, info: put, warn: put, error: put };
}

/** A new scheme, created the way the app does: set the tenant first, then insert (RLS WITH CHECK). */
export async function createScheme(db: Kysely<DB>): Promise<string> {
  const id = randomUUID();
  const slug = `s-${id.slice(0, 8)}`;
  await db.transaction().execute(async (tx) => {
    await sql`select set_config('linkwell.scheme_id', ${id}, true)`.execute(tx);
    await sql`insert into schemes (id, slug, name) values (${id}, ${slug}, ${slug})`.execute(tx);
  });
  return id;
}

/** Brings every waiting retry of these queues forward, as if its backoff had passed. */
export async function makeDue(db: Kysely<DB>, queues: string[]): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ run_at: sql<Date>`now() - interval '1 second'` })
    .where('status', '=', 'queued')
    .where('queue', 'in', queues)
    .execute();
}

/** Runs jobs of these queues, skipping backoff waits, until none is left queued or running. */
export async function drain(db: Kysely<DB>, jobs: JobQueue, queues: string[], maxRounds = 20): Promise<number> {
  let ran = 0;
  for (let round = 0; round < maxRounds; round += 1) {
    await makeDue(db, queues);
    ran += await jobs.runDue();
    const left = await db
      .selectFrom('jobs')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', 'in', ['queued', 'running'])
      .where('queue', 'in', queues)
      .executeTakeFirstOrThrow();
    if (left.n === 0) return ran;
  }
  throw new Error(`Jobs in ${queues.join(', ')} did not settle in ${maxRounds} rounds`);
}
