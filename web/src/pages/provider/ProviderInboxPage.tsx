import type { ReactNode } from 'react';
import type { z } from 'zod';
import { Link, useSearchParams } from 'react-router-dom';
import { providerInbox } from '../../../../src/contracts/onward.js';
import { useApi } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { Tag } from '../../components/Tag.js';
import { formatDate } from '../referrals/labels.js';
import { onwardStatusTag, respondByText } from '../onward/labels.js';
import { providerReferralPage } from './api.js';
import { INBOX_TABS, readTab, type InboxTab } from './forms.js';

/**
 * Referrals to the organisation's services: new ones waiting for a reply, current ones, and
 * ended ones (whose person's details are removed once the scheme's period is over).
 */
export function ProviderInboxPage(): ReactNode {
  const [params] = useSearchParams();
  const tab = readTab(params);
  const [load] = useApi(`/api/provider/referrals?status=${tab}`, providerInbox);
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  return (
    <>
      <PageHeading>Referrals to us</PageHeading>
      <p className="nhsuk-body">
        <Link to="/provider/register">Take a register</Link> · <Link to="/provider/services">Places and waiting list</Link>
      </p>
      <Tabs current={tab} counts={load.status === 'ok' ? load.data.counts : null} />
      {load.status === 'loading' && <Loading />}
      {load.status === 'ok' && <InboxTable tab={tab} items={load.data.items} />}
    </>
  );
}

function Tabs({ current, counts }: { current: InboxTab; counts: Readonly<Record<string, number>> | null }): ReactNode {
  return (
    <nav aria-label="Which referrals" className="nhsuk-u-margin-bottom-4">
      <ul className="nhsuk-list lw-tags">
        {INBOX_TABS.map((t) => {
          const count = counts?.[t.status];
          const label = count === undefined ? t.label : `${t.label} (${count})`;
          return (
            <li key={t.status}>
              {t.status === current ? (
                <strong aria-current="page">{label}</strong>
              ) : (
                <Link to={`/provider?status=${t.status}`}>{label}</Link>
              )}
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function InboxTable({ tab, items }: { tab: InboxTab; items: z.infer<typeof providerInbox>['items'] }): ReactNode {
  const label = INBOX_TABS.find((t) => t.status === tab)?.label ?? '';
  if (items.length === 0) return <p className="nhsuk-body">No {label.toLowerCase()} referrals.</p>;
  return (
    <ResponsiveTable
      caption={`${label} referrals`}
      headers={['Reference', 'Service', 'Person', 'Sent', 'Reply by', 'Status']}
      rows={items.map((item) => ({
        key: item.id,
        cells: [
          <Link key="ref" to={providerReferralPage(item.id)}>
            {item.reference}
          </Link>,
          item.serviceName,
          item.personName ?? 'Details removed',
          formatDate(item.sentAt),
          item.status === 'sent' ? respondByText(item.respondBy, item.overdue) : 'Replied',
          <Tag key="status" tag={onwardStatusTag(item.status)} />,
        ],
      }))}
    />
  );
}
