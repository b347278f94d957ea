import type { ShareField } from '../../../../src/contracts/casework-codes.js';
import { onwardReferralInput, signpostInput, type OnwardReferralInput, type SharedDetails, type SignpostInput } from '../../../../src/contracts/onward.js';
import { partsOf, partsToIso } from '../../components/dateParts.js';
import { checkWith, type Checked, type FormErrors } from '../../forms/errors.js';
import { londonToIso, readTime } from '../casework/time.js';

/**
 * The onward referral and signposting forms as pure functions: form values in, the API body (or
 * what to show) out. Field names are the contract's own last path segments, so the server's
 * errors land next to the same fields as the page's own checks.
 */

/** A form's values: text for single fields, lists for checkbox groups. */
export type FormValues = Readonly<Record<string, string | readonly string[]>>;

export function formValues(data: FormData): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {};
  for (const key of new Set(data.keys())) {
    const all = data.getAll(key).filter((v): v is string => typeof v === 'string');
    values[key] = key === 'goalIds' ? all : (all[0] ?? '');
  }
  return values;
}

const textOf = (values: FormValues, name: string): string => {
  const value = values[name];
  return typeof value === 'string' ? value.trim() : '';
};
const listOf = (values: FormValues, name: string): string[] => {
  const value = values[name];
  if (value === undefined) return [];
  return typeof value === 'string' ? [value] : [...value];
};
const yesNo = (values: FormValues, name: string): boolean | null => {
  const value = textOf(values, name);
  return value === 'yes' ? true : value === 'no' ? false : null;
};

/** Page order of the onward referral form's fields, for the error summary. */
export const ONWARD_FIELDS = [
  'needSummary',
  'goalIds',
  'risks',
  'firstContactBy',
  'linkWorkerStaysInvolved',
  'mayReturn',
  'returnUntil',
  'reportNonAttendance',
  'note',
  'agreed',
  'givenBy',
  'givenByName',
  'method',
  'givenAt',
] as const;

/** The one message that stops a referral going without the person's agreement. */
export function consentMessage(organisationName: string): string {
  return `Confirm the person agrees to share their details with ${organisationName}`;
}

/**
 * "2026-11-21" and "14:05" in London → the instant, with London's offset, for the API. Consent is
 * given in England, so a device set to another zone must not move it.
 */
export function londonInstant(isoDay: string, time: string): string | null {
  const wall = readTime(time);
  return wall === null ? null : londonToIso(isoDay, wall);
}

interface OnwardContext {
  serviceId: string;
  organisationName: string;
  /** The present instant, so a consent time in the future can be refused. */
  now: Date;
}

/**
 * The onward referral body, or the errors to show. Consent comes first: without the box ticked
 * nothing else matters and nothing is sent (acceptance 2 of the issue).
 */
export function checkOnwardReferral(values: FormValues, context: OnwardContext): Checked<OnwardReferralInput> {
  const errors: FormErrors = { detail: null, fields: {} };
  if (textOf(values, 'agreed') !== 'yes') errors.fields.agreed = consentMessage(context.organisationName);

  const givenBy = textOf(values, 'givenBy');
  const givenByName = textOf(values, 'givenByName');
  if (givenBy === 'representative' && givenByName === '') errors.fields.givenByName = 'Enter the name of the person who agreed on their behalf';

  const givenOn = partsToIso(partsOf(values, 'givenAt'));
  const givenAt = givenOn.ok ? londonInstant(givenOn.iso, textOf(values, 'givenAtTime')) : null;
  if (givenAt === null) errors.fields.givenAt = 'Enter the date and time consent was given, like 21 11 2026 and 14:05';
  else if (Date.parse(givenAt) > context.now.getTime() + 60_000) errors.fields.givenAt = 'The time consent was given must be now or in the past';

  const mayReturn = yesNo(values, 'mayReturn');
  let returnUntil: string | null = null;
  if (mayReturn === true) {
    const until = partsToIso(partsOf(values, 'returnUntil'));
    if (until.ok) returnUntil = until.iso;
    else if (until.problem !== 'empty') errors.fields.returnUntil = 'The date they can come back until must be a real date';
  }

  const note = textOf(values, 'note');
  const risks = textOf(values, 'risks');
  const body = {
    serviceId: context.serviceId,
    consent: {
      agreed: textOf(values, 'agreed') === 'yes',
      givenBy,
      ...(givenBy === 'representative' ? { givenByName } : {}),
      method: textOf(values, 'method'),
      givenAt: givenAt ?? '',
    },
    handover: {
      firstContactBy: textOf(values, 'firstContactBy'),
      linkWorkerStaysInvolved: yesNo(values, 'linkWorkerStaysInvolved'),
      mayReturn,
      returnUntil,
      reportNonAttendance: yesNo(values, 'reportNonAttendance'),
      ...(note === '' ? {} : { note }),
    },
    goalIds: listOf(values, 'goalIds'),
    needSummary: textOf(values, 'needSummary'),
    ...(risks === '' ? {} : { risks }),
  };
  const checked = checkWith(onwardReferralInput, body);
  if (checked.ok && Object.keys(errors.fields).length === 0) return checked;
  // The page's own wording wins over the contract's for the same field.
  const schemaFields = checked.ok ? {} : checked.errors.fields;
  return { ok: false, errors: { detail: null, fields: { ...withChoiceMessages(schemaFields), ...errors.fields } } };
}

