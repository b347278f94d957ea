import { z } from 'zod';
import { londonDate } from '../referrals/domain/working-days.js';
import { personInput, personView } from './people.js';
import {
  CONSENT_GIVERS,
  CONSENT_METHODS,
  CONSENT_SCOPES,
  FEEDBACK_CHANNELS,
  FEEDBACK_MILESTONES,
  REFERRAL_SOURCES,
  REFERRAL_STATUSES,
  URGENCIES,
} from './referral-codes.js';

/** Shapes of the referrals API: the referral form, the referrer's list, triage, the timeline. */

const needCode = z.string().regex(/^[a-z0-9-]{1,40}$/, { error: 'Choose a need from the list' });

/** A date (London calendar day) or instant that has already come (a minute's clock skew allowed). */
function notInTheFuture(value: string): boolean {
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) return value <= londonDate(new Date());
  return Date.parse(value) <= Date.now() + 60_000;
}

export const consentInput = z.strictObject({
  givenBy: z.enum(CONSENT_GIVERS, { error: 'Say who gave consent' }),
  givenByName: z.string().trim().max(200).optional(),
  method: z.enum(CONSENT_METHODS, { error: 'Say how consent was given' }),
  scopes: z
    .array(z.enum(CONSENT_SCOPES))
    .refine((s) => s.includes('referral'), { error: 'The person must agree to be referred' }),
  givenAt: z
    .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'Enter the date consent was given, like 2026-11-21' })
    .refine(notInTheFuture, { error: 'Date consent was given must be today or in the past' }),
});
export type ConsentInput = z.infer<typeof consentInput>;

export const referrerInput = z.strictObject({
  name: z.string().trim().min(1, { error: 'Enter the referrer’s name' }).max(200),
  role: z.string().trim().max(100).optional(),
  email: z.email({ error: 'Enter an email address like name@example.com' }).optional(),
  phone: z.string().trim().max(40).optional(),
});

export const feedbackPreference = z.strictObject({
  milestones: z.array(z.enum(FEEDBACK_MILESTONES)).max(FEEDBACK_MILESTONES.length).default([...FEEDBACK_MILESTONES]),
  channel: z.enum(FEEDBACK_CHANNELS).default('email'),
});

export const referralInput = z.strictObject({
  person: personInput,
  consent: consentInput,
  reason: z.string().trim().min(1, { error: 'Say why you are referring this person' }).max(4000),
  needs: z.array(needCode).min(1, { error: 'Choose at least one thing they want help with' }).max(20),
  personView: z.string().trim().max(4000).optional(),
  riskInfo: z.string().trim().max(4000).optional(),
  urgency: z.enum(URGENCIES).default('routine'),
  leadOn: z.string().trim().max(2000).optional(),
  feedback: feedbackPreference.default({ milestones: [...FEEDBACK_MILESTONES], channel: 'email' }),
  /** Ids of the scheme's exclusion questions answered "yes". */
  exclusionsFlagged: z.array(z.string().max(60)).max(20).default([]),
  /** Who referred, when not the signed-in user (API clients, bulk upload). */
  referrer: referrerInput.optional(),
  /** The draft this submission completes; it is deleted once the referral is made. */
  draftId: z.uuid().optional(),
});
export type ReferralInput = z.infer<typeof referralInput>;

export const screeningRequest = z.strictObject({
  dateOfBirth: z.iso.date().optional(),
  practiceOds: z.string().trim().toUpperCase().max(10).optional(),
  needs: z.array(needCode).max(20).default([]),
  exclusionsFlagged: z.array(z.string().max(60)).max(20).default([]),
});

export const screeningResult = z.object({
  outcome: z.enum(['eligible', 'not_eligible', 'redirect', 'unknown']),
  reasons: z.array(
    z.object({ criterion: z.enum(['age', 'practice', 'needs', 'exclusion']), met: z.boolean().nullable(), explanation: z.string() }),
  ),
  redirectTo: z.string().nullable(),
  summary: z.string(),
});
export type ScreeningResultView = z.infer<typeof screeningResult>;

const distinct = (values: readonly string[]): boolean => new Set(values).size === values.length;

