import type { ReactNode } from 'react';
import { PageHeading } from '../../components/PageHeading.js';

/** How Linkwell handles personal data, in plain words. A scheme adds its own controller details. */
export function PrivacyPage(): ReactNode {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading>Privacy</PageHeading>
        <p className="nhsuk-body">
          Linkwell holds information about people referred for social prescribing and about the staff who support them. Each scheme that uses Linkwell is responsible for the information it holds.
        </p>
        <h2 className="nhsuk-heading-m">Why we use your information</h2>
        <p className="nhsuk-body">
          Information is used to provide care and support. The lawful basis is UK GDPR Article 6(1)(e), a task in the public interest, with Article 9(2)(h) for health and care.
        </p>
        <p className="nhsuk-body">Before a referral is shared with a voluntary or community organisation, the person is asked whether they agree, and their answer is recorded.</p>
        <h2 className="nhsuk-heading-m">Who can see it</h2>
        <p className="nhsuk-body">
          Each person sees only what their job needs. Every time someone reads or changes personal information, it is recorded in an audit trail that cannot be changed.
        </p>
        <h2 className="nhsuk-heading-m">Cookies</h2>
        <p className="nhsuk-body">Linkwell uses a cookie to keep you signed in. The service cannot work without it, so we do not ask for consent. It is not used to track you.</p>
        <h2 className="nhsuk-heading-m">Your rights</h2>
        <p className="nhsuk-body">You can ask to see the information held about you, and ask for it to be corrected. Contact the scheme that holds your information.</p>
      </div>
    </div>
  );
}
