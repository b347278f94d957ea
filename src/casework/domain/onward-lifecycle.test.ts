import { describe, it, expect } from 'vitest';
import { ONWARD_STATUSES, type OnwardStatus } from '../../contracts/casework-codes.js';
import {
  ONWARD_ACTORS,
  ONWARD_EVENT_TYPES,
  allowedOnwardEvents,
  isLiveOnward,
  isOnwardTerminal,
  transitionOnward,
  type OnwardActor,
  type OnwardContext,
  type OnwardEvent,
  type OnwardEventType,
} from './onward-lifecycle.js';

const EVENTS: Record<OnwardEventType, OnwardEvent> = {
  accept: { type: 'accept' },
  decline: { type: 'decline', reasonCode: 'full' },
  waitlist: { type: 'waitlist' },
  start_attending: { type: 'start_attending' },
  complete: { type: 'complete' },
  drop_out: { type: 'drop_out', reasonCode: 'health' },
  expire: { type: 'expire' },
  withdraw: { type: 'withdraw', reason: 'The person moved away' },
};

/** An actor allowed to do each event, so the status table tests the status alone. */
const ALLOWED_ACTOR: Record<OnwardEventType, OnwardActor> = {
  accept: 'provider',
  decline: 'provider',
  waitlist: 'provider',
  start_attending: 'system',
  complete: 'provider',
  drop_out: 'link_worker',
  expire: 'system',
  withdraw: 'link_worker',
};

// The deadline was yesterday, so expiry is due.
const after = (actor: OnwardActor): OnwardContext => ({ actor, today: '2026-12-11', respondBy: '2026-12-10' });

/**
 * Every status × event, by hand: "next status/live/ended" (1 or 0) or X. From the issue:
 * sent → accepted|declined|waitlisted|expired|withdrawn; waitlisted → accepted|declined|withdrawn;
 * accepted → attending|dropped_out|withdrawn; attending → completed|dropped_out|withdrawn.
 */
const X = 'illegal';
const TABLE: Record<OnwardStatus, Record<OnwardEventType, string>> = {
  sent: {
    accept: 'accepted/1/0', decline: 'declined/0/1', waitlist: 'waitlisted/1/0', start_attending: X,
    complete: X, drop_out: X, expire: 'expired/0/1', withdraw: 'withdrawn/0/1',
  },
  waitlisted: {
    accept: 'accepted/1/0', decline: 'declined/0/1', waitlist: X, start_attending: X,
    complete: X, drop_out: X, expire: X, withdraw: 'withdrawn/0/1',
  },
  accepted: {
    accept: X, decline: X, waitlist: X, start_attending: 'attending/1/0',
    complete: X, drop_out: 'dropped_out/0/1', expire: X, withdraw: 'withdrawn/0/1',
  },
  attending: {
    accept: X, decline: X, waitlist: X, start_attending: X,
    complete: 'completed/0/1', drop_out: 'dropped_out/0/1', expire: X, withdraw: 'withdrawn/0/1',
  },
  declined: { accept: X, decline: X, waitlist: X, start_attending: X, complete: X, drop_out: X, expire: X, withdraw: X },
  completed: { accept: X, decline: X, waitlist: X, start_attending: X, complete: X, drop_out: X, expire: X, withdraw: X },
  dropped_out: { accept: X, decline: X, waitlist: X, start_attending: X, complete: X, drop_out: X, expire: X, withdraw: X },
  expired: { accept: X, decline: X, waitlist: X, start_attending: X, complete: X, drop_out: X, expire: X, withdraw: X },
  withdrawn: { accept: X, decline: X, waitlist: X, start_attending: X, complete: X, drop_out: X, expire: X, withdraw: X },
};

const PAIRS = ONWARD_STATUSES.flatMap((status) => ONWARD_EVENT_TYPES.map((type) => [status, type] as const));

describe('transitionOnward: every status × event (by an allowed actor)', () => {
  it('covers 9 statuses × 8 events', () => {
    expect(PAIRS).toHaveLength(72);
    expect(Object.keys(TABLE).sort()).toEqual([...ONWARD_STATUSES].sort());
  });

  it.each(PAIRS)('%s + %s', (status, type) => {
    const result = transitionOnward(status, EVENTS[type], after(ALLOWED_ACTOR[type]));
    const cell = TABLE[status][type];
    if (cell === X) {
      expect(result).toMatchObject({ ok: false, code: 'illegal-transition' });
      return;
    }
    const [next, live, ended] = cell.split('/');
    expect(result).toEqual({ ok: true, status: next, live: live === '1', ended: ended === '1' });
  });

  it('explains an illegal change with the status label', () => {
    expect(transitionOnward('expired', EVENTS.accept, after('provider'))).toEqual({
      ok: false,
      code: 'illegal-transition',
      message: 'This referral is marked "No reply in time", so it cannot be accepted.',
    });
  });
});

