import type { ReactNode } from 'react';
import { groupSecret } from '../../format/text.js';

/**
 * How to add the key to an authenticator app, without a QR code: the key typed in by hand,
 * in groups of 4, or the otpauth address for apps and password managers that accept one.
 */
export function SetupKey({ secret, otpauthUrl }: { secret: string; otpauthUrl: string }): ReactNode {
  return (
    <>
      <h2 className="nhsuk-heading-m">Add Linkwell to your authenticator app</h2>
      <ol className="nhsuk-list nhsuk-list--number">
        <li>Install an authenticator app on your phone if you do not have one, for example Microsoft Authenticator or Google Authenticator.</li>
        <li>In the app, choose to add an account and to enter a setup key.</li>
        <li>Enter this key. The spaces do not matter.</li>
      </ol>
      <div className="nhsuk-inset-text">
        <span className="nhsuk-u-visually-hidden">Setup key: </span>
        <p className="nhsuk-body-l nhsuk-u-font-weight-bold lw-break" data-testid="mfa-secret">
          <code className="lw-secret">{groupSecret(secret)}</code>
        </p>
      </div>
      <details className="nhsuk-details">
        <summary className="nhsuk-details__summary">
          <span className="nhsuk-details__summary-text">My app asks for a setup link instead</span>
        </summary>
        <div className="nhsuk-details__text">
          <p className="nhsuk-body">Copy this link into the app:</p>
          <p className="nhsuk-body lw-break">
            <code>{otpauthUrl}</code>
          </p>
        </div>
      </details>
    </>
  );
}
