import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { acknowledgeInput, checkInInput, contact, loneWorkingBoardItem } from '../../contracts/casework.js';
import { withScope } from '../../http/request-context.js';
import { acknowledge, checkIn, listOpenVisits } from './service.js';

const tags = ['casework'];
const idParams = z.strictObject({ id: z.uuid() });

/** Lone working on home visits: the worker's check-in, the manager's board and acknowledgement. */
export function registerLoneWorkingRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/contacts/:id/check-in',
    {
      schema: {
        tags,
        summary: 'Check in from a home visit: "safe", or "need help" (the visiting worker only)',
        description:
          '"need_help" alerts the managers and the scheme’s lone-working contacts at once. A second "safe" is refused with 409 (already-checked-in).',
        params: idParams,
        body: checkInInput,
        response: { 200: contact },
      },
    },
    async (request) => withScope(ctx, request, (scope) => checkIn(scope, { jobs: ctx.jobs, config: ctx.config }, request.params.id, request.body, new Date())),
  );

  r.post(
    '/contacts/:id/acknowledge',
    {
      schema: {
        tags,
        summary: 'Acknowledge a missed check-in or a call for help once the worker is reached (managers): the alerts stop',
        description: 'Refused with 409 (nothing-to-acknowledge) unless the visit is overdue or the worker asked for help.',
        params: idParams,
        body: acknowledgeInput,
        response: { 200: contact },
      },
    },
    async (request) => withScope(ctx, request, (scope) => acknowledge(scope, request.params.id, request.body.note, new Date())),
  );

  r.get(
    '/lone-working',
    {
      schema: {
        tags,
        summary: 'Home visits still being watched, earliest check-in first (managers: all; link workers: their own)',
        response: { 200: z.object({ visits: z.array(loneWorkingBoardItem) }) },
      },
    },
    async (request) => ({ visits: await withScope(ctx, request, (scope) => listOpenVisits(scope, new Date())) }),
  );
}