/** Every actor × event, by hand, from a status where the event is legal. 1 = permitted. */
const WHO: Record<OnwardEventType, Record<OnwardActor, 0 | 1>> = {
  accept: { provider: 1, link_worker: 1, system: 0 },
  decline: { provider: 1, link_worker: 1, system: 0 },
  waitlist: { provider: 1, link_worker: 1, system: 0 },
  start_attending: { provider: 1, link_worker: 0, system: 1 },
  complete: { provider: 1, link_worker: 1, system: 0 },
  drop_out: { provider: 1, link_worker: 1, system: 0 },
  expire: { provider: 0, link_worker: 0, system: 1 },
  withdraw: { provider: 0, link_worker: 1, system: 1 },
};
const LEGAL_FROM: Record<OnwardEventType, OnwardStatus> = {
  accept: 'sent',
  decline: 'waitlisted',
  waitlist: 'sent',
  start_attending: 'accepted',
  complete: 'attending',
  drop_out: 'accepted',
  expire: 'sent',
  withdraw: 'attending',
};
const ACTOR_PAIRS = ONWARD_EVENT_TYPES.flatMap((type) => ONWARD_ACTORS.map((actor) => [type, actor] as const));

describe('transitionOnward: every event × actor', () => {
  it('covers 8 events × 3 actors', () => {
    expect(ACTOR_PAIRS).toHaveLength(24);
  });

  it.each(ACTOR_PAIRS)('%s by %s', (type, actor) => {
    const result = transitionOnward(LEGAL_FROM[type], EVENTS[type], after(actor));
    if (WHO[type][actor] === 1) expect(result.ok).toBe(true);
    else expect(result).toMatchObject({ ok: false, code: 'not-permitted' });
  });

  it('explains who may act', () => {
    expect(transitionOnward('sent', EVENTS.withdraw, after('provider'))).toEqual({
      ok: false,
      code: 'not-permitted',
      message: 'Only the link worker can withdraw a referral.',
    });
    expect(transitionOnward('sent', EVENTS.expire, after('link_worker'))).toEqual({
      ok: false,
      code: 'not-permitted',
      message: 'A referral expires by itself when no reply comes in time; it cannot be expired by hand.',
    });
    expect(transitionOnward('accepted', EVENTS.start_attending, after('link_worker'))).toMatchObject({
      message: 'Only the service can record that the person has started attending.',
    });
  });

  it('checks the status before the actor', () => {
    expect(transitionOnward('completed', EVENTS.withdraw, after('provider'))).toMatchObject({ code: 'illegal-transition' });
  });
});

describe('transitionOnward: expiry', () => {
  const expire = (today: string, respondBy: string | null) =>
    transitionOnward('sent', EVENTS.expire, { actor: 'system', today, respondBy });

  it('waits through the whole of the last day', () => {
    expect(expire('2026-12-09', '2026-12-10')).toMatchObject({ ok: false, code: 'not-yet' });
    expect(expire('2026-12-10', '2026-12-10')).toEqual({
      ok: false,
      code: 'not-yet',
      message: 'The service has until the end of 10 December 2026 to reply, so the referral cannot expire yet.',
    });
    expect(expire('2026-12-11', '2026-12-10')).toEqual({ ok: true, status: 'expired', live: false, ended: true });
    expect(expire('2027-01-04', '2026-12-31')).toMatchObject({ ok: true, status: 'expired' });
  });

  it('never expires without a deadline', () => {
    expect(expire('2030-01-01', null)).toEqual({ ok: false, code: 'not-yet', message: 'This referral has no reply deadline, so it cannot expire.' });
  });

  it('does not expire a waitlisted referral', () => {
    expect(transitionOnward('waitlisted', EVENTS.expire, after('system'))).toMatchObject({ code: 'illegal-transition' });
  });
});

