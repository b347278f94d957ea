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

/** What stands in the stored text for a one-time link once the message has gone. */
export const LINK_REMOVED = '[link removed after sending]';

/**
 * Templates whose text carries a live one-time secret, and the link that holds it. The message
 * must carry it; the outbox need not keep it once the message has gone, where anyone who can
 * read the table could use it. Anchored on the path that each link opens.
 */
const SECRET_LINKS: Readonly<Record<string, RegExp>> = {
  'measure-link': /\S*\/questionnaire#[A-Za-z0-9_-]+/g,
  'password-reset': /\S*\/reset-password\?token=[A-Za-z0-9_-]+/g,
};

/** The text to keep once the message has been sent: its secret link replaced, or null to keep it all. */
export function withoutSecret(template: string, body: string): string | null {
  const pattern = Object.hasOwn(SECRET_LINKS, template) ? SECRET_LINKS[template] : undefined;
  if (!pattern) return null;
  const kept = body.replace(pattern, LINK_REMOVED);
  return kept === body ? null : kept;
}

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

    const message = await data.inScheme(actor, {}, async (scope): Promise<(DeliveryRequest & { template: string }) | null> => {
      const row = await scope.db
        .selectFrom('notifications')
        .select(['id', 'channel', 'template', 'recipient', 'subject', 'body', 'status'])
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
      return { id: row.id, channel: row.channel, template: row.template, recipient: row.recipient, subject: row.subject, body: row.body };
    });
    if (!message) return;
    const { template, ...delivery } = message;

    let outcome: { status: 'sent' | 'delivered'; providerReference: string | null };
    try {
      outcome = await adapter.send(delivery);
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

    // Sent, the message no longer needs its one-time link; one that failed keeps it, to be retried.
    const kept = withoutSecret(template, delivery.body);
    await data.inScheme(actor, {}, async (scope) => {
      await scope.db
        .updateTable('notifications')
        .set({
          ...(kept !== null ? { body: kept } : {}),
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
