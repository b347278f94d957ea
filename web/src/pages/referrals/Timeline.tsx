import type { ReactNode } from 'react';
import type { ReferralDetail } from '../../../../src/contracts/referrals.js';
import { formatDateTime } from '../../format/text.js';
import { codingText, newestFirst } from './labels.js';

/** Everything that happened to the referral, newest first, with the clinical code recorded. */
export function Timeline({ entries }: { entries: ReferralDetail['timeline'] }): ReactNode {
  return (
    <section>
      <h2 className="nhsuk-heading-m" id="timeline-heading">
        Timeline (newest first)
      </h2>
      {entries.length === 0 ? (
        <p className="nhsuk-body">Nothing has been recorded yet.</p>
      ) : (
        <ol className="nhsuk-list nhsuk-list--border">
          {newestFirst(entries).map((entry) => (
            <li key={entry.id}>
              <p className="nhsuk-body nhsuk-u-margin-bottom-1">
                <strong>{entry.label}</strong>
              </p>
              <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">
                <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>, by {entry.actor}
              </p>
              {entry.reason !== null && <p className="nhsuk-body-s nhsuk-u-margin-bottom-1">Reason: {entry.reason}</p>}
              {entry.code !== null && <p className="nhsuk-body-s nhsuk-u-margin-bottom-1 nhsuk-u-secondary-text-colour">{codingText(entry.code)}</p>}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