describe('transitionOnward: payloads', () => {
  const invalid: [OnwardStatus, OnwardActor, OnwardEvent, string][] = [
    ['sent', 'provider', { type: 'decline', reasonCode: 'nonsense' } as unknown as OnwardEvent, 'Choose why the referral is being declined.'],
    ['sent', 'provider', { type: 'decline', reasonCode: 'other' }, 'Say why the referral is being declined.'],
    ['sent', 'link_worker', { type: 'decline', reasonCode: 'other', note: '  ' }, 'Say why the referral is being declined.'],
    ['attending', 'provider', { type: 'drop_out', reasonCode: 'full' } as unknown as OnwardEvent, 'Choose why the person stopped going.'],
    ['accepted', 'link_worker', { type: 'withdraw', reason: '' }, 'Say why the referral is being withdrawn.'],
    ['accepted', 'link_worker', { type: 'withdraw' } as unknown as OnwardEvent, 'Say why the referral is being withdrawn.'],
  ];

  it.each(invalid)('%s by %s: %j', (status, actor, event, message) => {
    expect(transitionOnward(status, event, after(actor))).toEqual({ ok: false, code: 'invalid-event', message });
  });

  it('accepts every decline and drop-out reason on the lists', () => {
    for (const reasonCode of ['full', 'not-suitable', 'outside-area', 'cannot-meet-needs', 'person-declined'] as const) {
      expect(transitionOnward('sent', { type: 'decline', reasonCode }, after('provider')).ok).toBe(true);
    }
    expect(transitionOnward('sent', { type: 'decline', reasonCode: 'other', note: 'Closing for winter' }, after('provider')).ok).toBe(true);
    for (const reasonCode of ['stopped-attending', 'health', 'not-for-them', 'practical', 'other'] as const) {
      expect(transitionOnward('attending', { type: 'drop_out', reasonCode }, after('provider')).ok).toBe(true);
    }
  });

  it('answers invalid-event for an unknown event', () => {
    expect(transitionOnward('sent', { type: 'reopen' } as unknown as OnwardEvent, after('link_worker'))).toEqual({
      ok: false,
      code: 'invalid-event',
      message: 'This is not a change that can be made to a referral to a service.',
    });
  });
});

describe('allowedOnwardEvents', () => {
  it('lists what each actor may do', () => {
    expect(allowedOnwardEvents('sent', 'provider')).toEqual(['accept', 'decline', 'waitlist']);
    expect(allowedOnwardEvents('sent', 'link_worker')).toEqual(['accept', 'decline', 'waitlist', 'withdraw']);
    expect(allowedOnwardEvents('sent', 'system')).toEqual(['expire', 'withdraw']);
    expect(allowedOnwardEvents('waitlisted', 'link_worker')).toEqual(['accept', 'decline', 'withdraw']);
    expect(allowedOnwardEvents('accepted', 'provider')).toEqual(['start_attending', 'drop_out']);
    expect(allowedOnwardEvents('accepted', 'system')).toEqual(['start_attending', 'withdraw']);
    expect(allowedOnwardEvents('attending', 'system')).toEqual(['withdraw']);
    expect(allowedOnwardEvents('waitlisted', 'system')).toEqual(['withdraw']);
    expect(allowedOnwardEvents('attending', 'link_worker')).toEqual(['complete', 'drop_out', 'withdraw']);
    expect(allowedOnwardEvents('completed', 'link_worker')).toEqual([]);
  });

  it('leaves out expiry before the deadline when given the dates', () => {
    expect(allowedOnwardEvents('sent', 'system', { today: '2026-12-10', respondBy: '2026-12-10' })).toEqual(['withdraw']);
    expect(allowedOnwardEvents('sent', 'system', { today: '2026-12-11', respondBy: '2026-12-10' })).toEqual(['expire', 'withdraw']);
  });

  it.each(ONWARD_STATUSES.flatMap((s) => ONWARD_ACTORS.map((a) => [s, a] as const)))('agrees with transitionOnward for %s by %s', (status, actor) => {
    expect(allowedOnwardEvents(status, actor, { today: '2026-12-11', respondBy: '2026-12-10' })).toEqual(
      ONWARD_EVENT_TYPES.filter((type) => transitionOnward(status, EVENTS[type], after(actor)).ok),
    );
  });
});

describe('status groups', () => {
  const expected: Record<OnwardStatus, [live: boolean, terminal: boolean]> = {
    sent: [true, false],
    accepted: [true, false],
    declined: [false, true],
    waitlisted: [true, false],
    attending: [true, false],
    completed: [false, true],
    dropped_out: [false, true],
    expired: [false, true],
    withdrawn: [false, true],
  };
  it.each(ONWARD_STATUSES)('%s', (status) => {
    expect([isLiveOnward(status), isOnwardTerminal(status)]).toEqual(expected[status]);
  });
});
