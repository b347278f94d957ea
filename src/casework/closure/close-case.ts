import type { SchemeScope } from '../../data/access.js';
import { AppError } from '../../errors.js';
import type { ReferralDeps } from '../../referrals/feedback.js';
import { applyReferralEvent } from '../../referrals/transition-referral.js';
import { loadCase } from '../case-row.js';

/**
 * Closes a case with a coded reason and the outcome summary. It is the referral's own 'close'
 * event, so the timeline entry with its code, the referrer's feedback and the FHIR Task's
 * completion all follow from there, in this transaction. Nothing the person took part in is
 * removed: the assessments, plan, contacts and onward referrals stay on the record.
 */
export async function closeCase(
  scope: SchemeScope,
  deps: ReferralDeps,
  referralId: string,
  input: { reasonCode: string; outcomeSummary: string },
): Promise<{ status: 'closed' }> {
  scope.authorize('referral', 'triage');
  const row = await loadCase(scope, referralId, { lock: true });
  if (row.status === 'closed') {
    throw new AppError('conflict', 'This case is already closed. Reopen it from the referral page if the person needs more support.', { code: 'case-closed' });
  }
  await applyReferralEvent(scope, deps, referralId, { type: 'close', reasonCode: input.reasonCode, outcomeSummary: input.outcomeSummary });
  return { status: 'closed' };
}
