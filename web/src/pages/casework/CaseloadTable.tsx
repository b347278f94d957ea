import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { CaseloadItem } from '../../../../src/contracts/casework.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { Tag } from '../../components/Tag.js';
import { formatDate, statusTag } from '../referrals/labels.js';
import { caseUrl } from './api.js';
import { dnaStreakText } from './labels.js';

/** The open cases of one worker, with what is due next on each. */
export function NextAction({ item }: { item: CaseloadItem }): ReactNode {
  const next = item.nextAction;
  if (next === null) return 'Nothing due';
  return (
    <>
      {next.label}
      {next.dueOn !== null && <>, by {formatDate(next.dueOn)}</>}
      {next.overdue && (
        <>
          {' '}
          <strong className="nhsuk-tag nhsuk-tag--red">Overdue</strong>
        </>
      )}
    </>
  );
}

export function CaseloadTable({ items, caption }: { items: readonly CaseloadItem[]; caption: string }): ReactNode {
  if (items.length === 0) return <p className="nhsuk-body">No open cases.</p>;
  return (
    <ResponsiveTable
      caption={caption}
      headers={['Person', 'Status', 'Next action', 'Overdue reviews', 'Open alerts', 'Missed appointments', 'Live onward referrals']}
      rows={items.map((item) => ({
        key: item.referralId,
        cells: [
          <Link to={caseUrl(item.referralId)} key="person">
            {item.personName}
          </Link>,
          <Tag tag={statusTag(item.status)} key="status" />,
          <NextAction item={item} key="next" />,
          String(item.overdueReviews),
          String(item.openAlerts),
          dnaStreakText(item.dnaStreak),
          String(item.liveOnwardReferrals),
        ],
      }))}
    />
  );
}
