import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { pendingMigrations } from '../db/migrate.js';

const healthSchema = z.object({
  status: z.enum(['ok', 'unavailable']),
  checks: z.record(z.string(), z.string()).optional(),
});

export function registerHealthRoutes(app: FastifyInstance, ctx: AppContext): void {
  app.get(
    '/health/live',
    { schema: { tags: ['health'], summary: 'The process is up', response: { 200: healthSchema } } },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/health/ready',
    {
      schema: {
        tags: ['health'],
        summary: 'The database answers and every migration is applied',
        response: { 200: healthSchema, 503: healthSchema },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(ctx.data.db);
        const pending = await pendingMigrations(ctx.data.db);
        if (pending.length > 0) {
          return await reply.code(503).send({ status: 'unavailable' as const, checks: { migrations: `${pending.length} pending` } });
        }
        return { status: 'ok' as const, checks: { database: ctx.data.database.backend, migrations: 'applied' } };
      } catch {
        return reply.code(503).send({ status: 'unavailable' as const, checks: { database: 'unreachable' } });
      }
    },
  );
}
