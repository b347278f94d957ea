import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ConfirmationPanel } from '../../components/ConfirmationPanel.js';
import type { SentReferral } from './drafts.js';

/** The confirmation after sending: the reference, what happens next, and where to go. */
interface Props {
  referral: SentReferral;
  firstContactWorkingDays: number;
  onAnother: () => void;
}

export function ReferralSent({ referral, firstContactWorkingDays, onAnother }: Props): ReactNode {
  const days = `${firstContactWorkingDays} working day${firstContactWorkingDays === 1 ? '' : 's'}`;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ConfirmationPanel heading="Referral sent">
          Reference number
          <br />
          <strong className="lw-break">{referral.reference}</strong>
        </ConfirmationPanel>
        <h2 className="nhsuk-heading-m">What happens next</h2>
        <p className="nhsuk-body">A link worker will read the referral and check that the scheme can help.</p>
        <p className="nhsuk-body">We aim to make first contact with the person within {days}.</p>
        <p className="nhsuk-body">If you asked for updates, we will send them as the referral moves on.</p>
        <ul className="nhsuk-list">
          <li>
            <Link to={`/referrals/${referral.id}`}>View this referral</Link>
          </li>
          <li>
            <Link to="/referrals/new" onClick={onAnother}>
              Make another referral
            </Link>
          </li>
        </ul>
      </div>
    </div>
  );
}
