/**
 * The referral state machine. Pure: the caller supplies the current state, the event and the
 * clock, and gets back either the next status (with the coded event to record and the feedback
 * milestone to send, if any) or a plain-English reason for refusing.
 */
import {
  CLOSURE_REASONS,
  DECLINE_REASONS,
  REFERRAL_STATUS_LABELS,
  type FeedbackMilestone,
  type ReferralStatus,
} from '../../contracts/referral-codes.js';

export type ReferralEvent =
  | { type: 'triage' }
  | { type: 'allocate'; linkWorkerId: string }
  | { type: 'decline'; reasonCode: string }
  | { type: 'mark_not_eligible'; reason: string }
  | { type: 'redirect'; destination: string }
  | { type: 'record_first_contact' }
  | { type: 'start_support' }
  | { type: 'close'; reasonCode: string }
  | { type: 'reopen' };
export type ReferralEventType = ReferralEvent['type'];

export const REFERRAL_EVENT_TYPES: readonly ReferralEventType[] = [
  'triage',
  'allocate',
  'decline',
  'mark_not_eligible',
  'redirect',
  'record_first_contact',
  'start_support',
  'close',
  'reopen',
];

export interface LifecycleState {
  status: ReferralStatus;
  linkWorkerId: string | null;
  closedAt: Date | null;
  consentWithdrawn: boolean;
}

export interface TransitionContext {
  now: Date;
  reopenWindowDays: number;
}

export type CodedEventKey =
  | 'received'
  | 'triaged'
  | 'accepted'
  | 'declined'
  | 'not_eligible'
  | 'redirected'
  | 'first_contact'
  | 'active'
  | 'closed'
  | 'reopened'
  | 'reallocated';

export type TransitionErrorCode = 'illegal-transition' | 'consent-withdrawn' | 'reopen-window-passed' | 'invalid-event';

export type TransitionResult =
  | { ok: true; status: ReferralStatus; linkWorkerId: string | null; codedEvent: CodedEventKey; milestone: FeedbackMilestone | null }
  | { ok: false; code: TransitionErrorCode; message: string };

/** The statuses each event may be applied to. */
const FROM: Record<ReferralEventType, readonly ReferralStatus[]> = {
  triage: ['received'],
  allocate: ['received', 'triaged', 'accepted', 'first_contact', 'active'],
  decline: ['received', 'triaged', 'accepted', 'first_contact'],
  mark_not_eligible: ['received', 'triaged'],
  redirect: ['received', 'triaged'],
  record_first_contact: ['accepted'],
  start_support: ['first_contact'],
  close: ['accepted', 'first_contact', 'active'],
  reopen: ['closed'],
};

/** Once consent is withdrawn, a referral can only be ended. */
const ALLOWED_WITHOUT_CONSENT: ReadonlySet<ReferralEventType> = new Set(['decline', 'mark_not_eligible', 'close']);

/** Completes "A referral that is Closed cannot …". */
const ACTION: Record<ReferralEventType, string> = {
  triage: 'be triaged',
  allocate: 'be allocated to a link worker',
  decline: 'be declined',
  mark_not_eligible: 'be marked as not eligible',
  redirect: 'be redirected',
  record_first_contact: 'have a first contact recorded',
  start_support: 'start receiving support',
  close: 'be closed',
  reopen: 'be reopened',
};

const DAY_MS = 86_400_000;
const DECLINE_CODES: ReadonlySet<string> = new Set(DECLINE_REASONS.map((r) => r.code));
const CLOSURE_CODES: ReadonlySet<string> = new Set(CLOSURE_REASONS.map((r) => r.code));

export function isTerminal(status: ReferralStatus): boolean {
  return status === 'declined' || status === 'not_eligible' || status === 'redirected';
}

export function isOpen(status: ReferralStatus): boolean {
  return status === 'received' || status === 'triaged' || onCaseload(status);
}

/** On a link worker's caseload: accepted and not yet closed or ended. */
export function onCaseload(status: ReferralStatus): boolean {
  return status === 'accepted' || status === 'first_contact' || status === 'active';
}

function fail(code: TransitionErrorCode, message: string): TransitionResult {
  return { ok: false, code, message };
}

