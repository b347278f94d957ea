import { describe, expect, it } from 'vitest';
import type { ScheduleEntry } from '../contracts/outcomes.js';
import { addDays, scheduleFor, stateOn, timepointLabel, timepointOf, type CompletedMeasure, type ScheduleReferral } from './schedule.js';

/**
 * When measures fall due. Dates are worked by hand on the calendar; instants are given in UTC
 * and read as London dates (GMT in winter, BST = UTC+1 from 29 March to 25 October 2026).
 */

const SWEMWBS_PLAN: ScheduleEntry = {
  measureKey: 'swemwbs',
  points: [{ kind: 'baseline' }, { kind: 'follow-up', weeks: 12 }, { kind: 'closure' }],
};
const ONS_PLAN: ScheduleEntry = { measureKey: 'ons4', points: [{ kind: 'baseline' }, { kind: 'follow-up', weeks: 6 }] };

function plan(opts: {
  referral: ScheduleReferral;
  now: string;
  completed?: CompletedMeasure[];
  schedule?: ScheduleEntry[];
  enabled?: string[];
  overdueAfterDays?: number;
}) {
  return scheduleFor({
    schedule: opts.schedule ?? [SWEMWBS_PLAN],
    enabledMeasures: new Set(opts.enabled ?? ['swemwbs', 'ons4']),
    referral: opts.referral,
    completed: opts.completed ?? [],
    overdueAfterDays: opts.overdueAfterDays ?? 14,
    now: new Date(opts.now),
  });
}

const open = (firstContactAt: string | null): ScheduleReferral => ({ firstContactAt: firstContactAt ? new Date(firstContactAt) : null, closedAt: null });
const closed = (firstContactAt: string, closedAt: string): ScheduleReferral => ({ firstContactAt: new Date(firstContactAt), closedAt: new Date(closedAt) });

const row = (items: ReturnType<typeof plan>, timepoint: string, measureKey = 'swemwbs') =>
  items.find((i) => i.timepoint === timepoint && i.measureKey === measureKey);

