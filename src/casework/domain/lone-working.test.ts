import { describe, it, expect } from 'vitest';
import { levelsToSend, loneWorkingState, recipientsFor, type LoneWorkingInput, type LoneWorkingState } from './lone-working.js';

/** A clock on 3 December 2026 (GMT): t('14:25') is 14:25 that day. */
const t = (hhmm: string): Date => new Date(`2026-12-03T${hhmm}:00Z`);
const MINUTE = 60_000;

const base: LoneWorkingInput = {
  expectedAt: t('14:00'),
  checkIn: null,
  acknowledgedAt: null,
  now: t('14:00'),
  graceMinutes: 15,
  intervalMinutes: 10,
};
const at = (now: Date, extra: Partial<LoneWorkingInput> = {}): LoneWorkingState => loneWorkingState({ ...base, ...extra, now });

/** Runs the clock a minute at a time and checks each minute against hand-written segments. */
function walk(from: string, to: string, extra: Partial<LoneWorkingInput>, segments: [until: string, expected: LoneWorkingState][]): void {
  for (let ms = t(from).getTime(); ms <= t(to).getTime(); ms += MINUTE) {
    const now = new Date(ms);
    const segment = segments.find(([until]) => ms < t(until).getTime());
    if (segment === undefined) throw new Error(`No expectation for ${now.toISOString()}`);
    expect([now.toISOString(), at(now, extra)]).toEqual([now.toISOString(), segment[1]]);
  }
}

describe('loneWorkingState: no check-in', () => {
  it('waits, then escalates one level every 10 minutes after 15 minutes of grace', () => {
    walk('13:30', '14:50', {}, [
      ['14:15', { state: 'waiting', level: 0, nextAlertAt: t('14:15') }],
      ['14:25', { state: 'overdue', level: 1, nextAlertAt: t('14:25') }],
      ['14:35', { state: 'overdue', level: 2, nextAlertAt: t('14:35') }],
      ['14:45', { state: 'overdue', level: 3, nextAlertAt: t('14:45') }],
      ['14:55', { state: 'overdue', level: 4, nextAlertAt: t('14:55') }],
    ]);
  });

  it('turns overdue on the exact millisecond grace ends', () => {
    expect(at(new Date(t('14:15').getTime() - 1))).toEqual({ state: 'waiting', level: 0, nextAlertAt: t('14:15') });
    expect(at(t('14:15'))).toEqual({ state: 'overdue', level: 1, nextAlertAt: t('14:25') });
  });

  it('with no grace, is overdue at the expected time', () => {
    expect(at(t('14:00'), { graceMinutes: 0 })).toEqual({ state: 'overdue', level: 1, nextAlertAt: t('14:10') });
    expect(at(t('13:59'), { graceMinutes: 0 })).toEqual({ state: 'waiting', level: 0, nextAlertAt: t('14:00') });
  });

  it('after a long outage, reports the level reached by now', () => {
    // 14:15 + 2 h 5 min = 125 minutes late → 1 + floor(125 / 10) = 13.
    expect(at(t('16:20'))).toEqual({ state: 'overdue', level: 13, nextAlertAt: t('16:25') });
  });
});

describe('loneWorkingState: "I am safe"', () => {
  it.each(['13:30', '14:20', '15:00'])('is safe whatever the time, checked in at %s', (when) => {
    const checkIn = { kind: 'safe' as const, at: t(when) };
    walk('13:30', '15:30', { checkIn }, [['16:00', { state: 'checked_in_safe', level: 0, nextAlertAt: null }]]);
  });

  it('beats an acknowledgement', () => {
    expect(at(t('15:00'), { checkIn: { kind: 'safe', at: t('14:50') }, acknowledgedAt: t('14:30') })).toEqual({
      state: 'checked_in_safe',
      level: 0,
      nextAlertAt: null,
    });
  });
});

