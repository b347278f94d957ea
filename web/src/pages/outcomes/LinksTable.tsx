import { useState, type ReactNode } from 'react';
import { measureLink, timepointLabel, type MeasureLinkDto } from '../../../../src/contracts/outcomes.js';
import { postJson } from '../../api/client.js';
import { useProblemHandler } from '../../api/useApi.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { Tag } from '../../components/Tag.js';
import { noErrors, type FormErrors } from '../../forms/errors.js';
import { formatDateTime } from '../../format/text.js';
import { deliveryText } from '../referrals/labels.js';
import { CHANNEL_LABELS, linkTag } from './labels.js';

/**
 * The questionnaire links sent to the person, newest first, with what became of each. An open
 * link can be revoked (sent to the wrong address, or no longer wanted); the person then sees a
 * kind message instead of the questions.
 */
interface Props {
  links: readonly MeasureLinkDto[];
  onRevoked: (link: MeasureLinkDto) => void;
}

export function LinksTable({ links, onRevoked }: Props): ReactNode {
  const handle = useProblemHandler();
  const [busy, setBusy] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  async function revoke(link: MeasureLinkDto): Promise<void> {
    setBusy(link.id);
    try {
      const revoked = await postJson(`/api/measure-links/${encodeURIComponent(link.id)}/revoke`, {}, measureLink);
      setErrors(noErrors);
      onRevoked(revoked);
    } catch (error) {
      const problem = handle(error);
      if (problem !== null) setErrors({ detail: problem.detail, fields: {} });
    } finally {
      setBusy(null);
    }
  }

  const sorted = [...links].sort((a, b) => b.sentAt.localeCompare(a.sentAt));
  return (
    <section aria-labelledby="links-heading">
      <h3 className="nhsuk-heading-s" id="links-heading">
        Links sent
      </h3>
      <ErrorSummary errors={errors} order={[]} />
      {sorted.length === 0 ? (
        <p className="nhsuk-body">No links have been sent.</p>
      ) : (
        <ResponsiveTable
          caption={<span className="nhsuk-u-visually-hidden">Questionnaire links sent, newest first</span>}
          headers={['Measure', 'Timepoint', 'Sent', 'Open until', 'State', 'Action']}
          rowHeader={false}
          rows={sorted.map((link) => ({
            key: link.id,
            cells: [
              link.measureName,
              timepointLabel(link.timepoint),
              <>
                {formatDateTime(link.sentAt)} by {CHANNEL_LABELS[link.channel].toLowerCase()}
                {link.notificationStatus !== null && <span className="nhsuk-body-s nhsuk-u-display-block">{deliveryText(link.notificationStatus)}</span>}
              </>,
              formatDateTime(link.expiresAt),
              <Tag tag={linkTag(link.state)} />,
              link.state === 'open' ? (
                <button
                  className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
                  type="button"
                  disabled={busy === link.id}
                  onClick={() => {
                    void revoke(link);
                  }}
                >
                  Revoke<span className="nhsuk-u-visually-hidden"> the {link.measureName} link sent {formatDateTime(link.sentAt)}</span>
                </button>
              ) : (
                'None'
              ),
            ],
          }))}
        />
      )}
    </section>
  );
}
