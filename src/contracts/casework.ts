import { z } from 'zod';
import {
  ALERT_KINDS,
  CHECK_IN_KINDS,
  CONTACT_MODES,
  CONTACT_STATUSES,
  GOAL_STATUSES,
  NEED_PRIORITIES,
  SHARE_FIELDS,
  STEP_OWNERS,
} from './casework-codes.js';
import { REFERRAL_STATUSES } from './referral-codes.js';

/**
 * The shapes of the casework API: the caseload, "what matters to me", the personalised care and
 * support plan, contacts and lone working, alerts and tasks, and the scheme's casework settings.
 * Onward referral, the provider portal and attendance are in ./onward.ts. Shared with the web app.
 */

/** Years before 1900 are always a slip of the keyboard here, and the database refuses year 0 outright. */
export const fromYear1900 = (value: string): boolean => Number(value.slice(0, 4)) >= 1900;
export const isoDay = z.iso.date({ error: 'Enter a real date, like 2026-11-21' }).refine(fromYear1900, { error: 'Enter a date from 1900 onwards, like 2026-11-21' });
const instant = z.iso
  .datetime({ offset: true, error: 'Enter a date and time, like 2026-11-21T10:30:00Z' })
  .refine(fromYear1900, { error: 'Enter a date and time from 1900 onwards, like 2026-11-21T10:30:00Z' });
const text = (max: number) => z.string().trim().max(max);
const required = (max: number, message: string) => z.string().trim().min(1, { error: message }).max(max);

// Settings -------------------------------------------------------------------------------------

export const needDomain = z.object({ code: z.string().regex(/^[a-z][a-z0-9-]{0,39}$/), label: required(100, 'Give the need a name') });
export type NeedDomain = z.infer<typeof needDomain>;

export const loneWorkingContact = z.object({
  name: required(100, 'Give the contact’s name'),
  email: z.email({ error: 'Enter an email address, like name@example.org' }).nullable(),
  phone: z.string().trim().regex(/^\+?[0-9 ]{10,16}$/, { error: 'Enter a UK phone number, like 07700 900123' }).nullable(),
});
export type LoneWorkingContact = z.infer<typeof loneWorkingContact>;

export const caseworkSettingsInput = z.strictObject({
  /** Empty: use the referral settings' need categories. */
  needDomains: z.array(needDomain).max(40),
  responseWindowWorkingDays: z.number().int().min(1).max(60),
  providerAccessDaysAfter: z.number().int().min(0).max(365),
  nonAttendanceConsecutive: z.number().int().min(0).max(10),
  nonAttendanceDays: z.number().int().min(0).max(90),
  repeatedDnaThreshold: z.number().int().min(1).max(10),
  loneWorkingGraceMinutes: z.number().int().min(0).max(120),
  loneWorkingIntervalMinutes: z.number().int().min(5).max(120),
  loneWorkingContacts: z.array(loneWorkingContact).max(10),
  maxCaseload: z.number().int().min(1).max(500),
  shareFields: z.array(z.enum(SHARE_FIELDS)).min(1),
  /** directory organisation id → the fields that partner is sent instead of the default. */
  partnerShareFields: z.record(z.uuid(), z.array(z.enum(SHARE_FIELDS)).min(1)),
});
export type CaseworkSettingsInput = z.infer<typeof caseworkSettingsInput>;
export const caseworkSettings = caseworkSettingsInput.extend({
  /** The domains in force: the scheme's own, or the referral need categories. */
  effectiveNeedDomains: z.array(needDomain),
  version: z.number().int(),
});
export type CaseworkSettings = z.infer<typeof caseworkSettings>;

// What matters to me -----------------------------------------------------------------------------

export const domainAnswer = z.object({
  domain: z.string().min(1).max(40),
  /** The person's own words about this need. */
  words: text(2000),
  priority: z.enum(NEED_PRIORITIES),
  /** What they already have: strengths, people, places. */
  strengths: text(2000),
});
export type DomainAnswer = z.infer<typeof domainAnswer>;

export const assessmentInput = z.strictObject({
  whatMatters: required(4000, 'Write what matters to the person, in their words'),
  domains: z.array(domainAnswer).max(40),
  assessedOn: isoDay,
});
export type AssessmentInput = z.infer<typeof assessmentInput>;

export const assessment = assessmentInput.extend({
  id: z.uuid(),
  referralId: z.uuid(),
  number: z.number().int(),
  createdBy: z.string(),
  createdAt: z.string(),
});
export type Assessment = z.infer<typeof assessment>;

