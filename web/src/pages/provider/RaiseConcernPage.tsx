import { useState, type ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { CONCERN_URGENCIES, type ConcernUrgency } from '../../../../src/contracts/casework-codes.js';
import { concern, concernInput, providerReferral, type Concern } from '../../../../src/contracts/onward.js';
import { postJson } from '../../api/client.js';
import { useApi, useProblemHandler } from '../../api/useApi.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { ConfirmationPanel } from '../../components/ConfirmationPanel.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { TextArea } from '../../components/TextArea.js';
import { checkWith, formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { providerReferralApi, providerReferralPage } from './api.js';

/**
 * A volunteer's worry about someone they support, sent to the person's link worker and the
 * scheme's safeguarding lead. It says plainly that an emergency is a 999 call first.
 */
const URGENCY_LABELS: Record<ConcernUrgency, { label: string; hint: string }> = {
  routine: { label: 'Routine', hint: 'The link worker will follow it up in their usual working time' },
  urgent: { label: 'Urgent', hint: 'Someone needs to act today' },
};
const FIELDS = ['urgency', 'concern'] as const;

export function RaiseConcernPage(): ReactNode {
  const { id = '' } = useParams();
  return <RaiseConcern key={id} id={id} />;
}

function RaiseConcern({ id }: { id: string }): ReactNode {
  const [load] = useApi(providerReferralApi(id), providerReferral);
  const [sent, setSent] = useState<Concern | null>(null);
  const toProblem = useProblemHandler();
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: FIELDS,
    check: (data) => {
      const urgency = formText(data, 'urgency');
      if (urgency === '') return { ok: false, errors: { detail: null, fields: { urgency: 'Choose how urgent the concern is' } } };
      return checkWith(concernInput, { urgency, concern: formText(data, 'concern') });
    },
    send: async (body) => {
      setSent(await postJson(`${providerReferralApi(id)}/concerns`, body, concern));
    },
    toProblem,
  });
  const back = (
    <Link className="nhsuk-back-link" to={providerReferralPage(id)}>
      Back<span className="nhsuk-u-visually-hidden"> to the referral</span>
    </Link>
  );
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (sent !== null) {
    return (
      <>
        <ConfirmationPanel heading="Concern sent">
          {sent.urgency === 'urgent' ? 'Marked urgent.' : 'Marked routine.'}
        </ConfirmationPanel>
        <p className="nhsuk-body">The person&apos;s link worker and the scheme&apos;s safeguarding lead have been told, and will contact you if they need to know more.</p>
        <p className="nhsuk-body">
          <Link to={providerReferralPage(id)}>Back to the referral</Link>
        </p>
      </>
    );
  }
  return (
    <>
      {back}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} order={FIELDS} />
          <PageHeading title="Raise a concern">
            {load.status === 'ok' && (
              <span className="nhsuk-caption-l">
                Referral {load.data.reference}
                <span className="nhsuk-u-visually-hidden"> – </span>
              </span>
            )}
            Raise a concern
          </PageHeading>
          {load.status === 'loading' && <Loading />}
          <form onSubmit={onSubmit} noValidate>
            <ChoiceField
              type="radio"
              name="urgency"
              legend="How urgent is it?"
              hint="If someone is in immediate danger, call 999 first."
              items={CONCERN_URGENCIES.map((code) => ({ value: code, ...URGENCY_LABELS[code] }))}
              error={errors.fields.urgency}
            />
            <TextArea
              name="concern"
              label="What did you see or hear?"
              hint="Say what happened and when, in your own words. Write what you saw or were told, not what you think it means."
              rows={6}
              error={errors.fields.concern}
            />
            <button className="nhsuk-button" type="submit" disabled={busy}>
              Send concern
            </button>
          </form>
        </div>
      </div>
    </>
  );
}
