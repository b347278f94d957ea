import { goalStep, type Goal, type GoalStep } from '../../contracts/casework.js';
import type { GoalStatus } from '../../contracts/casework-codes.js';
import type { SchemeScope } from '../../data/access.js';
import { allowedGoalEvents, isGoalOpen } from '../domain/goal-lifecycle.js';

/** Goals as the plan shows them: each with its history, the changes open to it and whether its review is due. */

export const GOAL_COLUMNS = [
  'id',
  'referral_id',
  'title',
  'domain',
  'steps',
  'target_date',
  'review_date',
  'status',
  'person_rating',
  'rated_at',
  'created_by_label',
  'version',
] as const;

export interface GoalRowView {
  id: string;
  referral_id: string;
  title: string;
  domain: string | null;
  steps: unknown;
  target_date: string | null;
  review_date: string | null;
  status: GoalStatus;
  person_rating: number | null;
  rated_at: Date | null;
  created_by_label: string;
  version: number;
}

type History = Goal['history'];

export function stepsOf(value: unknown): GoalStep[] {
  return Array.isArray(value) ? value.flatMap((item) => goalStep.safeParse(item).data ?? []) : [];
}

/** An open goal whose review date has come (today in London, or before). */
export const reviewDue = (status: GoalStatus, reviewDate: string | null, today: string): boolean =>
  isGoalOpen(status) && reviewDate !== null && reviewDate <= today;

export function presentGoal(row: GoalRowView, history: History, today: string): Goal {
  return {
    id: row.id,
    referralId: row.referral_id,
    title: row.title,
    domain: row.domain,
    steps: stepsOf(row.steps),
    targetDate: row.target_date,
    reviewDate: row.review_date,
    status: row.status,
    personRating: row.person_rating,
    ratedAt: row.rated_at?.toISOString() ?? null,
    reviewDue: reviewDue(row.status, row.review_date, today),
    allowedEvents: allowedGoalEvents(row.status),
    history,
    createdBy: row.created_by_label,
    version: row.version,
  };
}

/** The history of each goal, oldest first, in one query. */
export async function historiesOf(scope: SchemeScope, goalIds: readonly string[]): Promise<Map<string, History>> {
  const byGoal = new Map<string, History>(goalIds.map((id) => [id, []]));
  if (goalIds.length === 0) return byGoal;
  const rows = await scope.db
    .selectFrom('goal_updates')
    .select(['goal_id', 'occurred_at', 'from_status', 'to_status', 'person_rating', 'note', 'actor_label'])
    .where('scheme_id', '=', scope.schemeId)
    .where('goal_id', 'in', goalIds)
    .orderBy('id')
    .execute();
  for (const row of rows) {
    byGoal.get(row.goal_id)?.push({
      occurredAt: row.occurred_at.toISOString(),
      fromStatus: row.from_status,
      toStatus: row.to_status,
      personRating: row.person_rating,
      note: row.note,
      by: row.actor_label,
    });
  }
  return byGoal;
}
