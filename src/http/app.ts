import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance } from 'fastify';
import fastifyCookie from '@fastify/cookie';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../app-context.js';
import { safeErrorText } from '../logging/safe-error.js';
import { sendError } from './problem.js';
import { registerRequestContext } from './request-context.js';
import { registerHealthRoutes } from './health.js';
import { registerWebApp } from './web.js';
import { registerAuthRoutes } from '../auth/routes.js';
import { registerOAuthRoutes } from '../auth/oauth-routes.js';
import { registerAuditRoutes } from '../audit/routes.js';
import { registerSchemeRoutes } from '../schemes/routes.js';
import { registerNotificationRoutes } from '../notifications/routes.js';
import { registerIntegrationRoutes } from '../integrations/routes.js';
import { registerUserRoutes } from '../users/routes.js';
import { registerReferralRoutes } from '../referrals/routes.js';
import { registerTriageRoutes } from '../referrals/triage-routes.js';
import { registerPublicReferralRoutes } from '../referrals/public-routes.js';
import { registerFhirRoutes } from '../fhir/routes.js';
import { registerDirectoryRoutes } from '../directory/routes.js';
import { registerDirectorySearchRoutes } from '../directory/search/routes.js';
import { mapTileImgSource } from '../directory/search/map-tiles.js';
import { registerDirectoryImportRoutes } from '../directory/import/routes.js';
import { registerOrukRoutes } from '../directory/oruk/routes.js';
import { registerOutcomeRoutes } from '../outcomes/routes.js';
import { registerMeasureLinkRoutes } from '../outcomes/links/routes.js';
import { registerPublicMeasureRoutes } from '../outcomes/links/public-routes.js';
import { registerCaseworkRoutes } from '../casework/routes.js';

export type App = FastifyInstance;

/** Log fields that may carry personal data or secrets are replaced before any line is written. */
export const LOG_REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'body',
  'email',
  'password',
  'token',
  '*.email',
  '*.password',
  '*.token',
  '*.recipient',
];

/**
 * What of an unexpected error goes to the log: its scrubbed message, code and stack frames.
 * Not the error object itself: database errors carry a `detail` that quotes the row's values.
 */
export function loggableError(error: unknown): Record<string, unknown> {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  const frames = error instanceof Error && error.stack ? error.stack.split('\n').slice(1).join('\n') : undefined;
  return { error: safeErrorText(error), code, frames };
}

export async function buildApp(ctx: AppContext): Promise<App> {
  const app = Fastify({
    logger:
      ctx.config.LOG_LEVEL === 'silent'
        ? false
        : {
            level: ctx.config.LOG_LEVEL,
            redact: { paths: LOG_REDACT_PATHS, censor: '[redacted]' },
            // The URL's query string can hold search terms about a person: log the path only.
            serializers: {
              req: (req: { method: string; url: string; id: string }) => ({
                method: req.method,
                path: req.url.split('?')[0],
                id: req.id,
              }),
            },
          },
    bodyLimit: ctx.config.BODY_LIMIT_BYTES,
    trustProxy: ctx.config.TRUST_PROXY,
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && /^[A-Za-z0-9._-]{8,64}$/.test(given) ? given : randomUUID();
    },
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  // Map tiles, when configured, are the one kind of image from elsewhere.
  const tileSource = mapTileImgSource(ctx.config.MAP_TILE_URL);
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', request.id);
    reply.header('x-content-type-options', 'nosniff');
    reply.header('referrer-policy', 'same-origin');
    reply.header('x-frame-options', 'DENY');
    // The web app loads only its own scripts and styles; fonts may come from the NHS.UK CDN.
    // The API browser at /api/docs brings inline styles of its own, so it is left out.
    if (!request.url.startsWith('/api/docs')) {
      reply.header(
        'content-security-policy',
        `default-src 'self'; img-src 'self' data:${tileSource ? ` ${tileSource}` : ''}; font-src 'self' https://assets.nhs.uk; style-src 'self'; script-src 'self'; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'`,
      );
    }
  });

  app.setErrorHandler((error, request, reply) => {
    const sent = sendError(reply, request, error);
    if (reply.statusCode >= 500) request.log.error(loggableError(error), 'request failed');
    return sent;
  });
  await app.register(fastifyCookie);
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Linkwell API',
        version: '0.1.0',
        description: 'Social prescribing, end to end. Errors are RFC 9457 application/problem+json.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'lw_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  registerRequestContext(app, ctx);
  registerHealthRoutes(app, ctx);
  await app.register(
    async (api) => {
      registerAuthRoutes(api, ctx);
      registerSchemeRoutes(api, ctx);
      registerAuditRoutes(api, ctx);
      registerNotificationRoutes(api, ctx);
      registerIntegrationRoutes(api, ctx);
      registerUserRoutes(api, ctx);
      registerReferralRoutes(api, ctx);
      registerTriageRoutes(api, ctx);
      registerPublicReferralRoutes(api, ctx);
      registerDirectoryRoutes(api, ctx);
      registerDirectorySearchRoutes(api, ctx);
      registerDirectoryImportRoutes(api, ctx);
      registerOutcomeRoutes(api, ctx);
      registerMeasureLinkRoutes(api, ctx);
      registerPublicMeasureRoutes(api, ctx);
      registerCaseworkRoutes(api, ctx);
    },
    { prefix: '/api' },
  );
  registerOAuthRoutes(app, ctx);
  await registerFhirRoutes(app, ctx);
  await registerOrukRoutes(app, ctx);
  await registerWebApp(app);
  return app;
}
