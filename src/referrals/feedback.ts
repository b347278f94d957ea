import { randomUUID } from 'node:crypto';
import { publicUrl, type Config } from '../config/index.js';
import {
  CLOSURE_REASONS,
  DECLINE_REASONS,
  FEEDBACK_MILESTONE_LABELS,
  REFERRAL_STATUS_LABELS,
  type FeedbackMilestone,
} from '../contracts/referral-codes.js';
import type { SchemeScope } from '../data/access.js';
import type { ReferralRow } from '../db/schema.js';
import type { JobQueue } from '../jobs/queue.js';
import { queueNotification } from '../notifications/outbox.js';
import { recordEvent } from './timeline.js';

/** What referral services need besides the scheme scope: the job queue and the public address. */
export interface ReferralDeps {
  jobs: JobQueue;
  /** For the public address in links. */
  config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>;
  /** The time of the change; the demo seed replays a story over past weeks with its own clock. */
  clock?: () => Date;
}

export const nowFrom = (deps: ReferralDeps): Date => deps.clock?.() ?? new Date();

export const labelOf = (list: readonly { code: string; label: string }[], code: string | null): string | null =>
  code === null ? null : (list.find((c) => c.code === code)?.label ?? code);

/** One plain sentence per milestone. The email names the referral, never the person. */
export function feedbackSentence(referral: Pick<ReferralRow, 'status' | 'decision_reason' | 'closure_reason' | 'outcome_summary'>, milestone: FeedbackMilestone): string {
  switch (milestone) {
    case 'received':
      return 'The social prescribing service has received your referral.';
    case 'decision': {
      const status = REFERRAL_STATUS_LABELS[referral.status];
      if (referral.status === 'accepted') return 'The referral has been accepted and allocated to a link worker.';
      // Only a coded reason goes in an email. "Not eligible" and "redirected" carry the link
      // worker's own words, which may be about the person: those stay on the referral in Linkwell.
      if (referral.status === 'declined') {
        const reason = labelOf(DECLINE_REASONS, referral.decision_reason);
        return `Outcome: ${status}${reason ? ` (${reason})` : ''}.`;
      }
      return `Outcome: ${status}.${referral.decision_reason ? ' The reason is on the referral in Linkwell.' : ''}`;
    }
    case 'first_contact':
      return 'A link worker has made first contact with the person.';
    case 'closed': {
      const reason = labelOf(CLOSURE_REASONS, referral.closure_reason);
      return `The referral is closed${reason ? `: ${reason}` : ''}.${referral.outcome_summary ? ' An outcome summary is in the letter on Linkwell.' : ''}`;
    }
    default: {
      const unreachable: never = milestone;
      return unreachable;
    }
  }
}

/**
 * Tells the referrer at a milestone they chose. Email goes through the outbox in the same
 * transaction as the change; a "letter" referrer prints the letter from Linkwell, so only the
 * record is made. Either way the referral shows "feedback sent" for the milestone.
 */
export async function sendFeedback(scope: SchemeScope, deps: ReferralDeps, referral: ReferralRow, milestone: FeedbackMilestone): Promise<void> {
  if (referral.feedback_channel === 'none' || !referral.feedback_milestones.includes(milestone)) return;
  const recipient = referral.referrer_email;
  const channel = referral.feedback_channel === 'email' && recipient ? 'email' : 'letter';
  let notificationId: string | null = null;
  if (channel === 'email' && recipient) {
    const link = `${publicUrl(deps.config)}/referrals/${referral.id}`;
    notificationId = await queueNotification(scope, deps.jobs, {
      channel: 'email',
      template: `referral-feedback-${milestone}`,
      recipient,
      subject: `Social prescribing referral ${referral.reference}: ${FEEDBACK_MILESTONE_LABELS[milestone].toLowerCase()}`,
      body: [
        `Referral ${referral.reference}`,
        '',
        feedbackSentence(referral, milestone),
        '',
        `See the referral and its timeline, or print the letter for the record: ${link}`,
      ].join('\n'),
      entityType: 'referral',
      entityId: referral.id,
    });
  }
  await scope.db
    .insertInto('referral_feedback')
    .values({ scheme_id: scope.schemeId, id: randomUUID(), referral_id: referral.id, milestone, channel, notification_id: notificationId, created_at: nowFrom(deps) })
    .execute();
  await recordEvent(scope, { referralId: referral.id, kind: 'feedback-sent', detail: { milestone, channel }, occurredAt: nowFrom(deps) });
}
