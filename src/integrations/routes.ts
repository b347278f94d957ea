import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { apiClientList, createApiClientRequest, createApiClientResponse } from '../contracts/admin.js';
import { withScope } from '../http/request-context.js';
import { createApiClient, listApiClients, revokeApiClient } from './api-clients.js';

const tags = ['integrations'];

export function registerIntegrationRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/api-clients', { schema: { tags, summary: 'Integration clients of your scheme', response: { 200: apiClientList } } }, async (request) =>
    withScope(ctx, request, async (scope) => ({ items: await listApiClients(scope) })),
  );

  r.post(
    '/api-clients',
    {
      schema: {
        tags,
        summary: 'Create an integration client (the secret is shown once)',
        body: createApiClientRequest,
        response: { 201: createApiClientResponse },
      },
    },
    async (request, reply) => {
      const created = await withScope(ctx, request, (scope) => createApiClient(scope, request.body));
      return reply.code(201).send(created);
    },
  );

  r.delete(
    '/api-clients/:id',
    { schema: { tags, summary: 'Revoke an integration client and its tokens', params: z.strictObject({ id: z.uuid() }), response: { 204: z.null() } } },
    async (request, reply) => {
      await withScope(ctx, request, (scope) => revokeApiClient(scope, request.params.id));
      return reply.code(204).send(null);
    },
  );

  // For integrators to check a token: who the token acts for. No personal data.
  r.get(
    '/integration/whoami',
    {
      schema: {
        tags,
        summary: 'The scheme and organisation an access token acts for',
        response: { 200: z.object({ schemeId: z.uuid(), organisationId: z.uuid(), scopes: z.array(z.string()) }) },
      },
    },
    async (request) =>
      withScope(ctx, request, async (scope) => {
        scope.authorize('scheme', 'read');
        const actor = scope.actor;
        return {
          schemeId: scope.schemeId,
          organisationId: actor.type === 'client' || actor.type === 'user' ? actor.organisationId : '',
          scopes: actor.type === 'client' ? actor.scopes : [],
        };
      }),
  );
}
