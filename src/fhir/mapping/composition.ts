/**
 * The "message back to GP and referrer" (PRSB Social Prescribing Information Standard) as a FHIR
 * Composition: the same four sections as the printable letter (src/referrals/letter.ts), each
 * with a generated XHTML narrative and references to the resources it summarises.
 *
 * Its id is the referral's id, the same as the ServiceRequest's: one message per referral, read
 * at GET /fhir/Composition/<ServiceRequest id>. It is `preliminary` while the referral is open
 * and `final` once it has ended (closed, declined, not eligible or redirected). The document type
 * is text only: neither verified SNOMED CT concept (src/referrals/data/coded-events.json) names a
 * document.
 */
import type { Composition, CompositionSection, Reference } from '@medplum/fhirtypes';
import { CLOSURE_REASONS, DECLINE_REASONS, REFERRAL_STATUS_LABELS, URGENCY_LABELS } from '../../contracts/referral-codes.js';
import type { ConsentRow, PersonRow, ReferralEventRow, ReferralRow } from '../../db/schema.js';
import { formatNhsNumber } from '../../referrals/domain/nhs-number.js';
import { needLabel } from './codes.js';
import { isoInstant, organisationReference, type ReferralContext } from './references.js';

export const COMPOSITION_TYPE_TEXT = 'Social prescribing: message back to GP and referrer';

export const SECTION_TITLES = ['About me', 'What matters to me', 'What I was offered', 'What the result was'] as const;

export type CompositionReferral = Pick<
  ReferralRow,
  | 'id'
  | 'task_id'
  | 'reference'
  | 'person_id'
  | 'status'
  | 'urgency'
  | 'reason'
  | 'needs'
  | 'person_view'
  | 'received_at'
  | 'updated_at'
  | 'first_contact_at'
  | 'decision_reason'
  | 'closure_reason'
  | 'outcome_summary'
>;

export interface CompositionRecord {
  referral: CompositionReferral;
  person: Pick<PersonRow, 'given_name' | 'family_name' | 'date_of_birth' | 'nhs_number' | 'address_line1' | 'address_line2' | 'town' | 'postcode' | 'gp_practice_ods'>;
  consent: Pick<ConsentRow, 'method' | 'given_at' | 'withdrawn_at'> | null;
  events: readonly Pick<ReferralEventRow, 'occurred_at' | 'to_status' | 'code' | 'code_display'>[];
}

/** preliminary while the referral is open; final once it has ended. */
export function compositionStatus(referral: Pick<ReferralRow, 'status'>): 'preliminary' | 'final' {
  switch (referral.status) {
    case 'closed':
    case 'declined':
    case 'not_eligible':
    case 'redirected':
      return 'final';
    case 'received':
    case 'triaged':
    case 'accepted':
    case 'first_contact':
    case 'active':
      return 'preliminary';
    default: {
      const unreachable: never = referral.status;
      return unreachable;
    }
  }
}

/** How the Task and others point at the message. */
export function compositionReference(referralId: string): Reference<Composition> {
  return { reference: `Composition/${referralId}`, type: 'Composition', display: COMPOSITION_TYPE_TEXT };
}

// XML 1.0 cannot carry these control characters at all, escaped or not.
// eslint-disable-next-line no-control-regex
const XML_INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

