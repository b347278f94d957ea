import {
  RESPONSE_MODE_LABELS,
  type DueState,
  type LinkState,
  type MeasureSeries,
  type ResponseMode,
  type ResponseStatus,
  type SchedulePoint,
  timepointLabel,
  timepointOf,
} from '../../../../src/contracts/outcomes.js';
import type { TagView } from '../../components/Tag.js';

/**
 * Words and colours for wellbeing measures, shared by the person's outcomes page and the list of
 * measures due. Pure, so every sentence is unit tested. Colours only support the words.
 */

export type SeriesLine = MeasureSeries['lines'][number];

/** The timepoints a form offers for a measure: its schedule's, then "Other" for anything off the schedule. */
export function timepointChoices(points: readonly SchedulePoint[]): { value: string; label: string }[] {
  const values = [...new Set(points.map(timepointOf)), 'other'];
  return values.map((value) => ({ value, label: timepointLabel(value) }));
}

const DUE_TAGS: Record<DueState, TagView> = {
  overdue: { label: 'Overdue', colour: 'red' },
  due: { label: 'Due', colour: 'orange' },
  upcoming: { label: 'Upcoming', colour: 'blue' },
  done: { label: 'Done', colour: 'green' },
};

export function dueTag(state: DueState): TagView {
  return DUE_TAGS[state];
}

const LINK_TAGS: Record<LinkState, TagView> = {
  open: { label: 'Waiting for answers', colour: 'blue' },
  submitted: { label: 'Completed', colour: 'green' },
  expired: { label: 'Expired', colour: 'grey' },
  revoked: { label: 'Revoked', colour: 'grey' },
};

export function linkTag(state: LinkState): TagView {
  return LINK_TAGS[state];
}

const STATUS_TAGS: Record<ResponseStatus, TagView> = {
  completed: { label: 'Completed', colour: 'green' },
  'in-progress': { label: 'Not finished', colour: 'yellow' },
  cancelled: { label: 'Cancelled', colour: 'grey' },
};

export function responseStatusTag(status: ResponseStatus): TagView {
  return STATUS_TAGS[status];
}

export function modeText(mode: ResponseMode): string {
  return RESPONSE_MODE_LABELS[mode];
}

export const CHANNEL_LABELS = { email: 'Email', sms: 'Text message' } as const;

/**
 * Why a channel cannot be chosen for this person, or null when both can. Said in the group's hint:
 * a disabled option's own hint is faded with it, below readable contrast.
 */
export function unavailableText(canSendBy: { email: boolean; sms: boolean }): string | null {
  if (!canSendBy.email && !canSendBy.sms) return 'You cannot choose email or text message: there is no email address or mobile number on their record.';
  if (!canSendBy.email) return 'You cannot choose email: there is no email address on their record.';
  if (!canSendBy.sms) return 'You cannot choose text message: there is no mobile number on their record.';
  return null;
}

export const REMINDER_LABELS = { none: 'No reminders', email: 'By email', sms: 'By text message' } as const;

type Point = SeriesLine['points'][number];

/**
 * The score the server measured the change from, with its point on the line. Only the server
 * knows which scores compare (the same referral, the same version of the scale), so the page
 * never picks a baseline of its own: without a change there is none to show.
 */
export function changeBaseline(line: Pick<SeriesLine, 'points' | 'change'>): { value: number; point: Point | undefined } | null {
  const { change } = line;
  if (change === null) return null;
  return { value: change.baseline, point: line.points.find((p) => p.responseId === change.baselineResponseId) };
}

/** The line above the due list: how many need doing now, and how many are coming up. */
export function dueCountText(pressing: number, upcoming: number): string {
  if (pressing === 0 && upcoming === 0) return 'No measures are due or coming up.';
  const now = pressing === 0 ? 'No measures are due now' : pressing === 1 ? '1 measure is due or overdue' : `${pressing} measures are due or overdue`;
  if (upcoming === 0) return `${now}.`;
  return `${now}, and ${upcoming} ${upcoming === 1 ? 'is' : 'are'} coming up.`;
}

