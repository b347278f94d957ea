/**
 * The life of an onward referral from the link worker to a group or service. Pure: the caller
 * supplies the status, the event, who is acting and the London date, and gets back the next
 * status or a plain-English refusal.
 *
 * Who may act matters as much as what: the provider answers and keeps the register, a link
 * worker may record a reply the provider gave by phone, only the link worker withdraws (it is
 * the person's referral, not the provider's) — or the system, when the person withdraws their
 * consent or the case closes before the group replied — and only the system lets a referral lapse.
 * "live" tells the caller whether the provider may still see the person's shared details, and
 * "ended" that this step just took that away, so the caller can start the after-end clock.
 */
import {
  DROP_OUT_REASONS,
  LIVE_ONWARD_STATUSES,
  ONWARD_DECLINE_REASONS,
  ONWARD_STATUS_LABELS,
  type DropOutReason,
  type OnwardDeclineReason,
  type OnwardStatus,
} from '../../contracts/casework-codes.js';
import { dayMonth, isoDayNumber } from './dates.js';

export type OnwardActor = 'provider' | 'link_worker' | 'system';
export const ONWARD_ACTORS: readonly OnwardActor[] = ['provider', 'link_worker', 'system'];

export type OnwardEvent =
  | { type: 'accept' }
  /** note is required when the reason is 'other', so the link worker learns what to do next. */
  | { type: 'decline'; reasonCode: OnwardDeclineReason; note?: string }
  | { type: 'waitlist' }
  | { type: 'start_attending' }
  | { type: 'complete' }
  | { type: 'drop_out'; reasonCode: DropOutReason; note?: string }
  | { type: 'expire' }
  | { type: 'withdraw'; reason: string };
export type OnwardEventType = OnwardEvent['type'];

export const ONWARD_EVENT_TYPES: readonly OnwardEventType[] = [
  'accept',
  'decline',
  'waitlist',
  'start_attending',
  'complete',
  'drop_out',
  'expire',
  'withdraw',
];

export interface OnwardContext {
  actor: OnwardActor;
  /** Today's date in London, "YYYY-MM-DD". */
  today: string;
  /** The last day the provider has to reply; null when no window was set. */
  respondBy: string | null;
}

export type OnwardErrorCode = 'illegal-transition' | 'not-permitted' | 'invalid-event' | 'not-yet';

export type OnwardTransitionResult =
  | { ok: true; status: OnwardStatus; live: boolean; ended: boolean }
  | { ok: false; code: OnwardErrorCode; message: string };

const FROM: Record<OnwardEventType, readonly OnwardStatus[]> = {
  accept: ['sent', 'waitlisted'],
  decline: ['sent', 'waitlisted'],
  waitlist: ['sent'],
  start_attending: ['accepted'],
  complete: ['attending'],
  drop_out: ['accepted', 'attending'],
  expire: ['sent'],
  withdraw: ['sent', 'waitlisted', 'accepted', 'attending'],
};

const TO: Record<OnwardEventType, OnwardStatus> = {
  accept: 'accepted',
  decline: 'declined',
  waitlist: 'waitlisted',
  start_attending: 'attending',
  complete: 'completed',
  drop_out: 'dropped_out',
  expire: 'expired',
  withdraw: 'withdrawn',
};

/** start_attending by the system: the first register mark of "attended" moves it on. */
const WHO: Record<OnwardEventType, readonly OnwardActor[]> = {
  accept: ['provider', 'link_worker'],
  decline: ['provider', 'link_worker'],
  waitlist: ['provider', 'link_worker'],
  start_attending: ['provider', 'system'],
  complete: ['provider', 'link_worker'],
  drop_out: ['provider', 'link_worker'],
  expire: ['system'],
  withdraw: ['link_worker', 'system'],
};

/** Completes "This referral is marked "Completed", so it cannot …". */
const ACTION: Record<OnwardEventType, string> = {
  accept: 'be accepted',
  decline: 'be declined',
  waitlist: 'go on the waiting list',
  start_attending: 'be marked as attending',
  complete: 'be marked as completed',
  drop_out: 'be marked as dropped out',
  expire: 'expire',
  withdraw: 'be withdrawn',
};

