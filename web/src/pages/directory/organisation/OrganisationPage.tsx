import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { organizationDetail, type OrganizationDetail } from '../../../../../src/contracts/directory.js';
import { useApi } from '../../../api/useApi.js';
import { ButtonLink } from '../../../components/ButtonLink.js';
import { Loading } from '../../../components/Loading.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { ProblemPage } from '../../../components/ProblemPage.js';
import { ResponsiveTable } from '../../../components/ResponsiveTable.js';
import { SuccessBanner } from '../../../components/SuccessBanner.js';
import { SummaryList } from '../../../components/SummaryList.js';
import { Tag } from '../../../components/Tag.js';
import { useFlash } from '../../../session/flash.js';
import { checkedText, listingStatusTag, staleTag } from '../labels.js';
import { GovernanceSummary } from './Governance.js';

/** /directory/organisations/:id: a group, its governance and all its listings, closed ones included. */
export function OrganisationPage(): ReactNode {
  const { id = '' } = useParams();
  return <Organisation key={id} id={id} />;
}

function Organisation({ id }: { id: string }): ReactNode {
  const [load] = useApi(`/api/directory/organizations/${encodeURIComponent(id)}`, organizationDetail);
  const flash = useFlash();
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (load.status === 'loading') {
    return (
      <>
        <PageHeading>Organisation</PageHeading>
        <Loading />
      </>
    );
  }
  const org = load.data;
  return (
    <>
      <Link className="nhsuk-back-link" to="/directory">
        Back<span className="nhsuk-u-visually-hidden"> to the directory</span>
      </Link>
      {flash.message !== null && <SuccessBanner key={flash.message}>{flash.message}</SuccessBanner>}
      <PageHeading>{org.name}</PageHeading>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {org.description !== '' && <p className="nhsuk-body">{org.description}</p>}
          <OrganisationContacts org={org} />
          <h2 className="nhsuk-heading-m">Governance</h2>
          <GovernanceSummary governance={org} />
          {org.permissions.edit && (
            <p className="nhsuk-body">
              <Link to={`/directory/organisations/${org.id}/edit`}>
                Change the organisation’s details<span className="nhsuk-u-visually-hidden"> for {org.name}</span>
              </Link>
            </p>
          )}
        </div>
      </div>
      <OrganisationServices org={org} />
      {org.permissions.edit && <ButtonLink to={`/directory/services/new?organizationId=${org.id}`}>Add a listing</ButtonLink>}
    </>
  );
}

function OrganisationContacts({ org }: { org: OrganizationDetail }): ReactNode {
  const rows = [];
  if (org.website !== null) {
    rows.push({
      key: 'Website',
      value: (
        <a className="lw-break" href={org.website} rel="noreferrer" target="_blank">
          {org.website} (opens in a new tab)
        </a>
      ),
    });
  }
  if (org.email !== null) rows.push({ key: 'Email', value: <span className="lw-break">{org.email}</span> });
  for (const identifier of org.identifiers) rows.push({ key: identifier.scheme ?? identifier.type, value: <span className="lw-break">{identifier.identifier}</span> });
  return rows.length === 0 ? null : <SummaryList rows={rows} />;
}

export function OrganisationServices({ org, editLinks = false }: { org: OrganizationDetail; editLinks?: boolean }): ReactNode {
  if (org.services.length === 0) {
    return (
      <>
        <h2 className="nhsuk-heading-m">Listings</h2>
        <p className="nhsuk-body">{org.name} has no listings in the directory yet.</p>
      </>
    );
  }
  const headers = editLinks ? ['Listing', 'Status', 'Last checked', 'Change'] : ['Listing', 'Status', 'Last checked'];
  return (
    <ResponsiveTable
      caption="Listings"
      headers={headers}
      rows={org.services.map((s) => {
        const cells: ReactNode[] = [
          <Link key="name" to={`/directory/services/${s.id}`}>
            {s.name}
          </Link>,
          <span key="status" className="lw-tags">
            <Tag tag={listingStatusTag(s.status)} />
            {s.stale && s.status !== 'closed' && <Tag tag={staleTag(s.verifiedAt)} />}
          </span>,
          checkedText(s.verifiedAt, null),
        ];
        if (editLinks) {
          cells.push(
            <Link key="edit" to={`/directory/services/${s.id}/edit`}>
              Edit<span className="nhsuk-u-visually-hidden"> {s.name}</span>
            </Link>,
          );
        }
        return { key: s.id, cells };
      })}
    />
  );
}
