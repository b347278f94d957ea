import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { serviceDetail } from '../../../../../src/contracts/directory.js';
import { useApi } from '../../../api/useApi.js';
import { InsetText, WarningCallout } from '../../../components/Callouts.js';
import { Loading } from '../../../components/Loading.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { ProblemPage } from '../../../components/ProblemPage.js';
import { SuccessBanner } from '../../../components/SuccessBanner.js';
import { Tag } from '../../../components/Tag.js';
import { useFlash } from '../../../session/flash.js';
import { formatDate } from '../../referrals/labels.js';
import { listingStatusTag, listingTags } from '../labels.js';
import { ChangeHistory } from './ChangeHistory.js';
import { FreshnessSection, PublicListingSection, SchemeNoteSection } from './SchemeActions.js';
import { AboutSection, CostSection, HowToReferSection, OrganisationSection, ResponseSection, WhenWhereSection, WhoForSection } from './ServiceSections.js';

/**
 * /directory/services/:id: everything a link worker needs before referring someone, with the
 * scheme's own note, the "mark as checked" action and the listing's change history.
 */
export function ServicePage(): ReactNode {
  const { id = '' } = useParams();
  return <Service key={id} id={id} />;
}

function Service({ id }: { id: string }): ReactNode {
  const path = `/api/directory/services/${encodeURIComponent(id)}`;
  const [load, reload] = useApi(path, serviceDetail);
  const flash = useFlash();
  // "Back" returns to the search the user came from, filters and all, when they came from one.
  const back = flash.from !== null && flash.from.startsWith('/directory') ? flash.from : '/directory';
  const [done, setDone] = useState<{ message: string; round: number } | null>(null);

  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (load.status === 'loading') {
    return (
      <>
        <PageHeading>Service</PageHeading>
        <Loading />
      </>
    );
  }
  const service = load.data;
  const message = done?.message ?? flash.message;

  function onDone(text: string): void {
    setDone((last) => ({ message: text, round: (last?.round ?? 0) + 1 }));
    reload();
  }

  const tags = listingTags({ ...service, stale: service.verification.stale, verifiedAt: service.verification.verifiedAt });
  return (
    <>
      <Link className="nhsuk-back-link" to={back}>
        Back<span className="nhsuk-u-visually-hidden"> to the directory</span>
      </Link>
      {message !== null && <SuccessBanner key={`${message}-${String(done?.round ?? 0)}`}>{message}</SuccessBanner>}
      <span className="nhsuk-caption-l">
        <Link to={`/directory/organisations/${service.organization.id}`}>{service.organization.name}</Link>
      </span>
      <PageHeading>{service.name}</PageHeading>
      <p className="lw-tags">
        {service.status === 'active' && <Tag tag={listingStatusTag('active')} />}
        {tags.map((tag) => (
          <Tag key={tag.label} tag={tag} />
        ))}
        {service.schemeNote?.preferred === true && <Tag tag={{ label: 'Preferred by your scheme', colour: 'blue' }} />}
      </p>
      {service.status === 'closed' && (
        <InsetText>
          <p>This service has closed. It is kept here so that its history can still be read; it no longer shows in searches.</p>
        </InsetText>
      )}
      {service.alert !== null && service.alert !== '' && (
        <WarningCallout heading="Notice from the group" level={2}>
          <p>{service.alert}</p>
        </WarningCallout>
      )}
      {service.verification.stale && (
        <WarningCallout heading="This listing may be out of date" level={2}>
          <p>
            {service.verification.verifiedAt === null
              ? 'Nobody has checked it since it was added.'
              : `It was last checked on ${formatDate(service.verification.verifiedAt)}.`}{' '}
            Check the times and the contact with the group before referring anyone.
          </p>
        </WarningCallout>
      )}
      {service.permissions.edit && (
        <p className="nhsuk-body">
          <Link to={`/directory/services/${service.id}/edit`}>
            Edit listing<span className="nhsuk-u-visually-hidden">: {service.name}</span>
          </Link>
        </p>
      )}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <AboutSection service={service} />
          <HowToReferSection service={service} />
          <WhenWhereSection service={service} />
          <CostSection service={service} />
          <WhoForSection service={service} />
          <FreshnessSection service={service} onDone={onDone} />
          <SchemeNoteSection key={`note-${String(done?.round ?? 0)}`} service={service} onDone={onDone} />
          <PublicListingSection service={service} onDone={onDone} />
          <ResponseSection service={service} />
          <OrganisationSection service={service} />
          <ChangeHistory key={`history-${String(service.version)}-${String(done?.round ?? 0)}`} path={`${path}/history`} />
          <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">Listing last changed {formatDate(service.lastModified)}.</p>
        </div>
      </div>
    </>
  );
}
