import { describe, it, expect } from 'vitest';
import { REFERRAL_STATUSES, type ReferralStatus } from '../../contracts/referral-codes.js';
import {
  REFERRAL_EVENT_TYPES,
  allowedEvents,
  isOpen,
  isTerminal,
  onCaseload,
  transition,
  type LifecycleState,
  type ReferralEvent,
  type ReferralEventType,
  type TransitionContext,
} from './lifecycle.js';

const NOW = new Date('2026-05-20T10:00:00Z');
const DAY = 86_400_000;
const CONTEXT: TransitionContext = { now: NOW, reopenWindowDays: 30 };

/** A referral in the given status, as it would normally be: allocated once it is on a caseload. */
function stateIn(status: ReferralStatus, overrides: Partial<LifecycleState> = {}): LifecycleState {
  const allocated = !['received', 'triaged', 'not_eligible', 'redirected'].includes(status);
  return {
    status,
    linkWorkerId: allocated ? 'lw-1' : null,
    closedAt: status === 'closed' ? new Date(NOW.getTime() - DAY) : null,
    consentWithdrawn: false,
    ...overrides,
  };
}

/** A valid example of each event (allocation is to a different link worker). */
const EVENTS: Record<ReferralEventType, ReferralEvent> = {
  triage: { type: 'triage' },
  allocate: { type: 'allocate', linkWorkerId: 'lw-2' },
  decline: { type: 'decline', reasonCode: 'not-wanted-now' },
  mark_not_eligible: { type: 'mark_not_eligible', reason: 'Lives outside the area' },
  redirect: { type: 'redirect', destination: 'Community mental health team' },
  record_first_contact: { type: 'record_first_contact' },
  start_support: { type: 'start_support' },
  close: { type: 'close', reasonCode: 'goals-met' },
  reopen: { type: 'reopen' },
};

/**
 * Every status × event, written out by hand. A cell is "next status / coded event / milestone"
 * ("-" for no milestone), or "illegal".
 */
const X = 'illegal';
const TABLE: Record<ReferralStatus, Record<ReferralEventType, string>> = {
  received: {
    triage: 'triaged/triaged/-', allocate: 'accepted/accepted/decision', decline: 'declined/declined/decision',
    mark_not_eligible: 'not_eligible/not_eligible/decision', redirect: 'redirected/redirected/decision',
    record_first_contact: X, start_support: X, close: X, reopen: X,
  },
  triaged: {
    triage: X, allocate: 'accepted/accepted/decision', decline: 'declined/declined/decision',
    mark_not_eligible: 'not_eligible/not_eligible/decision', redirect: 'redirected/redirected/decision',
    record_first_contact: X, start_support: X, close: X, reopen: X,
  },
  accepted: {
    triage: X, allocate: 'accepted/reallocated/-', decline: 'declined/declined/decision', mark_not_eligible: X, redirect: X,
    record_first_contact: 'first_contact/first_contact/first_contact', start_support: X, close: 'closed/closed/closed', reopen: X,
  },
  declined: {
    triage: X, allocate: X, decline: X, mark_not_eligible: X, redirect: X, record_first_contact: X, start_support: X, close: X, reopen: X,
  },
  not_eligible: {
    triage: X, allocate: X, decline: X, mark_not_eligible: X, redirect: X, record_first_contact: X, start_support: X, close: X, reopen: X,
  },
  redirected: {
    triage: X, allocate: X, decline: X, mark_not_eligible: X, redirect: X, record_first_contact: X, start_support: X, close: X, reopen: X,
  },
  first_contact: {
    triage: X, allocate: 'first_contact/reallocated/-', decline: 'declined/declined/decision', mark_not_eligible: X, redirect: X,
    record_first_contact: X, start_support: 'active/active/-', close: 'closed/closed/closed', reopen: X,
  },
  active: {
    triage: X, allocate: 'active/reallocated/-', decline: X, mark_not_eligible: X, redirect: X,
    record_first_contact: X, start_support: X, close: 'closed/closed/closed', reopen: X,
  },
  closed: {
    triage: X, allocate: X, decline: X, mark_not_eligible: X, redirect: X, record_first_contact: X, start_support: X, close: X,
    reopen: 'accepted/reopened/-',
  },
};

const PAIRS = REFERRAL_STATUSES.flatMap((status) => REFERRAL_EVENT_TYPES.map((type) => [status, type] as const));