export const eligibilityCriteria = z
  .strictObject({
    minAge: z.number().int().min(0).max(120).nullable(),
    maxAge: z.number().int().min(0).max(120).nullable(),
    registeredPractices: z.array(z.string().regex(/^[A-Z0-9]{3,10}$/)).max(500),
    acceptedNeeds: z.array(needCode).max(50),
    exclusions: z
      .array(z.strictObject({ id: z.string().regex(/^[a-z0-9-]{1,60}$/), question: z.string().min(1).max(300), redirectTo: z.string().min(1).max(300) }))
      .max(20)
      .refine((list) => distinct(list.map((e) => e.id)), { error: 'Each screening question needs an id of its own' }),
  })
  // Otherwise nobody could ever be eligible, and the screen would say so of every referral.
  .refine((c) => c.minAge === null || c.maxAge === null || c.minAge <= c.maxAge, { path: ['maxAge'], error: 'The oldest age must not be below the youngest' });

export const referralSettings = z.object({
  needCategories: z.array(z.object({ code: z.string(), label: z.string() })),
  eligibility: eligibilityCriteria,
  firstContactWorkingDays: z.number(),
  reopenWindowDays: z.number(),
  selfReferralEnabled: z.boolean(),
});
export type ReferralSettingsView = z.infer<typeof referralSettings>;

export const referralSettingsUpdate = z.strictObject({
  needCategories: z
    .array(z.strictObject({ code: needCode, label: z.string().trim().min(1).max(100) }))
    .min(1)
    .max(50)
    .refine((list) => distinct(list.map((n) => n.code)), { error: 'Each need category needs a code of its own' })
    .optional(),
  eligibility: eligibilityCriteria.optional(),
  firstContactWorkingDays: z.number().int().min(1).max(60).optional(),
  reopenWindowDays: z.number().int().min(0).max(730).optional(),
  selfReferralEnabled: z.boolean().optional(),
});

const targetState = z.enum(['met', 'missed', 'breached', 'due-today', 'on-track']);

export const referralSummary = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(REFERRAL_STATUSES),
  statusLabel: z.string(),
  source: z.enum(REFERRAL_SOURCES),
  personName: z.string(),
  practiceOds: z.string().nullable(),
  /** The practice's name when it is one of the scheme's organisations. */
  practiceName: z.string().nullable(),
  needs: z.array(z.string()),
  urgency: z.enum(URGENCIES),
  receivedAt: z.string(),
  /** Working days since it arrived (England and Wales bank holidays excluded). */
  waitingWorkingDays: z.number(),
  firstContactDue: z.string().nullable(),
  firstContactTarget: targetState.nullable(),
  linkWorker: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  consentWithdrawn: z.boolean(),
  possibleDuplicate: z.boolean(),
  feedbackSent: z.array(z.enum(FEEDBACK_MILESTONES)),
});
export type ReferralSummary = z.infer<typeof referralSummary>;

export const referralList = z.object({
  items: z.array(referralSummary),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});
export type ReferralList = z.infer<typeof referralList>;

export const referralListQuery = z.strictObject({
  status: z.enum(REFERRAL_STATUSES).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const timelineEntry = z.object({
  id: z.string(),
  occurredAt: z.string(),
  kind: z.string(),
  label: z.string(),
  fromStatus: z.string().nullable(),
  toStatus: z.string().nullable(),
  actor: z.string(),
  reason: z.string().nullable(),
  code: z.object({ system: z.string(), code: z.string(), display: z.string() }).nullable(),
});

export const consentView = z.object({
  id: z.uuid(),
  givenBy: z.enum(CONSENT_GIVERS),
  givenByName: z.string().nullable(),
  method: z.enum(CONSENT_METHODS),
  scopes: z.array(z.enum(CONSENT_SCOPES)),
  givenAt: z.string(),
  recordedBy: z.string(),
  withdrawnAt: z.string().nullable(),
  withdrawnReason: z.string().nullable(),
  withdrawalRecordedBy: z.string().nullable(),
});

export const referralDetail = referralSummary.extend({
  person: personView,
  consent: consentView.nullable(),
  reason: z.string(),
  personView: z.string().nullable(),
  riskInfo: z.string().nullable(),
  leadOn: z.string().nullable(),
  feedbackPreference: z.object({ milestones: z.array(z.enum(FEEDBACK_MILESTONES)), channel: z.enum(FEEDBACK_CHANNELS) }),
  referrer: z.object({ name: z.string().nullable(), role: z.string().nullable(), organisationName: z.string().nullable() }),
  eligibility: screeningResult.nullable(),
  eligibilityOverride: z.object({ reason: z.string(), by: z.string() }).nullable(),
  decisionReason: z.string().nullable(),
  closureReason: z.string().nullable(),
  outcomeSummary: z.string().nullable(),
  timeline: z.array(timelineEntry),
  feedback: z.array(z.object({ milestone: z.enum(FEEDBACK_MILESTONES), channel: z.enum(['email', 'letter']), sentAt: z.string(), deliveryStatus: z.string().nullable() })),
  /** Lifecycle events the signed-in user may take now. */
  allowedEvents: z.array(z.string()),
  version: z.number(),
});
export type ReferralDetail = z.infer<typeof referralDetail>;

export const referralEventRequest = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('triage'), note: z.string().trim().max(2000).optional() }),
  z.strictObject({ type: z.literal('allocate'), linkWorkerId: z.uuid({ error: 'Choose a link worker' }), note: z.string().trim().max(2000).optional() }),
  z.strictObject({ type: z.literal('decline'), reasonCode: z.string().min(1, { error: 'Choose a reason' }).max(40), note: z.string().trim().max(2000).optional() }),
  z.strictObject({ type: z.literal('mark_not_eligible'), reason: z.string().trim().min(1, { error: 'Say why they are not eligible' }).max(2000) }),
  z.strictObject({ type: z.literal('redirect'), destination: z.string().trim().min(1, { error: 'Say where they were redirected' }).max(300), note: z.string().trim().max(2000).optional() }),
  z.strictObject({ type: z.literal('record_first_contact'), note: z.string().trim().max(2000).optional() }),
  z.strictObject({ type: z.literal('start_support'), note: z.string().trim().max(2000).optional() }),
  z.strictObject({
    type: z.literal('close'),
    reasonCode: z.string().min(1, { error: 'Choose a reason' }).max(40),
    outcomeSummary: z.string().trim().max(4000).optional(),
  }),
  z.strictObject({ type: z.literal('reopen'), note: z.string().trim().max(2000).optional() }),
]);
export type ReferralEventRequest = z.infer<typeof referralEventRequest>;