/** Why an event of this type cannot be applied now, whatever its payload; null if it can. */
function blocked(state: LifecycleState, type: ReferralEventType, context: TransitionContext): TransitionResult | null {
  if (state.consentWithdrawn && !ALLOWED_WITHOUT_CONSENT.has(type)) {
    return fail(
      'consent-withdrawn',
      'Consent has been withdrawn, so this referral cannot go any further. It can only be declined, marked as not eligible or closed.',
    );
  }
  if (!FROM[type].includes(state.status)) {
    return fail('illegal-transition', `A referral that is ${REFERRAL_STATUS_LABELS[state.status]} cannot ${ACTION[type]}.`);
  }
  if (type === 'reopen') {
    if (state.linkWorkerId === null) {
      return fail('illegal-transition', 'This referral cannot be reopened because it never had a link worker.');
    }
    if (state.closedAt === null) {
      return fail('illegal-transition', 'This referral cannot be reopened because the date it was closed is not recorded.');
    }
    if (context.now.getTime() - state.closedAt.getTime() > context.reopenWindowDays * DAY_MS) {
      const days = context.reopenWindowDays;
      return fail(
        'reopen-window-passed',
        `This referral was closed more than ${days} ${days === 1 ? 'day' : 'days'} ago, so it cannot be reopened. Make a new referral instead.`,
      );
    }
  }
  return null;
}

function isBlank(value: string): boolean {
  return value.trim() === '';
}

/** Applies an event to a referral. Never throws for a bad event; it answers 'invalid-event'. */
export function transition(state: LifecycleState, event: ReferralEvent, context: TransitionContext): TransitionResult {
  const type = (event as { type: unknown }).type;
  if (typeof type !== 'string' || !(REFERRAL_EVENT_TYPES as readonly string[]).includes(type)) {
    return fail('invalid-event', 'This is not a change that can be made to a referral.');
  }
  const refusal = blocked(state, event.type, context);
  if (refusal !== null) return refusal;

  const keep = state.linkWorkerId;
  const done = (
    status: ReferralStatus,
    codedEvent: CodedEventKey,
    milestone: FeedbackMilestone | null,
    linkWorkerId: string | null = keep,
  ): TransitionResult => ({ ok: true, status, linkWorkerId, codedEvent, milestone });

  switch (event.type) {
    case 'triage':
      return done('triaged', 'triaged', null);
    case 'allocate': {
      const worker = typeof event.linkWorkerId === 'string' ? event.linkWorkerId.trim() : '';
      if (worker === '') return fail('invalid-event', 'Choose a link worker to allocate the referral to.');
      if (onCaseload(state.status)) {
        if (worker === state.linkWorkerId) {
          return fail('invalid-event', 'This referral is already allocated to that link worker.');
        }
        return done(state.status, 'reallocated', null, worker);
      }
      return done('accepted', 'accepted', 'decision', worker);
    }
    case 'decline':
      if (!DECLINE_CODES.has(event.reasonCode)) return fail('invalid-event', 'Choose why the person declined.');
      return done('declined', 'declined', 'decision');
    case 'mark_not_eligible':
      if (typeof event.reason !== 'string' || isBlank(event.reason)) {
        return fail('invalid-event', 'Say why the person is not eligible.');
      }
      return done('not_eligible', 'not_eligible', 'decision');
    case 'redirect':
      if (typeof event.destination !== 'string' || isBlank(event.destination)) {
        return fail('invalid-event', 'Say where the person is being redirected to.');
      }
      return done('redirected', 'redirected', 'decision');
    case 'record_first_contact':
      return done('first_contact', 'first_contact', 'first_contact');
    case 'start_support':
      return done('active', 'active', null);
    case 'close':
      if (!CLOSURE_CODES.has(event.reasonCode)) return fail('invalid-event', 'Choose why the referral is being closed.');
      return done('closed', 'closed', 'closed');
    case 'reopen':
      return done('accepted', 'reopened', null);
  }
}

/** The event types that could succeed from this state, given a valid payload. */
export function allowedEvents(state: LifecycleState, context: TransitionContext): ReferralEventType[] {
  return REFERRAL_EVENT_TYPES.filter((type) => blocked(state, type, context) === null);
}
