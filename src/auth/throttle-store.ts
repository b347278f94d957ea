import type { Tx } from '../data/access.js';
import { afterFailure, lockedFor, type ThrottlePolicy, type ThrottleState } from './lockout.js';
import { hashSecret } from './tokens.js';

/** Keys never hold an address in clear: the email is hashed before it is stored. */
export const emailKey = (email: string): string => `email:${hashSecret(email.trim().toLowerCase())}`;
export const ipKey = (ip: string): string => `ip:${ip}`;
export const mfaKey = (userId: string): string => `mfa:${userId}`;

async function load(tx: Tx, key: string): Promise<ThrottleState | undefined> {
  const row = await tx.selectFrom('login_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  return row ? { failures: row.failures, windowStartedAt: row.window_started_at, lockedUntil: row.locked_until } : undefined;
}

/** Seconds until the key may try again; 0 when it may try now. */
export async function secondsLocked(tx: Tx, key: string, now = new Date()): Promise<number> {
  return lockedFor(await load(tx, key), now);
}

export async function recordFailure(tx: Tx, key: string, policy: ThrottlePolicy, now = new Date()): Promise<ThrottleState> {
  const next = afterFailure(await load(tx, key), now, policy);
  await tx
    .insertInto('login_throttle')
    .values({ key, failures: next.failures, window_started_at: next.windowStartedAt, locked_until: next.lockedUntil })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: next.failures,
        window_started_at: next.windowStartedAt,
        locked_until: next.lockedUntil,
      }),
    )
    .execute();
  return next;
}

export async function clearFailures(tx: Tx, key: string): Promise<void> {
  await tx.deleteFrom('login_throttle').where('key', '=', key).execute();
}
