import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { onwardEventInput, providerInbox, providerInboxQuery, providerReferral } from '../../contracts/onward.js';
import { requiredVersion } from '../../http/if-match.js';
import { withScope } from '../../http/request-context.js';
import { getProviderReferral, providerInboxFor, providerOnwardEvent } from './service.js';

const tags = ['provider portal'];
const idParams = z.strictObject({ id: z.uuid() });

export function registerProviderReferralRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/provider/referrals',
    { schema: { tags, summary: 'Referrals to the services your organisation runs', querystring: providerInboxQuery, response: { 200: providerInbox } } },
    async (request) => withScope(ctx, request, (scope) => providerInboxFor(scope, request.query)),
  );

  r.get(
    '/provider/referrals/:id',
    {
      schema: {
        tags,
        summary: 'One referral: the details shared with you while it is live and for a while after',
        params: idParams,
        response: { 200: providerReferral },
      },
    },
    async (request, reply) => {
      const view = await withScope(ctx, request, (scope) => getProviderReferral(scope, request.params.id));
      return reply.header('etag', `W/"${view.version}"`).send(view);
    },
  );

  r.post(
    '/provider/referrals/:id/events',
    {
      schema: {
        tags,
        summary: 'Accept, decline with a reason, waitlist, complete or record a drop-out; If-Match required',
        params: idParams,
        body: onwardEventInput,
        response: { 200: providerReferral },
      },
    },
    async (request, reply) => {
      const version = requiredVersion(request);
      const view = await withScope(ctx, request, (scope) => providerOnwardEvent(scope, ctx, request.params.id, request.body, version));
      return reply.header('etag', `W/"${view.version}"`).send(view);
    },
  );
}
