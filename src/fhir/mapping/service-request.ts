/**
 * Referral ↔ FHIR ServiceRequest (after the SDOH Clinical Care IG's referral ServiceRequest).
 */
import type { CodeableConcept, ServiceRequest } from '@medplum/fhirtypes';
import type { Urgency } from '../../contracts/referral-codes.js';
import type { ReferralRow } from '../../db/schema.js';
import {
  NEED_CATEGORY_SYSTEM,
  needLabel,
  PRIORITY_OF_URGENCY,
  REFERRAL_REFERENCE_SYSTEM,
  SDOH_NEEDS,
  SDOH_OF_NEED,
  SDOH_RISK_CATEGORIES,
  SDOHCC_SYSTEM,
  SNOMED_SYSTEM,
  SOCIAL_PRESCRIBING_REFERRAL,
  SOCIAL_SERVICE_PROCEDURE,
  urgencyOfPriority,
} from './codes.js';
import { conceptText, eachElement, MappingReport, type MappingIssue } from './issues.js';
import type { BusinessIdentifier } from './patient.js';
import { isoInstant, organisationReference, requesterReference, type ReferralContext } from './references.js';

/** Notes starting with this carry the referrer's safety and risk information. */
export const RISK_NOTE_PREFIX = 'Safety and risk information: ';

export function serviceRequestStatus(referral: Pick<ReferralRow, 'status' | 'closure_reason'>): 'active' | 'completed' | 'revoked' {
  switch (referral.status) {
    case 'declined':
    case 'not_eligible':
    case 'redirected':
      return 'revoked';
    case 'closed':
      return referral.closure_reason === 'consent-withdrawn' ? 'revoked' : 'completed';
    case 'received':
    case 'triaged':
    case 'accepted':
    case 'first_contact':
    case 'active':
      return 'active';
    default: {
      const unreachable: never = referral.status;
      return unreachable;
    }
  }
}

function needConcept(code: string, categories: ReferralContext['needCategories']): CodeableConcept {
  const label = needLabel(code, categories);
  const sdoh = SDOH_OF_NEED[code];
  return {
    coding: [{ system: NEED_CATEGORY_SYSTEM, code, display: label }, ...(sdoh ? [{ system: SDOHCC_SYSTEM, ...sdoh }] : [])],
    text: label,
  };
}

/** Linkwell referral → FHIR ServiceRequest. */
export function toServiceRequest(record: { referral: ReferralRow }, context: ReferralContext): ServiceRequest {
  const r = record.referral;
  const requester = requesterReference(r.referrer_name, context.referrerOrganisation);
  const notes = [...(r.person_view ? [{ text: r.person_view }] : []), ...(r.risk_info ? [{ text: RISK_NOTE_PREFIX + r.risk_info }] : [])];
  return {
    resourceType: 'ServiceRequest',
    id: r.id,
    meta: { versionId: String(r.version), lastUpdated: isoInstant(r.updated_at) },
    identifier: [
      { system: REFERRAL_REFERENCE_SYSTEM, value: r.reference },
      ...(context.identifiers ?? []).map((i) => ({ system: i.system, value: i.value })),
    ],
    status: serviceRequestStatus(r),
    intent: 'order',
    category: [{ coding: [SOCIAL_SERVICE_PROCEDURE], text: 'Social prescribing' }, ...r.needs.map((n) => needConcept(n, context.needCategories))],
    priority: PRIORITY_OF_URGENCY[r.urgency],
    code: { coding: [SOCIAL_PRESCRIBING_REFERRAL], text: SOCIAL_PRESCRIBING_REFERRAL.display },
    subject: { reference: `Patient/${r.person_id}`, type: 'Patient' },
    authoredOn: isoInstant(r.received_at),
    ...(requester ? { requester } : {}),
    performer: [organisationReference(context.host)],
    reasonCode: [{ text: r.reason }],
    ...(notes.length > 0 ? { note: notes } : {}),
  };
}

export interface ServiceRequestFields {
  reason: string;
  needs: string[];
  personView?: string;
  riskInfo?: string;
  urgency: Urgency;
  referrer?: { name: string };
}

export interface ServiceRequestMapping {
  fields: ServiceRequestFields;
  /** The subject reference as sent (resolved by the caller). */
  subject: string | undefined;
  identifiers: BusinessIdentifier[];
  warnings: MappingIssue[];
  errors: MappingIssue[];
}

function isSocialPrescribingCode(concept: CodeableConcept | undefined): boolean {
  return Boolean(concept?.coding?.some((c) => c.system === SNOMED_SYSTEM && c.code === SOCIAL_PRESCRIBING_REFERRAL.code));
}

