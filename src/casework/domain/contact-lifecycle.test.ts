import { describe, it, expect } from 'vitest';
import { CONTACT_STATUSES, type ContactStatus } from '../../contracts/casework-codes.js';
import {
  CONTACT_EVENT_TYPES,
  allowedContactEvents,
  hasHappened,
  initialContactStatus,
  transitionContact,
  type ContactContext,
  type ContactEvent,
  type ContactEventType,
} from './contact-lifecycle.js';

const MINUTE = 60_000;
const DAY = 86_400_000;
// 14:30 BST on Tuesday 2 June 2026 is 13:30 UTC.
const SCHEDULED = new Date('2026-06-02T13:30:00Z');
const at = (offsetMs: number): ContactContext => ({ scheduledAt: SCHEDULED, now: new Date(SCHEDULED.getTime() + offsetMs) });

const EVENTS: Record<ContactEventType, ContactEvent> = {
  attended: { type: 'attended' },
  did_not_attend: { type: 'did_not_attend' },
  cancel: { type: 'cancel', reason: 'The person is unwell' },
};

const PAIRS = CONTACT_STATUSES.flatMap((status) => CONTACT_EVENT_TYPES.map((type) => [status, type] as const));

/**
 * Every status × event at three moments: before the appointment, an hour after it, and eight days
 * after it. A cell is "status/codedEvent" or the refusal code.
 */
type Cell = string;
const TABLES: [label: string, offset: number, table: Record<ContactStatus, Record<ContactEventType, Cell>>][] = [
  [
    'an hour before',
    -60 * MINUTE,
    {
      booked: { attended: 'not-yet', did_not_attend: 'not-yet', cancel: 'cancelled/cancelled' },
      attended: { attended: 'illegal-transition', did_not_attend: 'illegal-transition', cancel: 'illegal-transition' },
      // Cannot normally happen (a DNA before the time), but the correction itself is still allowed.
      did_not_attend: { attended: 'attended/corrected', did_not_attend: 'illegal-transition', cancel: 'illegal-transition' },
      cancelled: { attended: 'illegal-transition', did_not_attend: 'illegal-transition', cancel: 'illegal-transition' },
    },
  ],
  [
    'an hour after',
    60 * MINUTE,
    {
      booked: { attended: 'attended/attended', did_not_attend: 'did_not_attend/did_not_attend', cancel: 'cancelled/cancelled' },
      attended: { attended: 'illegal-transition', did_not_attend: 'illegal-transition', cancel: 'illegal-transition' },
      did_not_attend: { attended: 'attended/corrected', did_not_attend: 'illegal-transition', cancel: 'illegal-transition' },
      cancelled: { attended: 'illegal-transition', did_not_attend: 'illegal-transition', cancel: 'illegal-transition' },
    },
  ],
  [
    'eight days after',
    8 * DAY,
    {
      booked: { attended: 'attended/attended', did_not_attend: 'did_not_attend/did_not_attend', cancel: 'cancelled/cancelled' },
      attended: { attended: 'illegal-transition', did_not_attend: 'illegal-transition', cancel: 'illegal-transition' },
      did_not_attend: { attended: 'correction-window-passed', did_not_attend: 'illegal-transition', cancel: 'illegal-transition' },
      cancelled: { attended: 'illegal-transition', did_not_attend: 'illegal-transition', cancel: 'illegal-transition' },
    },
  ],
];

describe.each(TABLES)('transitionContact %s the appointment: every status × event', (_label, offset, table) => {
  it('covers 4 statuses × 3 events', () => {
    expect(PAIRS).toHaveLength(12);
    expect(Object.keys(table).sort()).toEqual([...CONTACT_STATUSES].sort());
  });

  it.each(PAIRS)('%s + %s', (status, type) => {
    const result = transitionContact(status, EVENTS[type], at(offset));
    const cell = table[status][type];
    if (!cell.includes('/')) {
      expect(result).toMatchObject({ ok: false, code: cell });
      return;
    }
    const [next, codedEvent] = cell.split('/');
    expect(result).toEqual({ ok: true, status: next, codedEvent });
  });

  it.each(CONTACT_STATUSES)('allowedContactEvents agrees for %s', (status) => {
    expect(allowedContactEvents(status, at(offset))).toEqual(
      CONTACT_EVENT_TYPES.filter((type) => transitionContact(status, EVENTS[type], at(offset)).ok),
    );
  });
});

describe('transitionContact: timing edges', () => {
  it('marks a booking at exactly the appointment time, not a millisecond before', () => {
    expect(transitionContact('booked', EVENTS.attended, at(0))).toMatchObject({ ok: true, status: 'attended' });
    expect(transitionContact('booked', EVENTS.did_not_attend, at(0))).toMatchObject({ ok: true, status: 'did_not_attend' });
    expect(transitionContact('booked', EVENTS.attended, at(-1))).toMatchObject({ ok: false, code: 'not-yet' });
  });

  it('says when the appointment is due, in London time', () => {
    expect(transitionContact('booked', EVENTS.attended, at(-1))).toEqual({
      ok: false,
      code: 'not-yet',
      message: 'This appointment is not due until 14:30 on 2 June 2026, so it cannot be marked as taken place yet.',
    });
    expect(transitionContact('booked', EVENTS.did_not_attend, at(-DAY))).toEqual({
      ok: false,
      code: 'not-yet',
      message: 'This appointment is not due until 14:30 on 2 June 2026, so it cannot be marked as did not attend yet.',
    });
  });

  it('uses GMT in winter', () => {
    const winter = { scheduledAt: new Date('2026-12-03T09:05:00Z'), now: new Date('2026-12-01T09:00:00Z') };
    expect(transitionContact('booked', EVENTS.attended, winter)).toMatchObject({
      message: 'This appointment is not due until 09:05 on 3 December 2026, so it cannot be marked as taken place yet.',
    });
  });

  it('corrects a did-not-attend up to exactly seven days after, not a millisecond later', () => {
    expect(transitionContact('did_not_attend', EVENTS.attended, at(7 * DAY))).toEqual({ ok: true, status: 'attended', codedEvent: 'corrected' });
    expect(transitionContact('did_not_attend', EVENTS.attended, at(7 * DAY + 1))).toEqual({
      ok: false,
      code: 'correction-window-passed',
      message: 'This contact was more than 7 days ago, so "did not attend" can no longer be changed. Record a new contact instead.',
    });
  });

  it('cancels a booking that is long past and never marked', () => {
    expect(transitionContact('booked', EVENTS.cancel, at(60 * DAY))).toEqual({ ok: true, status: 'cancelled', codedEvent: 'cancelled' });
  });
});

