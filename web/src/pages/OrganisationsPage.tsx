import type { ReactNode } from 'react';
import { organisationList } from '../../../src/contracts/admin.js';
import { useApi } from '../api/useApi.js';
import { Loading } from '../components/Loading.js';
import { PageHeading } from '../components/PageHeading.js';
import { ProblemPage } from '../components/ProblemPage.js';
import { ResponsiveTable } from '../components/ResponsiveTable.js';

/** The organisations taking part in the current scheme. */
export function OrganisationsPage(): ReactNode {
  const [load] = useApi('/api/organisations', organisationList);
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  return (
    <>
      <PageHeading>Organisations</PageHeading>
      <p className="nhsuk-body">The organisations that take part in this scheme: practices, primary care networks, the host organisation and voluntary sector partners.</p>
      {load.status === 'loading' ? (
        <Loading />
      ) : load.data.items.length === 0 ? (
        <p className="nhsuk-body">There are no organisations in this scheme yet.</p>
      ) : (
        <ResponsiveTable
          caption={`${load.data.items.length} organisation${load.data.items.length === 1 ? '' : 's'}`}
          headers={['Name', 'Type', 'ODS code']}
          rows={load.data.items.map((org) => ({ key: org.id, cells: [org.name, org.kindLabel, org.odsCode ?? 'None'] }))}
        />
      )}
    </>
  );
}
