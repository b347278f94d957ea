import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { SchemeScope } from '../data/access.js';
import { AppError, notFound } from '../errors.js';
import type { JobQueue } from '../jobs/queue.js';

export interface OutgoingMessage {
  channel: 'email' | 'sms';
  template: string;
  recipient: string;
  subject: string;
  body: string;
  entityType?: string;
  entityId?: string;
}

export const SEND_QUEUE = 'notification.send';
/** About 20 minutes of retries (10 s doubling) before a send is marked failed for staff to retry. */
export const SEND_MAX_ATTEMPTS = 8;

/**
 * Puts a message in the outbox and its send job in the queue, in the caller's transaction:
 * if the change that caused the message rolls back, no message goes out. The job carries
 * ids only; the worker reads the address and text from the outbox row under row-level security.
 */
export async function queueNotification(scope: SchemeScope, jobs: JobQueue, message: OutgoingMessage): Promise<string> {
  const id = randomUUID();
  await scope.db
    .insertInto('notifications')
    .values({
      scheme_id: scope.schemeId,
      id,
      channel: message.channel,
      template: message.template,
      recipient: message.recipient.trim(),
      subject: message.subject,
      body: message.body,
      entity_type: message.entityType ?? null,
      entity_id: message.entityId ?? null,
    })
    .execute();
  await enqueueSend(scope, jobs, id);
  await scope.audit({
    action: 'create',
    entityType: 'notification',
    entityId: id,
    detail: { channel: message.channel, template: message.template },
  });
  return id;
}

/** The send job for one outbox row, in the scope's transaction. */
export async function enqueueSend(scope: SchemeScope, jobs: JobQueue, notificationId: string): Promise<void> {
  await jobs.enqueue(
    scope.db,
    SEND_QUEUE,
    { schemeId: scope.schemeId, notificationId },
    { schemeId: scope.schemeId, maxAttempts: SEND_MAX_ATTEMPTS },
  );
}

/**
 * Sends a failed message again. A send job may still be waiting for its own next attempt: it
 * is brought forward rather than joined by a second job, so that two workers never send the
 * same message side by side.
 */
export async function retryNotification(scope: SchemeScope, jobs: JobQueue, notificationId: string): Promise<void> {
  const row = await scope.db
    .selectFrom('notifications')
    .select('status')
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', notificationId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('The notification');
  if (row.status !== 'failed' && row.status !== 'permanent-failure') {
    throw new AppError('conflict', `Only a failed notification can be sent again; this one is ${row.status}.`);
  }
  await scope.db
    .updateTable('notifications')
    .set({ status: 'queued', updated_at: sql<Date>`now()` })
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', notificationId)
    .execute();
  const pending = await scope.db
    .updateTable('jobs')
    .set({ run_at: sql<Date>`least(run_at, now())` })
    .where('queue', '=', SEND_QUEUE)
    .where('status', 'in', ['queued', 'running'])
    .where('scheme_id', '=', scope.schemeId)
    .where(sql<string>`payload->>'notificationId'`, '=', notificationId)
    .executeTakeFirst();
  if (pending.numUpdatedRows === 0n) await enqueueSend(scope, jobs, notificationId);
  await scope.audit({
    action: 'update',
    entityType: 'notification',
    entityId: notificationId,
    detail: { status: 'queued', retriedFrom: row.status },
  });
}
