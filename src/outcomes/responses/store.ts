import { randomUUID } from 'node:crypto';
import { sql, type Insertable } from 'kysely';
import type { MeasureAnswers, MeasureDefinition, MeasureScore, ResponseMode, SchemeMeasure } from '../../contracts/outcomes.js';
import { measureAnswers as answersSchema, measureDefinition } from '../../contracts/outcomes.js';
import type { SchemeScope } from '../../data/access.js';
import type { MeasureResponseRow, MeasureResponsesTable } from '../../db/schema.js';
import { AppError, notFound, validationError } from '../../errors.js';
import { checkPartialAnswers, scoreResponse, type AnswerProblem } from '../scoring.js';

/**
 * The one writer of measure responses. A response is scored when it is completed and never
 * after: it keeps the definition it was answered on. Callers authorize; this checks the person
 * and referral belong together and writes the audit row in the same transaction.
 */

const EARLIEST_COMPLETED_AT = Date.UTC(2000, 0, 1);

export const answerFields = (problems: AnswerProblem[]) => problems.map((p) => ({ field: `body.answers.${p.item}`, message: p.message }));

/** The person must exist in this scheme (not merged away), and the referral, if named, must be theirs. */
export async function assertPersonAndReferral(scope: SchemeScope, personId: string, referralId: string | null): Promise<void> {
  const person = await scope.db
    .selectFrom('people')
    .select(['id', 'merged_into_id'])
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', personId)
    .executeTakeFirst();
  if (!person) throw notFound('The person');
  if (person.merged_into_id) throw new AppError('conflict', 'This record was merged into another; record measures on that one.', { code: 'merged' });
  if (referralId === null) return;
  const referral = await scope.db
    .selectFrom('referrals')
    .select('id')
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', referralId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!referral) throw validationError([{ field: 'body.referralId', message: 'Choose one of this person’s referrals' }], 'That referral is not this person’s.');
}

function enteredBy(scope: SchemeScope): { entered_by: string | null; entered_by_label: string | null } {
  const actor = scope.actor;
  if (actor.type === 'user') return { entered_by: actor.userId, entered_by_label: actor.label };
  return { entered_by: null, entered_by_label: null };
}

/**
 * Writes a new response with its audit row: who and what it is for, in one place; the caller
 * adds its status and the rest (answers and score when completed, nothing while waiting).
 */
async function insertResponse(
  scope: SchemeScope,
  input: { personId: string; referralId: string | null; definition: MeasureDefinition; timepoint: string; mode: ResponseMode },
  rest: Pick<Insertable<MeasureResponsesTable>, 'status' | 'answers' | 'score' | 'headline' | 'entered_by' | 'entered_by_label' | 'completed_at'>,
): Promise<string> {
  const id = randomUUID();
  await scope.db
    .insertInto('measure_responses')
    .values({
      scheme_id: scope.schemeId,
      id,
      person_id: input.personId,
      referral_id: input.referralId,
      measure_key: input.definition.key,
      definition: JSON.stringify(input.definition),
      timepoint: input.timepoint,
      mode: input.mode,
      ...rest,
    })
    .execute();
  await scope.audit({ action: 'create', entityType: 'measure_response', entityId: id, detail: { personId: input.personId, measure: input.definition.key, timepoint: input.timepoint, mode: input.mode } });
  return id;
}

