/**
 * The public, read-only Open Referral UK v3.0 API at /oruk, as an encapsulated plugin: no
 * sign-in, no tenant, GET only, and `Access-Control-Allow-Origin: *` on every answer (errors
 * and preflights included) so that any directory or map on any site can read it from the
 * browser. Only services that at least one scheme lists publicly appear (see queries.ts).
 *
 *   GET /oruk/                         api_details
 *   GET /oruk/openapi.json             the OpenAPI document api_details points at
 *   GET /oruk/services                 ?page&per_page&search&taxonomy_term_id&taxonomy_id&organization_id&modified_after&full
 *   GET /oruk/services/:id             fully nested service
 *   GET /oruk/service_at_locations     same filters as /services
 *   GET /oruk/service_at_locations/:id
 *   GET /oruk/organizations            ?page&per_page&search
 *   GET /oruk/organizations/:id        ?full_service
 *   GET /oruk/taxonomies, /oruk/taxonomies/:id
 *   GET /oruk/taxonomy_terms           ?page&per_page&search&taxonomy_id&parent_id&top_only
 *   GET /oruk/taxonomy_terms/:id
 *
 * Errors are problem+json from the app's one error handler.
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.js';
import { publicUrl } from '../../config/index.js';
import { AppError } from '../../errors.js';
import { sendError } from '../../http/problem.js';
import * as answer from './answers.js';
import {
  emptyQuery,
  idParams,
  organizationQuery,
  organizationsQuery,
  serviceAtLocationsQuery,
  servicesQuery,
  taxonomiesQuery,
  taxonomyTermsQuery,
} from './contract.js';
import { orukOpenApi } from './openapi.js';

export const ORUK_PROFILE = 'https://github.com/OpenReferralUK/uk-profile/blob/main/docs/index.md';
/** As the ORUK examples and open_api.json write it; validators read the trailing 3.0. */
export const ORUK_VERSION = 'HSDS-UK-3.0';

/** Kept out of the Linkwell API document: this API has its own at /oruk/openapi.json. */
const hidden = { hide: true } as const;

async function orukPlugin(oruk: FastifyInstance, ctx: AppContext): Promise<void> {
  const r = oruk.withTypeProvider<ZodTypeProvider>();
  const db = ctx.data.db;
  const base = `${publicUrl(ctx.config)}/oruk`;

  oruk.addHook('onSend', async (_request, reply) => {
    reply.header('access-control-allow-origin', '*');
    reply.header('access-control-expose-headers', 'x-request-id');
  });

  oruk.setNotFoundHandler((request, reply) =>
    sendError(reply, request, new AppError('not-found', 'There is nothing at this address. The endpoints are listed at /oruk/openapi.json.')),
  );

  // A browser asks before a cross-origin request with headers of its own; the answer allows
  // reading from anywhere, and only reading.
  const preflight = async (_request: unknown, reply: FastifyReply): Promise<FastifyReply> =>
    reply
      .header('access-control-allow-methods', 'GET, HEAD, OPTIONS')
      .header('access-control-allow-headers', 'Accept, Content-Type')
      .header('access-control-max-age', '86400')
      .code(204)
      .send();
  oruk.options('/', { schema: hidden }, preflight);
  oruk.options('/*', { schema: hidden }, preflight);

  r.get('/', { schema: { ...hidden, querystring: emptyQuery } }, async () => ({
    version: ORUK_VERSION,
    profile: ORUK_PROFILE,
    openapi_url: `${base}/openapi.json`,
  }));
  r.get('/openapi.json', { schema: { ...hidden, querystring: emptyQuery } }, async () => orukOpenApi(base));

  r.get('/services', { schema: { ...hidden, querystring: servicesQuery } }, async (request) => answer.servicePage(db, request.query));
  r.get('/services/:id', { schema: { ...hidden, params: idParams, querystring: emptyQuery } }, async (request) =>
    answer.serviceById(db, request.params.id),
  );

  r.get('/service_at_locations', { schema: { ...hidden, querystring: serviceAtLocationsQuery } }, async (request) =>
    answer.serviceAtLocationPage(db, request.query),
  );
  r.get('/service_at_locations/:id', { schema: { ...hidden, params: idParams, querystring: emptyQuery } }, async (request) =>
    answer.serviceAtLocationById(db, request.params.id),
  );

  r.get('/organizations', { schema: { ...hidden, querystring: organizationsQuery } }, async (request) =>
    answer.organizationPage(db, request.query),
  );
  r.get('/organizations/:id', { schema: { ...hidden, params: idParams, querystring: organizationQuery } }, async (request) =>
    answer.organizationById(db, request.params.id, request.query.full_service === true),
  );

  r.get('/taxonomies', { schema: { ...hidden, querystring: taxonomiesQuery } }, async (request) => answer.taxonomyPage(db, request.query));
  r.get('/taxonomies/:id', { schema: { ...hidden, params: idParams, querystring: emptyQuery } }, async (request) =>
    answer.taxonomyById(db, request.params.id),
  );

  r.get('/taxonomy_terms', { schema: { ...hidden, querystring: taxonomyTermsQuery } }, async (request) =>
    answer.taxonomyTermPage(db, request.query),
  );
  r.get('/taxonomy_terms/:id', { schema: { ...hidden, params: idParams, querystring: emptyQuery } }, async (request) =>
    answer.taxonomyTermById(db, request.params.id),
  );
}

export async function registerOrukRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(async (oruk) => orukPlugin(oruk, ctx), { prefix: '/oruk' });
}