// The plan ------------------------------------------------------------------------------------------

export const goalStep = z.object({
  text: required(500, 'Describe the step'),
  owner: z.enum(STEP_OWNERS),
  done: z.boolean(),
});
export type GoalStep = z.infer<typeof goalStep>;

export const goalInput = z.strictObject({
  title: required(500, 'Write the goal in the person’s words'),
  domain: z.string().max(40).nullable(),
  steps: z.array(goalStep).max(20),
  targetDate: isoDay.nullable(),
  reviewDate: isoDay.nullable(),
});
export type GoalInput = z.infer<typeof goalInput>;

/** A change of status (through the goal state machine) and/or the person's own rating. */
export const goalProgressInput = z.strictObject({
  event: z
    .discriminatedUnion('type', [
      z.strictObject({ type: z.literal('start') }),
      z.strictObject({ type: z.literal('achieve') }),
      z.strictObject({ type: z.literal('change'), note: required(1000, 'Say what the goal changed to') }),
      z.strictObject({ type: z.literal('drop'), reason: required(1000, 'Say why the goal was dropped') }),
      z.strictObject({ type: z.literal('reopen') }),
    ])
    .optional(),
  personRating: z.number().int().min(0).max(10).optional(),
  note: text(1000).optional(),
});
export type GoalProgressInput = z.infer<typeof goalProgressInput>;

export const goalUpdate = z.object({
  occurredAt: z.string(),
  fromStatus: z.enum(GOAL_STATUSES).nullable(),
  toStatus: z.enum(GOAL_STATUSES).nullable(),
  personRating: z.number().int().nullable(),
  note: z.string().nullable(),
  by: z.string(),
});

export const goal = goalInput.extend({
  id: z.uuid(),
  referralId: z.uuid(),
  status: z.enum(GOAL_STATUSES),
  personRating: z.number().int().nullable(),
  ratedAt: z.string().nullable(),
  reviewDue: z.boolean(),
  allowedEvents: z.array(z.enum(['start', 'achieve', 'change', 'drop', 'reopen'])),
  history: z.array(goalUpdate),
  createdBy: z.string(),
  version: z.number().int(),
});
export type Goal = z.infer<typeof goal>;

export const plan = z.object({
  referralId: z.uuid(),
  goals: z.array(goal),
});
export type Plan = z.infer<typeof plan>;

export const sendPlanInput = z.strictObject({ channel: z.enum(['email']) });

// Contacts and lone working -------------------------------------------------------------------------

export const contactInput = z.strictObject({
  mode: z.enum(CONTACT_MODES),
  /** 'booked' for an appointment ahead; 'attended' or 'did_not_attend' for one that has happened. */
  status: z.enum(['booked', 'attended', 'did_not_attend']),
  scheduledAt: instant,
  durationMinutes: z.number().int().min(0).max(1440).nullable(),
  location: text(500).nullable(),
  attendees: text(1000).nullable(),
  notes: text(8000).nullable(),
  /** A home visit booked under the lone-working procedure: when the worker will check in by. */
  expectedCheckInAt: instant.nullable(),
});
export type ContactInput = z.infer<typeof contactInput>;

export const contactOutcomeInput = z.strictObject({
  event: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('attended') }),
    z.strictObject({ type: z.literal('did_not_attend') }),
    z.strictObject({ type: z.literal('cancel'), reason: required(500, 'Say why it was cancelled') }),
  ]),
  durationMinutes: z.number().int().min(0).max(1440).nullable().optional(),
  attendees: text(1000).nullable().optional(),
  notes: text(8000).nullable().optional(),
});
export type ContactOutcomeInput = z.infer<typeof contactOutcomeInput>;

export const loneWorking = z.object({
  expectedCheckInAt: z.string(),
  state: z.enum(['waiting', 'checked_in_safe', 'overdue', 'needs_help', 'acknowledged']),
  level: z.number().int(),
  checkIn: z.enum(CHECK_IN_KINDS).nullable(),
  checkedInAt: z.string().nullable(),
  acknowledgedAt: z.string().nullable(),
  acknowledgedBy: z.string().nullable(),
});
export type LoneWorking = z.infer<typeof loneWorking>;

