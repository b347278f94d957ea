import { z } from 'zod';
import {
  ATTENDANCE_MARKS,
  CONCERN_URGENCIES,
  DROP_OUT_REASONS,
  FIRST_CONTACT_BY,
  ONWARD_DECLINE_REASONS,
  ONWARD_STATUSES,
  SHARE_FIELDS,
} from './casework-codes.js';
import { fromYear1900, isoDay } from './casework.js';
import { CONSENT_GIVERS, CONSENT_METHODS } from './referral-codes.js';

/**
 * Onward referral to a directory service with the person's consent and a handover agreement,
 * the provider's inbox and replies, attendance registers, concerns and supported signposting.
 * Shared with the web app.
 */

const text = (max: number) => z.string().trim().max(max);
const required = (max: number, message: string) => z.string().trim().min(1, { error: message }).max(max);
const codeOf = <T extends readonly { code: string }[]>(list: T) => list.map((r) => r.code) as [T[number]['code'], ...T[number]['code'][]];

/** Consent to share with this one organisation, asked when the referral is made. Required. */
export const shareConsentInput = z.strictObject({
  /** Must be true: the link worker confirms the person agreed to share with this organisation. */
  agreed: z.literal(true, { error: 'The person must agree to their details being shared with this organisation' }),
  givenBy: z.enum(CONSENT_GIVERS),
  givenByName: text(200).optional(),
  method: z.enum(CONSENT_METHODS),
  givenAt: z.iso.datetime({ offset: true, error: 'Enter when consent was given' }).refine(fromYear1900, { error: 'Enter when consent was given, from 1900 onwards' }),
});
export type ShareConsentInput = z.infer<typeof shareConsentInput>;

export const handoverInput = z.strictObject({
  firstContactBy: z.enum(FIRST_CONTACT_BY),
  linkWorkerStaysInvolved: z.boolean(),
  mayReturn: z.boolean(),
  /** Until when the person may come back to the link worker without a new referral. */
  returnUntil: isoDay.nullable(),
  reportNonAttendance: z.boolean(),
  note: text(2000).optional(),
});
export type HandoverInput = z.infer<typeof handoverInput>;

export const onwardReferralInput = z.strictObject({
  serviceId: z.uuid(),
  consent: shareConsentInput,
  handover: handoverInput,
  /** Which of the person's goals this service supports: only these are shared. */
  goalIds: z.array(z.uuid()).max(20),
  /** The need summary for this provider, written for them. */
  needSummary: required(2000, 'Say what the person would like help with from this group'),
  /** Risks that affect the provider's staff or volunteers; never clinical notes. */
  risks: text(2000).optional(),
});
export type OnwardReferralInput = z.infer<typeof onwardReferralInput>;

/** Exactly what the provider is sent: the minimum set, as a snapshot. Fields not shared are absent. */
export const sharedDetails = z.object({
  name: z.string().optional(),
  preferredName: z.string().nullable().optional(),
  contact: z
    .object({ phone: z.string().nullable(), email: z.string().nullable(), preferredMethod: z.string().nullable(), times: z.string().nullable() })
    .optional(),
  needSummary: z.string().optional(),
  goals: z.array(z.string()).optional(),
  communicationNeeds: z
    .object({ language: z.string().nullable(), interpreterNeeded: z.boolean(), accessibleFormats: z.array(z.string()) })
    .optional(),
  risks: z.string().nullable().optional(),
  dateOfBirth: z.string().nullable().optional(),
  address: z.string().nullable().optional(),
});
export type SharedDetails = z.infer<typeof sharedDetails>;

export const onwardEvent = z.object({
  occurredAt: z.string(),
  kind: z.string(),
  fromStatus: z.enum(ONWARD_STATUSES).nullable(),
  toStatus: z.enum(ONWARD_STATUSES).nullable(),
  reasonCode: z.string().nullable(),
  note: z.string().nullable(),
  by: z.string(),
});

export const handover = handoverInput.required({ note: true }).extend({ note: z.string().nullable() });

/**
 * Before sending: exactly what the provider would receive. The need summary and risks the link
 * worker is typing are not sent to the server here (a URL is no place for them); the page shows
 * them from the form beside the rest.
 */
export const onwardPreviewQuery = z.strictObject({
  serviceId: z.uuid(),
  /** Comma-separated goal ids. */
  goalIds: z.string().max(800).optional(),
});
export const onwardPreview = z.object({
  sharedFields: z.array(z.enum(SHARE_FIELDS)),
  shared: sharedDetails,
  serviceName: z.string(),
  organisationName: z.string(),
  respondBy: z.string(),
});
export type OnwardPreview = z.infer<typeof onwardPreview>;

/** The link worker's view of an onward referral. */
export const onwardReferral = z.object({
  id: z.uuid(),
  reference: z.string(),
  referralId: z.uuid(),
  personId: z.uuid(),
  service: z.object({ id: z.uuid(), name: z.string(), organizationId: z.uuid(), organizationName: z.string() }),
  status: z.enum(ONWARD_STATUSES),
  live: z.boolean(),
  consent: z.object({ givenBy: z.string(), givenByName: z.string().nullable(), method: z.string(), givenAt: z.string(), recordedBy: z.string() }),
  sharedFields: z.array(z.enum(SHARE_FIELDS)),
  shared: sharedDetails,
  handover,
  respondBy: z.string(),
  statusReasonCode: z.string().nullable(),
  statusNote: z.string().nullable(),
  acceptedOn: z.string().nullable(),
  endedAt: z.string().nullable(),
  sentBy: z.string(),
  sentAt: z.string(),
  attendance: z.array(z.object({ sessionDate: z.string(), mark: z.enum(ATTENDANCE_MARKS) })),
  events: z.array(onwardEvent),
  version: z.number().int(),
});
export type OnwardReferral = z.infer<typeof onwardReferral>;

