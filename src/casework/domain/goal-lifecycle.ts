/**
 * The life of a goal in the personalised care and support plan. Pure: the caller supplies the
 * current status and the event, and gets back the next status or a plain-English refusal.
 *
 * A goal that is "changed" is finished for good: the goal the person and link worker agree
 * instead is a new goal with its own history, so the plan shows honestly what moved and when.
 * Achieved and dropped goals can be reopened, because people's lives are not linear.
 */
import { GOAL_STATUS_LABELS, type GoalStatus } from '../../contracts/casework-codes.js';

export type GoalEvent =
  | { type: 'start' }
  | { type: 'achieve' }
  /** note: what the goal changed into, kept with the old goal so its ending makes sense. */
  | { type: 'change'; note: string }
  | { type: 'drop'; reason: string }
  | { type: 'reopen' };
export type GoalEventType = GoalEvent['type'];

export const GOAL_EVENT_TYPES: readonly GoalEventType[] = ['start', 'achieve', 'change', 'drop', 'reopen'];

export type GoalTransitionErrorCode = 'illegal-transition' | 'invalid-event';

export type GoalTransitionResult =
  | { ok: true; status: GoalStatus }
  | { ok: false; code: GoalTransitionErrorCode; message: string };

/** The statuses each event may be applied to. */
const FROM: Record<GoalEventType, readonly GoalStatus[]> = {
  start: ['not_started'],
  achieve: ['not_started', 'in_progress'],
  change: ['not_started', 'in_progress'],
  drop: ['not_started', 'in_progress'],
  reopen: ['achieved', 'dropped'],
};

/** Completes "A goal that is Achieved cannot …". */
const ACTION: Record<GoalEventType, string> = {
  start: 'be started',
  achieve: 'be marked as achieved',
  change: 'be changed',
  drop: 'be dropped',
  reopen: 'be reopened',
};

function fail(code: GoalTransitionErrorCode, message: string): GoalTransitionResult {
  return { ok: false, code, message };
}

function isBlank(value: unknown): boolean {
  return typeof value !== 'string' || value.trim() === '';
}

function illegal(status: GoalStatus, type: GoalEventType): GoalTransitionResult | null {
  if (FROM[type].includes(status)) return null;
  const hint = status === 'changed' ? ' Add a new goal for what it changed into.' : '';
  return fail('illegal-transition', `A goal that is ${GOAL_STATUS_LABELS[status]} cannot ${ACTION[type]}.${hint}`);
}

/** Applies an event to a goal. Never throws for a bad event; it answers 'invalid-event'. */
export function transitionGoal(status: GoalStatus, event: GoalEvent): GoalTransitionResult {
  const type = (event as { type: unknown }).type;
  if (typeof type !== 'string' || !(GOAL_EVENT_TYPES as readonly string[]).includes(type)) {
    return fail('invalid-event', 'This is not a change that can be made to a goal.');
  }
  const refusal = illegal(status, event.type);
  if (refusal !== null) return refusal;

  switch (event.type) {
    case 'start':
      return { ok: true, status: 'in_progress' };
    case 'achieve':
      return { ok: true, status: 'achieved' };
    case 'change':
      if (isBlank(event.note)) return fail('invalid-event', 'Say what the goal has changed to.');
      return { ok: true, status: 'changed' };
    case 'drop':
      if (isBlank(event.reason)) return fail('invalid-event', 'Say why the goal is being dropped.');
      return { ok: true, status: 'dropped' };
    case 'reopen':
      // Back to in progress, not not-started: the work already done still counts.
      return { ok: true, status: 'in_progress' };
    default: {
      const unreachable: never = event;
      return unreachable;
    }
  }
}

/** The event types that could succeed from this status, given a valid payload. */
export function allowedGoalEvents(status: GoalStatus): GoalEventType[] {
  return GOAL_EVENT_TYPES.filter((type) => illegal(status, type) === null);
}

/** Open goals are the ones still being worked on; the plan lists them first. */
export function isGoalOpen(status: GoalStatus): boolean {
  return status === 'not_started' || status === 'in_progress';
}

/**
 * Whether the person may give a 0–10 progress rating. An achieved goal still may — how it went
 * is worth recording at the end — but a changed or dropped goal is not being pursued, and a
 * rating there would skew the progress figures.
 */
export function mayRateProgress(status: GoalStatus): boolean {
  switch (status) {
    case 'not_started':
    case 'in_progress':
    case 'achieved':
      return true;
    case 'changed':
    case 'dropped':
      return false;
    default: {
      const unreachable: never = status;
      return unreachable;
    }
  }
}

export const MIN_RATING = 0;
export const MAX_RATING = 10;

export type RatingResult = { ok: true; rating: number } | { ok: false; code: 'invalid-rating'; message: string };

/** A progress rating is a whole number from 0 to 10. Takes unknown so it can guard raw input. */
export function validateRating(value: unknown): RatingResult {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_RATING || value > MAX_RATING) {
    return { ok: false, code: 'invalid-rating', message: `Give a whole number from ${MIN_RATING} to ${MAX_RATING} for how the goal is going.` };
  }
  return { ok: true, rating: value };
}
