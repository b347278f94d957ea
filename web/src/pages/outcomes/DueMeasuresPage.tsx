import type { ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { dueMeasureList } from '../../../../src/contracts/outcomes.js';
import { useApi } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { Tag } from '../../components/Tag.js';
import { currentRole, useSession } from '../../session/context.js';
import { formatDate } from '../referrals/labels.js';
import { byUrgency, readWhose, type Whose } from './forms.js';
import { dueCountText, dueTag } from './labels.js';
import './outcomes.css';

/**
 * Wellbeing measures due, overdue or coming up in the next 14 days, most pressing first. A link
 * worker sees the people they work with; a scheme manager can switch to everyone in the scheme.
 * The choice lives in the address, so it survives a reload and can be bookmarked.
 */
const WHOSE_LABELS: Record<Whose, string> = { mine: 'People I work with', all: 'Everyone in the scheme' };

export function DueMeasuresPage(): ReactNode {
  const [params] = useSearchParams();
  const maySeeAll = currentRole(useSession().state) === 'scheme_manager';
  const whose = readWhose(params, maySeeAll);
  const [load] = useApi(`/api/outcomes/due?whose=${whose}`, dueMeasureList);
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  const items = load.status === 'ok' ? byUrgency(load.data.items.filter((d) => d.state !== 'done')) : null;
  const pressing = items?.filter((d) => d.state !== 'upcoming').length ?? 0;

  return (
    <>
      <PageHeading>Measures due</PageHeading>
      <p className="nhsuk-body">
        Wellbeing measures that are due, overdue or coming up in the next 14 days
        {whose === 'mine' ? ' for the people you work with' : ' for everyone in the scheme'}.
      </p>
      {maySeeAll && (
        <nav aria-label="Whose measures to show">
          <ul className="lw-toggle nhsuk-body">
            {(['mine', 'all'] as const).map((w) => (
              <li key={w}>
                {w === whose ? (
                  <strong aria-current="page">{WHOSE_LABELS[w]}</strong>
                ) : (
                  <Link to={w === 'all' ? '/outcomes/due?whose=all' : '/outcomes/due'}>{WHOSE_LABELS[w]}</Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      )}
      {items === null ? (
        <Loading />
      ) : (
        <>
          <p className="nhsuk-body" role="status">
            {dueCountText(pressing, items.length - pressing)}
          </p>
          {items.length > 0 && (
            <ResponsiveTable
              caption={<span className="nhsuk-u-visually-hidden">Measures due, overdue and coming up, most pressing first</span>}
              headers={['Person', 'Referral', 'Measure', 'Timepoint', 'Due', 'State']}
              rows={items.map((d) => ({
                key: `${d.referralId}|${d.measureKey}|${d.timepoint}`,
                cells: [
                  <Link to={`/people/${d.personId}/outcomes`}>
                    {d.personName}
                    <span className="nhsuk-u-visually-hidden">: wellbeing measures</span>
                  </Link>,
                  <Link to={`/referrals/${d.referralId}`}>{d.referralReference}</Link>,
                  d.measureName,
                  d.timepointLabel,
                  formatDate(d.dueOn),
                  <Tag tag={dueTag(d.state)} />,
                ],
              }))}
            />
          )}
        </>
      )}
    </>
  );
}
