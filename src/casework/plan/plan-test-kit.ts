import { expect } from 'vitest';
import { createTestUser, signInAs, type SignedIn, type TestApp } from '../../testing/app.js';
import type { CaseworkScheme } from '../test-kit.js';

export { auditActions, problemCode } from '../test-kit.js';

/** Helpers for the assessment and plan integration tests. */

/** Closes the case the way a link worker does: first contact, then close with a coded reason. */
export async function closeCase(t: TestApp, cw: CaseworkScheme): Promise<void> {
  for (const payload of [{ type: 'record_first_contact' }, { type: 'close', reasonCode: 'goals-met', outcomeSummary: 'Walking weekly with the group.' }]) {
    const res = await t.app.inject({ method: 'POST', url: `/api/referrals/${cw.referralId}/events`, headers: cw.worker.headers, payload });
    expect(res.statusCode, res.body).toBe(200);
  }
}

/** Everyone in the scheme who holds no casework: the referrer, both providers and a commissioner. */
export async function outsiders(t: TestApp, cw: CaseworkScheme): Promise<[string, SignedIn][]> {
  const commissioner = await signInAs(t.app, await createTestUser(t.ctx.data, cw.scheme, 'commissioner'));
  return [
    ['referrer', cw.referrer],
    ['provider', cw.provider],
    ['other provider', cw.otherProvider],
    ['commissioner', commissioner],
  ];
}
