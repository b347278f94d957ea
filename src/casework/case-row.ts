import type { ReferralStatus } from '../contracts/referral-codes.js';
import type { SchemeScope } from '../data/access.js';
import { AppError, notFound } from '../errors.js';
import { consentWithdrawn } from '../referrals/consent.js';
import { onCaseload } from '../referrals/domain/lifecycle.js';

/** The facts of a case (an accepted referral) that casework needs. */
export interface CaseRow {
  id: string;
  reference: string;
  personId: string;
  status: ReferralStatus;
  linkWorkerId: string | null;
  closedAt: Date | null;
}

/**
 * A referral as a case. Casework exists only from acceptance on: a referral still waiting in
 * triage (or declined, redirected, not eligible) is not found here. `lock` takes the row lock,
 * so that two changes to one case queue behind each other. The caller authorizes first.
 */
export async function loadCase(scope: SchemeScope, referralId: string, options: { lock?: boolean } = {}): Promise<CaseRow> {
  let query = scope.db
    .selectFrom('referrals')
    .select(['id', 'reference', 'person_id', 'status', 'link_worker_id', 'closed_at'])
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', referralId);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row || !(onCaseload(row.status) || row.status === 'closed')) throw notFound('The case');
  return { id: row.id, reference: row.reference, personId: row.person_id, status: row.status, linkWorkerId: row.link_worker_id, closedAt: row.closed_at };
}

/**
 * A case that can still be worked on: open, and with the person's consent standing. A closed
 * case keeps everything it holds but takes nothing new until it is reopened.
 */
export async function loadOpenCase(scope: SchemeScope, referralId: string): Promise<CaseRow> {
  const row = await loadCase(scope, referralId, { lock: true });
  if (row.status === 'closed') {
    throw new AppError('conflict', 'This case is closed. Reopen it from the referral page before adding to it.', { code: 'case-closed' });
  }
  if (await consentWithdrawn(scope, row.id)) {
    throw new AppError('conflict', 'The person withdrew their consent, so nothing more can be recorded or shared. The case can only be closed.', { code: 'consent-withdrawn' });
  }
  return row;
}

/** The label written beside a change: who made it. */
export function actorName(scope: SchemeScope): string {
  switch (scope.actor.type) {
    case 'user':
    case 'client':
    case 'system':
      return scope.actor.label;
    case 'anonymous':
      return 'Unknown';
    default: {
      const unreachable: never = scope.actor;
      return unreachable;
    }
  }
}

export const actorUserId = (scope: SchemeScope): string | null => (scope.actor.type === 'user' ? scope.actor.userId : null);