/**
 * What a provider sees. While the referral is live (and for the scheme's period after it ends)
 * `shared` holds the details sent; after that it is null and `detailsRemoved` says why.
 */
export const providerReferral = z.object({
  id: z.uuid(),
  reference: z.string(),
  service: z.object({ id: z.uuid(), name: z.string() }),
  status: z.enum(ONWARD_STATUSES),
  live: z.boolean(),
  shared: sharedDetails.nullable(),
  detailsRemoved: z.boolean(),
  accessUntil: z.string().nullable(),
  handover: handover.nullable(),
  linkWorker: z.object({ name: z.string(), email: z.string().nullable(), phone: z.string().nullable() }).nullable(),
  respondBy: z.string(),
  sentAt: z.string(),
  allowedEvents: z.array(z.string()),
  attendance: z.array(z.object({ sessionDate: z.string(), mark: z.enum(ATTENDANCE_MARKS) })),
  version: z.number().int(),
});
export type ProviderReferral = z.infer<typeof providerReferral>;

export const providerInboxQuery = z.strictObject({
  status: z.enum(['new', 'current', 'ended']).optional(),
  serviceId: z.uuid().optional(),
});
export const providerInboxItem = z.object({
  id: z.uuid(),
  reference: z.string(),
  serviceName: z.string(),
  status: z.enum(ONWARD_STATUSES),
  /** The person's name while the provider may see it; null after. */
  personName: z.string().nullable(),
  sentAt: z.string(),
  respondBy: z.string(),
  overdue: z.boolean(),
});
export const providerInbox = z.object({ items: z.array(providerInboxItem), counts: z.record(z.string(), z.number().int()) });
export type ProviderInbox = z.infer<typeof providerInbox>;

/** A reply or change of status, by the provider or the link worker (see the onward state machine). */
export const onwardEventInput = z.strictObject({
  event: z.discriminatedUnion('type', [
    z.strictObject({ type: z.literal('accept'), note: text(1000).optional() }),
    z.strictObject({ type: z.literal('decline'), reasonCode: z.enum(codeOf(ONWARD_DECLINE_REASONS)), note: text(1000).optional() }),
    z.strictObject({ type: z.literal('waitlist'), note: text(1000).optional() }),
    z.strictObject({ type: z.literal('complete'), note: text(1000).optional() }),
    z.strictObject({ type: z.literal('drop_out'), reasonCode: z.enum(codeOf(DROP_OUT_REASONS)), note: text(1000).optional() }),
    z.strictObject({ type: z.literal('withdraw'), reason: required(1000, 'Say why the referral is withdrawn') }),
  ]),
});
export type OnwardEventInput = z.infer<typeof onwardEventInput>;

// Attendance registers --------------------------------------------------------------------------

export const registerQuery = z.strictObject({ serviceId: z.uuid(), date: isoDay });
/** One screen per session: everyone currently referred to the service, with their mark that day. */
export const register = z.object({
  service: z.object({ id: z.uuid(), name: z.string() }),
  date: z.string(),
  rows: z.array(
    z.object({
      onwardReferralId: z.uuid(),
      reference: z.string(),
      personName: z.string(),
      status: z.enum(ONWARD_STATUSES),
      mark: z.enum(ATTENDANCE_MARKS).nullable(),
    }),
  ),
});
export type Register = z.infer<typeof register>;

export const registerInput = z.strictObject({
  serviceId: z.uuid(),
  date: isoDay,
  marks: z
    .array(z.strictObject({ onwardReferralId: z.uuid(), mark: z.enum(ATTENDANCE_MARKS) }))
    .min(1, { error: 'Mark at least one person' })
    .max(200),
});
export type RegisterInput = z.infer<typeof registerInput>;
export const registerResult = z.object({ saved: z.number().int(), alertsRaised: z.number().int() });

// Concerns ----------------------------------------------------------------------------------------

export const concernInput = z.strictObject({
  urgency: z.enum(CONCERN_URGENCIES),
  concern: required(4000, 'Describe the concern: what you saw or heard, and when'),
});
export type ConcernInput = z.infer<typeof concernInput>;
export const concern = z.object({
  id: z.uuid(),
  onwardReferralId: z.uuid(),
  /** null for a provider: the case behind the onward referral is not theirs to know. */
  referralId: z.uuid().nullable(),
  urgency: z.enum(CONCERN_URGENCIES),
  concern: z.string(),
  raisedBy: z.string(),
  raisedByOrganisation: z.string().nullable(),
  raisedAt: z.string(),
});
export type Concern = z.infer<typeof concern>;

// Supported signposting -----------------------------------------------------------------------------

export const signpostInput = z.strictObject({
  serviceId: z.uuid().nullable(),
  /** Required when no directory service is named. */
  serviceName: text(500).optional(),
  information: text(2000).optional(),
  givenOn: isoDay,
});
export type SignpostInput = z.infer<typeof signpostInput>;
export const signpost = z.object({
  id: z.uuid(),
  referralId: z.uuid(),
  serviceId: z.uuid().nullable(),
  serviceName: z.string(),
  information: z.string().nullable(),
  givenOn: z.string(),
  createdBy: z.string(),
});
export type Signpost = z.infer<typeof signpost>;
