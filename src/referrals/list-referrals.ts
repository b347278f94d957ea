import type { z } from 'zod';
import type { referralListQuery, ReferralList } from '../contracts/referrals.js';
import { ruleFor } from '../auth/policy.js';
import { roleOf, type SchemeScope } from '../data/access.js';
import { forbidden } from '../errors.js';
import { presentSummary, summaryQuery } from './queries.js';

/**
 * The referrals the caller may list, newest first. The policy's relationship rule becomes the
 * filter: 'self' = referrals they made, 'own_organisation' = their organisation's.
 */
export async function listReferrals(scope: SchemeScope, query: z.infer<typeof referralListQuery>): Promise<ReferralList> {
  scope.authorize('referral', 'list');
  const role = roleOf(scope.actor);
  const rule = role ? ruleFor(role, 'referral', 'list') : undefined;
  let base = summaryQuery(scope);
  if (rule === 'self') {
    if (scope.actor.type !== 'user') throw forbidden();
    base = base.where('r.referrer_user_id', '=', scope.actor.userId);
  } else if (rule === 'own_organisation') {
    if (scope.actor.type !== 'user' && scope.actor.type !== 'client') throw forbidden();
    base = base.where('r.referrer_organisation_id', '=', scope.actor.organisationId);
  }
  if (query.status) base = base.where('r.status', '=', query.status);
  const total = await base
    .clearSelect()
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await base
    .orderBy('r.received_at', 'desc')
    .orderBy('r.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  await scope.audit({ action: 'read', entityType: 'referral', detail: { list: true, count: rows.length, ids: rows.map((r) => r.id) } });
  const now = new Date();
  return { items: rows.map((row) => presentSummary(row, now)), page: query.page, pageSize: query.pageSize, total: Number(total.n) };
}
