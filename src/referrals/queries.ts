import { sql } from 'kysely';
import { REFERRAL_STATUS_LABELS, type FeedbackMilestone } from '../contracts/referral-codes.js';
import type { ReferralSummary } from '../contracts/referrals.js';
import type { SchemeScope } from '../data/access.js';
import type { ReferralRow } from '../db/schema.js';
import { ENGLAND_WALES_BANK_HOLIDAYS, firstContactTarget, londonDate, workingDaysBetween } from './domain/working-days.js';

/** Referral rows with what a list shows beside them, in one query (no query per row). */
export function summaryQuery(scope: SchemeScope) {
  return scope.db
    .selectFrom('referrals as r')
    .innerJoin('people as p', (join) => join.onRef('p.scheme_id', '=', 'r.scheme_id').onRef('p.id', '=', 'r.person_id'))
    .leftJoin('users as lw', 'lw.id', 'r.link_worker_id')
    .leftJoin('organisations as gp', (join) =>
      join.onRef('gp.scheme_id', '=', 'r.scheme_id').onRef('gp.ods_code', '=', 'p.gp_practice_ods').on('gp.kind', '=', 'gp_practice'),
    )
    .selectAll('r')
    .select([
      'p.given_name',
      'p.family_name',
      'p.gp_practice_ods',
      'lw.display_name as link_worker_name',
      'gp.name as practice_name',
      sql<boolean>`exists (select 1 from consents c where c.scheme_id = r.scheme_id and c.referral_id = r.id and c.withdrawn_at is not null)`.as(
        'consent_withdrawn',
      ),
      sql<boolean>`exists (
        select 1 from people d
        where d.scheme_id = p.scheme_id and d.id <> p.id and d.merged_into_id is null
          and ((p.nhs_number is not null and (d.nhs_number = p.nhs_number or d.claimed_nhs_number = p.nhs_number))
            or (p.claimed_nhs_number is not null and d.nhs_number = p.claimed_nhs_number)
            or (d.date_of_birth = p.date_of_birth and d.family_name_key = p.family_name_key and d.postcode = p.postcode
                and (p.nhs_number is null or d.nhs_number is null))))`.as('possible_duplicate'),
      sql<FeedbackMilestone[]>`array(select distinct f.milestone from referral_feedback f where f.scheme_id = r.scheme_id and f.referral_id = r.id order by 1)`.as(
        'feedback_sent',
      ),
    ])
    .where('r.scheme_id', '=', scope.schemeId);
}

type SummaryBuilder = ReturnType<typeof summaryQuery>;
export type SummaryRow = Awaited<ReturnType<SummaryBuilder['executeTakeFirstOrThrow']>>;

const asIso = (value: Date | string): string => (value instanceof Date ? value.toISOString() : new Date(value).toISOString());

export function presentSummary(row: SummaryRow, now: Date = new Date()): ReferralSummary {
  const received = row.received_at instanceof Date ? row.received_at : new Date(row.received_at);
  const waitingUntil = row.first_contact_at ?? now;
  return {
    id: row.id,
    reference: row.reference,
    status: row.status,
    statusLabel: REFERRAL_STATUS_LABELS[row.status],
    source: row.source,
    personName: `${row.given_name} ${row.family_name}`,
    practiceOds: row.gp_practice_ods,
    practiceName: row.practice_name,
    needs: row.needs,
    urgency: row.urgency,
    receivedAt: asIso(row.received_at),
    waitingWorkingDays: Math.max(0, workingDaysBetween(londonDate(received), londonDate(waitingUntil), ENGLAND_WALES_BANK_HOLIDAYS)),
    firstContactDue: row.first_contact_due,
    firstContactTarget: firstContactTargetOf(row, now),
    linkWorker: row.link_worker_id && row.link_worker_name ? { id: row.link_worker_id, name: row.link_worker_name } : null,
    consentWithdrawn: row.consent_withdrawn,
    possibleDuplicate: row.possible_duplicate,
    feedbackSent: row.feedback_sent,
  };
}

/** The target matters while the person waits for first contact, and as a record once made. */
export function firstContactTargetOf(row: Pick<ReferralRow, 'first_contact_due' | 'first_contact_at' | 'status'>, now: Date): ReferralSummary['firstContactTarget'] {
  if (!row.first_contact_due) return null;
  const waiting = row.status === 'received' || row.status === 'triaged' || row.status === 'accepted';
  if (!waiting && !row.first_contact_at) return null;
  return firstContactTarget({ dueDate: row.first_contact_due, firstContactAt: row.first_contact_at, now });
}
