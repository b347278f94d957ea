import { useState, type ReactNode } from 'react';
import { caseloadBalance, type WorkerLoad } from '../../../../src/contracts/casework.js';
import { useApi } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { countsText, roomText } from './labels.js';
import { ReassignSection } from './ReassignSection.js';
import { formatMinutes } from './time.js';

/** A manager's view of every link worker's load, and moving cases to someone with room. */
export function CaseloadBalancePage(): ReactNode {
  const [load, reload] = useApi('/api/caseload/workers', caseloadBalance);
  const [done, setDone] = useState<string | null>(null);
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  return (
    <>
      {done !== null && <SuccessBanner key={done}>{done}</SuccessBanner>}
      <PageHeading>Caseloads</PageHeading>
      {load.status === 'loading' ? (
        <Loading />
      ) : (
        <>
          <WorkerTable workers={load.data.workers} />
          <ReassignSection
            key={done ?? ''}
            workers={load.data.workers}
            onMoved={(message) => {
              setDone(message);
              reload();
            }}
          />
        </>
      )}
    </>
  );
}

function WorkerTable({ workers }: { workers: readonly WorkerLoad[] }): ReactNode {
  if (workers.length === 0) return <p className="nhsuk-body">There are no link workers in this scheme yet.</p>;
  return (
    <ResponsiveTable
      caption="Link workers’ caseloads"
      headers={['Link worker', 'Open cases', 'By status', 'Open alerts', 'Overdue tasks', 'Time with people, last 28 days', 'Room']}
      rows={workers.map((w) => ({
        key: w.id,
        cells: [w.name, String(w.openCases), countsText(w.byStatus), String(w.openAlerts), String(w.overdueTasks), formatMinutes(w.minutesLast28Days), roomText(w)],
      }))}
    />
  );
}
