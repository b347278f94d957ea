import type { PersonView } from '../contracts/people.js';
import { CLOSURE_REASONS, DECLINE_REASONS, REFERRAL_STATUS_LABELS, type ConsentScope, type FeedbackMilestone } from '../contracts/referral-codes.js';
import type { ReferralDetail, ScreeningResultView } from '../contracts/referrals.js';
import { can } from '../auth/policy.js';
import { roleOf, type SchemeScope } from '../data/access.js';
import type { ConsentRow, PersonRow, ReferralEventRow, ReferralRow } from '../db/schema.js';
import { notFound } from '../errors.js';
import { allowedEvents } from './domain/lifecycle.js';
import { currentConsent } from './consent.js';
import { labelOf } from './feedback.js';
import { presentSummary, summaryQuery } from './queries.js';
import { loadReferralSettings } from './settings.js';
import { referralTarget } from './referral-row.js';

export interface ReferralRecord {
  referral: ReferralRow;
  person: PersonRow;
  consent: ConsentRow | null;
  events: ReferralEventRow[];
}

/** Reads a referral the caller may see (else "not found"), and records the read. */
export async function loadReferral(scope: SchemeScope, referralId: string): Promise<ReferralRecord> {
  scope.authorize('referral', 'read');
  const referral = await scope.db.selectFrom('referrals').selectAll().where('scheme_id', '=', scope.schemeId).where('id', '=', referralId).executeTakeFirst();
  if (!referral) throw notFound('The referral');
  scope.authorize('referral', 'read', referralTarget(referral));
  const person = await scope.db.selectFrom('people').selectAll().where('scheme_id', '=', scope.schemeId).where('id', '=', referral.person_id).executeTakeFirstOrThrow();
  const events = await scope.db
    .selectFrom('referral_events')
    .selectAll()
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', referralId)
    .orderBy('id')
    .execute();
  const consent = await currentConsent(scope, referralId);
  await scope.audit({ action: 'read', entityType: 'referral', entityId: referralId });
  return { referral, person, consent, events };
}

export async function findReferralIdByTaskId(scope: SchemeScope, taskId: string): Promise<string | undefined> {
  const row = await scope.db.selectFrom('referrals').select('id').where('scheme_id', '=', scope.schemeId).where('task_id', '=', taskId).executeTakeFirst();
  return row?.id;
}

export function presentPerson(p: PersonRow): PersonView {
  return {
    id: p.id,
    nhsNumber: p.nhs_number,
    claimedNhsNumber: p.claimed_nhs_number,
    givenName: p.given_name,
    familyName: p.family_name,
    preferredName: p.preferred_name,
    dateOfBirth: p.date_of_birth,
    sex: p.sex,
    genderIdentity: p.gender_identity,
    ethnicity: p.ethnicity,
    addressLine1: p.address_line1,
    addressLine2: p.address_line2,
    town: p.town,
    postcode: p.postcode,
    gpPracticeOds: p.gp_practice_ods,
    lsoaCode: p.lsoa_code,
    imdDecile: p.imd_decile,
    email: p.email,
    phone: p.phone,
    language: p.language,
    interpreterNeeded: p.interpreter_needed,
    accessibleFormats: p.accessible_formats,
    preferredContactMethod: p.preferred_contact_method,
    contactTimes: p.contact_times,
    nextOfKin: p.next_of_kin ? { ...p.next_of_kin, phone: p.next_of_kin.phone ?? null } : null,
    mergedIntoId: p.merged_into_id,
    version: p.version,
  };
}

const EVENT_LABELS: Record<string, string> = {
  received: 'Referral received',
  triaged: 'Triaged',
  accepted: 'Accepted and allocated',
  reallocated: 'Allocated to another link worker',
  declined: 'Declined by the person',
  not_eligible: 'Not eligible',
  redirected: 'Redirected elsewhere',
  first_contact: 'First contact made',
  active: 'Support started',
  closed: 'Closed',
  reopened: 'Reopened',
  're-referred': 'Referred again',
  'consent-recorded': 'Consent recorded',
  'consent-withdrawn': 'Consent withdrawn',
  'feedback-sent': 'Feedback sent to the referrer',
  'eligibility-override': 'Eligibility result overridden',
  'person-merged': 'Person record merged',
};

