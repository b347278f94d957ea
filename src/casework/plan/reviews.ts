import { sql } from 'kysely';
import { publicUrl, type Config } from '../../config/index.js';
import type { DataAccess, SchemeScope } from '../../data/access.js';
import type { JobQueue } from '../../jobs/queue.js';
import { queueNotification } from '../../notifications/outbox.js';
import { consentWithdrawn } from '../../referrals/consent.js';
import { londonDate } from '../../referrals/domain/working-days.js';
import { dayMonth } from '../domain/dates.js';

/**
 * Goal review reminders: when an open goal's review date comes, its case's link worker gets one
 * email for that goal and that date (a new review date brings a new one). The email names the
 * referral only, never the person or the goal's words; the link takes the worker to the case.
 */

export const GOAL_REVIEW_KIND = 'goal-review';

interface DueGoal {
  goal_id: string;
  review_date: string;
  referral_id: string;
  reference: string;
  email: string;
}

async function dueGoals(scope: SchemeScope, today: string): Promise<DueGoal[]> {
  const rows = await scope.db
    .selectFrom('goals as g')
    .innerJoin('referrals as r', (j) => j.onRef('r.scheme_id', '=', 'g.scheme_id').onRef('r.id', '=', 'g.referral_id'))
    .innerJoin('users as u', 'u.id', 'r.link_worker_id')
    .leftJoin('casework_reminders as c', (j) =>
      j
        .onRef('c.scheme_id', '=', 'g.scheme_id')
        .on('c.kind', '=', GOAL_REVIEW_KIND)
        .onRef('c.subject_id', '=', 'g.id')
        .on('c.key', '=', sql<string>`g.review_date::text`),
    )
    .select(['g.id as goal_id', 'g.review_date', 'r.id as referral_id', 'r.reference', 'u.email'])
    .where('g.scheme_id', '=', scope.schemeId)
    .where('g.status', 'in', ['not_started', 'in_progress'])
    .where('g.review_date', '<=', today)
    .where('r.status', 'in', ['accepted', 'first_contact', 'active'])
    .where('u.status', '=', 'active')
    .where('c.subject_id', 'is', null)
    .orderBy('g.review_date')
    .orderBy('g.id')
    .execute();
  return rows.flatMap((row) => (row.review_date === null ? [] : [{ ...row, review_date: row.review_date }]));
}

async function remind(scope: SchemeScope, jobs: JobQueue, config: Config, goal: DueGoal, now: Date): Promise<void> {
  const notificationId = await queueNotification(scope, jobs, {
    channel: 'email',
    template: 'goal-review',
    recipient: goal.email,
    subject: `A goal is due for review: referral ${goal.reference}`,
    body: [
      `Referral ${goal.reference}`,
      '',
      `A goal in this person’s plan is due for review on ${dayMonth(goal.review_date, true)}.`,
      'Look at it together with them: how it is going, their own rating, and the next review date.',
      '',
      `Open the case: ${publicUrl(config)}/cases/${goal.referral_id}`,
    ].join('\n'),
    entityType: 'referral',
    entityId: goal.referral_id,
  });
  // Another run that recorded it first makes this one give way: the transaction rolls back and
  // nothing goes twice.
  const recorded = await scope.db
    .insertInto('casework_reminders')
    .values({ scheme_id: scope.schemeId, kind: GOAL_REVIEW_KIND, subject_id: goal.goal_id, key: goal.review_date, notification_id: notificationId, sent_at: now })
    .onConflict((oc) => oc.doNothing())
    .returning('subject_id')
    .executeTakeFirst();
  if (!recorded) throw new Error('A goal review run overlapped another; this one gives way');
}

/** One scheme's goal reviews, in one transaction. */
export async function remindGoalReviews(scope: SchemeScope, jobs: JobQueue, config: Config, now: Date): Promise<number> {
  let sent = 0;
  for (const goal of await dueGoals(scope, londonDate(now))) {
    // Once consent is withdrawn nothing more is done on the case but closing it.
    if (await consentWithdrawn(scope, goal.referral_id)) continue;
    await remind(scope, jobs, config, goal, now);
    sent += 1;
  }
  return sent;
}

/** Every scheme's goal reviews; each scheme in its own transaction, so one scheme's trouble stops no other. */
export async function sendGoalReviewReminders(data: DataAccess, jobs: JobQueue, config: Config, now: Date): Promise<{ sent: number }> {
  const schemes = await data.platform(async (tx) => (await sql<{ id: string }>`select id from linkwell_scheme_directory() where kind = 'scheme' order by id`.execute(tx)).rows);
  let sent = 0;
  const failures: unknown[] = [];
  for (const scheme of schemes) {
    try {
      sent += await data.inScheme({ type: 'system', schemeId: scheme.id, label: 'Goal review reminders' }, {}, (scope) => remindGoalReviews(scope, jobs, config, now));
    } catch (error) {
      failures.push(error);
    }
  }
  if (failures.length > 0) throw new AggregateError(failures, `Goal review reminders failed for ${failures.length} scheme(s)`);
  return { sent };
}
