import { useState, type ReactNode } from 'react';
import { useParams } from 'react-router-dom';
import { planCopy, sendPlanResult, type PlanCopy } from '../../../../src/contracts/plan-copy.js';
import { postJson } from '../../api/client.js';
import { useApi, useProblemHandler } from '../../api/useApi.js';
import { InsetText } from '../../components/Callouts.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { noErrors, type FormErrors } from '../../forms/errors.js';
import { casePath, caseUrl, referralPath } from './api.js';
import { referralDetail } from '../../../../src/contracts/referrals.js';
import { BackToCase } from './BackToCase.js';

/** The person's own copy of their plan, laid out to print, and sent by email when they want. */
export function PlanPage(): ReactNode {
  const { id = '' } = useParams();
  const [load] = useApi(`${casePath(id)}/plan/copy`, planCopy);
  const [referral] = useApi(referralPath(id), referralDetail);
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  const back = <BackToCase to={caseUrl(id)} noPrint />;
  if (load.status === 'loading') {
    return (
      <>
        {back}
        <PageHeading>Your plan</PageHeading>
        <Loading />
      </>
    );
  }
  // undefined until the record has loaded: only a loaded record can show there is no address.
  const email = referral.status === 'ok' ? referral.data.person.email : undefined;
  return (
    <>
      {back}
      <PlanCopyView copy={load.data} actions={<PlanActions referralId={id} email={email} emailLoading={referral.status === 'loading'} />} />
    </>
  );
}

function PlanActions({ referralId, email, emailLoading }: { referralId: string; email: string | null | undefined; emailLoading: boolean }): ReactNode {
  const handle = useProblemHandler();
  const [sent, setSent] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  async function send(): Promise<void> {
    setBusy(true);
    try {
      await postJson(`${casePath(referralId)}/plan/send`, { channel: 'email' }, sendPlanResult);
      setErrors(noErrors);
      setSent(`The plan is on its way to ${email ?? 'the person'} by email.`);
    } catch (error) {
      const problem = handle(error);
      if (problem !== null) setErrors({ detail: problem.detail, fields: {} });
    } finally {
      setBusy(false);
    }
  }
  return (
    <div className="lw-no-print">
      {sent !== null && <SuccessBanner key={sent}>{sent}</SuccessBanner>}
      <ErrorSummary errors={errors} order={[]} />
      <button className="nhsuk-button" type="button" onClick={() => { window.print(); }}>
        Print
      </button>{' '}
      {emailLoading ? null : email === null ? (
        <InsetText>
          <p>There is no email address in this person’s record, so the plan cannot be emailed. Print it, or add their email address to their record first.</p>
        </InsetText>
      ) : (
        <button className="nhsuk-button nhsuk-button--secondary" type="button" disabled={busy} onClick={() => { void send(); }}>
          Send by email{email !== undefined && <span className="nhsuk-u-visually-hidden"> to {email}</span>}
        </button>
      )}
    </div>
  );
}

function PlanCopyView({ copy, actions }: { copy: PlanCopy; actions: ReactNode }): ReactNode {
  return (
    <article className="lw-plan-copy">
      <PageHeading title="Your plan">
        <span className="nhsuk-caption-l">
          {copy.schemeName}
          <span className="nhsuk-u-visually-hidden"> – </span>
        </span>
        Your plan, {copy.personName}
      </PageHeading>
      <p className="nhsuk-body">Prepared on {copy.preparedOn}{copy.linkWorkerName !== null && <> with {copy.linkWorkerName}, your link worker</>}.</p>
      {actions}
      {copy.whatMatters !== null && (
        <>
          <h2 className="nhsuk-heading-m">What matters to you</h2>
          <p className="nhsuk-body lw-pre-line">{copy.whatMatters}</p>
        </>
      )}
      <h2 className="nhsuk-heading-m">Your goals</h2>
      {copy.goals.length === 0 && <p className="nhsuk-body">No goals yet.</p>}
      {copy.goals.map((goal, index) => (
        <section key={index} className="nhsuk-u-margin-bottom-5">
          <h3 className="nhsuk-heading-s">{goal.title}</h3>
          <p className="nhsuk-body">
            {goal.status}
            {goal.targetDate !== null && <>, {goal.targetDate}</>}
            {goal.reviewDate !== null && <>. We will look at it again on {goal.reviewDate}</>}.
          </p>
          {goal.steps.length > 0 && (
            <ul className="nhsuk-list nhsuk-list--bullet">
              {goal.steps.map((step, n) => (
                <li key={n}>
                  {step.who}: {step.text}
                  {step.done && ' (done)'}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
      {copy.nextReview !== null && <p className="nhsuk-body">Next review: {copy.nextReview}.</p>}
      <h2 className="nhsuk-heading-m">How to contact us</h2>
      <p className="nhsuk-body">
        {copy.contact.linkWorkerName ?? 'Your link worker'}
        {copy.contact.phone !== null && <>, phone {copy.contact.phone}</>}
        {copy.contact.email !== null && <>, email {copy.contact.email}</>}.
      </p>
    </article>
  );
}
