import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { changeList, publicFlagUpdate, schemeNoteUpdate, serviceCreate, serviceDetail, serviceUpdate, verifyRequest } from '../contracts/directory.js';
import { withScope } from '../http/request-context.js';
import { requiredVersion } from '../http/if-match.js';
import { registerDirectorySchemeRoutes } from './scheme-routes.js';
import { createService, updateService } from './services/edit-service.js';
import { getService } from './services/get-service.js';
import { listChanges } from './services/history.js';
import { setPublic, setSchemeNote } from './services/scheme-service.js';
import { verifyService } from './services/verify-service.js';

const tags = ['directory'];
const idParams = z.strictObject({ id: z.uuid() });

const etag = (version: number): string => `W/"${version}"`;

/** Directory API under /api: maintenance: listings, verification, history, scheme notes, settings, coverage. */
export function registerDirectoryRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/directory/services/:id',
    { schema: { tags, summary: 'One directory service as its page shows it', params: idParams, response: { 200: serviceDetail } } },
    async (request, reply) => {
      const detail = await withScope(ctx, request, (scope) => getService(scope, request.params.id));
      return reply.header('etag', etag(detail.version)).send(detail);
    },
  );

  r.post(
    '/directory/services',
    {
      schema: {
        tags,
        summary: 'Add a service to the directory',
        description: 'A VCSE provider may add services only to the directory organisation their organisation stands for.',
        body: serviceCreate,
        response: { 201: serviceDetail },
      },
    },
    async (request, reply) => {
      const detail = await withScope(ctx, request, (scope) => createService(scope, request.body));
      return reply.code(201).header('etag', etag(detail.version)).send(detail);
    },
  );

  r.patch(
    '/directory/services/:id',
    {
      schema: {
        tags,
        summary: 'Change a service',
        description: 'If-Match with the ETag you read is required; 412 if someone changed the service since. Lists given replace the ones held.',
        params: idParams,
        body: serviceUpdate,
        response: { 200: serviceDetail },
      },
    },
    async (request, reply) => {
      const version = requiredVersion(request);
      const detail = await withScope(ctx, request, (scope) => updateService(scope, request.params.id, request.body, version));
      return reply.header('etag', etag(detail.version)).send(detail);
    },
  );

  r.post(
    '/directory/services/:id/verify',
    { schema: { tags, summary: 'Confirm the listing is still accurate (link workers, managers)', params: idParams, body: verifyRequest, response: { 200: serviceDetail } } },
    async (request, reply) => {
      const detail = await withScope(ctx, request, async (scope) => {
        await verifyService(scope, request.params.id, request.body.note);
        return getService(scope, request.params.id);
      });
      return reply.header('etag', etag(detail.version)).send(detail);
    },
  );

  r.get(
    '/directory/services/:id/history',
    { schema: { tags, summary: 'Every change to the service, newest first', params: idParams, response: { 200: changeList } } },
    async (request) => withScope(ctx, request, (scope) => listChanges(scope, 'service', request.params.id)),
  );

  r.put(
    '/directory/services/:id/note',
    { schema: { tags, summary: 'The scheme’s own note on the service, and whether it prefers it', params: idParams, body: schemeNoteUpdate, response: { 200: serviceDetail } } },
    async (request) =>
      withScope(ctx, request, async (scope) => {
        await setSchemeNote(scope, request.params.id, request.body);
        return getService(scope, request.params.id);
      }),
  );

  r.put(
    '/directory/services/:id/public',
    { schema: { tags, summary: 'List the service on the public Open Referral UK API, or stop (scheme managers)', params: idParams, body: publicFlagUpdate, response: { 200: serviceDetail } } },
    async (request) =>
      withScope(ctx, request, async (scope) => {
        await setPublic(scope, request.params.id, request.body.public);
        return getService(scope, request.params.id);
      }),
  );

  registerDirectorySchemeRoutes(api, ctx);
}