/** Text as XHTML character data: markup characters escaped, characters XML forbids dropped. */
export const escapeXhtml = (value: string): string =>
  value.replace(XML_INVALID, '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

const NOT_RECORDED = 'Not recorded';

const dateText = (value: Date | string): string =>
  new Date(value).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' });

const labelOf = (list: readonly { code: string; label: string }[], code: string | null): string | null =>
  code === null ? null : (list.find((c) => c.code === code)?.label ?? code);

const statusLabel = (status: string): string => REFERRAL_STATUS_LABELS[status as keyof typeof REFERRAL_STATUS_LABELS] ?? status;

const div = (content: string): string => `<div xmlns="http://www.w3.org/1999/xhtml">${content}</div>`;

function table(entries: readonly (readonly [string, string | null | undefined])[]): string {
  const body = entries
    .map(([label, value]) => `<tr><th>${escapeXhtml(label)}</th><td>${escapeXhtml(value && value.trim() !== '' ? value : NOT_RECORDED)}</td></tr>`)
    .join('');
  return `<table>${body}</table>`;
}

function list(items: readonly string[], empty: string): string {
  return items.length > 0 ? `<ol>${items.map((item) => `<li>${escapeXhtml(item)}</li>`).join('')}</ol>` : `<p>${escapeXhtml(empty)}</p>`;
}

function section(title: string, content: string, entry: Reference[]): CompositionSection {
  return { title, text: { status: 'generated', div: div(content) }, entry };
}

/** What became of the referral, in words. */
export function resultText(referral: Pick<ReferralRow, 'status' | 'decision_reason' | 'closure_reason'>): string {
  switch (referral.status) {
    case 'declined':
      return `Declined by the person: ${labelOf(DECLINE_REASONS, referral.decision_reason) ?? 'no reason given'}`;
    case 'not_eligible':
      return referral.decision_reason ? `Not eligible: ${referral.decision_reason}` : 'Not eligible';
    case 'redirected':
      return referral.decision_reason ? `Redirected to ${referral.decision_reason}` : 'Redirected elsewhere';
    case 'closed':
      return `Closed: ${labelOf(CLOSURE_REASONS, referral.closure_reason) ?? 'no reason recorded'}`;
    default:
      return `${REFERRAL_STATUS_LABELS[referral.status]} (the referral is still open)`;
  }
}

function consentText(consent: CompositionRecord['consent']): string | null {
  if (!consent) return null;
  return consent.withdrawn_at ? `Withdrawn on ${dateText(consent.withdrawn_at)}` : `Given (${consent.method}) on ${dateText(consent.given_at)}`;
}

/** When the message last changed: the referral's last change, or a later withdrawal of consent (which the result states). */
function lastChanged(record: CompositionRecord): Date {
  const updated = new Date(record.referral.updated_at);
  const withdrawn = record.consent?.withdrawn_at ? new Date(record.consent.withdrawn_at) : null;
  return withdrawn && withdrawn > updated ? withdrawn : updated;
}

export interface CompositionOptions {
  /** The allocated link worker's name, if any. */
  linkWorkerName?: string | null;
}

/** Linkwell referral → the PRSB message back to GP and referrer. `author` is the scheme's host organisation. */
export function toComposition(
  record: CompositionRecord,
  context: Pick<ReferralContext, 'host' | 'needCategories'>,
  options: CompositionOptions = {},
): Composition {
  const { referral: r, person, consent, events } = record;
  const patient: Reference = { reference: `Patient/${r.person_id}`, type: 'Patient' };
  const serviceRequest: Reference = { reference: `ServiceRequest/${r.id}`, type: 'ServiceRequest' };
  const task: Reference = { reference: `Task/${r.task_id}`, type: 'Task' };
  const categories = context.needCategories && context.needCategories.length > 0 ? context.needCategories : undefined;

  const aboutMe = table([
    ['Name', `${person.given_name} ${person.family_name}`],
    ['Date of birth', person.date_of_birth ? dateText(person.date_of_birth) : null],
    ['NHS number', person.nhs_number ? formatNhsNumber(person.nhs_number) : null],
    ['Address', [person.address_line1, person.address_line2, person.town, person.postcode].filter(Boolean).join(', ')],
    ['Registered GP practice (ODS)', person.gp_practice_ods],
  ]);

  const whatMatters = table([
    ['What they wanted help with', r.needs.map((code) => needLabel(code, categories)).join(', ')],
    ['Why they were referred', r.reason],
    ['In their own words', r.person_view],
    ['Urgency', URGENCY_LABELS[r.urgency]],
  ]);

  const milestones = events
    .filter((e) => e.to_status !== null)
    .map((e) => `${dateText(e.occurred_at)}: ${statusLabel(e.to_status ?? '')}`);
  const offered =
    table([
      ['Referral received', dateText(r.received_at)],
      ['Link worker', options.linkWorkerName ?? 'Not yet allocated'],
    ]) + list(milestones, 'Nothing recorded yet.');

  const coded = events.filter((e) => e.code).map((e) => `${dateText(e.occurred_at)}: SNOMED CT ${e.code ?? ''} ${e.code_display ?? ''}`.trim());
  const withdrawal = consent?.withdrawn_at
    ? `<p>${escapeXhtml(
        `The person withdrew their consent on ${dateText(consent.withdrawn_at)}. This message only closes the loop with the referrer; nothing about them is shared any further.`,
      )}</p>`
    : '';
  const result =
    withdrawal +
    table([
      ['Current status', resultText(r)],
      ['First contact', r.first_contact_at ? dateText(r.first_contact_at) : null],
      ['Outcome summary', r.outcome_summary],
      ['Consent', consentText(consent)],
    ]) +
    (coded.length > 0 ? `<p>Coded entries for the GP record:</p>${list(coded, '')}` : '');

  return {
    resourceType: 'Composition',
    id: r.id,
    status: compositionStatus(r),
    type: { text: COMPOSITION_TYPE_TEXT },
    subject: patient,
    date: isoInstant(lastChanged(record)),
    author: [organisationReference(context.host)],
    title: `${COMPOSITION_TYPE_TEXT} (referral ${r.reference})`,
    section: [
      section(SECTION_TITLES[0], aboutMe, [patient]),
      section(SECTION_TITLES[1], whatMatters, [serviceRequest]),
      section(SECTION_TITLES[2], offered, [task]),
      section(SECTION_TITLES[3], result, [task]),
    ],
  };
}
