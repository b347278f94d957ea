import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ALERT_KIND_LABELS } from '../../../../src/contracts/casework-codes.js';
import { caseload } from '../../../../src/contracts/casework.js';
import { useApi } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';
import { formatDate } from '../referrals/labels.js';
import { caseUrl } from './api.js';
import { londonToday } from './time.js';
import { NextAction } from './CaseloadTable.js';
import { countsText } from './labels.js';

/** The top of a link worker's home page: where their caseload stands today. */
const FIRST_CASES = 5;

export function CaseloadSummary(): ReactNode {
  const [load] = useApi('/api/caseload', caseload);
  if (load.status === 'loading') return <Loading>Loading your caseload…</Loading>;
  // The tiles below still work when the caseload cannot be loaded; say so and carry on.
  if (load.status === 'error') return <p className="nhsuk-body">Your caseload could not be loaded: {load.problem.detail}</p>;
  const { items, alerts, tasks, counts } = load.data;
  const names = new Map(items.map((i) => [i.referralId, i.personName]));
  const openAlerts = alerts.filter((a) => a.resolvedAt === null);
  const today = londonToday();
  const dueTasks = tasks.filter((t) => t.doneAt === null && t.dueOn <= today);
  return (
    <section aria-labelledby="caseload-summary" className="nhsuk-u-margin-bottom-6">
      <h2 className="nhsuk-heading-m" id="caseload-summary">
        Today
      </h2>
      <p className="nhsuk-body">{countsText(counts)}</p>
      <p className="nhsuk-body">
        {openAlerts.length === 1 ? '1 new alert' : `${openAlerts.length} new alerts`}, {dueTasks.length === 1 ? '1 task due' : `${dueTasks.length} tasks due`} today or earlier.
      </p>
      {openAlerts.length > 0 && (
        <ul className="nhsuk-list nhsuk-list--bullet">
          {openAlerts.slice(0, FIRST_CASES).map((alert) => (
            <li key={alert.id}>
              <strong>{ALERT_KIND_LABELS[alert.kind]}</strong>: <Link to={caseUrl(alert.referralId)}>{names.get(alert.referralId) ?? 'Open the case'}</Link>
            </li>
          ))}
        </ul>
      )}
      {items.length > 0 && (
        <>
          <h3 className="nhsuk-heading-s">Next on your cases</h3>
          <ul className="nhsuk-list nhsuk-list--border">
            {items.slice(0, FIRST_CASES).map((item) => (
              <li key={item.referralId}>
                <Link to={caseUrl(item.referralId)}>{item.personName}</Link>: <NextAction item={item} />
                {item.lastContactAt !== null && <span className="nhsuk-u-secondary-text-color"> (last contact {formatDate(item.lastContactAt)})</span>}
              </li>
            ))}
          </ul>
        </>
      )}
      <p className="nhsuk-body">
        <Link to="/caseload">See your whole caseload</Link>
      </p>
    </section>
  );
}
