import type { OnwardStatus } from '../../contracts/casework-codes.js';
import type { SchemeScope } from '../../data/access.js';
import { changeOnwardStatus } from './change-status.js';
import { serviceFacts } from './present.js';

/**
 * What a change to the referral itself means for its onward referrals, run by the referral's
 * own code in the same transaction. These are the system's steps, not the caller's: a referrer
 * who records a withdrawal of consent has no right over onward referrals, yet the sharing must
 * stop all the same. Nobody is emailed: the provider learns of it when it next looks, and a
 * message would only carry the person's business further.
 */

/** Marks a withdrawal for consent, so the provider loses sight of the details at once. */
export const CONSENT_WITHDRAWN_CODE = 'consent-withdrawn';
const CONSENT_REASON = 'The person withdrew their consent.';
const CLOSURE_REASON = 'The case was closed before the group replied.';

async function withdrawWhere(
  scope: SchemeScope,
  referralId: string,
  statuses: readonly OnwardStatus[],
  reason: string,
  statusReasonCode: string | undefined,
  now: Date,
): Promise<number> {
  // Ordered by id so that two runs over one referral take the row locks in the same order.
  const rows = await scope.db
    .selectFrom('onward_referrals')
    .selectAll()
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', referralId)
    .where('status', 'in', statuses)
    .orderBy('id')
    .forUpdate()
    .execute();
  for (const row of rows) {
    const service = await serviceFacts(scope, row.service_id, row.directory_organization_id);
    await changeOnwardStatus(scope, {
      row,
      event: { type: 'withdraw', reason },
      actor: 'system',
      statusReasonCode,
      expectedVersion: null,
      serviceName: service.name,
      now,
    });
  }
  return rows.length;
}

/** Consent withdrawn: every live onward referral ends now. Returns how many were withdrawn. */
export function endOnwardOnConsentWithdrawn(scope: SchemeScope, referralId: string, now: Date): Promise<number> {
  return withdrawWhere(scope, referralId, ['sent', 'accepted', 'waitlisted', 'attending'], CONSENT_REASON, CONSENT_WITHDRAWN_CODE, now);
}

/**
 * Case closed: a referral the group has not taken up yet is withdrawn, so it neither waits for
 * a reply nor nudges the group. A place already accepted carries on: the person may keep going.
 */
export function endPendingOnwardOnClosure(scope: SchemeScope, referralId: string, now: Date): Promise<number> {
  return withdrawWhere(scope, referralId, ['sent', 'waitlisted'], CLOSURE_REASON, undefined, now);
}
