import {
  ATTENDANCE_LABELS,
  DROP_OUT_REASONS,
  FIRST_CONTACT_BY_LABELS,
  ONWARD_DECLINE_REASONS,
  ONWARD_STATUS_LABELS,
  SHARE_FIELD_LABELS,
  type AttendanceMark,
  type OnwardStatus,
  type ShareField,
} from '../../../../src/contracts/casework-codes.js';
import type { HandoverInput, SharedDetails } from '../../../../src/contracts/onward.js';
import { ACCESSIBLE_FORMAT_LABELS, CONTACT_METHOD_LABELS } from '../../../../src/contracts/referral-codes.js';
import type { TagView } from '../../components/Tag.js';
import { formatDate, labelFor } from '../referrals/labels.js';

/**
 * Words for onward referrals, shared by the link worker's pages and the provider portal. Pure,
 * so each wording is unit tested. Tags always carry words; colour only supports them.
 */

const STATUS_COLOURS: Record<OnwardStatus, TagView['colour']> = {
  sent: 'blue',
  accepted: 'aqua-green',
  declined: 'orange',
  waitlisted: 'yellow',
  attending: 'green',
  completed: 'grey',
  dropped_out: 'orange',
  expired: 'red',
  withdrawn: 'grey',
};

export function onwardStatusTag(status: OnwardStatus): TagView {
  return { label: ONWARD_STATUS_LABELS[status], colour: STATUS_COLOURS[status] };
}

export function attendanceText(mark: AttendanceMark): string {
  return ATTENDANCE_LABELS[mark];
}

/** A decline or drop-out reason code in words; an unknown code is shown as it came. */
export function reasonText(code: string | null): string | null {
  if (code === null) return null;
  const all = [...ONWARD_DECLINE_REASONS, ...DROP_OUT_REASONS];
  return labelFor(all, code);
}

type HandoverView = Pick<HandoverInput, 'firstContactBy' | 'linkWorkerStaysInvolved' | 'mayReturn' | 'returnUntil' | 'reportNonAttendance'>;

/**
 * The handover agreement in plain sentences for the group, addressed to them ("You contact
 * Grace first"), so a volunteer knows what to do without reading a form's answers back.
 */
export function providerHandoverSentences(handover: HandoverView, name: string): string[] {
  const sentences: string[] = [];
  switch (handover.firstContactBy) {
    case 'provider_contacts_person':
      sentences.push(`You contact ${name} first.`);
      break;
    case 'person_contacts_provider':
      sentences.push(`${name} will contact you first.`);
      break;
    case 'link_worker_introduces':
      sentences.push(`The link worker will introduce ${name} to you, for example by coming along to the first session.`);
      break;
    default: {
      const unreachable: never = handover.firstContactBy;
      return unreachable;
    }
  }
  sentences.push(
    handover.linkWorkerStaysInvolved
      ? `The link worker stays involved while ${name} comes to you.`
      : `The link worker is handing over: you are ${name}'s main contact from now on.`,
  );
  if (!handover.mayReturn) sentences.push(`${name} would need a new referral to go back to the link worker.`);
  else if (handover.returnUntil === null) sentences.push(`${name} can go back to the link worker if they need to.`);
  else sentences.push(`${name} can go back to the link worker until ${formatDate(handover.returnUntil)}.`);
  sentences.push(
    handover.reportNonAttendance ? `Tell the link worker if ${name} misses sessions.` : `You do not need to tell the link worker about missed sessions.`,
  );
  return sentences;
}

/** The same agreement as the link worker reads it back, one summary row per choice. */
export function handoverRows(handover: HandoverView & { note: string | null | undefined }): { key: string; value: string }[] {
  const yesNo = (value: boolean): string => (value ? 'Yes' : 'No');
  const rows = [
    { key: 'Who makes first contact', value: FIRST_CONTACT_BY_LABELS[handover.firstContactBy] },
    { key: 'Link worker stays involved', value: yesNo(handover.linkWorkerStaysInvolved) },
    {
      key: 'May come back to the link worker',
      value: !handover.mayReturn ? 'No' : handover.returnUntil === null ? 'Yes' : `Yes, until ${formatDate(handover.returnUntil)}`,
    },
    { key: 'Group tells the link worker about missed sessions', value: yesNo(handover.reportNonAttendance) },
  ];
  const note = handover.note?.trim() ?? '';
  if (note !== '') rows.push({ key: 'Note', value: note });
  return rows;
}

