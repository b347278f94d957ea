import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import {
  changeList,
  coverage,
  coverageQuery,
  directorySettings,
  directorySettingsUpdate,
  myOrganization,
  organizationDetail,
  organizationListQuery,
  organizationSummaryList,
  organizationUpdate,
} from '../contracts/directory.js';
import { validationError } from '../errors.js';
import { withScope } from '../http/request-context.js';
import { coverageFor, myOrganization as loadMyOrganization } from './coverage.js';
import { requiredVersion } from '../http/if-match.js';
import { updateOrganization } from './services/edit-organization.js';
import { listChanges } from './services/history.js';
import { getOrganization, listOrganizations } from './services/organizations.js';
import { loadDirectorySettings, updateDirectorySettings } from './settings.js';

const tags = ['directory'];
const idParams = z.strictObject({ id: z.uuid() });

/** Directory organisations, the scheme's directory settings and the reverse directory. */
export function registerDirectorySchemeRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/directory/organizations',
    { schema: { tags, summary: 'Directory organisations, by name', querystring: organizationListQuery, response: { 200: organizationSummaryList } } },
    async (request) => withScope(ctx, request, (scope) => listOrganizations(scope, request.query)),
  );

  r.get(
    '/directory/organizations/:id',
    { schema: { tags, summary: 'One directory organisation with its services', params: idParams, response: { 200: organizationDetail } } },
    async (request, reply) => {
      const detail = await withScope(ctx, request, (scope) => getOrganization(scope, request.params.id));
      return reply.header('etag', `W/"${detail.version}"`).send(detail);
    },
  );

  r.patch(
    '/directory/organizations/:id',
    {
      schema: {
        tags,
        summary: 'Change an organisation’s details and governance',
        description: 'If-Match with the ETag you read is required; 412 if someone changed it since.',
        params: idParams,
        body: organizationUpdate,
        response: { 200: organizationDetail },
      },
    },
    async (request, reply) => {
      const version = requiredVersion(request);
      const detail = await withScope(ctx, request, (scope) => updateOrganization(scope, request.params.id, request.body, version));
      return reply.header('etag', `W/"${detail.version}"`).send(detail);
    },
  );

  r.get(
    '/directory/organizations/:id/history',
    { schema: { tags, summary: 'Every change to the organisation, newest first', params: idParams, response: { 200: changeList } } },
    async (request) => withScope(ctx, request, (scope) => listChanges(scope, 'organization', request.params.id)),
  );

  r.get(
    '/directory/settings',
    { schema: { tags, summary: 'The scheme’s directory settings', response: { 200: directorySettings } } },
    async (request) =>
      withScope(ctx, request, async (scope) => {
        scope.authorize('directory_settings', 'read');
        return loadDirectorySettings(scope);
      }),
  );

  r.put(
    '/directory/settings',
    { schema: { tags, summary: 'Change the scheme’s directory settings (scheme managers)', body: directorySettingsUpdate, response: { 200: directorySettings } } },
    async (request) => withScope(ctx, request, (scope) => updateDirectorySettings(scope, request.body)),
  );

  r.get(
    '/directory/my-organization',
    { schema: { tags, summary: 'The directory organisation your organisation maintains, and who works near it', response: { 200: myOrganization } } },
    async (request) => withScope(ctx, request, (scope) => loadMyOrganization(scope)),
  );

  r.get(
    '/directory/coverage',
    {
      schema: {
        tags,
        summary: 'Schemes that work near your organisation (or a point), and your scheme’s link workers',
        querystring: coverageQuery,
        response: { 200: coverage },
      },
    },
    async (request) => {
      const { latitude, longitude } = request.query;
      if ((latitude === undefined) !== (longitude === undefined)) {
        throw validationError([{ field: 'querystring.longitude', message: 'Give both latitude and longitude, or neither' }]);
      }
      const point = latitude !== undefined && longitude !== undefined ? { latitude, longitude } : undefined;
      return withScope(ctx, request, (scope) => coverageFor(scope, point));
    },
  );
}
