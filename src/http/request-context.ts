import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { AppContext } from '../app-context.js';
import type { Actor, RequestMeta, SchemeScope } from '../data/access.js';
import { membershipsOf, type MembershipView } from '../auth/memberships.js';
import { findSession, SESSION_COOKIE, type SessionRecord } from '../auth/sessions.js';
import { hashSecret, sameSecret } from '../auth/tokens.js';
import { AppError, unauthenticated } from '../errors.js';

/** What the request proved about its caller. */
export type RequestAuth =
  | {
      kind: 'session';
      session: SessionRecord;
      user: { id: string; displayName: string; email: string; mfaEnabled: boolean };
      membership: MembershipView | null;
      memberships: MembershipView[];
    }
  | { kind: 'bearer'; actor: Extract<Actor, { type: 'client' }> };

declare module 'fastify' {
  interface FastifyRequest {
    auth: RequestAuth | null;
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const PUBLIC_PREFIX = '/api/public/';

/**
 * A route for people without an account (the self-referral form, a questionnaire link). Judged
 * by the route the request matched, not its raw URL, so no spelling of a path can pass a staff
 * route off as public. These routes act as the anonymous actor and never read request.auth.
 */
function isPublicRoute(request: FastifyRequest): boolean {
  return request.routeOptions.url?.startsWith(PUBLIC_PREFIX) === true;
}

export function registerRequestContext(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('auth', null);
  app.addHook('onRequest', async (request) => {
    if (!request.url.startsWith('/api/') && !request.url.startsWith('/fhir')) return;
    // A public route ignores whoever is signed in on the device: a person answering their
    // questionnaire on a link worker's tablet is not the link worker. With no session read,
    // there is no CSRF token to check either; the route's own secret (a token, a throttle) guards it.
    if (isPublicRoute(request)) return;
    request.auth = await resolveAuth(request, ctx);
    // A session travels in a cookie, which a browser sends with any site's form: state changes
    // must also carry the session's CSRF token, which only our own pages can read.
    if (request.auth?.kind === 'session' && UNSAFE_METHODS.has(request.method)) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameSecret(sent, request.auth.session.csrfToken)) {
        throw new AppError('forbidden', 'The form has expired. Reload the page and try again.', { code: 'csrf' });
      }
    }
  });
}

async function resolveAuth(request: FastifyRequest, ctx: AppContext): Promise<RequestAuth | null> {
  const header = request.headers.authorization;
  if (header?.startsWith('Bearer ')) return resolveBearer(header.slice(7).trim(), ctx);
  const cookie = request.cookies[SESSION_COOKIE];
  if (!cookie) return null;
  return ctx.data.platform(async (tx) => {
    const session = await findSession(tx, ctx.config, cookie);
    if (!session) return null;
    const user = await tx
      .selectFrom('users')
      .select(['id', 'display_name', 'email', 'mfa_enabled', 'status'])
      .where('id', '=', session.userId)
      .executeTakeFirst();
    if (!user || user.status !== 'active') return null;
    const memberships = await membershipsOf(tx, user.id);
    const membership = memberships.find((m) => m.membershipId === session.membershipId) ?? null;
    return {
      kind: 'session' as const,
      session,
      user: { id: user.id, displayName: user.display_name, email: user.email, mfaEnabled: user.mfa_enabled },
      membership,
      memberships,
    };
  });
}

async function resolveBearer(token: string, ctx: AppContext): Promise<RequestAuth> {
  const row = await ctx.data.platform((tx) =>
    tx
      .selectFrom('api_tokens')
      .selectAll()
      .where('token_hash', '=', hashSecret(token))
      .where('expires_at', '>', new Date())
      .executeTakeFirst(),
  );
  if (!row) throw new AppError('unauthenticated', 'The access token is not valid or has expired.', { code: 'invalid-token' });
  return {
    kind: 'bearer',
    actor: {
      type: 'client',
      schemeId: row.scheme_id,
      apiClientId: row.api_client_id,
      label: `API client ${row.api_client_id}`,
      organisationId: row.organisation_id,
      scopes: row.scopes,
    },
  };
}

/** The actor for scheme work: a fully signed-in user with a membership, or an API client. */
export function requireActor(request: FastifyRequest): Actor {
  const auth = request.auth;
  if (!auth) throw unauthenticated();
  if (auth.kind === 'bearer') return auth.actor;
  if (auth.session.stage !== 'active') {
    throw new AppError('unauthenticated', 'Finish signing in with your security code first.', { code: 'mfa-required' });
  }
  if (!auth.membership) throw new AppError('forbidden', 'You have no role in a scheme yet. Ask your scheme manager.');
  return {
    type: 'user',
    schemeId: auth.membership.schemeId,
    userId: auth.user.id,
    label: auth.user.displayName,
    role: auth.membership.role,
    membershipId: auth.membership.membershipId,
    organisationId: auth.membership.organisationId,
  };
}

export function requestMeta(request: FastifyRequest): RequestMeta {
  return { ip: request.ip, requestId: String(request.id) };
}

/** The usual shape of a handler: the caller's actor, in their scheme, in one transaction. */
export function withScope<T>(ctx: AppContext, request: FastifyRequest, work: (scope: SchemeScope) => Promise<T>): Promise<T> {
  return ctx.data.inScheme(requireActor(request), requestMeta(request), work);
}