/** A completed response, recorded with the link worker, from paper, or entered from a licensed tool. */
export async function insertCompletedResponse(
  scope: SchemeScope,
  input: {
    personId: string;
    referralId: string | null;
    measure: SchemeMeasure;
    timepoint: string;
    mode: Exclude<ResponseMode, 'self'>;
    answers: MeasureAnswers;
    completedAt?: Date;
  },
): Promise<{ id: string; score: MeasureScore }> {
  await assertPersonAndReferral(scope, input.personId, input.referralId);
  const { definition } = input.measure;
  if (input.mode === 'external' && definition.origin !== 'licensed') {
    throw validationError([{ field: 'body.mode', message: 'Only a licensed tool’s score is entered as obtained elsewhere' }]);
  }
  if (input.mode !== 'external' && definition.origin === 'licensed') {
    throw validationError([{ field: 'body.mode', message: 'A licensed tool’s score is entered as obtained elsewhere (mode "external")' }]);
  }
  const result = scoreResponse(definition, input.answers);
  if (!result.ok) throw new AppError('validation', 'The answers are not complete, so no score was worked out.', { code: 'incomplete-response', fields: answerFields(result.problems) });
  const completedAt = input.completedAt ?? new Date();
  if (completedAt.getTime() > Date.now() + 5 * 60_000) throw validationError([{ field: 'body.completedAt', message: 'The date it was completed cannot be in the future' }]);
  // No measure here predates 2000: an earlier date is a typing slip (1926 for 2026), not history.
  if (completedAt.getTime() < EARLIEST_COMPLETED_AT) throw validationError([{ field: 'body.completedAt', message: 'Enter a date from 1 January 2000 onwards' }]);
  const id = await insertResponse(scope, { ...input, definition }, {
    status: 'completed',
    answers: JSON.stringify(input.answers),
    score: JSON.stringify(result.score),
    headline: result.score.headline,
    ...enteredBy(scope),
    completed_at: completedAt,
  });
  return { id, score: result.score };
}

/** An empty response waiting for the person to fill in through a one-time link. */
export async function createPendingResponse(
  scope: SchemeScope,
  input: { personId: string; referralId: string | null; measure: SchemeMeasure; timepoint: string },
): Promise<string> {
  await assertPersonAndReferral(scope, input.personId, input.referralId);
  return insertResponse(
    scope,
    { ...input, definition: input.measure.definition, mode: 'self' },
    // The person enters it, not whoever sent the link (measure_links.created_by records that).
    { status: 'in-progress', entered_by: null, entered_by_label: null },
  );
}

/** Locks an in-progress response for a change, and reads its definition back. */
async function lockInProgress(scope: SchemeScope, responseId: string): Promise<{ row: MeasureResponseRow; definition: SchemeMeasure['definition'] }> {
  const row = await scope.db
    .selectFrom('measure_responses')
    .selectAll()
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', responseId)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw notFound('The questionnaire');
  if (row.status !== 'in-progress') throw new AppError('conflict', 'This questionnaire has already been sent in.', { code: 'already-submitted' });
  return { row, definition: measureDefinition.parse(row.definition) };
}

/** Saves answers so far, to come back to. Gaps are fine; a value that no answer allows is not. */
export async function saveProgress(scope: SchemeScope, responseId: string, answers: MeasureAnswers): Promise<void> {
  const { definition } = await lockInProgress(scope, responseId);
  const problems = checkPartialAnswers(definition, answers);
  if (problems.length > 0) throw new AppError('validation', 'Some answers could not be saved.', { code: 'invalid-answers', fields: answerFields(problems) });
  await scope.db
    .updateTable('measure_responses')
    .set({ answers: JSON.stringify(answers), version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', responseId)
    .execute();
  await scope.audit({ action: 'update', entityType: 'measure_response', entityId: responseId, detail: { saved: 'progress' } });
}

/** Completes a pending response with the final answers; refuses an incomplete one and changes nothing. */
export async function completePendingResponse(scope: SchemeScope, responseId: string, answers: MeasureAnswers): Promise<{ row: MeasureResponseRow; score: MeasureScore }> {
  const { row, definition } = await lockInProgress(scope, responseId);
  const result = scoreResponse(definition, answers);
  if (!result.ok) throw new AppError('validation', 'Some questions still need an answer.', { code: 'incomplete-response', fields: answerFields(result.problems) });
  const updated = await scope.db
    .updateTable('measure_responses')
    .set({
      answers: JSON.stringify(answers),
      score: JSON.stringify(result.score),
      headline: result.score.headline,
      status: 'completed',
      completed_at: sql<Date>`now()`,
      version: sql<number>`version + 1`,
      updated_at: sql<Date>`now()`,
    })
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  await scope.audit({ action: 'update', entityType: 'measure_response', entityId: row.id, detail: { status: 'completed' } });
  return { row: updated, score: result.score };
}

/** Stored answers, read defensively: a row written by an older version still reads. */
export function storedAnswers(value: unknown): MeasureAnswers {
  const parsed = answersSchema.safeParse(value);
  return parsed.success ? parsed.data : { values: {}, names: {} };
}
