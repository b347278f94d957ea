import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.js';
import { directoryFacets, directoryMatchQuery, directorySearchQuery, directorySearchResponse, mapConfig } from '../../contracts/directory-search.js';
import { withScope } from '../../http/request-context.js';
import { directoryFacets as loadFacets } from './facets.js';
import { matchForPerson } from './match.js';
import { searchDirectory } from './search.js';

const tags = ['directory'];

/** Directory API under /api: search, matching and facets. */
export function registerDirectorySearchRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/directory/search',
    {
      schema: {
        tags,
        summary: 'Search the community directory',
        description:
          'All given filters must hold. Closed services never appear; paused ones only with includePaused. Results are ranked by relevance, closeness, ' +
          'the scheme’s preference and free places, and each says why it was found. near needs the ONS Postcode Directory: without it the answer is ' +
          '400 with code postcode-lookup-not-configured. personId searches around that person’s home (link workers and managers; audited).',
        querystring: directorySearchQuery,
        response: { 200: directorySearchResponse },
      },
    },
    async (request) => withScope(ctx, request, (scope) => searchDirectory(scope, ctx, request.query)),
  );

  r.get(
    '/directory/match',
    {
      schema: {
        tags,
        summary: 'Services for one person',
        description: 'From the needs of their open referral, near their home, for their age and language. The person read is audited.',
        querystring: directoryMatchQuery,
        response: { 200: directorySearchResponse },
      },
    },
    async (request) => withScope(ctx, request, (scope) => matchForPerson(scope, ctx, request.query)),
  );

  r.get(
    '/directory/facets',
    { schema: { tags, summary: 'The choices the search form offers', response: { 200: directoryFacets } } },
    async (request) => withScope(ctx, request, (scope) => loadFacets(scope)),
  );

  r.get(
    '/directory/map-config',
    { schema: { tags, summary: 'Map tiles for the directory map (none configured: list only)', response: { 200: mapConfig } } },
    async (request) =>
      withScope(ctx, request, async (scope) => {
        scope.authorize('directory_service', 'list');
        return { tileUrl: ctx.config.MAP_TILE_URL ?? null, attribution: ctx.config.MAP_TILE_ATTRIBUTION };
      }),
  );
}
