import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { myOrganization, type Coverage } from '../../../../../src/contracts/directory.js';
import { useApi } from '../../../api/useApi.js';
import { ButtonLink } from '../../../components/ButtonLink.js';
import { InsetText } from '../../../components/Callouts.js';
import { Loading } from '../../../components/Loading.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { ProblemPage } from '../../../components/ProblemPage.js';
import { ResponsiveTable } from '../../../components/ResponsiveTable.js';
import { SuccessBanner } from '../../../components/SuccessBanner.js';
import { useFlash } from '../../../session/flash.js';
import { GovernanceWarnings } from '../organisation/Governance.js';
import { OrganisationServices } from '../organisation/OrganisationPage.js';

/**
 * /directory/my-organisation: a community group's own listings, to keep up to date, and the
 * reverse directory: which schemes and link workers cover its area and how to reach them.
 */
export function MyOrganisationPage(): ReactNode {
  const [load] = useApi('/api/directory/my-organization', myOrganization);
  const flash = useFlash();
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (load.status === 'loading') {
    return (
      <>
        <PageHeading>Your listings</PageHeading>
        <Loading />
      </>
    );
  }
  const { organization, message, coverage } = load.data;
  return (
    <>
      {flash.message !== null && <SuccessBanner key={flash.message}>{flash.message}</SuccessBanner>}
      <PageHeading>Your listings</PageHeading>
      {organization === null ? (
        <InsetText>
          <p>{message ?? 'Your organisation is not linked to a directory listing yet.'}</p>
          <p>Ask your scheme manager to link your organisation to its directory entry. Until then you can read the directory but not change it.</p>
        </InsetText>
      ) : (
        <>
          <p className="nhsuk-body">
            Keep your times, places and contact details up to date: link workers check them before they refer someone to{' '}
            <Link to={`/directory/organisations/${organization.id}`}>{organization.name}</Link>.
          </p>
          <GovernanceWarnings warnings={organization.governanceWarnings} />
          <OrganisationServices org={organization} editLinks={organization.permissions.edit} />
          {organization.permissions.edit && (
            <div className="nhsuk-button-group lw-button-group">
              <ButtonLink to={`/directory/services/new?organizationId=${organization.id}`}>Add a listing</ButtonLink>
              <ButtonLink to={`/directory/organisations/${organization.id}/edit`} secondary>
                Change organisation details
              </ButtonLink>
            </div>
          )}
        </>
      )}
      <WhoCoversYourArea coverage={coverage} />
    </>
  );
}

function WhoCoversYourArea({ coverage }: { coverage: Coverage }): ReactNode {
  return (
    <section aria-labelledby="coverage-heading">
      <h2 className="nhsuk-heading-m" id="coverage-heading">
        Who covers your area
      </h2>
      <p className="nhsuk-body">Social prescribing schemes and link workers who may refer people to you. Contact them to tell them about what you offer.</p>
      {coverage.schemes.length === 0 ? (
        <p className="nhsuk-body">No scheme on Linkwell has said it covers your area yet.</p>
      ) : (
        <ResponsiveTable
          caption="Schemes"
          headers={['Scheme', 'Area', 'Distance', 'Contact']}
          rows={coverage.schemes.map((s) => ({
            key: s.name,
            cells: [
              s.name,
              s.areaDescription ?? 'Not described',
              `${s.distanceKm.toFixed(1)} km`,
              <span key="contact" className="lw-break">
                {[s.contactEmail, s.contactPhone].filter((c): c is string => c !== null).join(', ') || 'No contact given'}
              </span>,
            ],
          }))}
        />
      )}
      {coverage.linkWorkers.length > 0 && (
        <ResponsiveTable
          caption="Link workers"
          headers={['Name', 'Email']}
          rows={coverage.linkWorkers.map((w) => ({
            key: w.email,
            cells: [
              w.name,
              <a key="email" className="lw-break" href={`mailto:${w.email}`}>
                {w.email}
              </a>,
            ],
          }))}
        />
      )}
    </section>
  );
}
