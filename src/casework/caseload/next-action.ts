/**
 * What a link worker should do next on a case, and the order of their caseload. Pure: the
 * caseload query gathers the facts, these decide. Dates are ISO calendar dates in Europe/London.
 */
import type { ReferralStatus } from '../../contracts/referral-codes.js';

export interface NextAction {
  label: string;
  dueOn: string | null;
  overdue: boolean;
}

export interface CaseFacts {
  status: ReferralStatus;
  firstContactDue: string | null;
  firstContactAt: Date | null;
  openTasks: readonly { title: string; dueOn: string }[];
  /** Open goals (not started or in progress) that have a review date. */
  goalReviews: readonly { title: string; reviewDate: string }[];
}

interface Candidate {
  label: string;
  dueOn: string;
  /** Breaks ties on one day: a task the worker set outranks a standing date. */
  rank: number;
}

/**
 * The earliest of the case's open tasks, its first-contact target (while the person has not yet
 * been contacted) and its goals' review dates. A review date counts before it comes, too: a
 * review planned for next week is still the next thing to do. Null when nothing is dated.
 */
export function nextActionFor(facts: CaseFacts, today: string): NextAction | null {
  const candidates: Candidate[] = facts.openTasks.map((task) => ({ label: task.title, dueOn: task.dueOn, rank: 0 }));
  if (facts.status === 'accepted' && facts.firstContactAt === null && facts.firstContactDue !== null) {
    candidates.push({ label: 'Make first contact with the person', dueOn: facts.firstContactDue, rank: 1 });
  }
  for (const goal of facts.goalReviews) {
    candidates.push({ label: `Review the goal “${goal.title}”`, dueOn: goal.reviewDate, rank: 2 });
  }
  const first = candidates.reduce<Candidate | null>((best, c) => {
    if (best === null) return c;
    if (c.dueOn !== best.dueOn) return c.dueOn < best.dueOn ? c : best;
    return c.rank < best.rank ? c : best;
  }, null);
  if (first === null) return null;
  return { label: first.label, dueOn: first.dueOn, overdue: first.dueOn < today };
}

export interface Sortable {
  openAlerts: number;
  nextAction: NextAction | null;
  personName: string;
  reference: string;
}

/**
 * Cases with an open alert come first (something may be wrong for the person), then cases whose
 * next action is overdue, then by due date (undated last), then by name so the order is stable.
 */
export function compareCaseloadItems(a: Sortable, b: Sortable): number {
  const alerted = Number(b.openAlerts > 0) - Number(a.openAlerts > 0);
  if (alerted !== 0) return alerted;
  const overdue = Number(b.nextAction?.overdue === true) - Number(a.nextAction?.overdue === true);
  if (overdue !== 0) return overdue;
  const aDue = a.nextAction?.dueOn ?? null;
  const bDue = b.nextAction?.dueOn ?? null;
  if (aDue !== bDue) {
    if (aDue === null) return 1;
    if (bDue === null) return -1;
    return aDue < bDue ? -1 : 1;
  }
  const byName = a.personName.localeCompare(b.personName, 'en-GB');
  return byName !== 0 ? byName : a.reference.localeCompare(b.reference, 'en-GB');
}
