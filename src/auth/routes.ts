import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import {
  mfaEnableRequest,
  mfaSetupResponse,
  mfaVerifyRequest,
  passwordResetComplete,
  passwordResetRequest,
  sessionResponse,
  signInRequest,
  signInResponse,
  switchMembershipRequest,
  type Membership,
  type SessionResponse,
} from '../contracts/auth.js';
import { AppError, notFound, unauthenticated } from '../errors.js';
import { requestMeta } from '../http/request-context.js';
import type { MembershipView } from './memberships.js';
import { beginMfaSetup, enableMfa, verifyMfa } from './mfa.js';
import { completePasswordReset, requestPasswordReset } from './password-reset.js';
import { ROLE_LABELS } from './roles.js';
import { cookieOptions, deleteAllSessions, deleteSession, SESSION_COOKIE } from './sessions.js';
import { auditAsUser, signIn } from './sign-in.js';

const problem = z.object({ type: z.string(), title: z.string(), status: z.number(), detail: z.string() }).loose();
const tags = ['auth'];

function sessionCaller(request: FastifyRequest) {
  const auth = request.auth;
  if (auth?.kind !== 'session') throw unauthenticated();
  return auth;
}

function presentMembership(m: MembershipView): Membership {
  return {
    membershipId: m.membershipId,
    schemeId: m.schemeId,
    schemeName: m.schemeName,
    role: m.role,
    roleLabel: ROLE_LABELS[m.role],
    organisationId: m.organisationId,
    organisationName: m.organisationName,
  };
}

function presentSession(auth: ReturnType<typeof sessionCaller>): SessionResponse {
  return {
    user: auth.user,
    stage: auth.session.stage,
    csrfToken: auth.session.csrfToken,
    membership: auth.membership ? presentMembership(auth.membership) : null,
    memberships: auth.memberships.map(presentMembership),
  };
}

function setSessionCookie(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, value: string): void {
  reply.setCookie(SESSION_COOKIE, value, cookieOptions(ctx.config, request.protocol === 'https'));
}

export function registerAuthRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/auth/sign-in',
    {
      schema: {
        tags,
        summary: 'Sign in with email and password',
        description: 'Starts a session (httpOnly cookie). The answer says whether a security code or MFA set-up comes next.',
        body: signInRequest,
        response: { 200: signInResponse, 401: problem, 423: problem, 429: problem },
      },
    },
    async (request, reply) => {
      const previous = request.auth?.kind === 'session' ? request.auth.session.idHash : null;
      const { cookieValue, session } = await signIn(ctx, request.body, requestMeta(request));
      // A fresh session id at every sign-in: a planted cookie is worth nothing.
      if (previous) await ctx.data.platform((tx) => deleteSession(tx, previous));
      setSessionCookie(ctx, request, reply, cookieValue);
      return { stage: session.stage, csrfToken: session.csrfToken };
    },
  );

  r.get(
    '/session',
    { schema: { tags, summary: 'The signed-in user, their role and their CSRF token', response: { 200: sessionResponse, 401: problem } } },
    async (request) => presentSession(sessionCaller(request)),
  );

  r.post(
    '/session/membership',
    {
      schema: {
        tags,
        summary: 'Act in another of your schemes or roles',
        body: switchMembershipRequest,
        response: { 200: sessionResponse },
      },
    },
    async (request) => {
      const auth = sessionCaller(request);
      if (auth.session.stage !== 'active') throw unauthenticated('Finish signing in first.');
      const target = auth.memberships.find((m) => m.membershipId === request.body.membershipId);
      if (!target) throw notFound('That membership');
      await ctx.data.platform((tx) =>
        tx
          .updateTable('sessions')
          .set({ scheme_id: target.schemeId, membership_id: target.membershipId })
          .where('id_hash', '=', auth.session.idHash)
          .execute(),
      );
      await auditAsUser(ctx, auth.user, target, requestMeta(request), {
        action: 'sign-in',
        entityType: 'user',
        entityId: auth.user.id,
        detail: { switchedTo: target.membershipId },
      });
      return presentSession({ ...auth, session: { ...auth.session, schemeId: target.schemeId, membershipId: target.membershipId }, membership: target });
    },
  );

  r.post(
    '/auth/mfa/verify',
    { schema: { tags, summary: 'Enter the security code from an authenticator app', body: mfaVerifyRequest, response: { 200: signInResponse } } },
    async (request) => {
      const auth = sessionCaller(request);
      await verifyMfa(ctx, auth, request.body.code, requestMeta(request));
      return { stage: 'active' as const, csrfToken: auth.session.csrfToken };
    },
  );

  r.post(
    '/auth/mfa/setup',
    { schema: { tags, summary: 'Start setting up two-step verification', response: { 200: mfaSetupResponse, 409: problem } } },
    async (request) => beginMfaSetup(ctx, sessionCaller(request)),
  );

  r.post(
    '/auth/mfa/enable',
    { schema: { tags, summary: 'Confirm two-step verification with a first code', body: mfaEnableRequest, response: { 200: signInResponse } } },
    async (request) => {
      const auth = sessionCaller(request);
      await enableMfa(ctx, auth, request.body.code, requestMeta(request));
      return { stage: 'active' as const, csrfToken: auth.session.csrfToken };
    },
  );

  r.post('/auth/sign-out', { schema: { tags, summary: 'Sign out of this device', response: { 204: z.null() } } }, async (request, reply) => {
    const auth = request.auth;
    if (auth?.kind === 'session') {
      await ctx.data.platform((tx) => deleteSession(tx, auth.session.idHash));
      if (auth.membership) {
        await auditAsUser(ctx, auth.user, auth.membership, requestMeta(request), { action: 'sign-out', entityType: 'user', entityId: auth.user.id });
      }
    }
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send(null);
  });

  r.post(
    '/auth/sign-out-everywhere',
    { schema: { tags, summary: 'Sign out of every device', response: { 204: z.null() } } },
    async (request, reply) => {
      const auth = sessionCaller(request);
      const ended = await ctx.data.platform((tx) => deleteAllSessions(tx, auth.user.id));
      if (auth.membership) {
        await auditAsUser(ctx, auth.user, auth.membership, requestMeta(request), {
          action: 'sign-out',
          entityType: 'user',
          entityId: auth.user.id,
          detail: { everywhere: true, sessions: ended },
        });
      }
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return reply.code(204).send(null);
    },
  );

  r.post(
    '/auth/password-reset',
    {
      schema: {
        tags,
        summary: 'Email a single-use password reset link',
        body: passwordResetRequest,
        response: { 202: z.object({ message: z.string() }) },
      },
    },
    async (request, reply) => {
      await requestPasswordReset(ctx, request.body.email, requestMeta(request));
      return reply.code(202).send({
        message: 'If that address has a Linkwell account, we have sent it a link to reset the password. The link works once.',
      });
    },
  );

  r.post(
    '/auth/password-reset/complete',
    { schema: { tags, summary: 'Choose a new password with a reset link', body: passwordResetComplete, response: { 204: z.null(), 400: problem } } },
    async (request, reply) => {
      if (request.auth?.kind === 'bearer') throw new AppError('forbidden', 'Not for API clients.');
      await completePasswordReset(ctx, request.body.token, request.body.password, requestMeta(request));
      return reply.code(204).send(null);
    },
  );
}
