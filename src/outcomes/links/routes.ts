import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { dueMeasureList, measureLink, sendLinkInput } from '../../contracts/outcomes.js';
import { withScope } from '../../http/request-context.js';
import { listDue } from '../reminders/due.js';
import { revokeMeasureLink, sendMeasureLink } from './send-link.js';

const tags = ['outcomes'];
const idParams = z.strictObject({ id: z.uuid() });
const personParams = z.strictObject({ personId: z.uuid() });
const dueQuery = z.strictObject({ whose: z.enum(['mine', 'all']).optional() });

/** Staff routes: send and revoke one-time links; the due and overdue list. */
export function registerMeasureLinkRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/people/:personId/measure-links',
    {
      schema: {
        tags,
        summary: 'Send the person a one-time link to complete a measure themselves',
        description: 'By email or text message, to the address on their record. A new link for the same measure and point replaces an earlier open one. The answer never carries the link itself.',
        params: personParams,
        body: sendLinkInput,
        response: { 201: measureLink },
      },
    },
    async (request, reply) => {
      const link = await withScope(ctx, request, async (scope) => {
        scope.authorize('measure_link', 'create');
        const { measureKey, timepoint, channel } = request.body;
        return sendMeasureLink(scope, ctx, { personId: request.params.personId, referralId: request.body.referralId ?? null, measureKey, timepoint, channel });
      });
      return reply.code(201).send(link);
    },
  );

  r.post(
    '/measure-links/:id/revoke',
    { schema: { tags, summary: 'Stop a one-time link working (not one already sent in)', params: idParams, response: { 200: measureLink } } },
    async (request) =>
      withScope(ctx, request, async (scope) => {
        scope.authorize('measure_link', 'delete');
        return revokeMeasureLink(scope, request.params.id);
      }),
  );

  r.get(
    '/outcomes/due',
    {
      schema: {
        tags,
        summary: 'Measures due, overdue, or coming up within two weeks',
        description: 'whose=mine: the caller’s caseload (the default for link workers); whose=all: the whole scheme (the default for scheme managers).',
        querystring: dueQuery,
        response: { 200: dueMeasureList },
      },
    },
    async (request) =>
      withScope(ctx, request, async (scope) => {
        const role = scope.actor.type === 'user' ? scope.actor.role : null;
        const whose = request.query.whose ?? (role === 'scheme_manager' ? 'all' : 'mine');
        return { items: await listDue(scope, { now: new Date(), whose }) };
      }),
  );
}
