import { sql } from 'kysely';
import type { z } from 'zod';
import type { TriageQueue, triageQuery } from '../contracts/referrals.js';
import type { SchemeScope } from '../data/access.js';
import type { ReferralDeps } from './feedback.js';
import { presentSummary, summaryQuery } from './queries.js';
import { applyReferralEvent } from './transition-referral.js';

/** The scheme's triage queue: referrals waiting for a decision, oldest first, with caseloads. */
export async function triageQueue(scope: SchemeScope, filters: z.infer<typeof triageQuery>): Promise<TriageQueue> {
  scope.authorize('referral', 'triage');
  let query = summaryQuery(scope).where('r.status', 'in', ['received', 'triaged']);
  if (filters.practice) query = query.where('p.gp_practice_ods', '=', filters.practice);
  if (filters.urgency) query = query.where('r.urgency', '=', filters.urgency);
  if (filters.need) query = query.where(sql<boolean>`${filters.need} = any(r.needs)`);
  const rows = await query.orderBy('r.received_at').orderBy('r.id').limit(500).execute();
  const practices = await scope.db
    .selectFrom('referrals as r')
    .innerJoin('people as p', (join) => join.onRef('p.scheme_id', '=', 'r.scheme_id').onRef('p.id', '=', 'r.person_id'))
    .select('p.gp_practice_ods')
    .distinct()
    .where('r.scheme_id', '=', scope.schemeId)
    .where('r.status', 'in', ['received', 'triaged'])
    .where('p.gp_practice_ods', 'is not', null)
    .orderBy('p.gp_practice_ods')
    .execute();
  await scope.audit({ action: 'read', entityType: 'referral', detail: { list: 'triage', count: rows.length, ids: rows.map((r) => r.id) } });
  const now = new Date();
  return {
    items: rows.map((row) => presentSummary(row, now)),
    total: rows.length,
    caseloads: await caseloads(scope),
    practices: practices.flatMap((p) => (p.gp_practice_ods ? [p.gp_practice_ods] : [])),
  };
}

/** Every link worker of the scheme with the number of people on their caseload now. */
export async function caseloads(scope: SchemeScope): Promise<TriageQueue['caseloads']> {
  const rows = await scope.db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select((eb) => [
      'u.id',
      'u.display_name',
      eb
        .selectFrom('referrals as r')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('r.scheme_id', '=', 'm.scheme_id')
        .whereRef('r.link_worker_id', '=', 'u.id')
        .where('r.status', 'in', ['accepted', 'first_contact', 'active'])
        .as('caseload'),
    ])
    .distinct()
    .where('m.scheme_id', '=', scope.schemeId)
    .where('m.role', '=', 'link_worker')
    .where('u.status', '=', 'active')
    .orderBy('u.display_name')
    .execute();
  return rows.map((r) => ({ linkWorkerId: r.id, name: r.display_name, caseload: Number(r.caseload ?? 0) }));
}

/**
 * Allocates several referrals to one link worker: all of them, or none if any cannot be. The
 * rows are locked in one fixed order (by id), so two bulk allocations that share referrals
 * queue behind each other instead of deadlocking.
 */
export async function allocateMany(scope: SchemeScope, deps: ReferralDeps, referralIds: string[], linkWorkerId: string): Promise<string[]> {
  const unique = [...new Set(referralIds)];
  const references = new Map<string, string>();
  for (const id of [...unique].sort()) {
    const row = await applyReferralEvent(scope, deps, id, { type: 'allocate', linkWorkerId });
    references.set(id, row.reference);
  }
  return unique.map((id) => references.get(id) ?? '');
}