/** Decimal places a value is written with (at most 2: scores are kept to 2 places). */
export function decimalsOf(value: number): number {
  const text = String(Math.round(value * 100) / 100);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/** Decimals for a set of scores: as many as the most precise of them, so 19.98 and 23 read 19.98 and 23.00. */
export function decimalsFor(values: readonly number[]): number {
  return Math.min(2, Math.max(0, ...values.map(decimalsOf)));
}

export function formatScore(value: number, decimals: number): string {
  return value.toFixed(decimals);
}

function pointsText(value: number, decimals: number): string {
  const text = formatScore(value, decimals);
  return `${text} ${text === '1' ? 'point' : 'points'}`;
}

const bandsText = (n: number): string => (n === 1 ? '1 band' : `${n} bands`);

/**
 * One sentence on the change since the baseline, in the measure's own terms: by the scheme's
 * threshold when it has one ("Improved by 3.10 points — a meaningful improvement (threshold
 * 2.87)"), else by movement between bands (ONS4), else the change alone. The server judges a
 * meaningful improvement; a fall of at least the threshold is named too, because a link worker
 * needs to see that just as much.
 */
export function changeSentence(line: Pick<SeriesLine, 'points' | 'change'>): string {
  const { points, change } = line;
  if (points.length === 0) return 'No scores yet.';
  if (change === null) {
    return points.length === 1
      ? 'Only one score so far. The change shows once there is a follow-up.'
      : 'No change shown: the latest score starts a new referral or was answered on a changed version of the scale.';
  }
  const decimals = decimalsFor([...points.map((p) => p.value), ...(change.threshold === null ? [] : [change.threshold])]);
  const size = Math.abs(change.fromBaseline);
  const head =
    change.fromBaseline === 0 ? 'No change since the baseline' : `${change.improved ? 'Improved' : 'Worse'} by ${pointsText(size, decimals)}`;
  if (change.threshold !== null) {
    if (change.fromBaseline === 0) return `${head}.`;
    const threshold = `(threshold ${formatScore(change.threshold, decimals)})`;
    if (change.improved && change.meaningful === true) return `${head} — a meaningful improvement ${threshold}`;
    if (!change.improved && change.fromBaseline !== 0 && size >= change.threshold) return `${head} — a meaningful change for the worse ${threshold}`;
    return `${head} — less than a meaningful change ${threshold}`;
  }
  if (change.bandMovement !== null) {
    const from = changeBaseline(line)?.point?.band ?? null;
    const to = points.at(-1)?.band ?? null;
    if (change.bandMovement === 0) return `${head} — still in the same band${to === null ? '' : ` (${to})`}`;
    const moved = `${bandsText(Math.abs(change.bandMovement))} ${change.bandMovement > 0 ? 'better' : 'worse'}`;
    return `${head} — ${moved}${from !== null && to !== null ? `, from ${from} to ${to}` : ''}`;
  }
  return change.fromBaseline === 0 ? `${head}.` : `${head}. This measure has no threshold for a meaningful change.`;
}

/** Which way is better, in words, so the chart does not rely on the reader knowing the scale. */
export function directionText(direction: SeriesLine['direction']): string {
  return direction === 'higher-better' ? 'Higher scores are better.' : 'Lower scores are better.';
}

/**
 * The chart's text alternative: what it shows in one or two sentences. The table under the
 * chart has every point; this is the summary a screen reader hears first.
 */
export function chartSummary(
  title: string,
  line: Pick<SeriesLine, 'points' | 'direction' | 'bands'>,
  formatDate: (iso: string) => string,
): string {
  const { points } = line;
  const decimals = decimalsFor(points.map((p) => p.value));
  const describe = (p: Point): string => `${formatScore(p.value, decimals)} (${timepointLabel(p.timepoint)}, ${formatDate(p.at)})`;
  const first = points[0];
  const last = points.at(-1);
  let what: string;
  if (first === undefined || last === undefined) what = 'no scores yet.';
  else if (points.length === 1) what = `1 score: ${describe(first)}.`;
  else what = `${points.length} scores, from ${describe(first)} to ${describe(last)}.`;
  const bands = line.bands.length === 0 ? '' : ` Bands: ${line.bands.map((b) => `${b.label} ${b.min} to ${b.max}`).join(', ')}.`;
  return `Chart of ${title} over time: ${what} ${directionText(line.direction)}${bands}`;
}
