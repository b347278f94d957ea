import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { ReferralSummary } from '../../../../src/contracts/referrals.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { Tag } from '../../components/Tag.js';
import { feedbackSentText, formatDate, statusTag } from './labels.js';

/** One page of referrals; the reference opens the referral. */
export function ReferralTable({ items, caption }: { items: readonly ReferralSummary[]; caption: string }): ReactNode {
  return (
    <ResponsiveTable
      caption={caption}
      headers={['Reference', 'Person', 'Status', 'Received', 'Feedback sent']}
      rows={items.map((item) => ({
        key: item.id,
        cells: [
          <Link to={`/referrals/${item.id}`}>{item.reference}</Link>,
          item.personName,
          <Tag tag={statusTag(item.status)} />,
          formatDate(item.receivedAt),
          feedbackSentText(item.feedbackSent),
        ],
      }))}
    />
  );
}
