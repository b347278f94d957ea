import type { PlanCopy } from '../../contracts/plan-copy.js';
import type { SchemeScope } from '../../data/access.js';
import { AppError } from '../../errors.js';
import type { JobQueue } from '../../jobs/queue.js';
import { queueNotification } from '../../notifications/outbox.js';
import { londonDate } from '../../referrals/domain/working-days.js';
import { loadCase, loadOpenCase, type CaseRow } from '../case-row.js';
import { buildPlanCopy } from './copy-text.js';
import { stepsOf } from './present.js';

/** The person's own copy of their plan: to print, or emailed to them when they want it. */

async function copyFor(scope: SchemeScope, kase: CaseRow, now: Date): Promise<PlanCopy> {
  const person = await scope.db
    .selectFrom('people')
    .select(['given_name', 'family_name', 'preferred_name'])
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', kase.personId)
    .executeTakeFirstOrThrow();
  const scheme = await scope.db.selectFrom('schemes').select('name').where('id', '=', scope.schemeId).executeTakeFirstOrThrow();
  const worker = kase.linkWorkerId === null ? undefined : await scope.db.selectFrom('users').select('display_name').where('id', '=', kase.linkWorkerId).executeTakeFirst();
  const contact = await scope.db.selectFrom('directory_settings').select(['contact_email', 'contact_phone']).where('scheme_id', '=', scope.schemeId).executeTakeFirst();
  const latest = await scope.db
    .selectFrom('assessments')
    .select('what_matters')
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', kase.id)
    .orderBy('number', 'desc')
    .limit(1)
    .executeTakeFirst();
  const goals = await scope.db
    .selectFrom('goals')
    .select(['title', 'status', 'steps', 'target_date', 'review_date'])
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', kase.id)
    .orderBy('position')
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return buildPlanCopy({
    personName: `${person.preferred_name ?? person.given_name} ${person.family_name}`,
    schemeName: scheme.name,
    linkWorkerName: worker?.display_name ?? null,
    preparedOn: londonDate(now),
    whatMatters: latest?.what_matters ?? null,
    goals: goals.map((g) => ({ title: g.title, status: g.status, steps: stepsOf(g.steps), targetDate: g.target_date, reviewDate: g.review_date })),
    contactEmail: contact?.contact_email ?? null,
    contactPhone: contact?.contact_phone ?? null,
  });
}

export async function getPlanCopy(scope: SchemeScope, referralId: string, now: Date): Promise<PlanCopy> {
  scope.authorize('care_plan', 'export');
  const kase = await loadCase(scope, referralId);
  const copy = await copyFor(scope, kase, now);
  await scope.audit({ action: 'export', entityType: 'care_plan', entityId: kase.id, detail: { referralId: kase.id, format: 'copy' } });
  return copy;
}

/** Emails the copy to the person. Only on an open case whose consent stands: sending is a new act. */
export async function sendPlan(scope: SchemeScope, jobs: JobQueue, referralId: string, now: Date): Promise<{ notificationId: string }> {
  scope.authorize('care_plan', 'export');
  const kase = await loadOpenCase(scope, referralId);
  const person = await scope.db.selectFrom('people').select('email').where('scheme_id', '=', scope.schemeId).where('id', '=', kase.personId).executeTakeFirstOrThrow();
  const email = person.email?.trim() ?? '';
  if (email === '') {
    throw new AppError('conflict', 'There is no email address for this person. Add one to their details, or print the plan and give it to them.', {
      code: 'no-email',
    });
  }
  const copy = await copyFor(scope, kase, now);
  const notificationId = await queueNotification(scope, jobs, {
    channel: 'email',
    template: 'care-plan',
    recipient: email,
    subject: `Your plan from ${copy.schemeName}`,
    body: copy.text,
    entityType: 'referral',
    entityId: kase.id,
  });
  await scope.audit({ action: 'export', entityType: 'care_plan', entityId: kase.id, detail: { referralId: kase.id, channel: 'email', notificationId } });
  return { notificationId };
}
