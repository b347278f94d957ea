import { useCallback, useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import {
  referralDetail,
  referralSettings,
  type ConsentInput,
  type ReferralDetail,
  type ReferralEventRequest,
} from '../../../../src/contracts/referrals.js';
import { postJson } from '../../api/client.js';
import { useApi, useProblemHandler } from '../../api/useApi.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { noErrors, type FormErrors } from '../../forms/errors.js';
import { canRefer, canTriage } from '../../layout/navigation.js';
import { currentRole, useSession } from '../../session/context.js';
import { PersonSummary } from '../people/PersonSummary.js';
import { usePostIfMatch } from './api.js';
import { ConsentCallout } from './ConsentCallout.js';
import { ConsentSection } from './ConsentSection.js';
import { EligibilitySection } from './EligibilitySection.js';
import { eventDoneMessage } from './events.js';
import { FeedbackSection } from './FeedbackSection.js';
import { isStale, renameProblem, STALE_MESSAGE, type ProblemFor } from './forms.js';
import { ReferralActions } from './ReferralActions.js';
import { LinkWorkerSection, ReferralSection, ReferrerSection, RiskCallout, StatusSection } from './ReferralSections.js';
import { Timeline } from './Timeline.js';

/**
 * One referral: what it says, where it stands, what can be done next and what has happened.
 * Every change answers with the referral as it now is, which the page shows straight away.
 * Lifecycle changes carry the version the page showed; if someone else got there first the
 * server answers 412 and the page reloads the latest version and says so.
 */
export function ReferralDetailPage(): ReactNode {
  const { id = '' } = useParams();
  // A new referral is a new page: nothing from the last one's forms or messages carries over.
  return <Referral key={id} id={id} />;
}

function Referral({ id }: { id: string }): ReactNode {
  const path = `/api/referrals/${encodeURIComponent(id)}`;
  const role = currentRole(useSession().state);
  const [load, reload] = useApi(path, referralDetail);
  const [settings] = useApi('/api/referral-settings', referralSettings);
  const handle = useProblemHandler();
  const postIfMatch = usePostIfMatch();
  const [fresh, setFresh] = useState<ReferralDetail | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [pageErrors, setPageErrors] = useState<FormErrors>(noErrors);
  // Counts changes, so each form starts empty again after any change (not all bump the version).
  const [changes, setChanges] = useState(0);

  const problemFor: ProblemFor = useCallback(
    (map) => (error) => {
      const problem = handle(error);
      if (problem === null) return null;
      if (isStale(problem)) {
        setFresh(null);
        setDone(null);
        setChanges((n) => n + 1);
        setPageErrors({ detail: STALE_MESSAGE, fields: {} });
        reload();
        return null;
      }
      return renameProblem(problem, map);
    },
    [handle, reload],
  );

  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  const detail = fresh ?? (load.status === 'ok' ? load.data : null);
  if (detail === null) {
    return (
      <>
        <PageHeading>Referral</PageHeading>
        <Loading />
      </>
    );
  }

  function changed(next: ReferralDetail, message: string): void {
    setFresh(next);
    setChanges((n) => n + 1);
    setPageErrors(noErrors);
    setDone(message);
  }

  async function sendEvent(body: ReferralEventRequest): Promise<void> {
    if (detail === null) return;
    const next = await postIfMatch(`${path}/events`, body, referralDetail, detail.version);
    changed(next, eventDoneMessage(body.type, next));
  }

  async function override(body: { reason: string }): Promise<void> {
    changed(await postJson(`${path}/eligibility-override`, body, referralDetail), 'The eligibility result has been overridden.');
  }

  async function withdraw(body: { reason?: string | undefined }): Promise<void> {
    changed(await postJson(`${path}/consent/withdraw`, body, referralDetail), 'Consent has been withdrawn. Do not share this person’s details any further.');
  }

  async function recordConsent(body: ConsentInput): Promise<void> {
    changed(await postJson(`${path}/consent`, body, referralDetail), 'Consent has been recorded.');
  }

  const caseworker = canTriage(role);
  const formKey = `${detail.version}-${changes}`;
  // Referrers (their own referrals), link workers and managers may update a referral.
  const canUpdate = canRefer(role);
  const needCategories = settings.status === 'ok' ? settings.data.needCategories : [];
  return (
    <>
      {done !== null && <SuccessBanner key={done}>{done}</SuccessBanner>}
      <ErrorSummary errors={pageErrors} order={[]} />
      <PageHeading>{`Referral ${detail.reference}`}</PageHeading>
      <div key={`consent-${formKey}`}>
        <ConsentCallout consent={detail.consent} canRecord={caseworker} recordConsent={recordConsent} problemFor={problemFor} />
      </div>
      <StatusSection detail={detail} />
      <section>
        <h2 className="nhsuk-heading-m" id="person-heading">
          Person
        </h2>
        <PersonSummary
          person={detail.person}
          linkToRecord={caseworker}
          practiceName={detail.practiceOds === detail.person.gpPracticeOds ? detail.practiceName : null}
        />
      </section>
      <ReferralSection detail={detail} needCategories={needCategories} />
      <RiskCallout riskInfo={detail.riskInfo} />
      <ReferrerSection referrer={detail.referrer} />
      <EligibilitySection key={`eligibility-${formKey}`} detail={detail} canOverride={caseworker} override={override} problemFor={problemFor} />
      <LinkWorkerSection detail={detail} />
      {(caseworker || detail.allowedEvents.length > 0) && (
        <ReferralActions key={`actions-${formKey}`} detail={detail} sendEvent={sendEvent} problemFor={problemFor} />
      )}
      {detail.consent !== null && (
        <ConsentSection key={`withdraw-${formKey}`} consent={detail.consent} canWithdraw={canUpdate} withdraw={withdraw} problemFor={problemFor} />
      )}
      <Timeline entries={detail.timeline} />
      <FeedbackSection id={detail.id} feedback={detail.feedback} feedbackPreference={detail.feedbackPreference} />
    </>
  );
}
