/**
 * The referral's progress as a FHIR Task (SDOHCC "referral management" Task): intent order,
 * focus → the ServiceRequest, owner → the scheme's host organisation. Read-only: Linkwell moves
 * the referral; integrations follow the Task.
 */
import type { CodeableConcept, Task, TaskOutput } from '@medplum/fhirtypes';
import { CLOSURE_REASONS, DECLINE_REASONS, REFERRAL_STATUS_LABELS, type ReferralStatus } from '../../contracts/referral-codes.js';
import type { ReferralRow } from '../../db/schema.js';
import { compositionReference, compositionStatus } from './composition.js';
import { PRIORITY_OF_URGENCY, REFERRAL_REFERENCE_SYSTEM, REFERRAL_STATUS_SYSTEM, SOCIAL_PRESCRIBING_DECLINED, TASK_FULFILL } from './codes.js';
import { isoInstant, organisationReference, requesterReference, type OrganisationRef, type ReferralContext } from './references.js';

export type TaskStatus = Task['status'];

type TaskReferral = Pick<
  ReferralRow,
  | 'id'
  | 'task_id'
  | 'reference'
  | 'person_id'
  | 'status'
  | 'urgency'
  | 'referrer_name'
  | 'received_at'
  | 'updated_at'
  | 'version'
  | 'decision_reason'
  | 'closure_reason'
  | 'outcome_summary'
  | 'first_contact_at'
  | 'closed_at'
>;

/** The Task status that a referral status shows as. */
export function taskStatus(referral: Pick<ReferralRow, 'status' | 'closure_reason'>): NonNullable<TaskStatus> {
  switch (referral.status) {
    case 'received':
      return 'requested';
    case 'triaged':
      return 'received';
    case 'accepted':
      return 'accepted';
    case 'declined':
    case 'not_eligible':
    case 'redirected':
      return 'rejected';
    case 'first_contact':
    case 'active':
      return 'in-progress';
    case 'closed':
      return referral.closure_reason === 'consent-withdrawn' ? 'cancelled' : 'completed';
    default: {
      const unreachable: never = referral.status;
      return unreachable;
    }
  }
}

/** For search: the referral statuses behind a Task status, and whether the closure reason matters. */
export function referralStatusesFor(status: string): { statuses: ReferralStatus[]; consentWithdrawn?: boolean } | undefined {
  switch (status) {
    case 'requested':
      return { statuses: ['received'] };
    case 'received':
      return { statuses: ['triaged'] };
    case 'accepted':
      return { statuses: ['accepted'] };
    case 'rejected':
      return { statuses: ['declined', 'not_eligible', 'redirected'] };
    case 'in-progress':
      return { statuses: ['first_contact', 'active'] };
    case 'completed':
      return { statuses: ['closed'], consentWithdrawn: false };
    case 'cancelled':
      return { statuses: ['closed'], consentWithdrawn: true };
    case 'draft':
    case 'ready':
    case 'on-hold':
    case 'failed':
    case 'entered-in-error':
      return { statuses: [] };
    default:
      return undefined;
  }
}

const labelOf = (list: readonly { code: string; label: string }[], code: string | null): string | null =>
  code === null ? null : (list.find((c) => c.code === code)?.label ?? code);

/** Why the Task was rejected or ended, when it was. */
export function taskStatusReason(referral: Pick<ReferralRow, 'status' | 'decision_reason' | 'closure_reason'>): CodeableConcept | undefined {
  switch (referral.status) {
    case 'declined':
      return { coding: [SOCIAL_PRESCRIBING_DECLINED], text: labelOf(DECLINE_REASONS, referral.decision_reason) ?? SOCIAL_PRESCRIBING_DECLINED.display };
    case 'not_eligible':
      return { text: referral.decision_reason ? `Not eligible: ${referral.decision_reason}` : 'Not eligible' };
    case 'redirected':
      return { text: referral.decision_reason ? `Redirected to ${referral.decision_reason}` : 'Redirected elsewhere' };
    case 'closed': {
      const reason = labelOf(CLOSURE_REASONS, referral.closure_reason);
      return reason ? { text: reason } : undefined;
    }
    default:
      return undefined;
  }
}

/** Linkwell referral → FHIR Task. `owner` is the scheme's host organisation. */
export function toTask(record: { referral: TaskReferral }, owner: OrganisationRef, context: Pick<ReferralContext, 'referrerOrganisation'> = { referrerOrganisation: null }): Task {
  const r = record.referral;
  const label = REFERRAL_STATUS_LABELS[r.status];
  const statusReason = taskStatusReason(r);
  const requester = requesterReference(r.referrer_name, context.referrerOrganisation);
  const started = r.first_contact_at ?? null;
  // Once the referral has ended, the message back to GP and referrer is its final output.
  const output: TaskOutput[] = [
    ...(r.status === 'closed' && r.outcome_summary ? [{ type: { text: 'Outcome summary' }, valueString: r.outcome_summary }] : []),
    ...(compositionStatus(r) === 'final' ? [{ type: { text: 'Message back to GP and referrer' }, valueReference: compositionReference(r.id) }] : []),
  ];
  return {
    resourceType: 'Task',
    id: r.task_id,
    meta: { versionId: String(r.version), lastUpdated: isoInstant(r.updated_at) },
    identifier: [{ system: REFERRAL_REFERENCE_SYSTEM, value: r.reference }],
    status: taskStatus(r),
    ...(statusReason ? { statusReason } : {}),
    businessStatus: { coding: [{ system: REFERRAL_STATUS_SYSTEM, code: r.status, display: label }], text: label },
    intent: 'order',
    priority: PRIORITY_OF_URGENCY[r.urgency],
    code: { coding: [TASK_FULFILL] },
    focus: { reference: `ServiceRequest/${r.id}`, type: 'ServiceRequest' },
    for: { reference: `Patient/${r.person_id}`, type: 'Patient' },
    ...(started || r.closed_at
      ? { executionPeriod: { ...(started ? { start: isoInstant(started) } : {}), ...(r.closed_at ? { end: isoInstant(r.closed_at) } : {}) } }
      : {}),
    authoredOn: isoInstant(r.received_at),
    lastModified: isoInstant(r.updated_at),
    ...(requester ? { requester } : {}),
    owner: organisationReference(owner),
    ...(output.length > 0 ? { output } : {}),
  };
}
