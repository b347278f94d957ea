import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import { sql, type Kysely, type Transaction } from 'kysely';
import { pino } from 'pino';
import type { DB } from '../db/schema.js';
import { backoffSeconds } from './backoff.js';
import { assertIdsOnly } from './payload.js';
import { safeErrorText } from '../logging/safe-error.js';
import { scheduleKey, slotStart } from './slots.js';

/**
 * A job queue in the jobs table, shared by every app instance on one database. A job is
 * claimed with FOR UPDATE SKIP LOCKED under a lease, so two instances never run it at once,
 * and a job whose instance died is picked up again once its lease runs out. Delivery is
 * therefore at least once: handlers make their effect idempotent.
 */

export interface EnqueueOptions {
  runAt?: Date;
  delaySeconds?: number;
  maxAttempts?: number;
  singletonKey?: string;
  schemeId?: string;
}
export interface JobContext {
  id: string;
  queue: string;
  payload: Record<string, unknown>;
  schemeId: string | null;
  attempt: number;
}
export type JobHandler = (job: JobContext) => Promise<void>;
export interface JobLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

interface ClaimedJob {
  id: string;
  queue: string;
  payload: Record<string, unknown>;
  scheme_id: string | null;
  attempts: number;
  max_attempts: number;
}

interface Schedule {
  name: string;
  everySeconds: number;
  queue: string;
  payload: Record<string, unknown>;
  /** The last slot this instance made sure of: one insert per slot per instance, not per poll. */
  lastKey: string | null;
}

const DEFAULT_LEASE_SECONDS = 120;
const POLL_BATCH = 20;

export class JobQueue {
  private readonly handlers = new Map<string, JobHandler>();
  private readonly schedules = new Map<string, Schedule>();
  private readonly workerId: string;
  private readonly pollMs: number;
  private readonly leaseSeconds: number;
  private readonly logger: JobLogger;
  private timer: NodeJS.Timeout | undefined;
  private polling: Promise<void> | undefined;
  private stopping = true;
  /** Bumped by start(): a poll left over from before a stop() must not start a second chain. */
  private generation = 0;

  constructor(
    private readonly db: Kysely<DB>,
    options: { workerId?: string; pollMs: number; logger?: JobLogger; leaseSeconds?: number },
  ) {
    this.workerId = options.workerId ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
    this.pollMs = options.pollMs;
    this.leaseSeconds = Math.max(1, Math.floor(options.leaseSeconds ?? DEFAULT_LEASE_SECONDS));
    this.logger = options.logger ?? pino({ name: 'jobs' });
  }

  /** Inserts a job using the caller's executor, so it commits or rolls back with the caller's transaction. Returns the job id, or null when singletonKey already exists. */
  async enqueue(
    executor: Kysely<DB> | Transaction<DB>,
    queue: string,
    payload: Record<string, unknown>,
    options: EnqueueOptions = {},
  ): Promise<string | null> {
    assertIdsOnly(payload);
    if (options.maxAttempts !== undefined && !(Number.isInteger(options.maxAttempts) && options.maxAttempts >= 1)) {
      throw new RangeError('maxAttempts must be a whole number of at least 1');
    }
    // Times come from the database clock, which every instance shares. runAt wins over delaySeconds.
    const runAt = options.runAt
      ? sql<Date>`${options.runAt.toISOString()}::timestamptz`
      : sql<Date>`now() + make_interval(secs => ${Math.max(0, options.delaySeconds ?? 0)})`;
    const row = await executor
      .insertInto('jobs')
      .values({
        queue,
        payload: JSON.stringify(payload),
        scheme_id: options.schemeId ?? null,
        run_at: runAt,
        ...(options.maxAttempts !== undefined ? { max_attempts: options.maxAttempts } : {}),
        singleton_key: options.singletonKey ?? null,
      })
      .onConflict((oc) => oc.column('singleton_key').doNothing())
      .returning(sql<string>`id::text`.as('id'))
      .executeTakeFirst();
    return row?.id ?? null;
  }

  register(queue: string, handler: JobHandler): void {
    if (this.handlers.has(queue)) throw new Error(`A handler for queue "${queue}" is already registered`);
    this.handlers.set(queue, handler);
  }

  /** Recurring job: every `everySeconds`, exactly one job per time slot across all instances (singleton key `schedule:<name>:<slotStart ISO>`). */
  schedule(name: string, everySeconds: number, queue: string, payload: Record<string, unknown> = {}): void {
    if (!Number.isInteger(everySeconds) || everySeconds < 1) throw new RangeError('everySeconds must be a whole number of at least 1');
    assertIdsOnly(payload);
    this.schedules.set(name, { name, everySeconds, queue, payload, lastKey: null });
  }

  start(): void {
    if (!this.stopping) return;
    this.stopping = false;
    this.generation += 1;
    this.pollAfter(0);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.polling;
  }

  async runDue(limit = 10): Promise<number> {
    return this.work(limit, false);
  }

  private pollAfter(ms: number): void {
    const generation = this.generation;
    this.timer = setTimeout(() => {
      this.polling = this.poll(generation);
    }, ms);
    // A waiting poll never keeps the process alive on its own.
    this.timer.unref();
  }

