import type { z } from 'zod';
import { FEEDBACK_MILESTONES } from '../../../../src/contracts/referral-codes.js';
import { referralInput, type ReferralInput, type screeningRequest } from '../../../../src/contracts/referrals.js';
import { isValidNhsNumber, normaliseNhsNumber } from '../../../../src/referrals/domain/nhs-number.js';
import type { ApiProblem } from '../../api/problem.js';
import { checkDateOfBirth, partsOf, partsToIso } from '../../components/dateParts.js';
import type { Checked, FormErrors } from '../../forms/errors.js';

/**
 * The referral form's state is what the inputs hold, keyed by input name: text for inputs,
 * radios and selects, lists for checkbox groups. It is what a draft stores, so a draft restores
 * exactly what was typed, valid or not. This module turns it into the API's request body, and
 * maps the API's field paths (`body.person.nextOfKin.phone`) back to the inputs' ids.
 */
export type FormState = Readonly<Record<string, string | readonly string[]>>;

/** Checkbox groups: stored as lists, and as an empty list when nothing is ticked. */
export const LIST_FIELDS = ['accessibleFormats', 'consentScopes', 'needs', 'feedbackMilestones'] as const;
const isListField = (name: string): boolean => (LIST_FIELDS as readonly string[]).includes(name);

/** Input ids in page order, for the error summary. The date of birth's id is its day box. */
export const FIELD_ORDER = [
  'givenName', 'familyName', 'preferredName', 'dateOfBirth', 'nhsNumber', 'sex', 'genderIdentity', 'ethnicity',
  'addressLine1', 'addressLine2', 'town', 'postcode', 'gpPracticeOds', 'phone', 'email',
  'language', 'interpreterNeeded', 'accessibleFormats', 'preferredContactMethod', 'contactTimes',
  'nokName', 'nokRelationship', 'nokPhone', 'nokIsCarer',
  'consentGivenBy', 'consentGivenByName', 'consentMethod', 'consentScopes', 'consentGivenAt',
  'needs', 'reason', 'personView', 'riskInfo', 'urgency', 'leadOn', 'feedbackMilestones', 'feedbackChannel',
] as const;

const PERSON_INPUTS = FIELD_ORDER.slice(0, FIELD_ORDER.indexOf('nokName'));

/** API field path (without `body.` and array indexes) → input id. */
const PATH_TO_FIELD: Readonly<Record<string, string>> = {
  ...Object.fromEntries(PERSON_INPUTS.map((f) => [`person.${f}`, f])),
  'person.nextOfKin': 'nokName',
  'person.nextOfKin.name': 'nokName',
  'person.nextOfKin.relationship': 'nokRelationship',
  'person.nextOfKin.phone': 'nokPhone',
  'person.nextOfKin.isCarer': 'nokIsCarer',
  consent: 'consentGivenBy',
  'consent.givenBy': 'consentGivenBy',
  'consent.givenByName': 'consentGivenByName',
  'consent.method': 'consentMethod',
  'consent.scopes': 'consentScopes',
  'consent.givenAt': 'consentGivenAt',
  needs: 'needs',
  reason: 'reason',
  personView: 'personView',
  riskInfo: 'riskInfo',
  urgency: 'urgency',
  leadOn: 'leadOn',
  feedback: 'feedbackMilestones',
  'feedback.milestones': 'feedbackMilestones',
  'feedback.channel': 'feedbackChannel',
};

/** The input a problem's field path belongs to, or null when the form has no such input. */
export function fieldForPath(path: string): string | null {
  const segments = path.split('.').filter((s) => s !== '' && !/^\d+$/.test(s));
  if (segments[0] === 'body') segments.shift();
  return PATH_TO_FIELD[segments.join('.')] ?? null;
}

/** Like forms/errors' problemToFormErrors, but nested paths that share a last name stay apart. */
export function problemToErrors(problem: ApiProblem): FormErrors {
  const fields: Partial<Record<string, string>> = {};
  const unmatched: string[] = [];
  for (const { field, message } of problem.errors) {
    const name = fieldForPath(field);
    if (name === null) unmatched.push(message);
    else fields[name] ??= message;
  }
  const matched = Object.keys(fields).length > 0;
  return { detail: unmatched.length > 0 ? unmatched.join('. ') : matched ? null : problem.detail, fields };
}

