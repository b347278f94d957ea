import type { ReferralDetail } from '../../contracts/referrals.js';
import type { Actor } from '../../data/access.js';
import type { TestUser } from '../../testing/app.js';
import { requireMeasure } from '../catalogue.js';
import { insertCompletedResponse } from '../responses/store.js';
import { inTestScheme, openOutcomeWorld, swemwbsAnswers, type OutcomeWorld } from '../links/test-kit.js';

/** Shared by the due-list and reminder tests: a scheme on a fixed SWEMWBS schedule, its staff as actors, and answers recorded. */

export interface ScheduledWorld {
  w: OutcomeWorld;
  /** Noon UTC today: whole days later stay on the same London calendar day, clock changes or not. */
  firstContact: Date;
}

/** A scheme that measures SWEMWBS at baseline, 12 weeks and closure; overdue 14 days after due; links last 14 days. */
export async function openScheduledWorld(): Promise<ScheduledWorld> {
  const w = await openOutcomeWorld();
  const today = new Date();
  const firstContact = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate(), 12));
  await inTestScheme(w, (scope) =>
    scope.db
      .insertInto('outcome_settings')
      .values({
        scheme_id: scope.schemeId,
        schedule: JSON.stringify([{ measureKey: 'swemwbs', points: [{ kind: 'baseline' }, { kind: 'follow-up', weeks: 12 }, { kind: 'closure' }] }]),
        overdue_after_days: 14,
        link_expiry_days: 14,
      })
      .execute(),
  );
  return { w, firstContact };
}

/** A member of the scheme's staff as the actor the services see: the link worker unless another is named. */
export function staffActor(w: OutcomeWorld, user: TestUser = w.workerUser): Actor {
  return {
    type: 'user',
    schemeId: w.scheme.schemeId,
    userId: user.userId,
    label: `Test ${user.role}`,
    role: user.role === 'scheme_manager' ? 'scheme_manager' : 'link_worker',
    membershipId: user.membershipId,
    organisationId: w.scheme.organisations.host,
  };
}

/** Records SWEMWBS at a point with the link worker, as the staff page would. */
export async function completeSwemwbs(w: OutcomeWorld, referral: ReferralDetail, timepoint: string): Promise<void> {
  await w.t.ctx.data.inScheme(staffActor(w), {}, async (scope) => {
    const measure = await requireMeasure(scope, 'swemwbs');
    await insertCompletedResponse(scope, { personId: referral.person.id, referralId: referral.id, measure, timepoint, mode: 'with-worker', answers: swemwbsAnswers([3, 3, 3, 3, 3, 3, 3]) });
  });
}