describe('scheduleFor', () => {
  it('schedules nothing before first contact', () => {
    expect(plan({ referral: open(null), now: '2026-01-10T12:00:00Z' })).toEqual([]);
    expect(plan({ referral: { firstContactAt: null, closedAt: new Date('2026-02-01T12:00:00Z') }, now: '2026-02-02T12:00:00Z' })).toEqual([]);
  });

  it('makes the baseline due on the first-contact day and the 12-week follow-up 84 days later', () => {
    // 10 January + 84 days: +21 → 31 Jan, +28 → 28 Feb (49), +31 → 31 Mar (80), +4 → 4 April.
    const items = plan({ referral: open('2026-01-10T10:00:00Z'), now: '2026-01-10T15:00:00Z' });
    expect(items).toEqual([
      {
        measureKey: 'swemwbs',
        timepoint: 'baseline',
        timepointLabel: 'Baseline',
        dueOn: '2026-01-10',
        overdueFrom: '2026-01-24',
        state: 'due',
      },
      {
        measureKey: 'swemwbs',
        timepoint: 'follow-up-12',
        timepointLabel: '12-week follow-up',
        dueOn: '2026-04-04',
        overdueFrom: '2026-04-18',
        state: 'upcoming',
      },
    ]);
  });

  it('moves through upcoming, due and overdue on the exact boundary days', () => {
    const referral = open('2026-01-10T10:00:00Z');
    const followUp = (now: string) => row(plan({ referral, now }), 'follow-up-12')?.state;
    expect(followUp('2026-04-03T22:59:59Z')).toBe('upcoming'); // 3 April, 23:59 BST
    expect(followUp('2026-04-03T23:00:00Z')).toBe('due'); // 4 April, 00:00 BST: the due day
    expect(followUp('2026-04-17T12:00:00Z')).toBe('due'); // 13 days after: the last day it is just due
    expect(followUp('2026-04-17T23:00:00Z')).toBe('overdue'); // 18 April, 00:00 BST: 14 days after
    expect(followUp('2027-01-01T12:00:00Z')).toBe('overdue');
    // The baseline is overdue from 24 January (GMT, so midnight UTC)
    const baseline = (now: string) => row(plan({ referral, now }), 'baseline')?.state;
    expect(baseline('2026-01-23T23:59:59Z')).toBe('due');
    expect(baseline('2026-01-24T00:00:00Z')).toBe('overdue');
  });

  it('counts overdue from the scheme’s own number of days', () => {
    const items = plan({ referral: open('2026-01-10T10:00:00Z'), now: '2026-01-11T09:00:00Z', overdueAfterDays: 1 });
    expect(row(items, 'baseline')).toMatchObject({ overdueFrom: '2026-01-11', state: 'overdue' });
    const later = plan({ referral: open('2026-01-10T10:00:00Z'), now: '2026-01-11T09:00:00Z', overdueAfterDays: 2 });
    expect(row(later, 'baseline')).toMatchObject({ overdueFrom: '2026-01-12', state: 'due' });
  });

  it('marks a point done when that measure was completed at that timepoint, and only then', () => {
    const items = plan({
      referral: open('2026-01-10T10:00:00Z'),
      schedule: [SWEMWBS_PLAN, ONS_PLAN],
      now: '2026-05-01T12:00:00Z',
      completed: [
        { measureKey: 'swemwbs', timepoint: 'baseline' },
        { measureKey: 'ons4', timepoint: 'follow-up-12' }, // not a point of the ONS plan
      ],
    });
    expect(row(items, 'baseline')?.state).toBe('done');
    expect(row(items, 'follow-up-12')?.state).toBe('overdue');
    expect(row(items, 'baseline', 'ons4')?.state).toBe('overdue');
    expect(row(items, 'follow-up-6', 'ons4')?.state).toBe('overdue');
    // done wins even before the due day (a follow-up recorded early)
    const early = plan({ referral: open('2026-01-10T10:00:00Z'), now: '2026-01-12T12:00:00Z', completed: [{ measureKey: 'swemwbs', timepoint: 'follow-up-12' }] });
    expect(row(early, 'follow-up-12')?.state).toBe('done');
  });

  it('drops follow-ups that would fall after closure, keeping one due on the closing day', () => {
    // Follow-up due 4 April. Closed 3 April: dropped. Closed 4 April: kept.
    const before = plan({ referral: closed('2026-01-10T10:00:00Z', '2026-04-03T15:00:00Z'), now: '2026-04-10T12:00:00Z' });
    expect(before.map((i) => i.timepoint)).toEqual(['baseline', 'closure']);
    const same = plan({ referral: closed('2026-01-10T10:00:00Z', '2026-04-04T15:00:00Z'), now: '2026-04-10T12:00:00Z' });
    expect(same.map((i) => i.timepoint)).toEqual(['baseline', 'follow-up-12', 'closure']);
  });

  it('adds the closure point only once the case is closed, due on the closing day', () => {
    const stillOpen = plan({ referral: open('2026-01-10T10:00:00Z'), now: '2026-06-01T12:00:00Z' });
    expect(stillOpen.some((i) => i.timepoint === 'closure')).toBe(false);
    const items = plan({ referral: closed('2026-01-10T10:00:00Z', '2026-05-05T09:00:00Z'), now: '2026-05-05T10:00:00Z' });
    expect(row(items, 'closure')).toEqual({
      measureKey: 'swemwbs',
      timepoint: 'closure',
      timepointLabel: 'At closure',
      dueOn: '2026-05-05',
      overdueFrom: '2026-05-19',
      state: 'due',
    });
  });

  it('leaves out measures the scheme has switched off', () => {
    const items = plan({ referral: open('2026-01-10T10:00:00Z'), schedule: [SWEMWBS_PLAN, ONS_PLAN], enabled: ['ons4'], now: '2026-01-10T12:00:00Z' });
    expect(items.map((i) => i.measureKey)).toEqual(['ons4', 'ons4']);
    expect(plan({ referral: open('2026-01-10T10:00:00Z'), enabled: [], now: '2026-01-10T12:00:00Z' })).toEqual([]);
  });

  it('orders by due date, then measure', () => {
    const items = plan({ referral: open('2026-01-10T10:00:00Z'), schedule: [SWEMWBS_PLAN, ONS_PLAN], now: '2026-01-10T12:00:00Z' });
    // ONS 6 weeks: 10 Jan + 42 = 21 February
    expect(items.map((i) => [i.dueOn, i.measureKey, i.timepoint])).toEqual([
      ['2026-01-10', 'ons4', 'baseline'],
      ['2026-01-10', 'swemwbs', 'baseline'],
      ['2026-02-21', 'ons4', 'follow-up-6'],
      ['2026-04-04', 'swemwbs', 'follow-up-12'],
    ]);
  });

  it('reads first contact, closure and now as London dates around the clock changes', () => {
    // 23:30 UTC on 29 March 2026 is 00:30 BST on 30 March: the baseline is due on the 30th.
    const spring = plan({ referral: open('2026-03-29T23:30:00Z'), now: '2026-03-29T23:45:00Z' });
    expect(row(spring, 'baseline')).toMatchObject({ dueOn: '2026-03-30', state: 'due' });
    // 23:30 UTC on 28 March is still GMT: 28 March.
    expect(row(plan({ referral: open('2026-03-28T23:30:00Z'), now: '2026-03-29T12:00:00Z' }), 'baseline')?.dueOn).toBe('2026-03-28');
    // 12 weeks from 30 March (across no further change) is 22 June; at 23:30 UTC on 21 June it is
    // already 22 June in London, so the follow-up is due although the UTC date is still the 21st.
    expect(row(plan({ referral: open('2026-03-29T23:30:00Z'), now: '2026-06-21T23:30:00Z' }), 'follow-up-12')).toMatchObject({
      dueOn: '2026-06-22',
      state: 'due',
    });
    // Autumn: 23:30 UTC on 24 October is 00:30 BST on 25 October; 00:30 UTC on 26 October is GMT.
    expect(row(plan({ referral: open('2026-10-24T23:30:00Z'), now: '2026-10-25T12:00:00Z' }), 'baseline')?.dueOn).toBe('2026-10-25');
    expect(row(plan({ referral: open('2026-10-26T00:30:00Z'), now: '2026-10-26T12:00:00Z' }), 'baseline')?.dueOn).toBe('2026-10-26');
    // A case closed at 23:30 UTC on 2 July (00:30 BST, 3 July) closes on 3 July.
    const summer = plan({ referral: closed('2026-03-29T23:30:00Z', '2026-07-02T23:30:00Z'), now: '2026-07-03T08:00:00Z' });
    expect(row(summer, 'closure')?.dueOn).toBe('2026-07-03');
  });

  it('counts whole calendar days across the clock change (no 23- or 25-hour day slips)', () => {
    // First contact 1 March (GMT), 6-week follow-up 12 April (BST): 1 Mar + 42 = 12 Apr.
    const items = plan({ referral: open('2026-03-01T09:00:00Z'), schedule: [ONS_PLAN], now: '2026-04-12T00:30:00Z' });
    expect(row(items, 'follow-up-6', 'ons4')).toMatchObject({ dueOn: '2026-04-12', overdueFrom: '2026-04-26', state: 'due' });
  });
});

