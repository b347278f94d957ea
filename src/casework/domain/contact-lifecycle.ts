/**
 * The life of a contact (an appointment or a conversation) with the person. Pure: the caller
 * supplies the status, the event and the clock.
 *
 * A booked contact can only be marked as taken place, or missed, once its time has come — a
 * contact "attended" before it happened would count towards reports and first-contact targets
 * that it has not earned. A "did not attend" may be corrected to attended for a short while,
 * because people do turn up late and the first mark is often made in a hurry.
 */
import { CONTACT_STATUS_LABELS, type ContactStatus } from '../../contracts/casework-codes.js';
import { DAY_MS, londonTimeAndDate } from './dates.js';

export type ContactEvent = { type: 'attended' } | { type: 'did_not_attend' } | { type: 'cancel'; reason: string };
export type ContactEventType = ContactEvent['type'];

export const CONTACT_EVENT_TYPES: readonly ContactEventType[] = ['attended', 'did_not_attend', 'cancel'];

/** How long after the appointment time a "did not attend" may still be corrected. */
export const DNA_CORRECTION_DAYS = 7;

export interface ContactContext {
  now: Date;
  scheduledAt: Date;
}

/** What happened, for the contact's history; 'corrected' is a did-not-attend put right. */
export type ContactCodedEvent = 'attended' | 'did_not_attend' | 'cancelled' | 'corrected';

export type ContactErrorCode = 'illegal-transition' | 'not-yet' | 'correction-window-passed' | 'invalid-event';

export type ContactTransitionResult =
  | { ok: true; status: ContactStatus; codedEvent: ContactCodedEvent }
  | { ok: false; code: ContactErrorCode; message: string };

const FROM: Record<ContactEventType, readonly ContactStatus[]> = {
  attended: ['booked', 'did_not_attend'],
  did_not_attend: ['booked'],
  cancel: ['booked'],
};

const ACTION: Record<ContactEventType, string> = {
  attended: 'be marked as taken place',
  did_not_attend: 'be marked as did not attend',
  cancel: 'be cancelled',
};

function fail(code: ContactErrorCode, message: string): ContactTransitionResult {
  return { ok: false, code, message };
}

function notYet(scheduledAt: Date, what: string): { ok: false; code: 'not-yet'; message: string } {
  return {
    ok: false,
    code: 'not-yet',
    message: `This appointment is not due until ${londonTimeAndDate(scheduledAt)}, so it cannot be marked as ${what} yet.`,
  };
}

/** Why an event of this type cannot be applied now, whatever its payload; null if it can. */
function blocked(status: ContactStatus, type: ContactEventType, context: ContactContext): ContactTransitionResult | null {
  if (!FROM[type].includes(status)) {
    return fail('illegal-transition', `This contact is marked "${CONTACT_STATUS_LABELS[status]}", so it cannot ${ACTION[type]}.`);
  }
  const due = context.now.getTime() >= context.scheduledAt.getTime();
  if (status === 'booked' && type === 'attended' && !due) return notYet(context.scheduledAt, 'taken place');
  if (status === 'booked' && type === 'did_not_attend' && !due) return notYet(context.scheduledAt, 'did not attend');
  if (status === 'did_not_attend' && type === 'attended') {
    if (context.now.getTime() - context.scheduledAt.getTime() > DNA_CORRECTION_DAYS * DAY_MS) {
      return fail(
        'correction-window-passed',
        `This contact was more than ${DNA_CORRECTION_DAYS} days ago, so "did not attend" can no longer be changed. Record a new contact instead.`,
      );
    }
  }
  return null;
}

/** Applies an event to a contact. Never throws for a bad event; it answers 'invalid-event'. */
export function transitionContact(status: ContactStatus, event: ContactEvent, context: ContactContext): ContactTransitionResult {
  const type = (event as { type: unknown }).type;
  if (typeof type !== 'string' || !(CONTACT_EVENT_TYPES as readonly string[]).includes(type)) {
    return fail('invalid-event', 'This is not a change that can be made to a contact.');
  }
  const refusal = blocked(status, event.type, context);
  if (refusal !== null) return refusal;

  switch (event.type) {
    case 'attended':
      return { ok: true, status: 'attended', codedEvent: status === 'did_not_attend' ? 'corrected' : 'attended' };
    case 'did_not_attend':
      return { ok: true, status: 'did_not_attend', codedEvent: 'did_not_attend' };
    case 'cancel':
      if (typeof event.reason !== 'string' || event.reason.trim() === '') {
        return fail('invalid-event', 'Say why the appointment is being cancelled.');
      }
      return { ok: true, status: 'cancelled', codedEvent: 'cancelled' };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** The event types that could succeed now, given a valid payload. */
export function allowedContactEvents(status: ContactStatus, context: ContactContext): ContactEventType[] {
  return CONTACT_EVENT_TYPES.filter((type) => blocked(status, type, context) === null);
}

export interface NewContact {
  /** True when the contact is written up after it happened rather than booked ahead. */
  recordedAfter: boolean;
  /** For a contact recorded after the fact; taken to be 'attended' when left out. */
  outcome?: 'attended' | 'did_not_attend';
  scheduledAt: Date;
  now: Date;
}

export type InitialStatusResult =
  | { ok: true; status: ContactStatus }
  | { ok: false; code: 'not-yet' | 'invalid-event'; message: string };

/**
 * The status a new contact starts in. A booking may be for any time (a past booking is entered
 * late and marked next); a contact recorded after the fact must not be in the future.
 */
export function initialContactStatus(input: NewContact): InitialStatusResult {
  if (!input.recordedAfter) {
    if (input.outcome !== undefined) {
      return { ok: false, code: 'invalid-event', message: 'A booked appointment has no outcome yet. Book it first, then mark what happened.' };
    }
    return { ok: true, status: 'booked' };
  }
  const outcome = input.outcome ?? 'attended';
  if (outcome !== 'attended' && outcome !== 'did_not_attend') {
    return { ok: false, code: 'invalid-event', message: 'Choose whether the contact took place or the person did not attend.' };
  }
  if (input.scheduledAt.getTime() > input.now.getTime()) {
    return notYet(input.scheduledAt, outcome === 'attended' ? 'taken place' : 'did not attend');
  }
  return { ok: true, status: outcome };
}

/** A contact that has happened (or failed to): the ones that count for DNA and for reports. */
export function hasHappened(status: ContactStatus): boolean {
  return status === 'attended' || status === 'did_not_attend';
}
