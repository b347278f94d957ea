import {
  ACCESSIBLE_FORMAT_LABELS,
  CONTACT_METHOD_LABELS,
  FEEDBACK_MILESTONE_LABELS,
  REFERRAL_STATUS_LABELS,
  REFERRAL_STATUSES,
  URGENCY_LABELS,
  type ConsentGiver,
  type ConsentMethod,
  type FeedbackMilestone,
  type ReferralStatus,
  type Urgency,
} from '../../../../src/contracts/referral-codes.js';
import type { PersonView } from '../../../../src/contracts/people.js';
import type { TagView } from '../../components/Tag.js';

export { formatNhsNumber } from '../../../../src/referrals/domain/nhs-number.js';

/**
 * Words and colours for referrals, shared by the list, triage, detail and person pages. Pure, so
 * every mapping is unit tested. Colours only support the words; the words are always shown.
 */

const STATUS_COLOURS: Record<ReferralStatus, TagView['colour']> = {
  received: 'blue',
  triaged: 'purple',
  accepted: 'aqua-green',
  first_contact: 'aqua-green',
  active: 'green',
  declined: 'orange',
  not_eligible: 'orange',
  redirected: 'yellow',
  closed: 'grey',
};

export function isReferralStatus(value: string): value is ReferralStatus {
  return (REFERRAL_STATUSES as readonly string[]).includes(value);
}

/** A status the web app does not know yet is still shown, in its own words and grey. */
export function statusTag(status: string): TagView {
  if (!isReferralStatus(status)) return { label: status, colour: 'grey' };
  return { label: REFERRAL_STATUS_LABELS[status], colour: STATUS_COLOURS[status] };
}

const URGENCY_COLOURS: Record<Urgency, TagView['colour']> = { routine: 'grey', soon: 'orange', urgent: 'red' };

export function urgencyTag(urgency: Urgency): TagView {
  return { label: URGENCY_LABELS[urgency], colour: URGENCY_COLOURS[urgency] };
}

export type TargetState = 'met' | 'missed' | 'breached' | 'due-today' | 'on-track';

/** Where a referral stands against its first-contact target. */
export function targetTag(state: TargetState): TagView {
  switch (state) {
    case 'breached':
      return { label: 'Target missed', colour: 'red' };
    case 'due-today':
      return { label: 'Due today', colour: 'orange' };
    case 'on-track':
      return { label: 'On track', colour: 'green' };
    case 'met':
      return { label: 'Target met', colour: 'green' };
    case 'missed':
      return { label: 'Contacted after the target', colour: 'grey' };
  }
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
const longDate = (timeZone: string): Intl.DateTimeFormat =>
  new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone });
const calendarDate = longDate('UTC');
const londonDate = longDate('Europe/London');

/**
 * "14 March 1956". A calendar date ("1956-03-14") is shown as it is; an instant is shown as its
 * date in London. Anything unreadable is shown as it came rather than hidden.
 */