describe('transition: every status × event', () => {
  it('covers 9 statuses × 9 events', () => {
    expect(PAIRS).toHaveLength(81);
    expect(Object.keys(TABLE).sort()).toEqual([...REFERRAL_STATUSES].sort());
  });

  it.each(PAIRS)('%s + %s', (status, type) => {
    const state = stateIn(status);
    const result = transition(state, EVENTS[type], CONTEXT);
    const cell = TABLE[status][type];
    if (cell === X) {
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.code).toBe('illegal-transition');
      expect(result.message.length).toBeGreaterThan(20);
      return;
    }
    const [next, codedEvent, milestone] = cell.split('/');
    const expectedWorker = type === 'allocate' ? 'lw-2' : state.linkWorkerId;
    expect(result).toEqual({
      ok: true,
      status: next,
      codedEvent,
      milestone: milestone === '-' ? null : milestone,
      linkWorkerId: expectedWorker,
    });
  });

  it('explains an illegal change in plain English with the status label', () => {
    expect(transition(stateIn('closed'), EVENTS.triage, CONTEXT)).toEqual({
      ok: false,
      code: 'illegal-transition',
      message: 'A referral that is Closed cannot be triaged.',
    });
    expect(transition(stateIn('active'), EVENTS.record_first_contact, CONTEXT)).toMatchObject({
      message: 'A referral that is Receiving support cannot have a first contact recorded.',
    });
  });
});

describe('transition: consent withdrawn', () => {
  const allowedAnyway = new Set<ReferralEventType>(['decline', 'mark_not_eligible', 'close']);

  it.each(PAIRS)('%s + %s', (status, type) => {
    const result = transition(stateIn(status, { consentWithdrawn: true }), EVENTS[type], CONTEXT);
    if (!allowedAnyway.has(type)) {
      expect(result).toMatchObject({ ok: false, code: 'consent-withdrawn' });
      if (!result.ok) expect(result.message).toMatch(/consent has been withdrawn.*cannot go any further/i);
      return;
    }
    // Ending the referral follows the usual rules.
    expect(result).toEqual(transition(stateIn(status), EVENTS[type], CONTEXT));
  });
});

describe('transition: reopening', () => {
  const closedDaysAgo = (ms: number, extra: Partial<LifecycleState> = {}): LifecycleState =>
    stateIn('closed', { closedAt: new Date(NOW.getTime() - ms), ...extra });

  it('reopens up to and including exactly the window', () => {
    expect(transition(closedDaysAgo(0), EVENTS.reopen, CONTEXT)).toMatchObject({ ok: true, status: 'accepted', linkWorkerId: 'lw-1' });
    expect(transition(closedDaysAgo(30 * DAY), EVENTS.reopen, CONTEXT)).toMatchObject({ ok: true, status: 'accepted' });
  });

  it('refuses one millisecond after the window', () => {
    const result = transition(closedDaysAgo(30 * DAY + 1), EVENTS.reopen, CONTEXT);
    expect(result).toEqual({
      ok: false,
      code: 'reopen-window-passed',
      message: 'This referral was closed more than 30 days ago, so it cannot be reopened. Make a new referral instead.',
    });
  });

  it('with a zero-day window, reopens only at the same instant', () => {
    const ctx = { now: NOW, reopenWindowDays: 0 };
    expect(transition(closedDaysAgo(0), EVENTS.reopen, ctx).ok).toBe(true);
    expect(transition(closedDaysAgo(1), EVENTS.reopen, ctx)).toMatchObject({ code: 'reopen-window-passed' });
  });

  it('says "day" for a one-day window', () => {
    const result = transition(closedDaysAgo(2 * DAY), EVENTS.reopen, { now: NOW, reopenWindowDays: 1 });
    expect(result).toMatchObject({ message: expect.stringContaining('more than 1 day ago') });
  });

  it('refuses a referral that never had a link worker', () => {
    expect(transition(closedDaysAgo(DAY, { linkWorkerId: null }), EVENTS.reopen, CONTEXT)).toMatchObject({
      ok: false,
      code: 'illegal-transition',
      message: expect.stringContaining('never had a link worker'),
    });
  });

  it('refuses when the closing date is not recorded', () => {
    expect(transition(stateIn('closed', { closedAt: null }), EVENTS.reopen, CONTEXT)).toMatchObject({
      ok: false,
      code: 'illegal-transition',
    });
  });

  it('refuses when consent was withdrawn, even inside the window', () => {
    expect(transition(closedDaysAgo(DAY, { consentWithdrawn: true }), EVENTS.reopen, CONTEXT)).toMatchObject({
      code: 'consent-withdrawn',
    });
  });
});

describe('transition: allocation', () => {
  it.each(['accepted', 'first_contact', 'active'] as const)('refuses to reallocate a %s referral to the same worker', (status) => {
    const result = transition(stateIn(status), { type: 'allocate', linkWorkerId: 'lw-1' }, CONTEXT);
    expect(result).toEqual({ ok: false, code: 'invalid-event', message: 'This referral is already allocated to that link worker.' });
  });

  it('trims the link worker id', () => {
    expect(transition(stateIn('received'), { type: 'allocate', linkWorkerId: '  lw-9 ' }, CONTEXT)).toMatchObject({ linkWorkerId: 'lw-9' });
    expect(transition(stateIn('active'), { type: 'allocate', linkWorkerId: 'lw-1 ' }, CONTEXT)).toMatchObject({ code: 'invalid-event' });
  });

  it.each(['', '   '])('refuses an empty link worker id %j', (linkWorkerId) => {
    expect(transition(stateIn('received'), { type: 'allocate', linkWorkerId }, CONTEXT)).toMatchObject({ ok: false, code: 'invalid-event' });
    expect(transition(stateIn('active'), { type: 'allocate', linkWorkerId }, CONTEXT)).toMatchObject({ ok: false, code: 'invalid-event' });
  });
});

