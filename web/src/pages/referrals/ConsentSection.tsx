import type { ReactNode } from 'react';
import { CONSENT_SCOPE_LABELS } from '../../../../src/contracts/referral-codes.js';
import { withdrawConsentRequest, type ReferralDetail } from '../../../../src/contracts/referrals.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Lines, SummaryList } from '../../components/SummaryList.js';
import { TextArea } from '../../components/TextArea.js';
import { formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { checkRenamed, optionalText, type ProblemFor } from './forms.js';
import { CONSENT_GIVER_LABELS, CONSENT_METHOD_LABELS, formatDate } from './labels.js';

/** The consent recorded with the referral, and the form to record that it was withdrawn. */
type Consent = NonNullable<ReferralDetail['consent']>;

const FIELDS = { reason: 'withdrawReason' } as const;

interface WithdrawProps {
  withdraw: (body: { reason?: string | undefined }) => Promise<void>;
  problemFor: ProblemFor;
}

function WithdrawConsentForm({ withdraw, problemFor }: WithdrawProps): ReactNode {
  const order = Object.values(FIELDS);
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: order,
    check: (data) => checkRenamed(withdrawConsentRequest, { reason: optionalText(formText(data, FIELDS.reason)) }, FIELDS),
    send: withdraw,
    toProblem: problemFor(FIELDS),
  });
  return (
    <>
      <h3 className="nhsuk-heading-s" id="withdraw-heading">
        Withdraw consent
      </h3>
      <ErrorSummary errors={errors} order={order} />
      <form onSubmit={onSubmit} noValidate aria-labelledby="withdraw-heading">
        <p className="nhsuk-body">
          Do this if the person tells you they no longer agree. Their details will not be shared any further, and the referral can then only be
          declined, marked as not eligible or closed.
        </p>
        <TextArea name={FIELDS.reason} label="What did the person say? (optional)" rows={3} error={errors.fields[FIELDS.reason]} />
        <button className="nhsuk-button nhsuk-button--warning" type="submit" disabled={busy}>
          Withdraw consent
        </button>
      </form>
    </>
  );
}

interface Props extends WithdrawProps {
  consent: Consent;
  /** Referrers, link workers and managers may record a withdrawal. */
  canWithdraw: boolean;
}

export function ConsentSection({ consent, canWithdraw, withdraw, problemFor }: Props): ReactNode {
  const givenBy = consent.givenByName === null ? CONSENT_GIVER_LABELS[consent.givenBy] : `${CONSENT_GIVER_LABELS[consent.givenBy]}: ${consent.givenByName}`;
  const rows = [
    { key: 'Given by', value: givenBy },
    { key: 'How', value: CONSENT_METHOD_LABELS[consent.method] },
    { key: 'Agreed to', value: <Lines lines={consent.scopes.map((s) => CONSENT_SCOPE_LABELS[s])} empty="Nothing recorded" /> },
    { key: 'Given on', value: formatDate(consent.givenAt) },
    { key: 'Recorded by', value: consent.recordedBy },
  ];
  if (consent.withdrawnAt !== null) {
    rows.push({ key: 'Withdrawn on', value: formatDate(consent.withdrawnAt) });
    rows.push({ key: 'Reason for withdrawal', value: consent.withdrawnReason ?? 'Not recorded' });
  }
  return (
    <section>
      <h2 className="nhsuk-heading-m" id="consent-heading">
        Consent
      </h2>
      <SummaryList rows={rows} />
      {canWithdraw && consent.withdrawnAt === null && <WithdrawConsentForm withdraw={withdraw} problemFor={problemFor} />}
    </section>
  );
}