export const overrideRequest = z.strictObject({
  reason: z.string().trim().min(1, { error: 'Say why you are overriding the eligibility result' }).max(2000),
});
export const withdrawConsentRequest = z.strictObject({
  reason: z.string().trim().max(2000).optional(),
});

export const triageQuery = z.strictObject({
  practice: z.string().trim().toUpperCase().regex(/^[A-Z0-9]{3,10}$/).optional(),
  need: needCode.optional(),
  urgency: z.enum(URGENCIES).optional(),
});

export const caseload = z.object({ linkWorkerId: z.uuid(), name: z.string(), caseload: z.number() });
export const linkWorkerList = z.object({ items: z.array(caseload) });
export const triageQueue = z.object({
  items: z.array(referralSummary),
  total: z.number(),
  caseloads: z.array(caseload),
  practices: z.array(z.string()),
});
export type TriageQueue = z.infer<typeof triageQueue>;

export const allocateRequest = z.strictObject({
  referralIds: z.array(z.uuid()).min(1, { error: 'Choose at least one referral' }).max(100),
  linkWorkerId: z.uuid({ error: 'Choose a link worker' }),
});
export const allocateResult = z.object({ allocated: z.number(), references: z.array(z.string()) });

export const draftBody = z.strictObject({
  /** The form as it stands; validated only when submitted. */
  data: z.record(z.string(), z.unknown()),
});
export const draftView = z.object({ id: z.uuid(), data: z.record(z.string(), z.unknown()), updatedAt: z.string() });
export const draftList = z.object({ items: z.array(z.object({ id: z.uuid(), label: z.string(), updatedAt: z.string() })) });

export const importRow = z.object({
  row: z.number(),
  status: z.enum(['imported', 'rejected']),
  id: z.uuid().nullable(),
  reference: z.string().nullable(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })),
});
export const importReport = z.object({ imported: z.number(), rejected: z.number(), rows: z.array(importRow) });
export type ImportReport = z.infer<typeof importReport>;

/** The public self-referral form: no sign-in, so it asks less and shows nothing back. */
export const publicScheme = z.object({
  name: z.string(),
  selfReferralEnabled: z.boolean(),
  needCategories: z.array(z.object({ code: z.string(), label: z.string() })),
});

export const selfReferralInput = z.strictObject({
  person: personInput,
  needs: z.array(needCode).min(1, { error: 'Choose at least one thing you would like help with' }).max(20),
  whatMatters: z.string().trim().min(1, { error: 'Tell us a little about what you would like help with' }).max(4000),
  safeToContact: z.string().trim().max(1000).optional(),
  consent: z.literal(true, { error: 'Tick the box to agree to us holding your details' }),
  /** Left empty by people; filled by bots that complete every field. */
  website: z.string().max(500).optional(),
});
export type SelfReferralInput = z.infer<typeof selfReferralInput>;
export const selfReferralReceipt = z.object({ reference: z.string(), schemeName: z.string() });
