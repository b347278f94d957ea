import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.js';
import { caseworkSettings, caseworkSettingsInput } from '../contracts/casework.js';
import { requiredVersion } from '../http/if-match.js';
import { withScope } from '../http/request-context.js';
import { getCaseworkSettings, updateCaseworkSettings } from './settings.js';

const tags = ['casework'];

/** The scheme's casework rules. Version 0 is "still the defaults": the first save makes version 1. */
export function registerCaseworkSettingsRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/casework/settings', { schema: { tags, summary: 'The scheme’s casework settings', response: { 200: caseworkSettings } } }, async (request, reply) => {
    const settings = await withScope(ctx, request, (scope) => getCaseworkSettings(scope));
    return reply.header('etag', `W/"${settings.version}"`).send(settings);
  });

  r.put(
    '/casework/settings',
    {
      schema: {
        tags,
        summary: 'Change the scheme’s casework settings (scheme manager)',
        description: 'Send If-Match with the ETag you read (W/"0" while the defaults stand); 412 if someone changed them since.',
        body: caseworkSettingsInput,
        response: { 200: caseworkSettings },
      },
    },
    async (request, reply) => {
      const expectedVersion = requiredVersion(request);
      const settings = await withScope(ctx, request, (scope) => updateCaseworkSettings(scope, request.body, expectedVersion));
      return reply.header('etag', `W/"${settings.version}"`).send(settings);
    },
  );
}
