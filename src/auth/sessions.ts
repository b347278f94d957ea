import type { Config } from '../config/index.js';
import type { Tx } from '../data/access.js';
import { hashSecret, newSecret } from './tokens.js';

export type SessionStage = 'mfa' | 'mfa_setup' | 'active';

export interface SessionRecord {
  idHash: string;
  userId: string;
  schemeId: string | null;
  membershipId: string | null;
  stage: SessionStage;
  csrfToken: string;
}

export const SESSION_COOKIE = 'lw_session';

export async function createSession(
  tx: Tx,
  config: Config,
  input: { userId: string; schemeId: string | null; membershipId: string | null; stage: SessionStage; ip?: string | undefined },
): Promise<{ cookieValue: string; session: SessionRecord }> {
  const cookieValue = newSecret();
  const session: SessionRecord = {
    idHash: hashSecret(cookieValue),
    userId: input.userId,
    schemeId: input.schemeId,
    membershipId: input.membershipId,
    stage: input.stage,
    csrfToken: newSecret(24),
  };
  await tx
    .insertInto('sessions')
    .values({
      id_hash: session.idHash,
      user_id: session.userId,
      scheme_id: session.schemeId,
      membership_id: session.membershipId,
      stage: session.stage,
      csrf_token: session.csrfToken,
      ip: input.ip ?? null,
      expires_at: new Date(Date.now() + config.SESSION_TTL_HOURS * 3_600_000),
    })
    .execute();
  return { cookieValue, session };
}

/** Finds a live session and marks it used; idle or expired sessions are removed. */
export async function findSession(tx: Tx, config: Config, cookieValue: string): Promise<SessionRecord | null> {
  const idHash = hashSecret(cookieValue);
  const row = await tx.selectFrom('sessions').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  if (!row) return null;
  const now = Date.now();
  const idleLimit = row.last_seen_at.getTime() + config.SESSION_IDLE_MINUTES * 60_000;
  if (row.expires_at.getTime() <= now || idleLimit <= now) {
    await tx.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
    return null;
  }
  // Touch at most once a minute: a page load makes several requests.
  if (now - row.last_seen_at.getTime() > 60_000) {
    await tx.updateTable('sessions').set({ last_seen_at: new Date(now) }).where('id_hash', '=', idHash).execute();
  }
  return {
    idHash,
    userId: row.user_id,
    schemeId: row.scheme_id,
    membershipId: row.membership_id,
    stage: row.stage,
    csrfToken: row.csrf_token,
  };
}

export async function updateSessionStage(tx: Tx, idHash: string, stage: SessionStage): Promise<void> {
  await tx.updateTable('sessions').set({ stage }).where('id_hash', '=', idHash).execute();
}

export async function deleteSession(tx: Tx, idHash: string): Promise<void> {
  await tx.deleteFrom('sessions').where('id_hash', '=', idHash).execute();
}

/** Sign out everywhere: every session of the user, on every device. */
export async function deleteAllSessions(tx: Tx, userId: string): Promise<number> {
  const result = await tx.deleteFrom('sessions').where('user_id', '=', userId).executeTakeFirst();
  return Number(result.numDeletedRows);
}

export function cookieOptions(config: Config, secureRequest: boolean) {
  const secure = config.COOKIE_SECURE === 'always' || (config.COOKIE_SECURE === 'auto' && secureRequest);
  return {
    path: '/',
    httpOnly: true,
    sameSite: 'lax' as const,
    secure,
    maxAge: config.SESSION_TTL_HOURS * 3600,
  };
}