export function formatDate(value: string): string {
  if (ISO_DATE.test(value)) {
    const date = new Date(`${value}T00:00:00Z`);
    return Number.isNaN(date.getTime()) ? value : calendarDate.format(date);
  }
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : londonDate.format(date);
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

export function waitingText(workingDays: number): string {
  return plural(workingDays, 'working day', 'working days');
}

/** The feedback milestones already sent to the referrer, or "None yet". */
export function feedbackSentText(milestones: readonly FeedbackMilestone[]): string {
  return milestones.length === 0 ? 'None yet' : milestones.map((m) => FEEDBACK_MILESTONE_LABELS[m]).join('; ');
}

export interface Labelled {
  code: string;
  label: string;
}

/** A code's label from a list, or the code itself when the list does not have it. */
export function labelFor(list: readonly Labelled[], code: string): string {
  return list.find((item) => item.code === code)?.label ?? code;
}

export function needLabels(codes: readonly string[], categories: readonly Labelled[]): string[] {
  return codes.map((code) => labelFor(categories, code));
}

export function personName(person: Pick<PersonView, 'givenName' | 'familyName' | 'preferredName'>): string {
  const name = `${person.givenName} ${person.familyName}`;
  return person.preferredName === null || person.preferredName === person.givenName ? name : `${name} (known as ${person.preferredName})`;
}

const present = (values: readonly (string | null)[]): string[] => values.filter((v): v is string => v !== null && v.trim() !== '');

/**
 * A GP practice as "Name (ODS code)" when its name is known, else its ODS code, else "Not known".
 */
export function practiceText(ods: string | null, name: string | null): string {
  const code = ods?.trim() ?? '';
  const known = name?.trim() ?? '';
  if (code !== '' && known !== '') return `${known} (${code})`;
  if (code !== '') return code;
  return known !== '' ? known : 'Not known';
}

export function addressLines(person: Pick<PersonView, 'addressLine1' | 'addressLine2' | 'town' | 'postcode'>): string[] {
  return present([person.addressLine1, person.addressLine2, person.town, person.postcode]);
}

function contactMethodLabel(method: string): string {
  return method in CONTACT_METHOD_LABELS ? CONTACT_METHOD_LABELS[method as keyof typeof CONTACT_METHOD_LABELS] : method;
}

export function contactLines(person: Pick<PersonView, 'preferredContactMethod' | 'contactTimes' | 'phone' | 'email'>): string[] {
  return present([
    person.preferredContactMethod === null ? null : `Prefers: ${contactMethodLabel(person.preferredContactMethod)}`,
    person.contactTimes === null ? null : `Best times: ${person.contactTimes}`,
    person.phone === null ? null : `Phone: ${person.phone}`,
    person.email === null ? null : `Email: ${person.email}`,
  ]);
}

function formatLabel(format: string): string {
  return format in ACCESSIBLE_FORMAT_LABELS ? ACCESSIBLE_FORMAT_LABELS[format as keyof typeof ACCESSIBLE_FORMAT_LABELS] : format;
}

export function communicationLines(person: Pick<PersonView, 'language' | 'interpreterNeeded' | 'accessibleFormats'>): string[] {
  return present([
    person.language === null ? null : `Language: ${person.language}`,
    person.interpreterNeeded ? 'Needs an interpreter' : null,
    person.accessibleFormats.length === 0 ? null : `Information in: ${person.accessibleFormats.map(formatLabel).join(', ')}`,
  ]);
}

const SNOMED_CT = 'http://snomed.info/sct';

/** "SNOMED CT 871731000000106 Referral to social prescribing service". */
export function codingText(coding: { system: string; code: string; display: string }): string {
  const system = coding.system === SNOMED_CT ? 'SNOMED CT' : coding.system;
  return `${system} ${coding.code} ${coding.display}`;
}

/** Newest first, as the timeline's heading says; entries at the same moment keep their order. */
export function newestFirst<T extends { occurredAt: string }>(entries: readonly T[]): T[] {
  return entries
    .map((entry, index) => ({ entry, index, at: Date.parse(entry.occurredAt) }))
    .sort((a, b) => (b.at - a.at) || (b.index - a.index))
    .map(({ entry }) => entry);
}

export const ELIGIBILITY_OUTCOME_LABELS = {
  eligible: 'Eligible',
  not_eligible: 'Not eligible',
  redirect: 'Should be redirected elsewhere',
  unknown: 'Could not be checked',
} as const;

export function criterionText(met: boolean | null): string {
  if (met === null) return 'Not known';
  return met ? 'Met' : 'Not met';
}

export const CONSENT_GIVER_LABELS: Record<ConsentGiver, string> = {
  person: 'The person themselves',
  representative: 'Someone acting for them',
};

export const CONSENT_METHOD_LABELS: Record<ConsentMethod, string> = {
  verbal: 'Verbally',
  written: 'In writing',
  digital: 'Online or by email',
};

export const FEEDBACK_CHANNEL_LABELS = { email: 'Email', letter: 'Letter', none: 'No feedback' } as const;

const DELIVERY_LABELS: Readonly<Record<string, string>> = {
  queued: 'Waiting to send',
  sending: 'Sending',
  sent: 'Sent',
  delivered: 'Delivered',
  failed: 'Failed, will try again',
  'permanent-failure': 'Could not be delivered',
};

/** The outbox status of a feedback message in words; one the app does not know is shown as it is. */
export function deliveryText(status: string | null): string {
  if (status === null) return 'Not known';
  return DELIVERY_LABELS[status] ?? status;
}
