import { sql } from 'kysely';
import { z } from 'zod';
import type { Actor, DataAccess } from '../data/access.js';
import type { NotificationStatus } from '../db/schema.js';
import type { JobQueue } from '../jobs/queue.js';
import { safeErrorText } from '../logging/safe-error.js';
import type { DeliveryRequest, NotificationAdapter } from './adapters.js';
import { PermanentDeliveryError } from './delivery-errors.js';
import { SEND_QUEUE } from './outbox.js';

const sendPayload = z.object({ schemeId: z.uuid(), notificationId: z.uuid() });

/**
 * Outcomes after which a send job has nothing left to do. 'sending' is not one: the worker
 * that set it may have died before the provider answered, and sending twice (same reference)
 * is better than never sending.
 */
const SETTLED: ReadonlySet<NotificationStatus> = new Set(['sent', 'delivered', 'permanent-failure']);

/**
 * The worker for the outbox. The queue runs a job at least once, so the row's status is the
 * guard: a job for a message already sent does nothing, and the outbox id goes to the provider
 * as its reference so that a duplicate after a crash can be traced. The provider call happens
 * between two short transactions, never inside one.
 */
export function registerNotificationJobs(jobs: JobQueue, data: DataAccess, adapter: NotificationAdapter): void {
  jobs.register(SEND_QUEUE, async (job) => {
    const parsed = sendPayload.safeParse(job.payload);
    if (!parsed.success) throw new Error(`${SEND_QUEUE} job ${job.id} has no valid schemeId and notificationId`);
    const { schemeId, notificationId } = parsed.data;
    if (job.schemeId !== null && job.schemeId !== schemeId) throw new Error(`${SEND_QUEUE} job ${job.id} names two schemes`);
    const actor: Actor = { type: 'system', schemeId, label: 'notification worker' };

    const message = await data.inScheme(actor, {}, async (scope): Promise<DeliveryRequest | null> => {
      const row = await scope.db
        .selectFrom('notifications')
        .select(['id', 'channel', 'recipient', 'subject', 'body', 'status'])
        .where('scheme_id', '=', schemeId)
        .where('id', '=', notificationId)
        .forUpdate()
        .executeTakeFirst();
      if (!row || SETTLED.has(row.status)) return null;
      await scope.db
        .updateTable('notifications')
        .set({ status: 'sending', attempts: sql<number>`attempts + 1`, updated_at: sql<Date>`now()` })
        .where('scheme_id', '=', schemeId)
        .where('id', '=', notificationId)
        .execute();
      return { id: row.id, channel: row.channel, recipient: row.recipient, subject: row.subject, body: row.body };
    });
    if (!message) return;

    let outcome: { status: 'sent' | 'delivered'; providerReference: string | null };
    try {
      outcome = await adapter.send(message);
    } catch (error) {
      const permanent = error instanceof PermanentDeliveryError;
      await data.inScheme(actor, {}, async (scope) => {
        await scope.db
          .updateTable('notifications')
          .set({
            status: permanent ? 'permanent-failure' : 'failed',
            adapter: adapter.name,
            last_error: safeErrorText(error),
            updated_at: sql<Date>`now()`,
          })
          .where('scheme_id', '=', schemeId)
          .where('id', '=', notificationId)
          .execute();
        if (permanent) {
          await scope.audit({ action: 'update', entityType: 'notification', entityId: notificationId, detail: { status: 'permanent-failure', adapter: adapter.name } });
        }
      });
      // A permanent failure is settled: retrying would fail the same way. Anything else goes
      // back to the queue, which retries with backoff.
      if (permanent) return;
      throw error;
    }

    await data.inScheme(actor, {}, async (scope) => {
      await scope.db
        .updateTable('notifications')
        .set({
          status: outcome.status,
          adapter: adapter.name,
          provider_reference: outcome.providerReference,
          last_error: null,
          sent_at: sql<Date>`now()`,
          updated_at: sql<Date>`now()`,
        })
        .where('scheme_id', '=', schemeId)
        .where('id', '=', notificationId)
        .execute();
      await scope.audit({ action: 'update', entityType: 'notification', entityId: notificationId, detail: { status: outcome.status, adapter: adapter.name } });
    });
  });
}

export const PURGE_QUEUE = 'maintenance.purge';
/** Completed jobs are kept a week, for looking into what ran; failed ones stay until dealt with. */
const COMPLETED_JOB_RETENTION = '7 days';

export interface PurgeCounts {
  sessions: number;
  apiTokens: number;
  passwordResetTokens: number;
  jobs: number;
}

/** Hourly, on one instance only: expired credentials and old completed jobs. */
export function registerMaintenanceJobs(jobs: JobQueue, data: DataAccess): void {
  jobs.register(PURGE_QUEUE, async () => {
    await purgeExpired(data);
  });
  jobs.schedule(PURGE_QUEUE, 3600, PURGE_QUEUE);
}

export async function purgeExpired(data: DataAccess): Promise<PurgeCounts> {
  return data.platform(async (tx) => {
    const now = sql<Date>`now()`;
    const sessions = await tx.deleteFrom('sessions').where('expires_at', '<', now).executeTakeFirst();
    const apiTokens = await tx.deleteFrom('api_tokens').where('expires_at', '<', now).executeTakeFirst();
    const resets = await tx.deleteFrom('password_reset_tokens').where('expires_at', '<', now).executeTakeFirst();
    const done = await tx
      .deleteFrom('jobs')
      .where('status', '=', 'completed')
      .where('completed_at', '<', sql<Date>`now() - ${COMPLETED_JOB_RETENTION}::interval`)
      .executeTakeFirst();
    return {
      sessions: Number(sessions.numDeletedRows),
      apiTokens: Number(apiTokens.numDeletedRows),
      passwordResetTokens: Number(resets.numDeletedRows),
      jobs: Number(done.numDeletedRows),
    };
  });
}