function timelineLabel(event: ReferralEventRow): string {
  const base = EVENT_LABELS[event.kind] ?? event.kind;
  const detail = event.detail as { linkWorker?: string; milestone?: FeedbackMilestone; reasonCode?: string; channel?: string };
  if ((event.kind === 'accepted' || event.kind === 'reallocated') && detail.linkWorker) return `${base}: ${detail.linkWorker}`;
  if (event.kind === 'declined' && detail.reasonCode) return `${base}: ${labelOf(DECLINE_REASONS, detail.reasonCode) ?? ''}`;
  if (event.kind === 'closed' && detail.reasonCode) return `${base}: ${labelOf(CLOSURE_REASONS, detail.reasonCode) ?? ''}`;
  if (event.kind === 'feedback-sent' && detail.milestone) return `${base} (${detail.milestone.replace('_', ' ')}, by ${detail.channel ?? 'email'})`;
  return base;
}

const iso = (d: Date | string) => (d instanceof Date ? d : new Date(d)).toISOString();

/** The whole referral as the API shows it to this caller, with the events they may take now. */
export async function referralDetailView(scope: SchemeScope, referralId: string): Promise<ReferralDetail> {
  const record = await loadReferral(scope, referralId);
  const summaryRow = await summaryQuery(scope).where('r.id', '=', referralId).executeTakeFirstOrThrow();
  const settings = await loadReferralSettings(scope);
  const { referral, person, consent, events } = record;
  const feedback = await scope.db
    .selectFrom('referral_feedback as f')
    .leftJoin('notifications as n', (join) => join.onRef('n.scheme_id', '=', 'f.scheme_id').onRef('n.id', '=', 'f.notification_id'))
    .select(['f.milestone', 'f.channel', 'f.created_at', 'n.status'])
    .where('f.scheme_id', '=', scope.schemeId)
    .where('f.referral_id', '=', referralId)
    .orderBy('f.created_at')
    .execute();
  const organisation = referral.referrer_organisation_id
    ? await scope.db.selectFrom('organisations').select('name').where('scheme_id', '=', scope.schemeId).where('id', '=', referral.referrer_organisation_id).executeTakeFirst()
    : undefined;
  const role = roleOf(scope.actor);
  const mayTriage = role !== undefined && can({ role }, 'referral', 'triage');
  const now = new Date();
  const eligibility = (Object.keys(referral.eligibility).length > 0 ? referral.eligibility : null) as ScreeningResultView | null;
  return {
    ...presentSummary(summaryRow, now),
    person: presentPerson(person),
    consent: consent
      ? {
          id: consent.id,
          givenBy: consent.given_by,
          givenByName: consent.given_by_name,
          method: consent.method,
          scopes: consent.scopes as ConsentScope[],
          givenAt: iso(consent.given_at),
          recordedBy: consent.recorded_by,
          withdrawnAt: consent.withdrawn_at ? iso(consent.withdrawn_at) : null,
          withdrawnReason: consent.withdrawn_reason,
          withdrawalRecordedBy: consent.withdrawal_recorded_by,
        }
      : null,
    reason: referral.reason,
    personView: referral.person_view,
    riskInfo: referral.risk_info,
    leadOn: referral.lead_on,
    feedbackPreference: { milestones: referral.feedback_milestones as FeedbackMilestone[], channel: referral.feedback_channel },
    referrer: { name: referral.referrer_name, role: referral.referrer_role, organisationName: organisation?.name ?? null },
    eligibility,
    eligibilityOverride:
      referral.eligibility_override_reason && referral.eligibility_override_by
        ? { reason: referral.eligibility_override_reason, by: referral.eligibility_override_by }
        : null,
    decisionReason: referral.status === 'declined' ? labelOf(DECLINE_REASONS, referral.decision_reason) : referral.decision_reason,
    closureReason: labelOf(CLOSURE_REASONS, referral.closure_reason),
    outcomeSummary: referral.outcome_summary,
    timeline: events.map((e) => ({
      id: String(e.id),
      occurredAt: iso(e.occurred_at),
      kind: e.kind,
      label: timelineLabel(e),
      fromStatus: e.from_status ? (REFERRAL_STATUS_LABELS[e.from_status as keyof typeof REFERRAL_STATUS_LABELS] ?? e.from_status) : null,
      toStatus: e.to_status ? (REFERRAL_STATUS_LABELS[e.to_status as keyof typeof REFERRAL_STATUS_LABELS] ?? e.to_status) : null,
      actor: e.actor_label,
      reason: e.reason,
      code: e.code && e.code_system && e.code_display ? { system: e.code_system, code: e.code, display: e.code_display } : null,
    })),
    feedback: feedback.map((f) => ({ milestone: f.milestone, channel: f.channel, sentAt: iso(f.created_at), deliveryStatus: f.status ?? null })),
    allowedEvents: mayTriage
      ? allowedEvents(
          { status: referral.status, linkWorkerId: referral.link_worker_id, closedAt: referral.closed_at, consentWithdrawn: consent?.withdrawn_at != null },
          { now, reopenWindowDays: settings.reopenWindowDays },
        )
      : [],
    version: referral.version,
  };
}
