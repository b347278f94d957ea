import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { concern, concernInput } from '../../contracts/onward.js';
import { withScope } from '../../http/request-context.js';
import { listConcerns, raiseConcern } from './concerns.js';

const idParams = z.strictObject({ id: z.uuid() });
const referralParams = z.strictObject({ referralId: z.uuid() });

/** "Raise a concern" from the provider portal, and the case's concerns for caseworkers and the safeguarding lead. */
export function registerConcernRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/provider/referrals/:id/concerns',
    {
      schema: {
        tags: ['provider portal'],
        summary: 'Raise a concern about someone referred to the service',
        description:
          "Reaches the case's link worker and the scheme's safeguarding leads: an alert on the caseload and an email that names nobody and does not quote the concern. A provider may raise one only while it may still see the referral. " +
          'Sending the same concern again (same referral, same person, same urgency, word-for-word the same text) within 10 minutes of the first, ' +
          'as a double click or a retry after a slow network does, answers 200 with the concern already raised and alerts and emails nobody again; a new concern answers 201.',
        params: idParams,
        body: concernInput,
        response: { 200: concern, 201: concern },
      },
    },
    async (request, reply) => {
      const raised = await withScope(ctx, request, (scope) => raiseConcern(scope, { jobs: ctx.jobs, config: ctx.config }, request.params.id, request.body, new Date()));
      return reply.code(raised.replayed ? 200 : 201).send(raised.concern);
    },
  );

  r.get(
    '/cases/:referralId/concerns',
    {
      schema: {
        tags: ['casework'],
        summary: 'Concerns raised about a case, newest first',
        params: referralParams,
        response: { 200: z.object({ concerns: z.array(concern) }) },
      },
    },
    async (request) => withScope(ctx, request, (scope) => listConcerns(scope, request.params.referralId)),
  );
}
