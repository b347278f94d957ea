import type { AppContext } from '../app-context.js';
import type { Actor, AuditEntry, RequestMeta } from '../data/access.js';
import { AppError } from '../errors.js';
import { membershipsOf, type MembershipView } from './memberships.js';
import { verifyPassword } from './passwords.js';
import { createSession, type SessionRecord, type SessionStage } from './sessions.js';
import { clearFailures, emailKey, ipKey, recordFailure, secondsLocked } from './throttle-store.js';

export const PLATFORM_SCHEME_ID = '00000000-0000-0000-0000-000000000000';

/** Per caller address: generous, to stop a flood without locking out a busy practice's NAT. */
const IP_POLICY = { maxFailures: 50, windowMinutes: 15, lockMinutes: 15 };

export interface SignInResult {
  cookieValue: string;
  session: SessionRecord;
}

const wrongCredentials = () =>
  new AppError('unauthenticated', 'Enter a correct email address and password.', { code: 'invalid-credentials' });

function lockedError(seconds: number): AppError {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return new AppError(
    'locked',
    `There have been too many attempts to sign in. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again, or reset your password.`,
    { retryAfterSeconds: seconds, code: 'locked' },
  );
}

/** The membership a new session starts in: a scheme before the platform. */
export function defaultMembership(memberships: MembershipView[]): MembershipView | null {
  return memberships.find((m) => m.schemeKind === 'scheme') ?? memberships[0] ?? null;
}

export function stageAfterPassword(mfaEnabled: boolean, memberships: MembershipView[]): SessionStage {
  if (mfaEnabled) return 'mfa';
  return memberships.some((m) => m.requireMfa) ? 'mfa_setup' : 'active';
}

export function userActor(user: { id: string; display_name: string }, membership: MembershipView): Actor {
  return {
    type: 'user',
    schemeId: membership.schemeId,
    userId: user.id,
    label: user.display_name,
    role: membership.role,
    membershipId: membership.membershipId,
    organisationId: membership.organisationId,
  };
}

/** Writes one audit row as a signed-in user in the scheme of the membership they act in. */
export async function auditAsUser(
  ctx: AppContext,
  user: { id: string; displayName: string },
  membership: MembershipView,
  meta: RequestMeta,
  entry: AuditEntry,
): Promise<void> {
  await ctx.data.inScheme(userActor({ id: user.id, display_name: user.displayName }, membership), meta, (scope) => scope.audit(entry));
}

/**
 * Email and password sign-in. The password check runs outside any transaction (argon2 takes
 * tens of milliseconds and the embedded database has one connection); the outcome — failure
 * counts or the new session — and its audit row are then written together.
 */
export async function signIn(ctx: AppContext, input: { email: string; password: string }, meta: RequestMeta): Promise<SignInResult> {
  const policy = {
    maxFailures: ctx.config.LOGIN_MAX_FAILURES,
    windowMinutes: ctx.config.LOGIN_LOCKOUT_MINUTES,
    lockMinutes: ctx.config.LOGIN_LOCKOUT_MINUTES,
  };
  const byEmail = emailKey(input.email);
  const byIp = ipKey(meta.ip ?? 'unknown');
  const user = await ctx.data.platform(async (tx) => {
    const ipLock = await secondsLocked(tx, byIp);
    if (ipLock > 0) {
      throw new AppError('too-many-requests', 'Too many sign-in attempts from this network. Try again later.', {
        retryAfterSeconds: ipLock,
      });
    }
    const emailLock = await secondsLocked(tx, byEmail);
    if (emailLock > 0) throw lockedError(emailLock);
    return tx
      .selectFrom('users')
      .select(['id', 'display_name', 'password_hash', 'mfa_enabled', 'status'])
      .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.trim().toLowerCase()))
      .executeTakeFirst();
  });

  const passwordOk = await verifyPassword(user?.password_hash ?? null, input.password);
  const memberships = user ? await ctx.data.platform((tx) => membershipsOf(tx, user.id)) : [];
  const membership = defaultMembership(memberships);

  if (!user || !passwordOk || user.status !== 'active' || !membership) {
    const state = await ctx.data.platform(async (tx) => {
      await recordFailure(tx, byIp, IP_POLICY);
      return recordFailure(tx, byEmail, policy);
    });
    const schemeId = membership?.schemeId ?? PLATFORM_SCHEME_ID;
    await ctx.data.inScheme({ type: 'anonymous', schemeId }, meta, (scope) =>
      scope.audit({
        action: 'sign-in-failed',
        entityType: 'user',
        entityId: user?.id,
        detail: { reason: !user ? 'unknown-account' : !passwordOk ? 'wrong-password' : 'no-active-membership' },
      }),
    );
    if (state.lockedUntil) throw lockedError(Math.ceil((state.lockedUntil.getTime() - Date.now()) / 1000));
    throw wrongCredentials();
  }

  const stage = stageAfterPassword(user.mfa_enabled, memberships);
  const created = await ctx.data.platform(async (tx) => {
    await clearFailures(tx, byEmail);
    return createSession(tx, ctx.config, {
      userId: user.id,
      schemeId: membership.schemeId,
      membershipId: membership.membershipId,
      stage,
      ip: meta.ip,
    });
  });
  await auditAsUser(ctx, { id: user.id, displayName: user.display_name }, membership, meta, {
    action: 'sign-in',
    entityType: 'user',
    entityId: user.id,
    detail: { stage },
  });
  return created;
}
