import { sql } from 'kysely';
import type { DataAccess } from '../data/access.js';
import { hashSecret } from '../auth/tokens.js';
import { AppError } from '../errors.js';

/**
 * Flood control for public forms: a fixed window per key, counted in one atomic upsert so
 * concurrent requests cannot all slip under the limit. Keys are hashed: no address is stored.
 */
export async function takeSubmissionSlot(data: DataAccess, rawKey: string, limit: number, windowMinutes: number): Promise<void> {
  const key = hashSecret(rawKey);
  const window = `${windowMinutes} minutes`;
  const row = await data.platform(async (tx) => {
    const { rows } = await sql<{ count: number; window_started_at: Date }>`
      insert into submission_throttle (key, count, window_started_at) values (${key}, 1, now())
      on conflict (key) do update set
        count = case when submission_throttle.window_started_at < now() - ${window}::interval then 1 else submission_throttle.count + 1 end,
        window_started_at = case when submission_throttle.window_started_at < now() - ${window}::interval then now() else submission_throttle.window_started_at end
      returning count, window_started_at`.execute(tx);
    return rows[0];
  });
  if (row && row.count > limit) {
    const endsAt = new Date(row.window_started_at).getTime() + windowMinutes * 60_000;
    const wait = Math.max(1, Math.ceil((endsAt - Date.now()) / 1000));
    const minutes = Math.ceil(wait / 60);
    throw new AppError(
      'too-many-requests',
      `Too many referrals have been sent from this connection. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and send the form again: your answers are kept.`,
      { retryAfterSeconds: wait, code: 'throttled' },
    );
  }
}
