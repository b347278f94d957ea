/**
 * Lone working for home visits: the link worker says when they expect to check in; if they do
 * not, or press "I need help", alerts escalate — first to managers, then to managers and the
 * worker's emergency contacts — until someone acknowledges. Pure: the job that sends alerts
 * asks where things stand at `now` and which level still needs sending.
 */
import type { CheckInKind } from '../../contracts/casework-codes.js';
import { MINUTE_MS } from './dates.js';

export type LoneWorkingStateName = 'waiting' | 'checked_in_safe' | 'overdue' | 'needs_help' | 'acknowledged';

export interface LoneWorkingInput {
  expectedAt: Date;
  /** The latest check-in, if any. */
  checkIn: { kind: CheckInKind; at: Date } | null;
  acknowledgedAt: Date | null;
  now: Date;
  /** Minutes after expectedAt before a missed check-in counts as overdue. */
  graceMinutes: number;
  /** Minutes between one escalation level and the next. */
  intervalMinutes: number;
}

export interface LoneWorkingState {
  state: LoneWorkingStateName;
  /** 0: nothing to send; 1: managers; 2 and up: managers and emergency contacts, once per interval. */
  level: number;
  /** When the next level (or the first alert) falls due; null when no alert is coming. */
  nextAlertAt: Date | null;
}

export type AlertRecipients = 'managers' | 'managers_and_contacts';

function checkTimings(graceMinutes: number, intervalMinutes: number): void {
  if (!Number.isInteger(graceMinutes) || graceMinutes < 0) {
    throw new RangeError(`Grace must be a whole number of minutes of 0 or more, not ${graceMinutes}`);
  }
  if (!Number.isInteger(intervalMinutes) || intervalMinutes < 1) {
    throw new RangeError(`The escalation interval must be a whole number of minutes of 1 or more, not ${intervalMinutes}`);
  }
}

/** Levels climb one per interval from `start`, beginning at `first`. */
function ladder(start: number, now: number, first: number, intervalMs: number): { level: number; nextAlertAt: Date } {
  const steps = Math.floor(Math.max(0, now - start) / intervalMs);
  return { level: first + steps, nextAlertAt: new Date(start + (steps + 1) * intervalMs) };
}

export function loneWorkingState(input: LoneWorkingInput): LoneWorkingState {
  checkTimings(input.graceMinutes, input.intervalMinutes);
  const now = input.now.getTime();
  const intervalMs = input.intervalMinutes * MINUTE_MS;
  const { checkIn, acknowledgedAt } = input;

  // "I am safe" ends the visit's watch whenever it comes, even after alerts have gone out.
  if (checkIn?.kind === 'safe') return { state: 'checked_in_safe', level: 0, nextAlertAt: null };

  if (checkIn?.kind === 'need_help') {
    // A call for help after an earlier acknowledgement is a new emergency, so it alerts again.
    if (acknowledgedAt !== null && acknowledgedAt.getTime() >= checkIn.at.getTime()) {
      return { state: 'acknowledged', level: ladder(checkIn.at.getTime(), acknowledgedAt.getTime(), 2, intervalMs).level, nextAlertAt: null };
    }
    // Straight to level 2: the worker has asked for help, so their contacts are told at once.
    return { state: 'needs_help', ...ladder(checkIn.at.getTime(), now, 2, intervalMs) };
  }

  const overdueFrom = input.expectedAt.getTime() + input.graceMinutes * MINUTE_MS;
  // An acknowledgement made before anything was overdue acknowledged nothing, so it is ignored:
  // silencing a visit's watch in advance would defeat it.
  if (acknowledgedAt !== null && acknowledgedAt.getTime() >= overdueFrom) {
    // Keep the level reached when someone took it on, for the record; nothing more is sent.
    return { state: 'acknowledged', level: ladder(overdueFrom, acknowledgedAt.getTime(), 1, intervalMs).level, nextAlertAt: null };
  }
  if (now < overdueFrom) return { state: 'waiting', level: 0, nextAlertAt: new Date(overdueFrom) };
  return { state: 'overdue', ...ladder(overdueFrom, now, 1, intervalMs) };
}

/** Who an alert at this level goes to; null for level 0, when nothing is sent. */
export function recipientsFor(level: number): AlertRecipients | null {
  if (level >= 2) return 'managers_and_contacts';
  if (level === 1) return 'managers';
  return null;
}

/**
 * The levels to send now. Only the current one, and only once: if the job was down and missed
 * levels, sending them all at once would flood people with stale alerts. Keep the sent levels
 * of an overdue episode apart from those of a call for help, which starts its own ladder at 2.
 */
export function levelsToSend(sentLevels: readonly number[], currentLevel: number): number[] {
  if (currentLevel < 1 || sentLevels.includes(currentLevel)) return [];
  return [currentLevel];
}