  private async poll(generation: number): Promise<void> {
    let ran = 0;
    try {
      ran = await this.work(POLL_BATCH, true);
    } catch (error) {
      this.logger.error({ workerId: this.workerId, error: safeErrorText(error) }, 'job polling failed');
    }
    // A full batch means more may be waiting: go again at once rather than after pollMs.
    if (!this.stopping && generation === this.generation) this.pollAfter(ran >= POLL_BATCH ? 0 : this.pollMs);
  }

  private async work(limit: number, fromLoop: boolean): Promise<number> {
    await this.tick();
    let ran = 0;
    while (ran < limit && !(fromLoop && this.stopping)) {
      const job = await this.claim();
      if (!job) break;
      await this.run(job);
      ran += 1;
    }
    return ran;
  }

  /** Makes sure the current slot of every schedule has its job; the singleton key dedups instances. */
  private async tick(): Promise<void> {
    if (this.schedules.size === 0) return;
    const { rows } = await sql<{ now: Date }>`select now() as now`.execute(this.db);
    const now = rows[0]?.now ?? new Date();
    for (const s of this.schedules.values()) {
      const slot = slotStart(new Date(now), s.everySeconds);
      const key = scheduleKey(s.name, slot);
      if (key === s.lastKey) continue;
      await this.enqueue(this.db, s.queue, { ...s.payload, slot: slot.toISOString() }, { runAt: slot, singletonKey: key });
      s.lastKey = key;
    }
  }

  /**
   * One statement, so one short transaction: lock the oldest due job this instance can handle,
   * skipping any another instance has locked, and take a lease on it. Queues without a handler
   * here are left for instances that have one.
   */
  private async claim(): Promise<ClaimedJob | null> {
    const queues = [...this.handlers.keys()];
    if (queues.length === 0) return null;
    const { rows } = await sql<ClaimedJob>`
      update jobs
      set status = 'running', attempts = attempts + 1,
        locked_until = now() + make_interval(secs => ${this.leaseSeconds}), locked_by = ${this.workerId}
      where id = (
        select id from jobs
        where ((status = 'queued' and run_at <= now()) or (status = 'running' and locked_until < now()))
          and queue in (${sql.join(queues)})
        order by run_at, id
        limit 1
        for update skip locked)
      returning id::text as id, queue, payload, scheme_id, attempts, max_attempts`.execute(this.db);
    return rows[0] ?? null;
  }

  /** Runs the handler with no transaction open: PGlite has one connection, and a send can take seconds. */
  private async run(job: ClaimedJob): Promise<void> {
    const handler = this.handlers.get(job.queue);
    // An instance died during the final attempt: the lease ran out, and no attempts are left.
    if (!handler || job.attempts > job.max_attempts) {
      await this.finish(job, 'failed', 'The final attempt did not finish before its lease expired');
      this.logger.error({ jobId: job.id, queue: job.queue, attempt: job.attempts }, 'job failed: lease expired');
      return;
    }
    const heartbeat = this.keepLease(job.id);
    let failure: unknown = null;
    try {
      await handler({ id: job.id, queue: job.queue, payload: job.payload, schemeId: job.scheme_id, attempt: job.attempts });
    } catch (error) {
      failure = error ?? new Error('Job handler threw a null value');
    } finally {
      await heartbeat.stop();
    }
    if (failure === null) {
      await this.finish(job, 'completed', null);
      return;
    }
    const error = safeErrorText(failure);
    const logged = { jobId: job.id, queue: job.queue, attempt: job.attempts, maxAttempts: job.max_attempts, error };
    if (job.attempts >= job.max_attempts) {
      await this.finish(job, 'failed', error);
      this.logger.error(logged, 'job failed: no attempts left');
    } else {
      const delay = backoffSeconds(job.attempts, job.id);
      await this.finish(job, 'queued', error, delay);
      this.logger.warn({ ...logged, retryInSeconds: delay }, 'job failed: will retry');
    }
  }

  /** Records the outcome, but only while this instance still holds the lease. */
  private async finish(
    job: ClaimedJob,
    status: 'completed' | 'failed' | 'queued',
    lastError: string | null,
    retryInSeconds = 0,
  ): Promise<void> {
    const result = await this.db
      .updateTable('jobs')
      .set({
        status,
        last_error: lastError,
        locked_until: null,
        locked_by: null,
        completed_at: status === 'completed' ? sql<Date>`now()` : null,
        ...(status === 'queued' ? { run_at: sql<Date>`now() + make_interval(secs => ${retryInSeconds})` } : {}),
      })
      .where('id', '=', job.id)
      .where('status', '=', 'running')
      .where('locked_by', '=', this.workerId)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) {
      this.logger.warn({ jobId: job.id, queue: job.queue, workerId: this.workerId }, 'job lease was lost before it finished');
    }
  }

  /** Extends the lease while a long handler runs, so no other instance takes the job over. */
  private keepLease(id: string): { stop(): Promise<void> } {
    let pending: Promise<void> = Promise.resolve();
    const interval = setInterval(
      () => {
        pending = pending.then(
          async () => {
            await sql`update jobs set locked_until = now() + make_interval(secs => ${this.leaseSeconds})
              where id = ${id} and status = 'running' and locked_by = ${this.workerId}`.execute(this.db);
          },
        ).catch((error: unknown) => {
          this.logger.warn({ jobId: id, error: safeErrorText(error) }, 'could not extend job lease');
        });
      },
      Math.max(250, (this.leaseSeconds * 1000) / 3),
    );
    interval.unref();
    return {
      stop: async () => {
        clearInterval(interval);
        await pending;
      },
    };
  }
}
