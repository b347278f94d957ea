import { STEP_OWNERS, type StepOwner } from '../../../../src/contracts/casework-codes.js';
import { goalInput, goalProgressInput, type Goal, type GoalInput, type GoalProgressInput } from '../../../../src/contracts/casework.js';
import { ApiProblem } from '../../api/problem.js';
import { isoToParts, partsToIso, type DateParts } from '../../components/dateParts.js';
import { checkWith, fieldName, type Checked } from '../../forms/errors.js';

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

/** The page row of each step sent: rows left empty are not sent, so the indexes differ. */
function sentRows(rows: readonly StepRow[]): number[] {
  return rows.flatMap((row, index) => (row.text.trim() === '' ? [] : [index]));
}

/**
 * A field path from Zod ("steps.1.text") or the server ("body.steps.1.text") to the id of the
 * field on the page, so an error on a step lands next to that step's box.
 */
export function goalFieldId(path: string, rows: readonly StepRow[]): string {
  const step = /(?:^|\.)steps\.(\d+)(?:\.|$)/.exec(path);
  const row = step === null ? undefined : sentRows(rows)[Number(step[1])];
  return row === undefined ? fieldName(path) : stepField(row);
}

/** The server's problem with its field errors renamed to the page's ids. */
export function goalProblem(problem: ApiProblem, rows: readonly StepRow[]): ApiProblem {
  const errors = problem.errors.map(({ field, message }) => ({ field: goalFieldId(field, rows), message }));
  return new ApiProblem(problem.status, problem.title, problem.detail, errors, problem.requestId);
}

/** The form's field ids in page order, with one per step row. */
export function goalFieldOrder(rows: readonly StepRow[]): string[] {
  return ['title', 'domain', 'steps', ...rows.map((_, index) => stepField(index)), 'targetDate', 'reviewDate'];
}

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
  const parsed = goalInput.safeParse({
    title: values.title,
    domain: values.domain === '' ? null : values.domain,
    steps,
    targetDate: target.ok ? target.iso : null,
    reviewDate: review.ok ? review.iso : null,
  });
  if (!parsed.success) {
    for (const issue of parsed.error.issues) fields[goalFieldId(issue.path.map(String).join('.'), values.steps)] ??= issue.message;
  }
  if (Object.keys(fields).length > 0 || !parsed.success) return { ok: false, errors: { detail: null, fields } };
  return { ok: true, value: parsed.data };
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

/** Whether a goal's words and steps may still be edited: the server refuses for a changed or dropped goal. */
export const mayEditGoal = (goal: Goal | null): boolean => goal === null || (goal.status !== 'changed' && goal.status !== 'dropped');

/**
 * A status change with its note or reason, and/or a rating ("" when not chosen). `rate` says
 * whether the goal may be rated: when it may not, a status change is the only thing to save.
 */
export function progressBody(event: GoalEventType | null, note: string, rating: string, rate = true): Checked<GoalProgressInput> {
  const body: Record<string, unknown> = {};
  const trimmed = note.trim();
  if (event === 'change') body.event = { type: 'change', note };
  else if (event === 'drop') body.event = { type: 'drop', reason: note };
  else {
    if (event !== null) body.event = { type: event };
    // A note with a start, an achievement, a reopening or a rating goes in the goal's history.
    if (trimmed !== '') body.note = trimmed;
  }
  if (rate && rating !== '') body.personRating = Number(rating);
  else if (event === null) {
    const fields = rate ? { personRating: 'Choose how the person rates their progress, from 0 to 10' } : { event: 'Choose what has happened to the goal' };
    return { ok: false, errors: { detail: null, fields } };
  }
  const checked = checkWith(goalProgressInput, body);
  if (checked.ok) return checked;
  // The note and the reason share one box on the page.
  const { reason, ...rest } = checked.errors.fields;
  return { ok: false, errors: { detail: null, fields: reason === undefined ? rest : { ...rest, note: reason } } };
}