describe('transition: payloads', () => {
  const invalid: [ReferralStatus, ReferralEvent][] = [
    ['received', { type: 'decline', reasonCode: 'goals-met' }],
    ['received', { type: 'decline', reasonCode: '' }],
    ['accepted', { type: 'decline', reasonCode: 'NOT-WANTED-NOW' }],
    ['received', { type: 'mark_not_eligible', reason: '' }],
    ['triaged', { type: 'mark_not_eligible', reason: ' \n ' }],
    ['received', { type: 'redirect', destination: '' }],
    ['triaged', { type: 'redirect', destination: '  ' }],
    ['active', { type: 'close', reasonCode: 'not-wanted-now' }],
    ['accepted', { type: 'close', reasonCode: '' }],
  ];

  it.each(invalid)('%s + %j is an invalid event', (status, event) => {
    const result = transition(stateIn(status), event, CONTEXT);
    expect(result).toMatchObject({ ok: false, code: 'invalid-event' });
    if (!result.ok) expect(result.message.length).toBeGreaterThan(10);
  });

  it('reports an illegal change before looking at the payload', () => {
    expect(transition(stateIn('closed'), { type: 'decline', reasonCode: 'nonsense' }, CONTEXT)).toMatchObject({ code: 'illegal-transition' });
  });

  it('accepts every decline and closure reason on the code lists', () => {
    for (const reasonCode of ['not-wanted-now', 'support-elsewhere', 'not-what-expected', 'could-not-contact', 'other']) {
      expect(transition(stateIn('triaged'), { type: 'decline', reasonCode }, CONTEXT).ok).toBe(true);
    }
    for (const reasonCode of ['goals-met', 'partly-met', 'referred-on', 'disengaged', 'moved-away', 'consent-withdrawn', 'deceased', 'other']) {
      expect(transition(stateIn('active'), { type: 'close', reasonCode }, CONTEXT).ok).toBe(true);
    }
  });

  it('answers invalid-event for an event type it does not know', () => {
    const bogus = { type: 'explode' } as unknown as ReferralEvent;
    expect(transition(stateIn('received'), bogus, CONTEXT)).toMatchObject({ ok: false, code: 'invalid-event' });
  });
});

describe('allowedEvents', () => {
  const closedStates: [string, LifecycleState][] = [
    ['closed inside the window', stateIn('closed')],
    ['closed outside the window', stateIn('closed', { closedAt: new Date(NOW.getTime() - 31 * DAY) })],
    ['closed without a link worker', stateIn('closed', { linkWorkerId: null })],
  ];
  const states: [string, LifecycleState][] = [
    ...REFERRAL_STATUSES.map((s) => [s, stateIn(s)] as [string, LifecycleState]),
    ...REFERRAL_STATUSES.map((s) => [`${s}, consent withdrawn`, stateIn(s, { consentWithdrawn: true })] as [string, LifecycleState]),
    ...closedStates,
  ];

  it.each(states)('agrees with transition for %s', (_label, state) => {
    const allowed = allowedEvents(state, CONTEXT);
    const succeeding = REFERRAL_EVENT_TYPES.filter((type) => transition(state, EVENTS[type], CONTEXT).ok);
    expect(allowed).toEqual(succeeding);
  });

  it('lists what each status allows', () => {
    expect(allowedEvents(stateIn('received'), CONTEXT)).toEqual(['triage', 'allocate', 'decline', 'mark_not_eligible', 'redirect']);
    expect(allowedEvents(stateIn('active'), CONTEXT)).toEqual(['allocate', 'close']);
    expect(allowedEvents(stateIn('closed'), CONTEXT)).toEqual(['reopen']);
    expect(allowedEvents(stateIn('declined'), CONTEXT)).toEqual([]);
    expect(allowedEvents(stateIn('first_contact', { consentWithdrawn: true }), CONTEXT)).toEqual(['decline', 'close']);
    expect(allowedEvents(closedStates[1]![1], CONTEXT)).toEqual([]);
  });
});

describe('status groups', () => {
  const expected: Record<ReferralStatus, [terminal: boolean, open: boolean, caseload: boolean]> = {
    received: [false, true, false],
    triaged: [false, true, false],
    accepted: [false, true, true],
    declined: [true, false, false],
    not_eligible: [true, false, false],
    redirected: [true, false, false],
    first_contact: [false, true, true],
    active: [false, true, true],
    closed: [false, false, false],
  };

  it.each(REFERRAL_STATUSES)('%s', (status) => {
    expect([isTerminal(status), isOpen(status), onCaseload(status)]).toEqual(expected[status]);
  });

  it('lets no event out of a terminal status, and some out of every other status', () => {
    for (const status of REFERRAL_STATUSES) {
      expect(allowedEvents(stateIn(status), CONTEXT).length === 0).toBe(isTerminal(status));
    }
  });
});
