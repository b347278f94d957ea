import { GOAL_STATUS_LABELS, type GoalStatus, type StepOwner } from '../../contracts/casework-codes.js';
import { STEP_OWNER_PLAIN, type PlanCopy, type PlanCopyGoal } from '../../contracts/plan-copy.js';
import { dayMonth } from '../domain/dates.js';
import { isGoalOpen } from '../domain/goal-lifecycle.js';

/**
 * The person's copy of their plan, as words. Pure: the caller reads the case and passes the
 * facts; this decides what the person is shown and how it reads. Written to the person ("you"),
 * in short plain sentences, because many people will read it on paper, some with help.
 */

export interface PlanCopyGoalFacts {
  title: string;
  status: GoalStatus;
  steps: { text: string; owner: StepOwner; done: boolean }[];
  targetDate: string | null;
  reviewDate: string | null;
}

export interface PlanCopyFacts {
  personName: string;
  schemeName: string;
  linkWorkerName: string | null;
  /** ISO date, London. */
  preparedOn: string;
  whatMatters: string | null;
  goals: PlanCopyGoalFacts[];
  contactEmail: string | null;
  contactPhone: string | null;
}

/** A changed goal lives on as the new goal; a dropped one is no longer the person's plan. */
const onPersonsCopy = (status: GoalStatus): boolean => status !== 'changed' && status !== 'dropped';

function copyGoal(goal: PlanCopyGoalFacts): PlanCopyGoal {
  return {
    title: goal.title,
    status: GOAL_STATUS_LABELS[goal.status],
    steps: goal.steps.map((s) => ({ text: s.text, who: STEP_OWNER_PLAIN[s.owner], done: s.done })),
    targetDate: goal.targetDate === null ? null : `by ${dayMonth(goal.targetDate, true)}`,
    reviewDate: goal.reviewDate === null ? null : dayMonth(goal.reviewDate, true),
  };
}

function nextReviewOf(goals: readonly PlanCopyGoalFacts[]): string | null {
  const dates = goals.flatMap((g) => (isGoalOpen(g.status) && g.reviewDate !== null ? [g.reviewDate] : [])).sort();
  return dates[0] === undefined ? null : dayMonth(dates[0], true);
}

function goalLines(goal: PlanCopyGoal, index: number): string[] {
  const lines = [`${index + 1}. ${goal.title}`, `   How it is going: ${goal.status}`];
  if (goal.steps.length > 0) {
    lines.push('   Steps:');
    for (const step of goal.steps) lines.push(`   - ${step.text} (${step.who}${step.done ? ', done' : ''})`);
  }
  if (goal.targetDate !== null) lines.push(`   Aim to do this ${goal.targetDate}.`);
  if (goal.reviewDate !== null) lines.push(`   We will look at this goal again on ${goal.reviewDate}.`);
  return lines;
}

function contactLines(copy: Omit<PlanCopy, 'text'>): string[] {
  const who = copy.contact.linkWorkerName === null ? 'your link worker' : `your link worker, ${copy.contact.linkWorkerName}`;
  const lines = [`To talk to ${who}, contact ${copy.schemeName}:`];
  if (copy.contact.email !== null) lines.push(`Email: ${copy.contact.email}`);
  if (copy.contact.phone !== null) lines.push(`Phone: ${copy.contact.phone}`);
  if (copy.contact.email === null && copy.contact.phone === null) lines.push('Ask the person who gave you this plan how to reach them.');
  return lines;
}

/** Everything in the copy except the text. */
export function planCopyFields(facts: PlanCopyFacts): Omit<PlanCopy, 'text'> {
  const kept = facts.goals.filter((g) => onPersonsCopy(g.status));
  return {
    personName: facts.personName,
    schemeName: facts.schemeName,
    linkWorkerName: facts.linkWorkerName,
    preparedOn: dayMonth(facts.preparedOn, true),
    whatMatters: facts.whatMatters,
    goals: kept.map(copyGoal),
    nextReview: nextReviewOf(kept),
    contact: { linkWorkerName: facts.linkWorkerName, email: facts.contactEmail, phone: facts.contactPhone },
  };
}

/** The copy as plain text: the email's body and the printout. */
export function planCopyText(copy: Omit<PlanCopy, 'text'>): string {
  const by = copy.linkWorkerName === null ? '' : ` with ${copy.linkWorkerName}`;
  const lines = [
    'Your plan',
    '',
    `This is the plan you made${by} at ${copy.schemeName}. It is for ${copy.personName}, and was written on ${copy.preparedOn}.`,
    '',
    'What matters to you',
    copy.whatMatters ?? 'We have not written this down yet. We will talk about it at your next meeting.',
    '',
    'Your goals',
  ];
  if (copy.goals.length === 0) lines.push('You have not set any goals yet. We will work them out together.');
  copy.goals.forEach((goal, index) => {
    if (index > 0) lines.push('');
    lines.push(...goalLines(goal, index));
  });
  lines.push(
    '',
    'Next review',
    copy.nextReview === null ? 'No review date is set yet. We will agree one with you.' : `We will look at your plan together on ${copy.nextReview}.`,
    '',
    'How to reach us',
    ...contactLines(copy),
    '',
    'You can change your plan at any time. Just tell us.',
  );
  return lines.join('\n');
}

/** The whole copy: the fields and the text. */
export function buildPlanCopy(facts: PlanCopyFacts): PlanCopy {
  const fields = planCopyFields(facts);
  return { ...fields, text: planCopyText(fields) };
}
