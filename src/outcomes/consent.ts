import { sql, type RawBuilder } from 'kysely';

/**
 * Whether the consent that stands for the referral aliased `r` has been withdrawn, read as
 * src/referrals/consent.ts reads it: the latest consent recorded decides. A referral with no
 * consent recorded has nothing withdrawn. For use in a select over `referrals as r`.
 */
export function consentWithdrawnOfR(): RawBuilder<boolean> {
  return sql<boolean>`coalesce((select c.withdrawn_at is not null from consents c where c.scheme_id = r.scheme_id and c.referral_id = r.id order by c.recorded_at desc, c.id desc limit 1), false)`;
}
