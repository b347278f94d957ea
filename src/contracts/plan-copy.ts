import { z } from 'zod';
import type { StepOwner } from './casework-codes.js';

/**
 * The person's own copy of their personalised care and support plan: written to them, in plain
 * English, to print or to be emailed. Dates are already in words ("31 January 2027"), so the web
 * app and the email say the same thing. Shared with the web app.
 */

/** Who does a step, as the person reads it: "you", not "the person". */
export const STEP_OWNER_PLAIN: Record<StepOwner, string> = {
  person: 'You',
  link_worker: 'Your link worker',
  together: 'You and your link worker together',
  provider: 'The group or service',
  family_or_carer: 'Your family or carer',
  other: 'Someone else',
};

export const planCopyStep = z.object({
  text: z.string(),
  /** A plain label from STEP_OWNER_PLAIN. */
  who: z.string(),
  done: z.boolean(),
});

export const planCopyGoal = z.object({
  title: z.string(),
  /** "In progress", "Achieved", … */
  status: z.string(),
  steps: z.array(planCopyStep),
  /** "by 31 January 2027", or null when no target was set. */
  targetDate: z.string().nullable(),
  /** "3 December 2026", or null. */
  reviewDate: z.string().nullable(),
});
export type PlanCopyGoal = z.infer<typeof planCopyGoal>;

export const planCopyContact = z.object({
  /** The link worker's name, or null while the case has none. */
  linkWorkerName: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});
export type PlanCopyContact = z.infer<typeof planCopyContact>;

export const planCopy = z.object({
  personName: z.string(),
  schemeName: z.string(),
  linkWorkerName: z.string().nullable(),
  /** "21 November 2026". */
  preparedOn: z.string(),
  /** The latest "what matters to me", in the person's words; null before the first assessment. */
  whatMatters: z.string().nullable(),
  /** Goals still being worked on or achieved; changed and dropped goals are left out of the person's copy. */
  goals: z.array(planCopyGoal),
  /** The earliest review date of a goal still being worked on, in words; null when none is set. */
  nextReview: z.string().nullable(),
  contact: planCopyContact,
  /** The whole copy as plain text: the email body, and what a printout says. */
  text: z.string(),
});
export type PlanCopy = z.infer<typeof planCopy>;

export const sendPlanResult = z.object({ notificationId: z.uuid() });