/** A radio group left unanswered fails the contract as "expected boolean"; say what to do instead. */
const CHOICE_MESSAGES: Readonly<Record<string, string>> = {
  firstContactBy: 'Choose who makes first contact',
  linkWorkerStaysInvolved: 'Say whether you will stay involved',
  mayReturn: 'Say whether the person may come back to you',
  reportNonAttendance: 'Say whether the group must tell you about missed sessions',
  givenBy: 'Say who gave consent',
  method: 'Say how consent was given',
};

function withChoiceMessages(fields: Partial<Record<string, string>>): Partial<Record<string, string>> {
  const out: Partial<Record<string, string>> = {};
  for (const [name, message] of Object.entries(fields)) out[name] = CHOICE_MESSAGES[name] ?? message;
  return out;
}

/** The preview's address: which service, and which goals are shared (ids are not personal data). */
export function previewPath(referralId: string, serviceId: string, goalIds: readonly string[]): string {
  const query = new URLSearchParams({ serviceId });
  if (goalIds.length > 0) query.set('goalIds', goalIds.join(','));
  return `/api/cases/${encodeURIComponent(referralId)}/onward-referrals/preview?${query.toString()}`;
}

// Signposting ---------------------------------------------------------------------------------------

export const SIGNPOST_FIELDS = ['serviceName', 'information', 'givenOn'] as const;

/** A signpost to a directory service (its id) or to somewhere named in words. */
export function checkSignpost(values: FormValues, serviceId: string | null, today: string): Checked<SignpostInput> {
  const fields: Partial<Record<string, string>> = {};
  const serviceName = textOf(values, 'serviceName');
  if (serviceId === null && serviceName === '') fields.serviceName = 'Enter the name of the service or group you told them about';
  const given = partsToIso(partsOf(values, 'givenOn'));
  if (!given.ok) fields.givenOn = given.problem === 'empty' ? 'Enter the date the information was given' : 'The date the information was given must be a real date';
  else if (given.iso > today) fields.givenOn = 'The date the information was given must be today or in the past';
  if (Object.keys(fields).length > 0) return { ok: false, errors: { detail: null, fields } };
  const information = textOf(values, 'information');
  return checkWith(signpostInput, {
    serviceId,
    ...(serviceId === null ? { serviceName } : {}),
    ...(information === '' ? {} : { information }),
    givenOn: given.ok ? given.iso : '',
  });
}

/**
 * The preview with what the link worker has typed so far: the need summary and risks are
 * written on this form, so the server's preview cannot know them yet.
 */
export function withTyped(shared: SharedDetails, fields: readonly ShareField[], typed: { needSummary: string; risks: string }): SharedDetails {
  const next: SharedDetails = { ...shared };
  if (fields.includes('need_summary')) next.needSummary = typed.needSummary.trim();
  if (fields.includes('risks')) next.risks = typed.risks.trim() === '' ? null : typed.risks.trim();
  return next;
}
