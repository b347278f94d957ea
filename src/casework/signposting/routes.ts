import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { signpost, signpostInput } from '../../contracts/onward.js';
import { withScope } from '../../http/request-context.js';
import { recordSignpost } from './signposts.js';

const tags = ['casework'];

/** Registered from the onward referral routes: signposting is chosen on the same screen, instead of a referral. */
export function registerSignpostRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  r.post(
    '/cases/:referralId/signposts',
    {
      schema: {
        tags,
        summary: 'Record supported signposting (information given; the person acts alone). Never counted as a referral.',
        params: z.strictObject({ referralId: z.uuid() }),
        body: signpostInput,
        response: { 201: signpost },
      },
    },
    async (request, reply) => reply.code(201).send(await withScope(ctx, request, (scope) => recordSignpost(scope, request.params.referralId, request.body))),
  );
}