export function defaultFormState(today: string): FormState {
  return {
    interpreterNeeded: 'no',
    accessibleFormats: [],
    consentGivenBy: 'person',
    consentScopes: ['referral'],
    consentGivenAt: today,
    needs: [],
    urgency: 'routine',
    feedbackMilestones: [...FEEDBACK_MILESTONES],
    feedbackChannel: 'email',
  };
}

export function text(state: FormState, name: string): string {
  const value = state[name];
  return typeof value === 'string' ? value : '';
}

export function list(state: FormState, name: string): readonly string[] {
  const value = state[name];
  return typeof value === 'string' || value === undefined ? [] : value;
}

function optional(state: FormState, name: string): string | undefined {
  const value = text(state, name).trim();
  return value === '' ? undefined : value;
}

export function formStateFromData(data: FormData): FormState {
  const state: Record<string, string | string[]> = Object.fromEntries(LIST_FIELDS.map((name) => [name, []]));
  for (const [name, value] of data.entries()) {
    if (typeof value !== 'string') continue;
    const current = state[name];
    if (isListField(name) && Array.isArray(current)) current.push(value);
    else state[name] = value;
  }
  return state;
}

/** A draft's data over the defaults. Only plausible input names and string values are taken. */
export function formStateFromDraft(data: Readonly<Record<string, unknown>>, defaults: FormState): FormState {
  const state: Record<string, string | readonly string[]> = { ...defaults };
  for (const [name, value] of Object.entries(data)) {
    if (!/^[A-Za-z][A-Za-z0-9-]{0,80}$/.test(name)) continue;
    if (typeof value === 'string' && !isListField(name)) state[name] = value;
    else if (Array.isArray(value) && isListField(name)) state[name] = value.filter((v): v is string => typeof v === 'string');
  }
  return state;
}

/**
 * What a draft stores: the form state, plus the name under `person`, which is where the
 * server looks for the label of the drafts list. Restoring ignores `person` (not a string).
 */
export function draftData(state: FormState): Record<string, unknown> {
  return { ...state, person: { givenName: text(state, 'givenName').trim(), familyName: text(state, 'familyName').trim() } };
}

export const exclusionField = (id: string): string => `exclusion-${id}`;

function flaggedExclusions(state: FormState, exclusionIds: readonly string[]): string[] {
  return exclusionIds.filter((id) => text(state, exclusionField(id)) === 'yes');
}

/** The date of birth as ISO when the three boxes hold a real date, else null. */
export function dateOfBirthIso(state: FormState): string | null {
  const result = partsToIso(partsOf(state, 'dateOfBirth'));
  return result.ok ? result.iso : null;
}

export interface BodyOptions {
  draftId: string | null;
  exclusionIds: readonly string[];
}

/** The request body, before checking. Blank optional answers are left out. */
export function referralBody(state: FormState, { draftId, exclusionIds }: BodyOptions): Record<string, unknown> {
  const opt = (name: string): string | undefined => optional(state, name);
  const nokName = opt('nokName');
  const givenBy = opt('consentGivenBy');
  return {
    person: {
      nhsNumber: opt('nhsNumber'),
      givenName: text(state, 'givenName'),
      familyName: text(state, 'familyName'),
      preferredName: opt('preferredName'),
      dateOfBirth: dateOfBirthIso(state) ?? '',
      sex: opt('sex'),
      genderIdentity: opt('genderIdentity'),
      ethnicity: opt('ethnicity'),
      addressLine1: opt('addressLine1'),
      addressLine2: opt('addressLine2'),
      town: opt('town'),
      postcode: opt('postcode'),
      gpPracticeOds: opt('gpPracticeOds'),
      phone: opt('phone'),
      email: opt('email'),
      language: opt('language'),
      interpreterNeeded: text(state, 'interpreterNeeded') === 'yes',
      accessibleFormats: list(state, 'accessibleFormats'),
      preferredContactMethod: opt('preferredContactMethod'),
      contactTimes: opt('contactTimes'),
      nextOfKin:
        nokName === undefined
          ? undefined
          : { name: nokName, relationship: text(state, 'nokRelationship'), phone: opt('nokPhone'), isCarer: text(state, 'nokIsCarer') === 'yes' },
    },
    consent: {
      givenBy,
      givenByName: givenBy === 'representative' ? opt('consentGivenByName') : undefined,
      method: opt('consentMethod'),
      scopes: list(state, 'consentScopes'),
      givenAt: opt('consentGivenAt'),
    },
    reason: text(state, 'reason'),
    needs: list(state, 'needs'),
    personView: opt('personView'),
    riskInfo: opt('riskInfo'),
    urgency: opt('urgency'),
    leadOn: opt('leadOn'),
    feedback: { milestones: list(state, 'feedbackMilestones'), channel: opt('feedbackChannel') },
    exclusionsFlagged: flaggedExclusions(state, exclusionIds),
    draftId: draftId ?? undefined,
  };
}

