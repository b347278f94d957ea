import type { SchemeScope } from '../data/access.js';
import { AppError } from '../errors.js';
import { actorLabel, recordEvent } from './timeline.js';
import { lockReferral } from './referral-row.js';
import { sql } from 'kysely';

/** A link worker may accept someone the screen found ineligible, saying who and why. */
export async function overrideEligibility(scope: SchemeScope, referralId: string, reason: string): Promise<void> {
  scope.authorize('referral', 'triage');
  const row = await lockReferral(scope, referralId);
  const outcome = (row.eligibility as { outcome?: string }).outcome;
  if (outcome === 'eligible') throw new AppError('conflict', 'The screen found this person eligible: there is nothing to override.', { code: 'already-eligible' });
  const by = actorLabel(scope.actor);
  await scope.db
    .updateTable('referrals')
    .set({ eligibility_override_reason: reason, eligibility_override_by: by, version: sql<number>`version + 1`, updated_at: new Date() })
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', referralId)
    .execute();
  await recordEvent(scope, { referralId, kind: 'eligibility-override', reason, detail: { outcome } });
  await scope.audit({ action: 'update', entityType: 'referral', entityId: referralId, reason, detail: { eligibilityOverride: true } });
}
