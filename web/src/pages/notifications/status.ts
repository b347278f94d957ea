import type { NotificationView } from '../../../../src/contracts/admin.js';

/** Tag colour and words for each outbox status: green done, red needs attention, others waiting. */
type Status = NotificationView['status'];

const TAGS: Record<Status, { label: string; colour: string }> = {
  queued: { label: 'Queued', colour: 'grey' },
  sending: { label: 'Sending', colour: 'blue' },
  sent: { label: 'Sent', colour: 'blue' },
  delivered: { label: 'Delivered', colour: 'green' },
  failed: { label: 'Failed', colour: 'red' },
  'permanent-failure': { label: 'Permanent failure', colour: 'red' },
};

export function statusTag(status: Status): { label: string; className: string } {
  const { label, colour } = TAGS[status];
  return { label, className: `nhsuk-tag nhsuk-tag--${colour}` };
}

/** A temporary failure can be tried again; a permanent one (a bad address) would only fail again. */
export function canRetry(status: Status): boolean {
  return status === 'failed' || status === 'permanent-failure';
}

export const STATUSES = Object.keys(TAGS) as Status[];
