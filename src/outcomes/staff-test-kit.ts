import type { ReferralDetail } from '../contracts/referrals.js';
import { createTestScheme, createTestUser, signInAs, type SignedIn, type TestApp, type TestScheme } from '../testing/app.js';
import { referralBody } from '../testing/referrals.js';

/** Factories for the outcomes integration tests: a scheme with staff and a referred person, and answers. */

export interface OutcomesScheme {
  scheme: TestScheme;
  worker: SignedIn;
  workerId: string;
  manager: SignedIn;
  referrer: SignedIn;
  personId: string;
  referralId: string;
}

export async function outcomesScheme(t: TestApp, person: Record<string, unknown> = {}): Promise<OutcomesScheme> {
  const scheme = await createTestScheme(t.ctx.data);
  const workerUser = await createTestUser(t.ctx.data, scheme, 'link_worker');
  const worker = await signInAs(t.app, workerUser);
  const manager = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'scheme_manager'));
  const referrer = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'referrer'));
  const made = await t.app.inject({ method: 'POST', url: '/api/referrals', headers: referrer.headers, payload: referralBody({ person }) });
  if (made.statusCode !== 201) throw new Error(`referral failed: ${made.statusCode} ${made.body}`);
  const detail = made.json<ReferralDetail>();
  return { scheme, worker, workerId: workerUser.userId, manager, referrer, personId: detail.person.id, referralId: detail.id };
}

/** The seven SWEMWBS items, in the scale's order. */
export const SWEMWBS_ITEMS = ['wemwbs_1', 'wemwbs_2', 'wemwbs_3', 'wemwbs_6', 'wemwbs_7', 'wemwbs_9', 'wemwbs_11'] as const;

/** Answers (each 1–5) whose sum is the raw score asked for: every item starts at 1 and the rest is spread. */
export function swemwbsAnswers(raw: number): { values: Record<string, number>; names: Record<string, string> } {
  if (raw < 7 || raw > 35) throw new Error(`SWEMWBS raw scores run from 7 to 35, not ${raw}`);
  let left = raw - 7;
  const values: Record<string, number> = {};
  for (const key of SWEMWBS_ITEMS) {
    const extra = Math.min(4, left);
    values[key] = 1 + extra;
    left -= extra;
  }
  return { values, names: {} };
}

export const daysAgo = (days: number): string => new Date(Date.now() - days * 86_400_000).toISOString();
