import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { referralDetail } from '../../../../src/contracts/referrals.js';
import { useApi } from '../../api/useApi.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { InsetText } from '../../components/Callouts.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { SummaryList } from '../../components/SummaryList.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { Tag } from '../../components/Tag.js';
import { useFlash } from '../../session/flash.js';
import { personName, statusTag } from '../referrals/labels.js';
import { caseAlertsResponse, casePath, caseUrl, OPEN_CASE_STATUSES, referralPath } from './api.js';
import { AlertsAndTasks } from './AlertsAndTasks.js';
import { CaseCard, Loaded } from './CaseCard.js';
import { ContactsSection, PlanSection, WhatMattersSection } from './CaseSections.js';
import { OnwardSection } from './OnwardSection.js';

/**
 * The case hub, for a home visit on a tablet: the person, what needs doing, what matters to them,
 * their plan, contacts and onward referrals, each with its main action. A closed case is read-only.
 */
export function CasePage(): ReactNode {
  const { id = '' } = useParams();
  return <Case key={id} id={id} />;
}

function Case({ id }: { id: string }): ReactNode {
  const [load] = useApi(referralPath(id), referralDetail);
  const flash = useFlash();
  const [done, setDone] = useState<string | null>(null);
  const message = done ?? flash.message;
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (load.status === 'loading') {
    return (
      <>
        <PageHeading>Case</PageHeading>
        <Loading />
      </>
    );
  }
  const detail = load.data;
  const open = OPEN_CASE_STATUSES.includes(detail.status);
  const name = personName(detail.person);
  return (
    <>
      {message !== null && <SuccessBanner key={message}>{message}</SuccessBanner>}
      <PageHeading title={`${name} – case`}>{name}</PageHeading>
      <SummaryList
        rows={[
          { key: 'Status', value: <Tag tag={statusTag(detail.status)} /> },
          { key: 'Reference', value: detail.reference },
          { key: 'Link worker', value: detail.linkWorker?.name ?? 'Not allocated' },
        ]}
      />
      {!open && (
        <InsetText>
          <p>
            {detail.status === 'closed'
              ? 'This case is closed. Everything recorded stays in the person’s record and is shown here read-only.'
              : 'This referral is not on a caseload, so the case is shown read-only.'}
          </p>
        </InsetText>
      )}
      <AlertsCard id={id} readOnly={!open} onChanged={setDone} />
      <WhatMattersSection id={id} readOnly={!open} />
      <PlanSection id={id} readOnly={!open} />
      <ContactsSection id={id} readOnly={!open} />
      <OnwardSection id={id} readOnly={!open} />
      <CaseCard id="measures" heading="Measures">
        <p className="nhsuk-body">Wellbeing measures and stories for {name}.</p>
        <ButtonLink to={`/people/${detail.person.id}/outcomes`} secondary>
          See wellbeing measures
        </ButtonLink>
      </CaseCard>
      {open && (
        <p className="nhsuk-body">
          <ButtonLink to={caseUrl(id, '/close')} secondary>
            Close the case
          </ButtonLink>
        </p>
      )}
    </>
  );
}

function AlertsCard({ id, readOnly, onChanged }: { id: string; readOnly: boolean; onChanged: (message: string) => void }): ReactNode {
  const [load, reload] = useApi(`${casePath(id)}/alerts`, caseAlertsResponse);
  return (
    <CaseCard id="alerts" heading="Alerts and tasks">
      <Loaded load={load}>
        {(data) => (
          <AlertsAndTasks
            alerts={data.alerts}
            tasks={data.tasks}
            readOnly={readOnly}
            headingLevel={3}
            onChanged={(message) => {
              onChanged(message);
              reload();
            }}
          />
        )}
      </Loaded>
    </CaseCard>
  );
}