describe('schedule helpers', () => {
  it('names timepoints', () => {
    expect(timepointOf({ kind: 'baseline' })).toBe('baseline');
    expect(timepointOf({ kind: 'follow-up', weeks: 26 })).toBe('follow-up-26');
    expect(timepointOf({ kind: 'closure' })).toBe('closure');
    expect(timepointLabel('baseline')).toBe('Baseline');
    expect(timepointLabel('follow-up-26')).toBe('26-week follow-up');
    expect(timepointLabel('closure')).toBe('At closure');
    expect(timepointLabel('other')).toBe('Other');
    expect(timepointLabel('something')).toBe('something');
  });

  it('adds calendar days across month, year and leap day', () => {
    expect(addDays('2026-01-31', 1)).toBe('2026-02-01');
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01');
    expect(addDays('2028-02-28', 1)).toBe('2028-02-29');
    expect(addDays('2027-02-28', 1)).toBe('2027-03-01');
    expect(addDays('2026-03-28', 2)).toBe('2026-03-30');
    expect(addDays('2026-01-10', 0)).toBe('2026-01-10');
  });

  it('gives the state for a day', () => {
    expect(stateOn('2026-01-09', '2026-01-10', '2026-01-24', false)).toBe('upcoming');
    expect(stateOn('2026-01-10', '2026-01-10', '2026-01-24', false)).toBe('due');
    expect(stateOn('2026-01-23', '2026-01-10', '2026-01-24', false)).toBe('due');
    expect(stateOn('2026-01-24', '2026-01-10', '2026-01-24', false)).toBe('overdue');
    expect(stateOn('2026-01-24', '2026-01-10', '2026-01-24', true)).toBe('done');
  });
});
