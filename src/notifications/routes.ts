import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { notification, notificationList, type NotificationView } from '../contracts/admin.js';
import type { NotificationRow } from '../db/schema.js';
import { requestMeta, requireActor } from '../http/request-context.js';
import { maskRecipient } from './mask.js';
import { retryNotification } from './outbox.js';

const listQuery = z.strictObject({ status: notification.shape.status.optional() });
const idParams = z.strictObject({ id: z.uuid() });
const retried = z.object({ status: z.literal('queued') });

/** The outbox page shows the newest messages; older ones stay in the table and the audit trail. */
const LIST_LIMIT = 500;

export function registerNotificationRoutes(api: FastifyInstance, ctx: AppContext): void {
  const app = api.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/notifications',
    {
      schema: {
        tags: ['notifications'],
        summary: 'The scheme’s outbox, newest first, with recipients masked',
        querystring: listQuery,
        response: { 200: notificationList },
      },
    },
    async (request) =>
      ctx.data.inScheme(requireActor(request), requestMeta(request), async (scope) => {
        scope.authorize('notification', 'list');
        let query = scope.db
          .selectFrom('notifications')
          .selectAll()
          .where('scheme_id', '=', scope.schemeId)
          .orderBy('created_at', 'desc')
          .orderBy('id', 'desc')
          .limit(LIST_LIMIT);
        if (request.query.status) query = query.where('status', '=', request.query.status);
        const rows = await query.execute();
        await scope.audit({
          action: 'read',
          entityType: 'notification',
          detail: { count: rows.length, ...(request.query.status ? { status: request.query.status } : {}) },
        });
        return { items: rows.map(toView) };
      }),
  );

  app.post(
    '/notifications/:id/retry',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Send a failed notification again',
        params: idParams,
        response: { 202: retried },
      },
    },
    async (request, reply) => {
      await ctx.data.inScheme(requireActor(request), requestMeta(request), async (scope) => {
        scope.authorize('notification', 'update');
        await retryNotification(scope, ctx.jobs, request.params.id);
      });
      return reply.code(202).send({ status: 'queued' as const });
    },
  );
}

export function toView(row: NotificationRow): NotificationView {
  return {
    id: row.id,
    channel: row.channel,
    template: row.template,
    recipient: maskRecipient(row.recipient),
    status: row.status,
    adapter: row.adapter,
    attempts: row.attempts,
    lastError: row.last_error,
    createdAt: iso(row.created_at),
    sentAt: row.sent_at === null ? null : iso(row.sent_at),
  };
}

function iso(value: Date | string): string {
  return value instanceof Date ? value.toISOString() : new Date(value).toISOString();
}
