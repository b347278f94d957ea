import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { plan } from '../../../../src/contracts/casework.js';
import { serviceDetail } from '../../../../src/contracts/directory.js';
import { referralDetail } from '../../../../src/contracts/referrals.js';
import { useApi } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { SummaryList } from '../../components/SummaryList.js';
import { capacityText } from '../directory/labels.js';
import { caseApi, referralApi, serviceApi } from './api.js';
import { OnwardReferralForm } from './OnwardReferralForm.js';

/**
 * Referring the person on to one group or service, with their consent to share with that
 * organisation. Reached from "Refer" on the find-a-service page.
 */
export function OnwardReferralFormPage(): ReactNode {
  const { id = '', serviceId = '' } = useParams();
  return <ReferOn key={`${id}/${serviceId}`} referralId={id} serviceId={serviceId} />;
}

function ReferOn({ referralId, serviceId }: { referralId: string; serviceId: string }): ReactNode {
  const [referral] = useApi(referralApi(referralId), referralDetail);
  const [service] = useApi(serviceApi(serviceId), serviceDetail);
  const [goals] = useApi(`${caseApi(referralId)}/plan`, plan);
  const back = (
    <Link className="nhsuk-back-link" to={`/cases/${encodeURIComponent(referralId)}/refer-on`}>
      Back<span className="nhsuk-u-visually-hidden"> to find a service</span>
    </Link>
  );
  for (const load of [referral, service, goals]) if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (referral.status !== 'ok' || service.status !== 'ok' || goals.status !== 'ok') {
    return (
      <>
        {back}
        <PageHeading>Refer to a service</PageHeading>
        <Loading />
      </>
    );
  }
  const s = service.data;
  const places = capacityText(s.capacity);
  return (
    <>
      {back}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <PageHeading title={`Refer to ${s.name}`}>
            <span className="nhsuk-caption-l">
              {referral.data.personName}
              <span className="nhsuk-u-visually-hidden"> – </span>
            </span>
            Refer to {s.name}
          </PageHeading>
          <SummaryList
            rows={[
              { key: 'Service', value: s.name },
              { key: 'Run by', value: s.organization.name },
              { key: 'Places', value: places ?? 'Not recorded' },
              ...(s.description === null ? [] : [{ key: 'About', value: s.description }]),
            ]}
          />
          {s.referralMode === 'signposting' ? (
            <p className="nhsuk-body">
              This group does not take referrals: people contact it themselves.{' '}
              <Link to={`/cases/${encodeURIComponent(referralId)}/signpost?serviceId=${encodeURIComponent(s.id)}`}>Record signposting instead</Link>
            </p>
          ) : (
            <OnwardReferralForm
              referralId={referralId}
              serviceId={s.id}
              serviceName={s.name}
              organisationName={s.organization.name}
              personName={referral.data.personName}
              goals={goals.data.goals}
            />
          )}
        </div>
      </div>
    </>
  );
}
