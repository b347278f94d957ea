import type { ReactNode } from 'react';
import { FEEDBACK_MILESTONE_LABELS } from '../../../../src/contracts/referral-codes.js';
import type { ReferralDetail } from '../../../../src/contracts/referrals.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { formatDateTime } from '../../format/text.js';
import { deliveryText, FEEDBACK_CHANNEL_LABELS } from './labels.js';

/** What the referrer has been told so far, and the printable letter for the GP and referrer. */
type Props = Pick<ReferralDetail, 'id' | 'feedback' | 'feedbackPreference'>;

function preference({ milestones, channel }: ReferralDetail['feedbackPreference']): string {
  if (channel === 'none' || milestones.length === 0) return 'The referrer did not ask for feedback.';
  const when = milestones.map((m) => FEEDBACK_MILESTONE_LABELS[m].toLowerCase()).join('; ');
  return `The referrer asked for feedback by ${FEEDBACK_CHANNEL_LABELS[channel].toLowerCase()} at: ${when}.`;
}

export function FeedbackSection({ id, feedback, feedbackPreference }: Props): ReactNode {
  return (
    <section>
      <h2 className="nhsuk-heading-m" id="feedback-heading">
        Feedback to referrer
      </h2>
      <p className="nhsuk-body">{preference(feedbackPreference)}</p>
      {feedback.length === 0 ? (
        <p className="nhsuk-body">No feedback sent yet.</p>
      ) : (
        <ResponsiveTable
          caption="Feedback sent"
          headers={['Milestone', 'Sent by', 'Sent', 'Delivery']}
          rows={feedback.map((item) => ({
            key: `${item.milestone}-${item.sentAt}`,
            cells: [FEEDBACK_MILESTONE_LABELS[item.milestone], FEEDBACK_CHANNEL_LABELS[item.channel], formatDateTime(item.sentAt), deliveryText(item.deliveryStatus)],
          }))}
        />
      )}
      <p className="nhsuk-body">
        <a href={`/api/referrals/${id}/letter`} target="_blank" rel="noopener noreferrer">
          Print the letter to the GP (opens in new tab)
        </a>
      </p>
    </section>
  );
}
