import { describe, it, expect } from 'vitest';
import { GOAL_STATUSES, type GoalStatus } from '../../contracts/casework-codes.js';
import {
  GOAL_EVENT_TYPES,
  allowedGoalEvents,
  isGoalOpen,
  mayRateProgress,
  transitionGoal,
  validateRating,
  type GoalEvent,
  type GoalEventType,
} from './goal-lifecycle.js';

const EVENTS: Record<GoalEventType, GoalEvent> = {
  start: { type: 'start' },
  achieve: { type: 'achieve' },
  change: { type: 'change', note: 'Walk to the shop twice a week instead' },
  drop: { type: 'drop', reason: 'Not a priority now' },
  reopen: { type: 'reopen' },
};

/** Every status × event, written out by hand: the next status, or X for a refusal. */
const X = 'illegal';
const TABLE: Record<GoalStatus, Record<GoalEventType, GoalStatus | typeof X>> = {
  not_started: { start: 'in_progress', achieve: 'achieved', change: 'changed', drop: 'dropped', reopen: X },
  in_progress: { start: X, achieve: 'achieved', change: 'changed', drop: 'dropped', reopen: X },
  achieved: { start: X, achieve: X, change: X, drop: X, reopen: 'in_progress' },
  changed: { start: X, achieve: X, change: X, drop: X, reopen: X },
  dropped: { start: X, achieve: X, change: X, drop: X, reopen: 'in_progress' },
};

const PAIRS = GOAL_STATUSES.flatMap((status) => GOAL_EVENT_TYPES.map((type) => [status, type] as const));

describe('transitionGoal: every status × event', () => {
  it('covers 5 statuses × 5 events', () => {
    expect(PAIRS).toHaveLength(25);
    expect(Object.keys(TABLE).sort()).toEqual([...GOAL_STATUSES].sort());
  });

  it.each(PAIRS)('%s + %s', (status, type) => {
    const result = transitionGoal(status, EVENTS[type]);
    const cell = TABLE[status][type];
    if (cell === X) {
      expect(result).toMatchObject({ ok: false, code: 'illegal-transition' });
      return;
    }
    expect(result).toEqual({ ok: true, status: cell });
  });

  it('explains a refusal with the status label', () => {
    expect(transitionGoal('achieved', EVENTS.start)).toEqual({
      ok: false,
      code: 'illegal-transition',
      message: 'A goal that is Achieved cannot be started.',
    });
    expect(transitionGoal('in_progress', EVENTS.reopen)).toEqual({
      ok: false,
      code: 'illegal-transition',
      message: 'A goal that is In progress cannot be reopened.',
    });
  });

  it('points a changed goal at a new goal', () => {
    expect(transitionGoal('changed', EVENTS.reopen)).toEqual({
      ok: false,
      code: 'illegal-transition',
      message: 'A goal that is Changed cannot be reopened. Add a new goal for what it changed into.',
    });
  });
});

describe('transitionGoal: payloads', () => {
  it.each(['', '   ', '\n\t'])('refuses a change with note %j', (note) => {
    expect(transitionGoal('in_progress', { type: 'change', note })).toEqual({
      ok: false,
      code: 'invalid-event',
      message: 'Say what the goal has changed to.',
    });
  });

  it.each(['', '  '])('refuses a drop with reason %j', (reason) => {
    expect(transitionGoal('not_started', { type: 'drop', reason })).toEqual({
      ok: false,
      code: 'invalid-event',
      message: 'Say why the goal is being dropped.',
    });
  });

  it('refuses a missing note or reason sent from loose input', () => {
    expect(transitionGoal('in_progress', { type: 'change' } as unknown as GoalEvent)).toMatchObject({ code: 'invalid-event' });
    expect(transitionGoal('in_progress', { type: 'drop', reason: 7 } as unknown as GoalEvent)).toMatchObject({ code: 'invalid-event' });
  });

  it('reports an illegal change before looking at the payload', () => {
    expect(transitionGoal('changed', { type: 'drop', reason: '' })).toMatchObject({ code: 'illegal-transition' });
  });

  it('answers invalid-event for an unknown event type', () => {
    expect(transitionGoal('in_progress', { type: 'finish' } as unknown as GoalEvent)).toEqual({
      ok: false,
      code: 'invalid-event',
      message: 'This is not a change that can be made to a goal.',
    });
    expect(transitionGoal('in_progress', {} as unknown as GoalEvent)).toMatchObject({ code: 'invalid-event' });
  });
});

describe('allowedGoalEvents', () => {
  it('lists what each status allows', () => {
    expect(allowedGoalEvents('not_started')).toEqual(['start', 'achieve', 'change', 'drop']);
    expect(allowedGoalEvents('in_progress')).toEqual(['achieve', 'change', 'drop']);
    expect(allowedGoalEvents('achieved')).toEqual(['reopen']);
    expect(allowedGoalEvents('dropped')).toEqual(['reopen']);
    expect(allowedGoalEvents('changed')).toEqual([]);
  });

  it.each(GOAL_STATUSES)('agrees with transitionGoal for %s', (status) => {
    expect(allowedGoalEvents(status)).toEqual(GOAL_EVENT_TYPES.filter((type) => transitionGoal(status, EVENTS[type]).ok));
  });
});

describe('status questions', () => {
  const expected: Record<GoalStatus, [open: boolean, mayRate: boolean]> = {
    not_started: [true, true],
    in_progress: [true, true],
    achieved: [false, true],
    changed: [false, false],
    dropped: [false, false],
  };

  it.each(GOAL_STATUSES)('%s', (status) => {
    expect([isGoalOpen(status), mayRateProgress(status)]).toEqual(expected[status]);
  });
});

describe('validateRating', () => {
  it.each([0, 1, 5, 9, 10])('accepts %d', (n) => {
    expect(validateRating(n)).toEqual({ ok: true, rating: n });
  });

  it.each([-1, 11, 5.5, 0.1, Number.NaN, Number.POSITIVE_INFINITY, '5', null, undefined])('refuses %j', (value) => {
    expect(validateRating(value)).toEqual({
      ok: false,
      code: 'invalid-rating',
      message: 'Give a whole number from 0 to 10 for how the goal is going.',
    });
  });
});
