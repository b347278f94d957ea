import type { ReactNode } from 'react';
import type { ConsentInput, ReferralDetail } from '../../../../src/contracts/referrals.js';
import { WarningCallout } from '../../components/Callouts.js';
import type { ProblemFor } from './forms.js';
import { formatDate } from './labels.js';
import { RecordConsentForm } from './RecordConsentForm.js';

/**
 * What must be seen before anything else on a referral: consent withdrawn (stop sharing), or
 * consent never recorded (record it before contacting the person).
 */
interface Props {
  consent: ReferralDetail['consent'];
  /** Link workers and managers may record consent here. */
  canRecord: boolean;
  recordConsent: (body: ConsentInput) => Promise<void>;
  problemFor: ProblemFor;
}

export function ConsentCallout({ consent, canRecord, recordConsent, problemFor }: Props): ReactNode {
  if (consent === null) {
    return (
      <WarningCallout heading="Consent not recorded yet" level={2}>
        <p className="nhsuk-body">
          This referral arrived without a record of the person’s consent. Check with the person or the referrer that they agree to be referred
          before anyone contacts them.
        </p>
        {canRecord ? (
          <RecordConsentForm send={recordConsent} problemFor={problemFor} />
        ) : (
          <p className="nhsuk-body">A link worker will record consent once it has been checked.</p>
        )}
      </WarningCallout>
    );
  }
  if (consent.withdrawnAt === null) return null;
  return (
    <WarningCallout heading={`Consent withdrawn on ${formatDate(consent.withdrawnAt)}: do not share this person’s details with anyone further`} level={2}>
      <p className="nhsuk-body">
        {consent.withdrawnReason === null ? 'No reason was recorded.' : <>Reason: {consent.withdrawnReason}</>}
      </p>
      {consent.withdrawalRecordedBy !== null && <p className="nhsuk-body">Recorded by {consent.withdrawalRecordedBy}.</p>}
      <p className="nhsuk-body">This referral can now only be declined, marked as not eligible or closed.</p>
    </WarningCallout>
  );
}
