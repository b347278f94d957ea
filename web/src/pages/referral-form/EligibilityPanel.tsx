import type { ReactNode } from 'react';
import type { ScreeningResultView } from '../../../../src/contracts/referrals.js';
import { InsetText, WarningCallout } from '../../components/Callouts.js';
import type { Eligibility } from './useEligibility.js';

/**
 * The eligibility check's result, in a live region so a screen reader hears it change. It
 * advises only: a referral that does not meet the criteria can still be sent, and a link worker
 * decides. The met or not met of each criterion is said in words, not by colour.
 */
const CRITERIA: Record<ScreeningResultView['reasons'][number]['criterion'], string> = {
  age: 'Age',
  practice: 'GP practice',
  needs: 'What they want help with',
  exclusion: 'Exclusion questions',
};

const HEADINGS: Record<Exclude<ScreeningResultView['outcome'], 'eligible'>, string> = {
  not_eligible: 'They may not be eligible',
  redirect: 'Another service may suit them better',
  unknown: 'Eligibility is not clear yet',
};

function metLabel(met: boolean | null): string {
  if (met === true) return 'met';
  if (met === false) return 'not met';
  return 'not known yet';
}

function Result({ result }: { result: ScreeningResultView }): ReactNode {
  const details = (
    <>
      <p>{result.summary}</p>
      {result.reasons.length > 0 && (
        <ul>
          {result.reasons.map((reason) => (
            <li key={`${reason.criterion}-${reason.explanation}`}>
              <strong>
                {CRITERIA[reason.criterion]} ({metLabel(reason.met)}):
              </strong>{' '}
              {reason.explanation}
            </li>
          ))}
        </ul>
      )}
      {result.redirectTo !== null && !result.summary.includes(result.redirectTo) && <p>Consider referring them to: {result.redirectTo}</p>}
    </>
  );
  if (result.outcome === 'eligible') return <InsetText>{details}</InsetText>;
  return (
    <WarningCallout heading={HEADINGS[result.outcome]}>
      {details}
      <p>You can still send the referral. A link worker will decide whether the scheme can help.</p>
    </WarningCallout>
  );
}

export function EligibilityPanel({ eligibility, onCheck }: { eligibility: Eligibility; onCheck: () => void }): ReactNode {
  const shown = eligibility.status === 'done' ? eligibility.result : eligibility.status === 'checking' ? eligibility.last : null;
  return (
    <section className="nhsuk-u-margin-bottom-8" aria-labelledby="eligibility-heading">
      <h2 className="nhsuk-heading-m" id="eligibility-heading">
        Eligibility
      </h2>
      <p className="nhsuk-body">
        We check the scheme’s criteria once you have entered their date of birth, and again when you change their GP practice, needs or answers
        to the questions above.
      </p>
      <div aria-live="polite">
        {eligibility.status === 'idle' && <p className="nhsuk-body">Not checked yet.</p>}
        {eligibility.status === 'checking' && <p className="nhsuk-body">Checking eligibility…</p>}
        {eligibility.status === 'failed' && <p className="nhsuk-body">Eligibility could not be checked. {eligibility.message}</p>}
        {shown !== null && <Result result={shown} />}
      </div>
      <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onCheck}>
        Check eligibility
      </button>
    </section>
  );
}
