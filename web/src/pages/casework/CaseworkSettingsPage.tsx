import { useState, type ReactNode } from 'react';
import { caseworkSettings, type CaseworkSettings } from '../../../../src/contracts/casework.js';
import { useApi } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { CaseworkSettingsForm } from './CaseworkSettingsForm.js';

/** A scheme manager's casework settings: needs, partner sharing, attendance alerts, lone working and caseload size. */
export function CaseworkSettingsPage(): ReactNode {
  const [load] = useApi('/api/casework/settings', caseworkSettings);
  const [fresh, setFresh] = useState<CaseworkSettings | null>(null);
  const [done, setDone] = useState<string | null>(null);
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  const settings = fresh ?? (load.status === 'ok' ? load.data : null);
  return (
    <>
      {done !== null && <SuccessBanner key={done}>{done}</SuccessBanner>}
      <PageHeading>Casework settings</PageHeading>
      {settings === null ? (
        <Loading />
      ) : (
        <CaseworkSettingsForm
          key={settings.version}
          settings={settings}
          onSaved={(next) => {
            setFresh(next);
            setDone('The casework settings are saved.');
          }}
        />
      )}
    </>
  );
}