const NOT_PERMITTED: Record<OnwardEventType, string> = {
  accept: 'Only the service, or the link worker recording its reply, can accept a referral.',
  decline: 'Only the service, or the link worker recording its reply, can decline a referral.',
  waitlist: 'Only the service, or the link worker recording its reply, can put a referral on the waiting list.',
  start_attending: 'Only the service can record that the person has started attending.',
  complete: 'Only the service or the link worker can mark a referral as completed.',
  drop_out: 'Only the service or the link worker can record that the person has dropped out.',
  expire: 'A referral expires by itself when no reply comes in time; it cannot be expired by hand.',
  withdraw: 'Only the link worker can withdraw a referral.',
};

const DECLINE_CODES: ReadonlySet<string> = new Set(ONWARD_DECLINE_REASONS.map((r) => r.code));
const DROP_OUT_CODES: ReadonlySet<string> = new Set(DROP_OUT_REASONS.map((r) => r.code));

export function isLiveOnward(status: OnwardStatus): boolean {
  return LIVE_ONWARD_STATUSES.includes(status);
}

function fail(code: OnwardErrorCode, message: string): OnwardTransitionResult {
  return { ok: false, code, message };
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

/** Why this actor cannot apply an event of this type now, whatever its payload; null if they can. */
function blocked(status: OnwardStatus, type: OnwardEventType, context: OnwardContext): OnwardTransitionResult | null {
  if (!FROM[type].includes(status)) {
    return fail('illegal-transition', `This referral is marked "${ONWARD_STATUS_LABELS[status]}", so it cannot ${ACTION[type]}.`);
  }
  if (!WHO[type].includes(context.actor)) return fail('not-permitted', NOT_PERMITTED[type]);
  if (type === 'expire') {
    if (context.respondBy === null) {
      return fail('not-yet', 'This referral has no reply deadline, so it cannot expire.');
    }
    // The provider has the whole of the last day to reply.
    if (isoDayNumber(context.today) <= isoDayNumber(context.respondBy)) {
      return fail('not-yet', `The service has until the end of ${dayMonth(context.respondBy, true)} to reply, so the referral cannot expire yet.`);
    }
  }
  return null;
}

/** Applies an event. Never throws for a bad event; it answers 'invalid-event'. */
export function transitionOnward(status: OnwardStatus, event: OnwardEvent, context: OnwardContext): OnwardTransitionResult {
  const type = (event as { type: unknown }).type;
  if (typeof type !== 'string' || !(ONWARD_EVENT_TYPES as readonly string[]).includes(type)) {
    return fail('invalid-event', 'This is not a change that can be made to a referral to a service.');
  }
  const refusal = blocked(status, event.type, context);
  if (refusal !== null) return refusal;

  switch (event.type) {
    case 'decline':
      if (!DECLINE_CODES.has(event.reasonCode)) return fail('invalid-event', 'Choose why the referral is being declined.');
      if (event.reasonCode === 'other' && isBlank(event.note)) return fail('invalid-event', 'Say why the referral is being declined.');
      break;
    case 'drop_out':
      if (!DROP_OUT_CODES.has(event.reasonCode)) return fail('invalid-event', 'Choose why the person stopped going.');
      break;
    case 'withdraw':
      if (isBlank(event.reason)) return fail('invalid-event', 'Say why the referral is being withdrawn.');
      break;
    case 'accept':
    case 'waitlist':
    case 'start_attending':
    case 'complete':
    case 'expire':
      break;
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
  const next = TO[event.type];
  const live = isLiveOnward(next);
  return { ok: true, status: next, live, ended: isLiveOnward(status) && !live };
}

/**
 * The event types this actor could apply from this status, given a valid payload. Without a
 * date and deadline, 'expire' is listed for the system whenever the status allows it.
 */
export function allowedOnwardEvents(
  status: OnwardStatus,
  actor: OnwardActor,
  timing?: { today: string; respondBy: string | null },
): OnwardEventType[] {
  return ONWARD_EVENT_TYPES.filter((type) => {
    if (type === 'expire' && timing === undefined) return FROM.expire.includes(status) && WHO.expire.includes(actor);
    return blocked(status, type, { actor, today: timing?.today ?? '1970-01-01', respondBy: timing?.respondBy ?? null }) === null;
  });
}

/** No event leads out of these. */
export function isOnwardTerminal(status: OnwardStatus): boolean {
  return ONWARD_EVENT_TYPES.every((type) => !FROM[type].includes(status));
}
