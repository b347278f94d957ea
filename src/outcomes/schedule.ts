import { timepointLabel, timepointOf, type DueState, type ScheduleEntry } from '../contracts/outcomes.js';
import { londonDate } from '../referrals/domain/working-days.js';

/**
 * When measures fall due, as a pure function of the scheme's schedule, one referral's dates and
 * what has been completed. The schedule starts at first contact: the baseline is due that day,
 * a follow-up a number of weeks after it, and the closure measure the day the case closes. A
 * follow-up that would fall after closure is not asked for. Dates are calendar days in London.
 */

export interface ScheduleReferral {
  firstContactAt: Date | null;
  closedAt: Date | null;
}

export interface CompletedMeasure {
  measureKey: string;
  timepoint: string;
}

export interface ScheduledMeasure {
  measureKey: string;
  timepoint: string;
  timepointLabel: string;
  dueOn: string;
  overdueFrom: string;
  state: DueState;
}

/** One copy, shared with the web pages; re-exported for the server's callers and tests. */
export { timepointLabel, timepointOf };

/** YYYY-MM-DD plus whole days, by the calendar (no clock changes to trip over). */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

export function stateOn(today: string, dueOn: string, overdueFrom: string, done: boolean): DueState {
  if (done) return 'done';
  if (today < dueOn) return 'upcoming';
  if (today < overdueFrom) return 'due';
  return 'overdue';
}

export function scheduleFor(input: {
  schedule: readonly ScheduleEntry[];
  /** Measures the scheme offers; entries for any other are left out. */
  enabledMeasures: ReadonlySet<string>;
  referral: ScheduleReferral;
  completed: readonly CompletedMeasure[];
  overdueAfterDays: number;
  now: Date;
}): ScheduledMeasure[] {
  const { referral } = input;
  if (!referral.firstContactAt) return [];
  const start = londonDate(referral.firstContactAt);
  const closedOn = referral.closedAt ? londonDate(referral.closedAt) : null;
  const today = londonDate(input.now);
  const done = new Set(input.completed.map((c) => `${c.measureKey}|${c.timepoint}`));
  const items: ScheduledMeasure[] = [];
  for (const entry of input.schedule) {
    if (!input.enabledMeasures.has(entry.measureKey)) continue;
    for (const point of entry.points) {
      let dueOn: string;
      if (point.kind === 'baseline') dueOn = start;
      else if (point.kind === 'follow-up') {
        dueOn = addDays(start, point.weeks * 7);
        if (closedOn !== null && dueOn > closedOn) continue;
      } else {
        if (closedOn === null) continue;
        dueOn = closedOn;
      }
      const timepoint = timepointOf(point);
      const overdueFrom = addDays(dueOn, input.overdueAfterDays);
      items.push({
        measureKey: entry.measureKey,
        timepoint,
        timepointLabel: timepointLabel(timepoint),
        dueOn,
        overdueFrom,
        state: stateOn(today, dueOn, overdueFrom, done.has(`${entry.measureKey}|${timepoint}`)),
      });
    }
  }
  return items.sort((a, b) => (a.dueOn === b.dueOn ? a.measureKey.localeCompare(b.measureKey) : a.dueOn.localeCompare(b.dueOn)));
}
