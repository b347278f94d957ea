import { publicUrl } from '../config/index.js';
import type { AppContext } from '../app-context.js';
import type { RequestMeta } from '../data/access.js';
import { validationError } from '../errors.js';
import { queueNotification } from '../notifications/outbox.js';
import { membershipsOf } from './memberships.js';
import { hashPassword } from './passwords.js';
import { deleteAllSessions } from './sessions.js';
import { defaultMembership, PLATFORM_SCHEME_ID } from './sign-in.js';
import { clearFailures, emailKey, ipKey, recordFailure, secondsLocked } from './throttle-store.js';
import { hashSecret, newSecret } from './tokens.js';

const REQUEST_POLICY = { maxFailures: 20, windowMinutes: 60, lockMinutes: 60 };

/**
 * Sends a single-use link that expires. The answer is the same whether or not the address has
 * an account, so the form cannot be used to find out who works here.
 */
export async function requestPasswordReset(ctx: AppContext, email: string, meta: RequestMeta): Promise<void> {
  const throttle = `reset-${ipKey(meta.ip ?? 'unknown')}`;
  const user = await ctx.data.platform(async (tx) => {
    if ((await secondsLocked(tx, throttle)) > 0) return undefined;
    await recordFailure(tx, throttle, REQUEST_POLICY);
    return tx
      .selectFrom('users')
      .select(['id', 'email', 'display_name', 'status'])
      .where((eb) => eb(eb.fn('lower', ['email']), '=', email.trim().toLowerCase()))
      .executeTakeFirst();
  });
  if (!user || user.status !== 'active') return;

  const token = newSecret();
  const minutes = ctx.config.PASSWORD_RESET_TTL_MINUTES;
  const membership = await ctx.data.platform(async (tx) => {
    await tx
      .insertInto('password_reset_tokens')
      .values({ token_hash: hashSecret(token), user_id: user.id, expires_at: new Date(Date.now() + minutes * 60_000) })
      .execute();
    return defaultMembership(await membershipsOf(tx, user.id));
  });
  const schemeId = membership?.schemeId ?? PLATFORM_SCHEME_ID;
  const link = `${publicUrl(ctx.config)}/reset-password?token=${token}`;
  await ctx.data.inScheme({ type: 'system', schemeId, label: 'password reset' }, meta, async (scope) => {
    await queueNotification(scope, ctx.jobs, {
      channel: 'email',
      template: 'password-reset',
      recipient: user.email,
      subject: 'Reset your Linkwell password',
      body: [
        `Dear ${user.display_name},`,
        '',
        `Someone asked to reset the password for your Linkwell account. To choose a new password, open this link within ${minutes} minutes:`,
        link,
        '',
        'The link works once. If you did not ask for this, you can ignore this email: your password has not changed.',
      ].join('\n'),
      entityType: 'user',
      entityId: user.id,
    });
    await scope.audit({ action: 'password-reset', entityType: 'user', entityId: user.id, detail: { step: 'requested' } });
  });
}

export async function completePasswordReset(ctx: AppContext, token: string, password: string, meta: RequestMeta): Promise<void> {
  const passwordHash = await hashPassword(password);
  const outcome = await ctx.data.platform(async (tx) => {
    // Marking the token used and changing the password happen together, so a link works once.
    const row = await tx
      .updateTable('password_reset_tokens')
      .set({ used_at: new Date() })
      .where('token_hash', '=', hashSecret(token))
      .where('used_at', 'is', null)
      .where('expires_at', '>', new Date())
      .returning('user_id')
      .executeTakeFirst();
    if (!row) return null;
    const user = await tx
      .updateTable('users')
      .set({ password_hash: passwordHash, password_changed_at: new Date() })
      .where('id', '=', row.user_id)
      .returning(['id', 'email'])
      .executeTakeFirstOrThrow();
    // A new password ends every session: whoever else was signed in is signed out.
    await deleteAllSessions(tx, user.id);
    await clearFailures(tx, emailKey(user.email));
    return { userId: user.id, membership: defaultMembership(await membershipsOf(tx, user.id)) };
  });
  if (!outcome) {
    throw validationError(
      [{ field: 'body.token', message: 'This link has expired or has already been used. Ask for a new one.' }],
      'This link has expired or has already been used.',
    );
  }
  await ctx.data.inScheme(
    { type: 'system', schemeId: outcome.membership?.schemeId ?? PLATFORM_SCHEME_ID, label: 'password reset' },
    meta,
    (scope) =>
      scope.audit({ action: 'password-reset', entityType: 'user', entityId: outcome.userId, detail: { step: 'completed' } }),
  );
}
