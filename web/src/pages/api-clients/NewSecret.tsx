import type { ReactNode } from 'react';
import { useFocusOnMount } from '../../components/useFocusOnMount.js';

/**
 * The client secret, shown once: only its hash is kept, so if it is lost the client must be
 * revoked and made again. Focus moves here so the user cannot miss it.
 */
export function NewSecret({ name, clientId, clientSecret }: { name: string; clientId: string; clientSecret: string }): ReactNode {
  const heading = useFocusOnMount<HTMLHeadingElement>();
  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading" tabIndex={-1} ref={heading}>
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>Copy the secret for {name}
          </span>
        </h2>
        <p className="nhsuk-body">Copy it now, it will not be shown again. Give it only to the people who set up the system that uses it.</p>
        <dl className="nhsuk-summary-list">
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Client ID</dt>
            <dd className="nhsuk-summary-list__value lw-break">
              <code>{clientId}</code>
            </dd>
          </div>
          <div className="nhsuk-summary-list__row">
            <dt className="nhsuk-summary-list__key">Client secret</dt>
            <dd className="nhsuk-summary-list__value lw-break" data-testid="client-secret">
              <code>{clientSecret}</code>
            </dd>
          </div>
        </dl>
      </div>
    </div>
  );
}
