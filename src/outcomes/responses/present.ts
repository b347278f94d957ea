import { measureDefinition, measureScore, type MeasureDefinition, type MeasureResponseDto, type MeasureScore } from '../../contracts/outcomes.js';
import type { MeasureResponseRow } from '../../db/schema.js';
import { storedAnswers } from './store.js';

/**
 * A stored response as the API shows it. Every field is named here, so nothing added to the
 * table later reaches a client by accident. The name and version are those of the definition
 * the person answered, not of the measure as it stands today.
 */

/** The definition a response was answered on; null if a stored copy no longer parses. */
export function answeredDefinition(row: Pick<MeasureResponseRow, 'definition'>): MeasureDefinition | null {
  const parsed = measureDefinition.safeParse(row.definition);
  return parsed.success ? parsed.data : null;
}

export function storedScore(value: unknown): MeasureScore | null {
  const parsed = measureScore.safeParse(value);
  return parsed.success ? parsed.data : null;
}

export function presentResponse(row: MeasureResponseRow): MeasureResponseDto {
  const definition = answeredDefinition(row);
  return {
    id: row.id,
    personId: row.person_id,
    referralId: row.referral_id,
    measureKey: row.measure_key,
    measureName: definition?.name ?? row.measure_key,
    definitionVersion: definition?.version ?? 1,
    timepoint: row.timepoint,
    status: row.status,
    mode: row.mode,
    answers: storedAnswers(row.answers),
    score: row.status === 'completed' ? storedScore(row.score) : null,
    // A self-completed response was entered by the person; a label stored on an older row names the sender.
    enteredBy: row.mode === 'self' ? null : row.entered_by_label,
    completedAt: row.completed_at?.toISOString() ?? null,
    createdAt: row.created_at.toISOString(),
  };
}
