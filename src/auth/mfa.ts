import type { AppContext } from '../app-context.js';
import type { RequestMeta } from '../data/access.js';
import { AppError, validationError } from '../errors.js';
import type { MembershipView } from './memberships.js';
import { updateSessionStage, type SessionRecord } from './sessions.js';
import { auditAsUser } from './sign-in.js';
import { clearFailures, mfaKey, recordFailure, secondsLocked } from './throttle-store.js';
import { newTotpSecret, otpauthUrl, verifyTotp } from './totp.js';

const MFA_POLICY = { maxFailures: 5, windowMinutes: 15, lockMinutes: 15 };

const wrongCode = () => validationError([{ field: 'body.code', message: 'The security code is not correct. Enter the latest code from your app.' }], 'The security code is not correct.');

interface MfaCaller {
  session: SessionRecord;
  user: { id: string; displayName: string; email: string };
  membership: MembershipView | null;
}

/**
 * Checks a code against the user's secret, refusing one already used (a code seen over a
 * shoulder cannot be replayed within its 30 seconds) and counting failures toward a lock.
 */
async function checkCode(ctx: AppContext, userId: string, code: string, secretColumn: 'totp_secret'): Promise<void> {
  await ctx.data.platform(async (tx) => {
    const locked = await secondsLocked(tx, mfaKey(userId));
    if (locked > 0) {
      throw new AppError('locked', 'Too many wrong codes. Wait 15 minutes and try again.', { retryAfterSeconds: locked });
    }
    // Lock the row so two requests with the same code cannot both pass.
    const user = await tx
      .selectFrom('users')
      .select([secretColumn, 'totp_last_step'])
      .where('id', '=', userId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const secret = user[secretColumn];
    const step = secret ? verifyTotp(secret, code, Date.now() / 1000) : null;
    if (step === null || (user.totp_last_step !== null && step <= user.totp_last_step)) {
      await recordFailure(tx, mfaKey(userId), MFA_POLICY);
      return false;
    }
    await tx.updateTable('users').set({ totp_last_step: step }).where('id', '=', userId).execute();
    await clearFailures(tx, mfaKey(userId));
    return true;
  }).then((ok) => {
    if (!ok) throw wrongCode();
  });
}

export async function verifyMfa(ctx: AppContext, caller: MfaCaller, code: string, meta: RequestMeta): Promise<void> {
  if (caller.session.stage !== 'mfa') throw new AppError('conflict', 'No security code is needed now.');
  await checkCode(ctx, caller.user.id, code, 'totp_secret');
  await ctx.data.platform((tx) => updateSessionStage(tx, caller.session.idHash, 'active'));
  if (caller.membership) {
    await auditAsUser(ctx, caller.user, caller.membership, meta, { action: 'mfa', entityType: 'user', entityId: caller.user.id, detail: { step: 'verified' } });
  }
}

/** Starts set-up: a fresh secret, kept but not in force until a code from it is entered. */
export async function beginMfaSetup(ctx: AppContext, caller: MfaCaller): Promise<{ secret: string; otpauthUrl: string }> {
  if (caller.session.stage === 'mfa') throw new AppError('unauthenticated', 'Enter your security code first.');
  const secret = newTotpSecret();
  const enabled = await ctx.data.platform(async (tx) => {
    const user = await tx.selectFrom('users').select('mfa_enabled').where('id', '=', caller.user.id).executeTakeFirstOrThrow();
    if (user.mfa_enabled) return true;
    await tx.updateTable('users').set({ totp_secret: secret, totp_last_step: null }).where('id', '=', caller.user.id).execute();
    return false;
  });
  if (enabled) throw new AppError('conflict', 'Two-step verification is already set up for this account.');
  return { secret, otpauthUrl: otpauthUrl(secret, caller.user.email) };
}

export async function enableMfa(ctx: AppContext, caller: MfaCaller, code: string, meta: RequestMeta): Promise<void> {
  if (caller.session.stage === 'mfa') throw new AppError('unauthenticated', 'Enter your security code first.');
  await checkCode(ctx, caller.user.id, code, 'totp_secret');
  await ctx.data.platform(async (tx) => {
    await tx.updateTable('users').set({ mfa_enabled: true }).where('id', '=', caller.user.id).execute();
    await updateSessionStage(tx, caller.session.idHash, 'active');
  });
  if (caller.membership) {
    await auditAsUser(ctx, caller.user, caller.membership, meta, { action: 'update', entityType: 'user', entityId: caller.user.id, detail: { mfa: 'enabled' } });
  }
}
