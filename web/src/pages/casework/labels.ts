import {
  CONTACT_STATUS_LABELS,
  GOAL_STATUS_LABELS,
  type ContactStatus,
  type GoalStatus,
} from '../../../../src/contracts/casework-codes.js';
import type { LoneWorking } from '../../../../src/contracts/casework.js';
import { REFERRAL_STATUS_LABELS, REFERRAL_STATUSES } from '../../../../src/contracts/referral-codes.js';
import type { TagView } from '../../components/Tag.js';

/** Words and tag colours for casework statuses. The words are always shown; colour only supports them. */

const GOAL_COLOURS: Record<GoalStatus, TagView['colour']> = {
  not_started: 'grey',
  in_progress: 'blue',
  achieved: 'green',
  changed: 'purple',
  dropped: 'orange',
};
export const goalTag = (status: GoalStatus): TagView => ({ label: GOAL_STATUS_LABELS[status], colour: GOAL_COLOURS[status] });

const CONTACT_COLOURS: Record<ContactStatus, TagView['colour']> = { booked: 'blue', attended: 'green', did_not_attend: 'orange', cancelled: 'grey' };
export const contactTag = (status: ContactStatus): TagView => ({ label: CONTACT_STATUS_LABELS[status], colour: CONTACT_COLOURS[status] });

type LoneState = LoneWorking['state'];

/** Lone-working state in words, for the worker and for the manager's board. */
export function loneStateText(state: LoneState): string {
  switch (state) {
    case 'waiting':
      return 'Visit under way – waiting for check-in';
    case 'checked_in_safe':
      return 'Checked in safe';
    case 'overdue':
      return 'Check-in overdue';
    case 'needs_help':
      return 'Asked for help';
    case 'acknowledged':
      return 'Acknowledged by a manager';
    default: {
      const unreachable: never = state;
      return unreachable;
    }
  }
}

export function loneStateTag(state: LoneState): TagView {
  const colour: TagView['colour'] = state === 'needs_help' || state === 'overdue' ? 'red' : state === 'checked_in_safe' ? 'green' : state === 'acknowledged' ? 'grey' : 'blue';
  return { label: loneStateText(state), colour };
}

/** A manager acknowledges only a visit that has gone wrong and is not yet dealt with. */
export const needsAcknowledging = (state: LoneState): boolean => state === 'overdue' || state === 'needs_help';

/** The escalation level in words: 0 nobody yet, 1 managers, 2 and above managers and named contacts. */
export function levelText(level: number): string {
  if (level <= 0) return 'No alert sent';
  return level === 1 ? 'Managers alerted' : 'Managers and named contacts alerted';
}

/** The person's own rating of a goal, with words at both ends so the scale is clear when read out. */
export function ratingLabel(value: number): string {
  if (value === 0) return '0 – not started';
  if (value === 10) return '10 – done';
  return String(value);
}
export const RATING_CHOICES: readonly { value: string; label: string }[] = Array.from({ length: 11 }, (_, n) => ({ value: String(n), label: ratingLabel(n) }));

/** "Accepted: 2, Receiving support: 5": counts by status in the lifecycle's order, zeros left out. */
export function countsText(counts: Readonly<Record<string, number>>): string {
  const known = REFERRAL_STATUSES.filter((s) => (counts[s] ?? 0) > 0).map((s) => `${REFERRAL_STATUS_LABELS[s]}: ${counts[s] ?? 0}`);
  const other = Object.entries(counts)
    .filter(([s, n]) => n > 0 && !(REFERRAL_STATUSES as readonly string[]).includes(s))
    .map(([s, n]) => `${s}: ${n}`);
  const all = [...known, ...other];
  return all.length === 0 ? 'No open cases' : all.join(', ');
}

/** Room left on a caseload: "5 of 40", or "Full (most 40)" at or over the limit. */
export function roomText(load: { room: number; maxCaseload: number }): string {
  return load.room <= 0 ? `Full (most ${load.maxCaseload})` : `${load.room} of ${load.maxCaseload}`;
}

/** Missed appointments in a row, as the caseload shows them: "1 in a row", "3 in a row" or "None". */
export const dnaStreakText = (streak: number): string => (streak > 0 ? `${streak} in a row` : 'None');

/**
 * The caseload table's caption. A manager who has not chosen a worker is shown every open case in
 * the scheme, not their own caseload.
 */
export function caseloadCaption(worker: { name: string } | null, manager: boolean): string {
  if (worker !== null) return `${worker.name}’s open cases`;
  return manager ? 'Open cases in the scheme' : 'Your open cases';
}
