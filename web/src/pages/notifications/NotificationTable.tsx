import type { ReactNode } from 'react';
import type { NotificationView } from '../../../../src/contracts/admin.js';
import { ResponsiveTable } from '../../components/ResponsiveTable.js';
import { formatDateTime } from '../../format/text.js';
import { canRetry, statusTag } from './status.js';

/** The outbox. Recipients arrive masked from the server; the table never sees a full address. */
interface Props {
  items: readonly NotificationView[];
  caption: string;
  busyId: string | null;
  onRetry: (item: NotificationView) => void;
}

function Action({ item, busyId, onRetry }: { item: NotificationView } & Pick<Props, 'busyId' | 'onRetry'>): ReactNode {
  if (!canRetry(item.status)) return 'None';
  return (
    <button
      className="nhsuk-button nhsuk-button--secondary nhsuk-button--small nhsuk-u-margin-bottom-0"
      type="button"
      disabled={busyId === item.id}
      onClick={() => {
        onRetry(item);
      }}
    >
      Retry<span className="nhsuk-u-visually-hidden"> {item.channel} to {item.recipient}</span>
    </button>
  );
}

export function NotificationTable({ items, caption, busyId, onRetry }: Props): ReactNode {
  return (
    <ResponsiveTable
      caption={caption}
      headers={['Created', 'Channel', 'Message', 'Recipient', 'Status', 'Attempts', 'Last error', 'Action']}
      rows={items.map((item) => {
        const tag = statusTag(item.status);
        return {
          key: item.id,
          cells: [
            formatDateTime(item.createdAt),
            item.channel === 'sms' ? 'Text message' : 'Email',
            item.template,
            item.recipient,
            <strong className={tag.className}>{tag.label}</strong>,
            String(item.attempts),
            item.lastError ?? 'None',
            <Action item={item} busyId={busyId} onRetry={onRetry} />,
          ],
        };
      })}
    />
  );
}
