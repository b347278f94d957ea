import type { ReferralDetail, ReferralEventRequest } from '../../../../src/contracts/referrals.js';

/**
 * The lifecycle actions the referral page offers, in the order a referral usually meets them.
 * The server says which the viewer may take now (allowedEvents); the page shows only those.
 */
export type EventType = ReferralEventRequest['type'];

export const EVENT_ORDER: readonly EventType[] = [
  'triage',
  'allocate',
  'record_first_contact',
  'start_support',
  'decline',
  'mark_not_eligible',
  'redirect',
  'close',
  'reopen',
];

export const EVENT_TITLES: Record<EventType, { heading: string; button: string }> = {
  triage: { heading: 'Mark as triaged', button: 'Mark as triaged' },
  allocate: { heading: 'Allocate to a link worker', button: 'Allocate' },
  record_first_contact: { heading: 'Record first contact', button: 'Record first contact' },
  start_support: { heading: 'Start support', button: 'Start support' },
  decline: { heading: 'Record that the person declined', button: 'Record decline' },
  mark_not_eligible: { heading: 'Mark as not eligible', button: 'Mark as not eligible' },
  redirect: { heading: 'Redirect to another service', button: 'Record redirect' },
  close: { heading: 'Close the referral', button: 'Close referral' },
  reopen: { heading: 'Reopen the referral', button: 'Reopen referral' },
};

function isEventType(value: string): value is EventType {
  return (EVENT_ORDER as readonly string[]).includes(value);
}

/** The allowed events this page knows how to offer, in page order. */
export function offeredEvents(allowed: readonly string[]): EventType[] {
  const known = allowed.filter(isEventType);
  return EVENT_ORDER.filter((type) => known.includes(type));
}

/** The confirmation after an event, from the referral as the server now has it. */
export function eventDoneMessage(type: EventType, after: Pick<ReferralDetail, 'reference' | 'statusLabel' | 'linkWorker'>): string {
  if (type === 'allocate') {
    return after.linkWorker === null ? `${after.reference} has been allocated.` : `${after.reference} is allocated to ${after.linkWorker.name}.`;
  }
  return `${after.reference} is now: ${after.statusLabel}.`;
}