describe('loneWorkingState: "I need help"', () => {
  it('goes straight to level 2 and climbs every interval from the call', () => {
    const checkIn = { kind: 'need_help' as const, at: t('14:03') };
    walk('14:03', '14:40', { checkIn }, [
      ['14:13', { state: 'needs_help', level: 2, nextAlertAt: t('14:13') }],
      ['14:23', { state: 'needs_help', level: 3, nextAlertAt: t('14:23') }],
      ['14:33', { state: 'needs_help', level: 4, nextAlertAt: t('14:33') }],
      ['14:43', { state: 'needs_help', level: 5, nextAlertAt: t('14:43') }],
    ]);
  });

  it('counts even before the expected time, and from level 2 if the clocks disagree', () => {
    const checkIn = { kind: 'need_help' as const, at: t('13:40') };
    expect(at(t('13:41'), { checkIn })).toEqual({ state: 'needs_help', level: 2, nextAlertAt: t('13:50') });
    expect(at(t('13:39'), { checkIn })).toEqual({ state: 'needs_help', level: 2, nextAlertAt: t('13:50') });
  });

  it('stops when acknowledged, keeping the level reached', () => {
    const checkIn = { kind: 'need_help' as const, at: t('14:03') };
    expect(at(t('15:00'), { checkIn, acknowledgedAt: t('14:05') })).toEqual({ state: 'acknowledged', level: 2, nextAlertAt: null });
    // 27 minutes after the call: 2 + floor(27 / 10) = 4.
    expect(at(t('15:00'), { checkIn, acknowledgedAt: t('14:30') })).toEqual({ state: 'acknowledged', level: 4, nextAlertAt: null });
  });

  it('alerts again for a call for help after an earlier acknowledgement', () => {
    const checkIn = { kind: 'need_help' as const, at: t('14:30') };
    expect(at(t('14:31'), { checkIn, acknowledgedAt: t('14:20') })).toEqual({ state: 'needs_help', level: 2, nextAlertAt: t('14:40') });
  });
});

describe('loneWorkingState: acknowledged', () => {
  it('sends nothing more once someone has taken it on, keeping the level reached', () => {
    // Acknowledged at 14:27: 12 minutes overdue → level 1 + floor(12 / 10) = 2.
    walk('14:27', '16:00', { acknowledgedAt: t('14:27') }, [['17:00', { state: 'acknowledged', level: 2, nextAlertAt: null }]]);
    expect(at(t('14:20'), { acknowledgedAt: t('14:15') })).toEqual({ state: 'acknowledged', level: 1, nextAlertAt: null });
  });

  it('ignores an acknowledgement made before anything was overdue', () => {
    expect(at(t('14:10'), { acknowledgedAt: t('14:05') })).toEqual({ state: 'waiting', level: 0, nextAlertAt: t('14:15') });
    expect(at(t('14:20'), { acknowledgedAt: t('14:05') })).toEqual({ state: 'overdue', level: 1, nextAlertAt: t('14:25') });
  });
});

describe('loneWorkingState: settings', () => {
  it.each([
    [-1, 10],
    [1.5, 10],
    [15, 0],
    [15, -5],
    [15, 2.5],
    [Number.NaN, 10],
  ])('throws for grace %d and interval %d', (graceMinutes, intervalMinutes) => {
    expect(() => at(t('14:00'), { graceMinutes, intervalMinutes })).toThrow(RangeError);
  });
});

describe('recipientsFor', () => {
  it.each([
    [-1, null],
    [0, null],
    [1, 'managers'],
    [2, 'managers_and_contacts'],
    [3, 'managers_and_contacts'],
    [12, 'managers_and_contacts'],
  ])('level %d → %s', (level, expected) => {
    expect(recipientsFor(level)).toBe(expected);
  });
});

describe('levelsToSend', () => {
  it.each([
    [[], 0, []],
    [[], 1, [1]],
    [[1], 1, []],
    [[1], 2, [2]],
    // The job was down through levels 2 and 3: only the current level goes out.
    [[1], 4, [4]],
    [[1, 2, 3], 3, []],
    [[], 5, [5]],
  ] as [number[], number, number[]][])('sent %j, now level %d → %j', (sent, level, expected) => {
    expect(levelsToSend(sent, level)).toEqual(expected);
  });
});