/** Checks the contract's rules cannot express, or words better for this form. */
function localErrors(state: FormState, today: string): Partial<Record<string, string>> {
  const errors: Partial<Record<string, string>> = {};
  const dob = checkDateOfBirth(partsOf(state, 'dateOfBirth'), today, 'their');
  if (!dob.ok) errors.dateOfBirth = dob.message;
  const nhsNumber = text(state, 'nhsNumber').trim();
  if (nhsNumber !== '') {
    if (normaliseNhsNumber(nhsNumber) === null) errors.nhsNumber = 'NHS number must be 10 digits';
    else if (!isValidNhsNumber(nhsNumber)) errors.nhsNumber = 'Enter a valid NHS number. Check each digit against their records';
  }
  const nokAnswered = ['nokRelationship', 'nokPhone', 'nokIsCarer'].some((f) => text(state, f).trim() !== '');
  if (nokAnswered && text(state, 'nokName').trim() === '') errors.nokName = 'Enter the name of the next of kin or carer';
  if (text(state, 'consentGivenBy') === 'representative' && text(state, 'consentGivenByName').trim() === '') {
    errors.consentGivenByName = 'Enter the name of the person who gave consent for them';
  }
  const givenAt = text(state, 'consentGivenAt').trim();
  if (givenAt === '') errors.consentGivenAt = 'Enter the date consent was given';
  else if (!/^\d{4}-\d{2}-\d{2}$/.test(givenAt)) errors.consentGivenAt = 'Date consent was given must be a real date';
  else if (givenAt > today) errors.consentGivenAt = 'Date consent was given must be today or in the past';
  return errors;
}

/** Checks the whole form: this form's own rules first, then the API contract's. */
export function checkReferral(state: FormState, options: BodyOptions & { today: string }): Checked<ReferralInput> {
  const local = localErrors(state, options.today);
  const parsed = referralInput.safeParse(referralBody(state, options));
  const fields: Partial<Record<string, string>> = {};
  const unmatched: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = fieldForPath(issue.path.map(String).join('.'));
      if (name === null) unmatched.push(issue.message);
      else fields[name] ??= issue.message;
    }
  }
  Object.assign(fields, local);
  if (parsed.success && Object.keys(fields).length === 0) return { ok: true, value: parsed.data };
  return { ok: false, errors: { detail: unmatched.length > 0 ? unmatched.join('. ') : null, fields } };
}

export type ScreeningRequest = z.input<typeof screeningRequest>;

/**
 * What to screen: the answers that decide eligibility. Null when `needDateOfBirth` and the date
 * of birth is not yet a real date (an automatic check waits for it; a button press does not).
 */
export function screeningRequestFrom(state: FormState, exclusionIds: readonly string[], needDateOfBirth: boolean): ScreeningRequest | null {
  const dateOfBirth = dateOfBirthIso(state) ?? undefined;
  if (needDateOfBirth && dateOfBirth === undefined) return null;
  return {
    dateOfBirth,
    practiceOds: optional(state, 'gpPracticeOds'),
    needs: [...list(state, 'needs')],
    exclusionsFlagged: flaggedExclusions(state, exclusionIds),
  };
}