describe('transitionContact: payloads', () => {
  it.each(['', '   '])('refuses a cancellation with reason %j', (reason) => {
    expect(transitionContact('booked', { type: 'cancel', reason }, at(0))).toEqual({
      ok: false,
      code: 'invalid-event',
      message: 'Say why the appointment is being cancelled.',
    });
  });

  it('refuses a cancellation with no reason at all', () => {
    expect(transitionContact('booked', { type: 'cancel' } as unknown as ContactEvent, at(0))).toMatchObject({ code: 'invalid-event' });
  });

  it('reports an illegal change before the payload', () => {
    expect(transitionContact('attended', { type: 'cancel', reason: '' }, at(0))).toEqual({
      ok: false,
      code: 'illegal-transition',
      message: 'This contact is marked "Took place", so it cannot be cancelled.',
    });
  });

  it('answers invalid-event for an unknown event', () => {
    expect(transitionContact('booked', { type: 'reschedule' } as unknown as ContactEvent, at(0))).toEqual({
      ok: false,
      code: 'invalid-event',
      message: 'This is not a change that can be made to a contact.',
    });
  });
});

describe('allowedContactEvents', () => {
  it('lists what each status allows an hour after', () => {
    expect(allowedContactEvents('booked', at(60 * MINUTE))).toEqual(['attended', 'did_not_attend', 'cancel']);
    expect(allowedContactEvents('booked', at(-60 * MINUTE))).toEqual(['cancel']);
    expect(allowedContactEvents('did_not_attend', at(60 * MINUTE))).toEqual(['attended']);
    expect(allowedContactEvents('did_not_attend', at(8 * DAY))).toEqual([]);
    expect(allowedContactEvents('attended', at(60 * MINUTE))).toEqual([]);
    expect(allowedContactEvents('cancelled', at(60 * MINUTE))).toEqual([]);
  });
});

describe('initialContactStatus', () => {
  const past = { scheduledAt: SCHEDULED, now: new Date(SCHEDULED.getTime() + MINUTE) };
  const future = { scheduledAt: SCHEDULED, now: new Date(SCHEDULED.getTime() - MINUTE) };

  it('books for any time, past or future', () => {
    expect(initialContactStatus({ recordedAfter: false, ...future })).toEqual({ ok: true, status: 'booked' });
    expect(initialContactStatus({ recordedAfter: false, ...past })).toEqual({ ok: true, status: 'booked' });
  });

  it('refuses an outcome on a booking', () => {
    expect(initialContactStatus({ recordedAfter: false, outcome: 'attended', ...past })).toEqual({
      ok: false,
      code: 'invalid-event',
      message: 'A booked appointment has no outcome yet. Book it first, then mark what happened.',
    });
  });

  it('records after the fact as attended by default, or as did not attend', () => {
    expect(initialContactStatus({ recordedAfter: true, ...past })).toEqual({ ok: true, status: 'attended' });
    expect(initialContactStatus({ recordedAfter: true, outcome: 'attended', ...past })).toEqual({ ok: true, status: 'attended' });
    expect(initialContactStatus({ recordedAfter: true, outcome: 'did_not_attend', ...past })).toEqual({ ok: true, status: 'did_not_attend' });
  });

  it('records after the fact at exactly now', () => {
    expect(initialContactStatus({ recordedAfter: true, scheduledAt: SCHEDULED, now: SCHEDULED })).toEqual({ ok: true, status: 'attended' });
  });

  it('refuses to record a future contact as having happened', () => {
    expect(initialContactStatus({ recordedAfter: true, ...future })).toEqual({
      ok: false,
      code: 'not-yet',
      message: 'This appointment is not due until 14:30 on 2 June 2026, so it cannot be marked as taken place yet.',
    });
    expect(initialContactStatus({ recordedAfter: true, outcome: 'did_not_attend', ...future })).toMatchObject({ ok: false, code: 'not-yet' });
  });

  it('refuses an outcome it does not know', () => {
    const input = { recordedAfter: true, outcome: 'cancelled', ...past } as unknown as Parameters<typeof initialContactStatus>[0];
    expect(initialContactStatus(input)).toMatchObject({ ok: false, code: 'invalid-event' });
  });
});

describe('hasHappened', () => {
  const expected: Record<ContactStatus, boolean> = { booked: false, attended: true, did_not_attend: true, cancelled: false };
  it.each(CONTACT_STATUSES)('%s', (status) => {
    expect(hasHappened(status)).toBe(expected[status]);
  });
});
