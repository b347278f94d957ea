import type { ReactNode } from 'react';
import { WarningCard } from './WarningCard.js';

/**
 * The client secret, shown once: only its hash is kept, so if it is lost the client must be
 * revoked and made again. Focus moves here so the user cannot miss it.
 */
export function NewSecret({ name, clientId, clientSecret }: { name: string; clientId: string; clientSecret: string }): ReactNode {
  return (
    <WarningCard heading={<>Copy the secret for {name}</>}>
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
    </WarningCard>
  );
}
