import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { useApi } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { Tag } from '../../components/Tag.js';
import { formatDateTime } from '../../format/text.js';
import { currentRole, useSession } from '../../session/context.js';
import { caseUrl, loneWorkingBoard, type LoneWorkingBoardItem } from './api.js';
import { levelText, loneStateTag, needsAcknowledging } from './labels.js';
import { AcknowledgeForm } from './LoneWorkingActions.js';
import { formatTime } from './time.js';

/** Home visits under lone working that are not closed yet, refreshed every minute. */
const REFRESH_MS = 60_000;

export function LoneWorkingPage(): ReactNode {
  const [load, reload] = useApi('/api/lone-working', loneWorkingBoard);
  const manager = currentRole(useSession().state) === 'scheme_manager';
  const [done, setDone] = useState<string | null>(null);
  useEffect(() => {
    const timer = window.setInterval(reload, REFRESH_MS);
    return () => {
      window.clearInterval(timer);
    };
  }, [reload]);
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  return (
    <>
      {done !== null && <SuccessBanner key={done}>{done}</SuccessBanner>}
      <PageHeading>Lone working</PageHeading>
      <p className="nhsuk-body">This page updates every minute.</p>
      {load.status === 'loading' ? (
        <Loading />
      ) : (
        <Board
          visits={load.data.visits}
          manager={manager}
          onAcknowledged={(worker) => {
            setDone(`The alert for ${worker}’s visit is acknowledged.`);
            reload();
          }}
        />
      )}
    </>
  );
}

function Board({ visits, manager, onAcknowledged }: { visits: readonly LoneWorkingBoardItem[]; manager: boolean; onAcknowledged: (worker: string) => void }): ReactNode {
  if (visits.length === 0) return <p className="nhsuk-body">No lone-working visits are under way.</p>;
  const attention = visits.filter((v) => needsAcknowledging(v.loneWorking.state));
  return (
    <>
      <ResponsiveTable
        caption="Visits under way"
        headers={['Link worker', 'Visit', 'Where', 'Check in by', 'State', 'Alerts']}
        rows={visits.map((v) => ({
          key: v.contactId,
          cells: [
            v.worker,
            <Link to={caseUrl(v.referralId, `/contacts/${v.contactId}`)} key="visit">
              {formatDateTime(v.scheduledAt)}
            </Link>,
            v.location ?? 'Not recorded',
            formatTime(v.loneWorking.expectedCheckInAt),
            <Tag tag={loneStateTag(v.loneWorking.state)} key="state" />,
            levelText(v.loneWorking.level),
          ],
        }))}
      />
      {manager &&
        attention.map((v) => (
          <section key={v.contactId} aria-labelledby={`ack-${v.contactId}`}>
            <h2 className="nhsuk-heading-m" id={`ack-${v.contactId}`}>
              Acknowledge {v.worker}’s visit at {formatTime(v.scheduledAt)}
            </h2>
            <AcknowledgeForm contactId={v.contactId} onDone={() => { onAcknowledged(v.worker); }} />
          </section>
        ))}
    </>
  );
}
