import type { ReactNode } from 'react';
import { homeResponse } from '../../../src/contracts/home.js';
import { useApi } from '../api/useApi.js';
import { Loading } from '../components/Loading.js';
import { PageHeading } from '../components/PageHeading.js';
import { ProblemPage } from '../components/ProblemPage.js';
import { currentRole, useSession } from '../session/context.js';
import { CaseloadSummary } from './casework/CaseloadSummary.js';
import { HomeTile } from './HomeTile.js';

/** The role's home page: the server decides the words and tiles; a link worker sees their caseload first. */
export function HomePage(): ReactNode {
  const [load] = useApi('/api/home', homeResponse);
  const linkWorker = currentRole(useSession().state) === 'link_worker';
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (load.status === 'loading') {
    return (
      <>
        <PageHeading title="Home">Home</PageHeading>
        <Loading />
      </>
    );
  }
  const home = load.data;
  return (
    <>
      <PageHeading title="Home">{home.heading}</PageHeading>
      <p className="nhsuk-body-l">{home.intro}</p>
      <p className="nhsuk-body">
        {home.roleLabel} at {home.organisationName}, {home.schemeName}
      </p>
      {linkWorker && <CaseloadSummary />}
      <ul className="nhsuk-grid-row nhsuk-card-group">
        {home.tiles.map((tile) => (
          <li className="nhsuk-grid-column-one-half nhsuk-card-group__item" key={tile.key}>
            <HomeTile tile={tile} />
          </li>
        ))}
      </ul>
    </>
  );
}
