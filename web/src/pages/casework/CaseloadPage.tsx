import { useState, type ReactNode, type SubmitEvent } from 'react';
import { caseload, caseloadBalance, type Caseload } from '../../../../src/contracts/casework.js';
import { useApi } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { SelectField } from '../../components/SelectField.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { formText } from '../../forms/errors.js';
import { currentRole, useSession } from '../../session/context.js';
import { useFlash } from '../../session/flash.js';
import { AlertsAndTasks } from './AlertsAndTasks.js';
import { caseloadPath } from './api.js';
import { CaseloadTable } from './CaseloadTable.js';
import { caseloadCaption, countsText } from './labels.js';

/**
 * A link worker's open cases, what is due next on each, and their alerts and tasks. A manager
 * chooses whose caseload to see.
 */
export function CaseloadPage(): ReactNode {
  const manager = currentRole(useSession().state) === 'scheme_manager';
  const [workerId, setWorkerId] = useState<string | null>(null);
  const [load, reload] = useApi(caseloadPath(workerId), caseload);
  const flash = useFlash();
  const [done, setDone] = useState<string | null>(null);
  const message = done ?? flash.message;

  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  return (
    <>
      {message !== null && <SuccessBanner key={message}>{message}</SuccessBanner>}
      <PageHeading>Caseload</PageHeading>
      {manager && <WorkerChooser current={workerId} onChoose={setWorkerId} />}
      {load.status === 'loading' ? (
        <Loading />
      ) : (
        <CaseloadBody
          data={load.data}
          manager={manager}
          onChanged={(text) => {
            setDone(text);
            reload();
          }}
        />
      )}
    </>
  );
}

function CaseloadBody({ data, manager, onChanged }: { data: Caseload; manager: boolean; onChanged: (message: string) => void }): ReactNode {
  const names = new Map(data.items.map((i) => [i.referralId, i.personName]));
  return (
    <>
      <p className="nhsuk-body">{countsText(data.counts)}</p>
      <CaseloadTable items={data.items} caption={caseloadCaption(data.worker, manager)} />
      <h2 className="nhsuk-heading-m">Alerts and tasks</h2>
      <AlertsAndTasks alerts={data.alerts} tasks={data.tasks} caseName={(id) => names.get(id) ?? null} onChanged={onChanged} headingLevel={3} />
    </>
  );
}

function WorkerChooser({ current, onChoose }: { current: string | null; onChoose: (id: string | null) => void }): ReactNode {
  const [load] = useApi('/api/caseload/workers', caseloadBalance);
  if (load.status !== 'ok') return null;
  const options = [{ value: '', label: 'Everyone’s open cases' }, ...load.data.workers.map((w) => ({ value: w.id, label: `${w.name} (${w.openCases} open)` }))];
  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const id = formText(new FormData(event.currentTarget), 'workerId');
    onChoose(id === '' ? null : id);
  }
  return (
    <form onSubmit={submit} noValidate className="nhsuk-u-margin-bottom-4">
      <SelectField name="workerId" label="Whose caseload" options={options} defaultValue={current ?? ''} />
      <button className="nhsuk-button nhsuk-button--secondary" type="submit">
        Show caseload
      </button>
    </form>
  );
}