/** Reads the need categories: our own codes, SDOHCC categories mapped by meaning, the rest reported. */
function readCategories(categories: readonly CodeableConcept[], report: MappingReport, needs: Set<string>, risks: string[]): void {
  categories.forEach((concept, i) => {
    const path = `ServiceRequest.category[${i}]`;
    let understood = false;
    for (const coding of concept.coding ?? []) {
      const code = coding.code ?? '';
      if (coding.system === NEED_CATEGORY_SYSTEM && code) {
        needs.add(code);
        understood = true;
      } else if (coding.system === SDOHCC_SYSTEM && SDOH_NEEDS[code]) {
        const { need, match } = SDOH_NEEDS[code];
        needs.add(need);
        understood = true;
        if (match === 'closest') report.warn(path, `SDOH category "${code}" has no exact equivalent; recorded as the nearest need, "${needLabel(need)}".`);
      } else if (coding.system === SDOHCC_SYSTEM && SDOH_RISK_CATEGORIES.has(code)) {
        risks.push(coding.display ?? code);
        understood = true;
        report.warn(path, `SDOH category "${code}" is not a need Linkwell records; it is kept with the safety and risk information.`);
      } else if (coding.system === SNOMED_SYSTEM && code === SOCIAL_SERVICE_PROCEDURE.code) {
        understood = true;
      }
    }
    if (!understood) report.warn(path, `Category "${conceptText(concept) ?? 'uncoded'}" does not map to a Linkwell need category, so it is not kept.`);
  });
}

/** FHIR ServiceRequest → the referral fields, with everything it could not keep reported. */
export function fromServiceRequest(request: ServiceRequest): ServiceRequestMapping {
  const report = new MappingReport();
  const needs = new Set<string>();
  const risks: string[] = [];
  const reasons: string[] = [];
  const views: string[] = [];
  const riskNotes: string[] = [];
  const identifiers: BusinessIdentifier[] = [];
  let urgency: Urgency = 'routine';
  let referrer: { name: string } | undefined;

  eachElement(request, 'ServiceRequest', report, {
    status: (path) => {
      if (request.status !== 'active') report.error(path, `Only an active ServiceRequest can be sent as a referral (this one is "${request.status}").`);
    },
    intent: (path) => {
      if (request.intent !== 'order' && request.intent !== 'original-order') {
        report.error(path, `Linkwell accepts referrals with intent "order" (this one is "${request.intent}").`);
      }
    },
    identifier: () => {
      request.identifier?.forEach((id, i) => {
        if (id.system && id.value && id.system !== REFERRAL_REFERENCE_SYSTEM) identifiers.push({ system: id.system, value: id.value });
        else report.notKept(`ServiceRequest.identifier[${i}]`, 'An identifier without a system and value, or a Linkwell reference,');
      });
    },
    category: () => readCategories(request.category ?? [], report, needs, risks),
    code: (path) => {
      if (!isSocialPrescribingCode(request.code)) report.warn(path, `The service asked for ("${conceptText(request.code) ?? 'uncoded'}") is kept only as text in the reason when no reasonCode is given.`);
    },
    subject: (path) => {
      if (!request.subject?.reference) report.error(path, 'The subject must reference the Patient.');
    },
    priority: () => {
      urgency = urgencyOfPriority(request.priority);
    },
    reasonCode: () => {
      request.reasonCode?.forEach((concept, i) => {
        const text = conceptText(concept);
        if (text) reasons.push(text);
        else report.notKept(`ServiceRequest.reasonCode[${i}]`, 'A reason without text or display');
      });
    },
    reasonReference: (path) => report.warn(path, 'Referenced reasons (Condition, Observation …) are not fetched or kept; put the reason in reasonCode.text.'),
    note: () => {
      request.note?.forEach((note) => {
        if (note.text.startsWith(RISK_NOTE_PREFIX)) riskNotes.push(note.text.slice(RISK_NOTE_PREFIX.length));
        else views.push(note.text);
      });
    },
    requester: (path) => {
      if (request.requester?.display) referrer = { name: request.requester.display };
      else report.warn(path, 'The requester is recorded as your organisation; the reference itself is not kept.');
    },
    authoredOn: (path) => report.warn(path, 'Linkwell records when it received the referral, not when it was written.'),
    doNotPerform: (path) => {
      if (request.doNotPerform) report.error(path, 'A "do not perform" request is not a referral.');
    },
  });

  if (!request.subject) report.error('ServiceRequest.subject', 'The subject must reference the Patient.');
  if (reasons.length === 0 && request.code && !isSocialPrescribingCode(request.code)) {
    const text = conceptText(request.code);
    if (text) {
      reasons.push(text);
      report.warn('ServiceRequest.reasonCode', 'No reasonCode was sent; the reason was taken from ServiceRequest.code.');
    }
  }
  if (reasons.length === 0) report.error('ServiceRequest.reasonCode', 'Say why the person is referred, in reasonCode.text.');
  if (needs.size === 0) {
    report.error(
      'ServiceRequest.category',
      `No category maps to a need Linkwell records. Send a category coded in ${NEED_CATEGORY_SYSTEM} (e.g. "loneliness") or an SDOHCC category such as "food-insecurity".`,
    );
  }
  const riskInfo = [...riskNotes, ...(risks.length > 0 ? [`Categories flagged by the referrer: ${risks.join(', ')}`] : [])].join('\n');
  return {
    fields: {
      reason: reasons.join('; '),
      needs: [...needs],
      ...(views.length > 0 ? { personView: views.join('\n') } : {}),
      ...(riskInfo ? { riskInfo } : {}),
      urgency,
      ...(referrer ? { referrer } : {}),
    },
    subject: request.subject?.reference,
    identifiers,
    warnings: report.warnings,
    errors: report.errors,
  };
}