export const contact = z.object({
  id: z.uuid(),
  referralId: z.uuid(),
  mode: z.enum(CONTACT_MODES),
  status: z.enum(CONTACT_STATUSES),
  scheduledAt: z.string(),
  durationMinutes: z.number().int().nullable(),
  location: z.string().nullable(),
  attendees: z.string().nullable(),
  notes: z.string().nullable(),
  cancelReason: z.string().nullable(),
  worker: z.string(),
  workerId: z.uuid().nullable(),
  loneWorking: loneWorking.nullable(),
  version: z.number().int(),
});
export type Contact = z.infer<typeof contact>;

export const checkInInput = z.strictObject({ kind: z.enum(CHECK_IN_KINDS), note: text(1000).optional() });
export const acknowledgeInput = z.strictObject({ note: required(1000, 'Say what was done: who reached the worker, and that they are safe') });

/** A manager's board of visits under lone working that are not yet closed. */
export const loneWorkingBoardItem = z.object({
  contactId: z.uuid(),
  referralId: z.uuid(),
  worker: z.string(),
  scheduledAt: z.string(),
  /** Where the visit is: what a manager needs first when a worker cannot be reached. */
  location: z.string().nullable(),
  loneWorking: loneWorking,
});

// Alerts and tasks --------------------------------------------------------------------------------------

export const caseAlert = z.object({
  id: z.uuid(),
  referralId: z.uuid(),
  kind: z.enum(ALERT_KINDS),
  message: z.string(),
  onwardReferralId: z.uuid().nullable(),
  raisedAt: z.string(),
  resolvedAt: z.string().nullable(),
  resolvedBy: z.string().nullable(),
  resolutionNote: z.string().nullable(),
});
export type CaseAlert = z.infer<typeof caseAlert>;
export const resolveAlertInput = z.strictObject({ note: required(1000, 'Say what you did to follow this up') });

export const caseTask = z.object({
  id: z.uuid(),
  referralId: z.uuid(),
  title: z.string(),
  dueOn: z.string(),
  alertId: z.uuid().nullable(),
  doneAt: z.string().nullable(),
  doneBy: z.string().nullable(),
});
export type CaseTask = z.infer<typeof caseTask>;
export const taskInput = z.strictObject({ title: required(300, 'Say what needs doing'), dueOn: isoDay });

// The caseload ------------------------------------------------------------------------------------------

/** What to do next on a case, and by when: the earliest of its open tasks and due dates. */
export const nextAction = z.object({ label: z.string(), dueOn: z.string().nullable(), overdue: z.boolean() });

export const caseloadItem = z.object({
  referralId: z.uuid(),
  reference: z.string(),
  personId: z.uuid(),
  personName: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  linkWorkerId: z.uuid().nullable(),
  linkWorker: z.string().nullable(),
  allocatedAt: z.string().nullable(),
  lastContactAt: z.string().nullable(),
  nextAction: nextAction.nullable(),
  overdueReviews: z.number().int(),
  openAlerts: z.number().int(),
  dnaStreak: z.number().int(),
  liveOnwardReferrals: z.number().int(),
});
export type CaseloadItem = z.infer<typeof caseloadItem>;

export const caseload = z.object({
  worker: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  counts: z.record(z.string(), z.number().int()),
  items: z.array(caseloadItem),
  alerts: z.array(caseAlert),
  tasks: z.array(caseTask),
});
export type Caseload = z.infer<typeof caseload>;

export const caseloadQuery = z.strictObject({ workerId: z.uuid().optional() });

/** A manager's view: every link worker's load and room. */
export const workerLoad = z.object({
  id: z.uuid(),
  name: z.string(),
  openCases: z.number().int(),
  byStatus: z.record(z.string(), z.number().int()),
  openAlerts: z.number().int(),
  overdueTasks: z.number().int(),
  minutesLast28Days: z.number().int(),
  maxCaseload: z.number().int(),
  room: z.number().int(),
});
export type WorkerLoad = z.infer<typeof workerLoad>;
export const caseloadBalance = z.object({ workers: z.array(workerLoad) });

export const reassignInput = z.strictObject({
  referralIds: z.array(z.uuid()).min(1).max(100),
  linkWorkerId: z.uuid(),
  reason: required(500, 'Say why the cases are being moved'),
});
export const reassignResult = z.object({ moved: z.number().int() });

// The case summary ---------------------------------------------------------------------------------------

export const closeCaseInput = z.strictObject({
  reasonCode: z.string().min(1),
  outcomeSummary: required(4000, 'Summarise what changed for the person; the referrer reads this'),
});