/** What the person is called in sentences to the group: their preferred name, else their name, else "the person". */
export function sharedName(shared: SharedDetails | null): string {
  const preferred = shared?.preferredName?.trim() ?? '';
  if (preferred !== '') return preferred;
  const name = shared?.name?.trim() ?? '';
  return name === '' ? 'the person' : name;
}

/** Sentence case for a name that may start a sentence ("the person" → "The person"). */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A code's label from a record of labels, or the code itself when the record does not have it. */
function codeLabel(labels: Readonly<Record<string, string>>, code: string): string {
  return Object.hasOwn(labels, code) ? (labels[code] ?? code) : code;
}

const present = (values: readonly (string | null | undefined)[]): string[] =>
  values.filter((v): v is string => typeof v === 'string' && v.trim() !== '');

/**
 * Exactly the shared details, as rows labelled with the share field names, in the order the
 * fields were chosen. A field that was shared but empty says so, rather than vanishing.
 */
export function sharedRows(fields: readonly ShareField[], shared: SharedDetails): { key: string; lines: string[] }[] {
  return fields.map((field) => ({ key: SHARE_FIELD_LABELS[field], lines: sharedLines(field, shared) }));
}

function sharedLines(field: ShareField, shared: SharedDetails): string[] {
  switch (field) {
    case 'name': {
      const name = shared.name ?? '';
      const preferred = shared.preferredName ?? '';
      return present([preferred !== '' && preferred !== name ? `${name} (known as ${preferred})` : name]);
    }
    case 'contact': {
      const c = shared.contact;
      if (c === undefined) return [];
      return present([
        c.phone === null ? null : `Phone: ${c.phone}`,
        c.email === null ? null : `Email: ${c.email}`,
        c.preferredMethod === null ? null : `Prefers: ${codeLabel(CONTACT_METHOD_LABELS, c.preferredMethod)}`,
        c.times === null ? null : `Best times: ${c.times}`,
      ]);
    }
    case 'need_summary':
      return present([shared.needSummary]);
    case 'goals':
      return present(shared.goals ?? []);
    case 'communication_needs': {
      const n = shared.communicationNeeds;
      if (n === undefined) return [];
      return present([
        n.language === null ? null : `Language: ${n.language}`,
        n.interpreterNeeded ? 'Needs an interpreter' : null,
        n.accessibleFormats.length > 0 ? `Formats: ${n.accessibleFormats.map((f) => codeLabel(ACCESSIBLE_FORMAT_LABELS, f)).join(', ')}` : null,
      ]);
    }
    case 'risks':
      return present([shared.risks]);
    case 'date_of_birth':
      return present([shared.dateOfBirth === null || shared.dateOfBirth === undefined ? null : formatDate(shared.dateOfBirth)]);
    case 'address':
      return present([shared.address]);
    default: {
      const unreachable: never = field;
      return unreachable;
    }
  }
}

/** "Respond by 3 December 2026", or that the date has passed. */
export function respondByText(respondBy: string, overdue: boolean): string {
  return overdue ? `${formatDate(respondBy)} (overdue)` : formatDate(respondBy);
}

/** A timeline entry's headline: the move between statuses, or what happened in words. */
export function eventLabel(event: { kind: string; fromStatus: OnwardStatus | null; toStatus: OnwardStatus | null }): string {
  if (event.toStatus !== null && event.fromStatus === null) return 'Referral sent';
  if (event.toStatus !== null) return ONWARD_STATUS_LABELS[event.toStatus];
  const words = event.kind.replace(/[_-]+/g, ' ').trim();
  return words === '' ? 'Update' : capitalise(words);
}
