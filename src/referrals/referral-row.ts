import type { SchemeScope } from '../data/access.js';
import type { ReferralRow } from '../db/schema.js';
import { notFound } from '../errors.js';

/** The referral's relation to the caller, for the policy's 'self' and 'own_organisation' rules. */
export function referralTarget(row: Pick<ReferralRow, 'referrer_user_id' | 'referrer_organisation_id'>): { userId?: string; organisationId?: string } {
  return { userId: row.referrer_user_id ?? undefined, organisationId: row.referrer_organisation_id ?? undefined };
}

/** The referral, locked for this transaction so concurrent changes queue behind each other. */
export async function lockReferral(scope: SchemeScope, referralId: string): Promise<ReferralRow> {
  const row = await scope.db.selectFrom('referrals').selectAll().where('scheme_id', '=', scope.schemeId).where('id', '=', referralId).forUpdate().executeTakeFirst();
  if (!row) throw notFound('The referral');
  return row;
}

/** The referral, locked, if the caller may change it (a referrer: only the referrals they made). */
export async function lockUpdatableReferral(scope: SchemeScope, referralId: string): Promise<ReferralRow> {
  scope.authorize('referral', 'update');
  const row = await lockReferral(scope, referralId);
  scope.authorize('referral', 'update', referralTarget(row));
  return row;
}
