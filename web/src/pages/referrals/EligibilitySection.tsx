import type { ReactNode } from 'react';
import { overrideRequest, type ReferralDetail } from '../../../../src/contracts/referrals.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SummaryList, type SummaryRow } from '../../components/SummaryList.js';
import { TextArea } from '../../components/TextArea.js';
import { formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { checkRenamed, type ProblemFor } from './forms.js';
import { criterionText, ELIGIBILITY_OUTCOME_LABELS } from './labels.js';

/**
 * The scheme's eligibility check as it ran when the referral arrived, and any override. A link
 * worker can override a "not eligible" result, with a reason that goes into the history.
 */
const FIELDS = { reason: 'overrideReason' } as const;

interface OverrideProps {
  override: (body: { reason: string }) => Promise<void>;
  problemFor: ProblemFor;
}

function OverrideForm({ override, problemFor }: OverrideProps): ReactNode {
  const order = Object.values(FIELDS);
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: order,
    check: (data) => checkRenamed(overrideRequest, { reason: formText(data, FIELDS.reason) }, FIELDS),
    send: override,
    toProblem: problemFor(FIELDS),
  });
  return (
    <>
      <h3 className="nhsuk-heading-s" id="override-heading">
        Override the eligibility result
      </h3>
      <ErrorSummary errors={errors} order={order} />
      <form onSubmit={onSubmit} noValidate aria-labelledby="override-heading">
        <TextArea
          name={FIELDS.reason}
          label="Why should this person be seen?"
          hint="For example, they moved to a registered practice last week. This is kept in the referral’s history."
          error={errors.fields[FIELDS.reason]}
        />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={busy}>
          Override result
        </button>
      </form>
    </>
  );
}

function rows(detail: Pick<ReferralDetail, 'eligibility' | 'eligibilityOverride'>): SummaryRow[] {
  const { eligibility, eligibilityOverride } = detail;
  if (eligibility === null) return [{ key: 'Result', value: 'Not checked' }];
  const result: SummaryRow[] = [
    { key: 'Result', value: ELIGIBILITY_OUTCOME_LABELS[eligibility.outcome] },
    { key: 'Summary', value: eligibility.summary },
  ];
  if (eligibility.reasons.length > 0) {
    result.push({
      key: 'Checks',
      value: (
        <ul className="nhsuk-list nhsuk-u-margin-bottom-0">
          {eligibility.reasons.map((reason) => (
            <li key={reason.criterion}>
              {criterionText(reason.met)}: {reason.explanation}
            </li>
          ))}
        </ul>
      ),
    });
  }
  if (eligibility.redirectTo !== null) result.push({ key: 'Suggested service', value: eligibility.redirectTo });
  if (eligibilityOverride !== null) {
    result.push({ key: 'Overridden', value: `By ${eligibilityOverride.by}: ${eligibilityOverride.reason}` });
  }
  return result;
}

interface Props extends OverrideProps {
  detail: Pick<ReferralDetail, 'eligibility' | 'eligibilityOverride'>;
  canOverride: boolean;
}

export function EligibilitySection({ detail, canOverride, override, problemFor }: Props): ReactNode {
  const overridable = canOverride && detail.eligibility?.outcome === 'not_eligible' && detail.eligibilityOverride === null;
  return (
    <section>
      <h2 className="nhsuk-heading-m" id="eligibility-heading">
        Eligibility
      </h2>
      <SummaryList rows={rows(detail)} />
      {overridable && <OverrideForm override={override} problemFor={problemFor} />}
    </section>
  );
}
