import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { register, registerInput, registerQuery, registerResult } from '../../contracts/onward.js';
import { providerCapacityInput, providerService, providerServices } from '../../contracts/provider.js';
import { versionFromIfMatch } from '../../http/if-match.js';
import { withScope } from '../../http/request-context.js';
import { listProviderServices, updateCapacity } from './capacity.js';
import { getRegister, saveRegister } from './register.js';

const tags = ['provider portal'];
const idParams = z.strictObject({ id: z.uuid() });
const etag = (version: number): string => `W/"${version}"`;

/** The provider portal's registers and capacity settings. */
export function registerAttendanceRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/provider/register',
    {
      schema: {
        tags,
        summary: "A service's register for one session date",
        description: 'Everyone whose place at the service is accepted or attending, with their mark that day. A VCSE provider sees only its own services.',
        querystring: registerQuery,
        response: { 200: register },
      },
    },
    async (request) => withScope(ctx, request, (scope) => getRegister(scope, request.query.serviceId, request.query.date)),
  );

  r.post(
    '/provider/register',
    {
      schema: {
        tags,
        summary: 'Save marks for a session',
        description:
          'Marks many people at once; a mark given again for the same date replaces the earlier one. Any row that is not on the register refuses the whole save. The first "attended" moves an accepted place to attending; the non-attendance rule is checked for each person marked.',
        body: registerInput,
        response: { 200: registerResult },
      },
    },
    async (request) => withScope(ctx, request, (scope) => saveRegister(scope, request.body, new Date())),
  );

  r.get(
    '/provider/services',
    { schema: { tags, summary: "The provider's own services with their capacity and open referrals", response: { 200: providerServices } } },
    async (request) => withScope(ctx, request, (scope) => listProviderServices(scope)),
  );

  r.put(
    '/provider/services/:id/capacity',
    {
      schema: {
        tags,
        summary: "Set a service's places, waiting list and \"not taking until\" date",
        description: 'Kept on the directory listing, with its version and history. If-Match is optional: when sent, 412 if the listing changed since.',
        params: idParams,
        body: providerCapacityInput,
        response: { 200: providerService },
      },
    },
    async (request, reply) => {
      const version = versionFromIfMatch(request);
      const service = await withScope(ctx, request, (scope) => updateCapacity(scope, request.params.id, request.body, version));
      return reply.header('etag', etag(service.version)).send(service);
    },
  );
}
