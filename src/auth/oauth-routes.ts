import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { requestMeta } from '../http/request-context.js';
import { hashSecret, newSecret, sameSecret } from './tokens.js';

/**
 * OAuth 2.0 client-credentials grant (RFC 6749 §4.4) for integrations. Errors here follow the
 * OAuth format ({ error, error_description }) rather than problem+json, because OAuth client
 * libraries expect it.
 */
const tokenRequest = z.object({
  grant_type: z.string().optional(),
  client_id: z.string().optional(),
  client_secret: z.string().optional(),
  scope: z.string().optional(),
});

const tokenResponse = z.object({
  access_token: z.string(),
  token_type: z.literal('Bearer'),
  expires_in: z.number(),
  scope: z.string(),
});
const oauthError = z.object({ error: z.string(), error_description: z.string() });

interface ClientRow {
  scheme_id: string;
  id: string;
  organisation_id: string;
  secret_hash: string;
  scopes: string[];
  revoked_at: Date | null;
}

function fail(reply: FastifyReply, status: 400 | 401, error: string, description: string) {
  if (status === 401) reply.header('www-authenticate', 'Basic realm="linkwell"');
  return reply.code(status).header('cache-control', 'no-store').send({ error, error_description: description });
}

function basicCredentials(header: string | undefined): { id: string; secret: string } | null {
  if (!header?.startsWith('Basic ')) return null;
  const decoded = Buffer.from(header.slice(6), 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return null;
  return { id: decodeURIComponent(decoded.slice(0, colon)), secret: decodeURIComponent(decoded.slice(colon + 1)) };
}

export function registerOAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  void app.register(async (oauth) => {
    oauth.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string' }, (_request, body, done) => {
      done(null, Object.fromEntries(new URLSearchParams(String(body))));
    });
    oauth.withTypeProvider<ZodTypeProvider>().post(
      '/oauth/token',
      {
        schema: {
          tags: ['integrations'],
          summary: 'Get a short-lived access token (client-credentials grant)',
          description:
            'Send application/x-www-form-urlencoded `grant_type=client_credentials`, with the client id and secret in HTTP Basic authentication (or as client_id and client_secret fields). The token acts for one organisation in one scheme.',
          consumes: ['application/x-www-form-urlencoded'],
          body: tokenRequest,
          response: { 200: tokenResponse, 400: oauthError, 401: oauthError },
        },
      },
      async (request, reply) => {
        const body = request.body;
        if (body.grant_type !== 'client_credentials') {
          return fail(reply, 400, 'unsupported_grant_type', 'Only grant_type=client_credentials is supported.');
        }
        const credentials =
          basicCredentials(request.headers.authorization) ??
          (body.client_id && body.client_secret ? { id: body.client_id, secret: body.client_secret } : null);
        if (!credentials) return fail(reply, 401, 'invalid_client', 'Send the client id and secret.');

        const client = await ctx.data.platform(async (tx) => {
          const { rows } = await sql<ClientRow>`select * from linkwell_find_api_client(${credentials.id})`.execute(tx);
          return rows[0];
        });
        if (!client || client.revoked_at || !sameSecret(hashSecret(credentials.secret), client.secret_hash)) {
          return fail(reply, 401, 'invalid_client', 'The client id or secret is not correct, or the client was revoked.');
        }
        const requested = body.scope?.split(' ').filter(Boolean) ?? client.scopes;
        const unknown = requested.filter((s) => !client.scopes.includes(s));
        if (unknown.length > 0) return fail(reply, 400, 'invalid_scope', `This client may not use: ${unknown.join(' ')}`);

        const token = newSecret();
        const ttl = ctx.config.ACCESS_TOKEN_TTL_SECONDS;
        await ctx.data.platform((tx) =>
          tx
            .insertInto('api_tokens')
            .values({
              token_hash: hashSecret(token),
              scheme_id: client.scheme_id,
              api_client_id: client.id,
              organisation_id: client.organisation_id,
              scopes: requested,
              expires_at: new Date(Date.now() + ttl * 1000),
            })
            .execute(),
        );
        await ctx.data.inScheme(
          { type: 'client', schemeId: client.scheme_id, apiClientId: client.id, label: `API client ${client.id}`, organisationId: client.organisation_id, scopes: requested },
          requestMeta(request),
          (scope) => scope.audit({ action: 'token-issued', entityType: 'api_client', entityId: client.id, detail: { scopes: requested } }),
        );
        reply.header('cache-control', 'no-store');
        return { access_token: token, token_type: 'Bearer' as const, expires_in: ttl, scope: requested.join(' ') };
      },
    );
  });
}
