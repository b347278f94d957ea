import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { closeCaseInput } from '../../contracts/casework.js';
import { withScope } from '../../http/request-context.js';
import { closeCase } from './close-case.js';

const caseParams = z.strictObject({ referralId: z.uuid() });

/** Closing a case: the referrer hears the outcome and the FHIR Task completes. */
export function registerClosureRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/cases/:referralId/close',
    {
      schema: {
        tags: ['casework'],
        summary: 'Close a case with a coded reason and an outcome summary',
        description: 'Sends the referrer their feedback (if they asked for it at closure) and completes the referral’s FHIR Task. 409 if the case is already closed.',
        params: caseParams,
        body: closeCaseInput,
        response: { 200: z.object({ status: z.literal('closed') }) },
      },
    },
    async (request) => withScope(ctx, request, (scope) => closeCase(scope, ctx, request.params.referralId, request.body)),
  );
}
