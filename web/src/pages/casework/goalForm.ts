import { STEP_OWNERS, type StepOwner } from '../../../../src/contracts/casework-codes.js';
import { goalInput, goalProgressInput, type Goal, type GoalInput, type GoalProgressInput } from '../../../../src/contracts/casework.js';
import { isoToParts, partsToIso, type DateParts } from '../../components/dateParts.js';
import { checkWith, type Checked } from '../../forms/errors.js';

/** A goal from the form to the request body, and a change of status or rating to its body. */
export interface StepRow {
  key: number;
  text: string;
  owner: StepOwner;
  done: boolean;
}

export interface GoalValues {
  title: string;
  domain: string;
  steps: readonly StepRow[];
  targetDate: DateParts;
  reviewDate: DateParts;
}

export const stepField = (index: number): string => `step-${index + 1}`;

function optionalDate(parts: DateParts, what: string): { ok: true; iso: string | null } | { ok: false; message: string } {
  const result = partsToIso(parts);
  if (result.ok) return { ok: true, iso: result.iso };
  if (result.problem === 'empty') return { ok: true, iso: null };
  if (result.problem === 'incomplete') return { ok: false, message: `The ${what} must include a day, month and year` };
  return { ok: false, message: `The ${what} must be a real date` };
}

export function goalBody(values: GoalValues): Checked<GoalInput> {
  const fields: Partial<Record<string, string>> = {};
  const target = optionalDate(values.targetDate, 'target date');
  const review = optionalDate(values.reviewDate, 'review date');
  if (!target.ok) fields.targetDate = target.message;
  if (!review.ok) fields.reviewDate = review.message;
  // A row left empty is a row the worker added and did not use.
  const steps = values.steps.filter((s) => s.text.trim() !== '').map(({ text, owner, done }) => ({ text, owner, done }));
  const checked = checkWith(goalInput, {
    title: values.title,
    domain: values.domain === '' ? null : values.domain,
    steps,
    targetDate: target.ok ? target.iso : null,
    reviewDate: review.ok ? review.iso : null,
  });
  if (!checked.ok) Object.assign(fields, { ...checked.errors.fields, ...fields });
  return Object.keys(fields).length > 0 ? { ok: false, errors: { detail: null, fields } } : checked;
}

export function goalValues(goal: Goal | null): GoalValues {
  const none = { day: '', month: '', year: '' };
  if (goal === null) return { title: '', domain: '', steps: [], targetDate: none, reviewDate: none };
  return {
    title: goal.title,
    domain: goal.domain ?? '',
    steps: goal.steps.map((s, index) => ({ key: index, ...s })),
    targetDate: goal.targetDate === null ? none : isoToParts(goal.targetDate),
    reviewDate: goal.reviewDate === null ? none : isoToParts(goal.reviewDate),
  };
}

export const isStepOwner = (value: string): value is StepOwner => (STEP_OWNERS as readonly string[]).includes(value);

export type GoalEventType = Goal['allowedEvents'][number];

/** The words on each status button. */
export const GOAL_EVENT_LABELS: Record<GoalEventType, string> = {
  start: 'Start',
  achieve: 'Mark achieved',
  change: 'Changed',
  drop: 'Dropped',
  reopen: 'Reopen',
};

/** A status change with its note or reason, and/or a rating ("" when not chosen). */
export function progressBody(event: GoalEventType | null, note: string, rating: string): Checked<GoalProgressInput> {
  const body: Record<string, unknown> = {};
  if (event === 'change') body.event = { type: 'change', note };
  else if (event === 'drop') body.event = { type: 'drop', reason: note };
  else if (event !== null) body.event = { type: event };
  if (rating !== '') body.personRating = Number(rating);
  else if (event === null) return { ok: false, errors: { detail: null, fields: { personRating: 'Choose how the person rates their progress, from 0 to 10' } } };
  const checked = checkWith(goalProgressInput, body);
  if (checked.ok) return checked;
  // The note and the reason share one box on the page.
  const { reason, ...rest } = checked.errors.fields;
  return { ok: false, errors: { detail: null, fields: reason === undefined ? rest : { ...rest, note: reason } } };
}
