import type { ReactNode } from 'react';
import { schemeList } from '../../../src/contracts/admin.js';
import { useApi } from '../api/useApi.js';
import { Loading } from '../components/Loading.js';
import { PageHeading } from '../components/PageHeading.js';
import { ProblemPage } from '../components/ProblemPage.js';
import { ResponsiveTable } from '../components/ResponsiveTable.js';

/** Every scheme on this Linkwell, for the system administrator. */
export function SchemesPage(): ReactNode {
  const [load] = useApi('/api/schemes', schemeList);
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  return (
    <>
      <PageHeading>Schemes</PageHeading>
      <p className="nhsuk-body">Each scheme keeps its own people, organisations and settings apart from the others.</p>
      {load.status === 'loading' ? (
        <Loading />
      ) : (
        <ResponsiveTable
          caption="Schemes on this Linkwell"
          headers={['Name', 'Short name', 'Type', 'Two-step verification', 'Organisations', 'Members']}
          rows={load.data.items.map((scheme) => ({
            key: scheme.id,
            cells: [
              scheme.name,
              scheme.slug,
              scheme.kind === 'platform' ? 'Platform' : 'Scheme',
              scheme.requireMfa ? 'Required' : 'Optional',
              String(scheme.organisationCount),
              String(scheme.memberCount),
            ],
          }))}
        />
      )}
    </>
  );
}
