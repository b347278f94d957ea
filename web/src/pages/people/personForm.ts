import type { z } from 'zod';
import { personInput, type PersonInput, type PersonView } from '../../../../src/contracts/people.js';
import { ApiProblem } from '../../api/problem.js';
import { isoToParts } from '../../components/dateParts.js';
import type { Checked, FormErrors } from '../../forms/errors.js';
import { checkReferral, FIELD_ORDER, fieldForPath, problemToErrors, referralBody, type FormState } from '../referral-form/formState.js';
import { formatNhsNumber } from '../referrals/labels.js';

/**
 * The person edit form uses the referral form's person inputs, so it uses the referral form's
 * state too: this module maps a person record into that state, and the state back into the
 * `personInput` body of `PUT /api/people/:id`, through the referral form's own mapping. The
 * API's paths here are `body.postcode`; the referral form's are `body.person.postcode`.
 */

/** The inputs on the edit form, in page order: the person, their communication needs and next of kin. */
export const PERSON_FIELD_ORDER = FIELD_ORDER.slice(0, FIELD_ORDER.indexOf('consentGivenBy'));

export const CONFLICT_MESSAGE = 'Someone else changed this record. The form now shows the latest details.';

/** What the inputs start with: the record as it is. */
export function personFormState(person: PersonView): FormState {
  const dob = isoToParts(person.dateOfBirth ?? '');
  const kin = person.nextOfKin;
  const s = (value: string | null | undefined): string => value ?? '';
  return {
    givenName: person.givenName,
    familyName: person.familyName,
    preferredName: s(person.preferredName),
    'dateOfBirth-day': dob.day,
    'dateOfBirth-month': dob.month,
    'dateOfBirth-year': dob.year,
    nhsNumber: person.nhsNumber === null ? '' : formatNhsNumber(person.nhsNumber),
    sex: s(person.sex),
    genderIdentity: s(person.genderIdentity),
    ethnicity: s(person.ethnicity),
    addressLine1: s(person.addressLine1),
    addressLine2: s(person.addressLine2),
    town: s(person.town),
    postcode: s(person.postcode),
    gpPracticeOds: s(person.gpPracticeOds),
    phone: s(person.phone),
    email: s(person.email),
    language: s(person.language),
    interpreterNeeded: person.interpreterNeeded ? 'yes' : 'no',
    accessibleFormats: [...person.accessibleFormats],
    preferredContactMethod: s(person.preferredContactMethod),
    contactTimes: s(person.contactTimes),
    nokName: s(kin?.name),
    nokRelationship: s(kin?.relationship),
    nokPhone: s(kin?.phone),
    // An unticked checkbox sends nothing, so "not a carer" is no value at all.
    ...(kin?.isCarer === true ? { nokIsCarer: 'yes' } : {}),
  };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * The request body, before checking. The PUT replaces the whole record, so what the form has no
 * input for (the LSOA code, from which the server works out the deprivation decile) is kept.
 */
export function personBody(state: FormState, lsoaCode: string | null): Record<string, unknown> {
  const { person } = referralBody(state, { draftId: null, exclusionIds: [] });
  return { ...(isRecord(person) ? person : {}), lsoaCode: lsoaCode ?? undefined };
}

/** `body.nextOfKin.phone` (this API) → `person.nextOfKin.phone` (the referral form's paths). */
export function referralPath(path: string): string {
  const segments = path.split('.').filter((s) => s !== '');
  if (segments[0] === 'body') segments.shift();
  return ['person', ...segments].join('.');
}

/** The input a problem's field path belongs to, or null when the form has no such input. */
export function personFieldForPath(path: string): string | null {
  return fieldForPath(referralPath(path));
}

/**
 * A blank-or-valid field (`'' | postcode`) fails as a union, whose own message is only "Invalid
 * input": the message worth showing is the one from the branch that is not the blank literal.
 */
export function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code !== 'invalid_union') return issue.message;
  const inner = issue.errors.flat().find((i) => i.code !== 'invalid_value' && i.code !== 'invalid_type');
  return inner?.message ?? issue.message;
}

/**
 * Checks the form with the referral form's checks (its own wording for the date of birth, NHS
 * number and next of kin), keeping only the person's inputs, then with the `personInput` contract.
 */
export function checkPerson(state: FormState, { today, lsoaCode }: { today: string; lsoaCode: string | null }): Checked<PersonInput> {
  const fields: Partial<Record<string, string>> = {};
  const referral = checkReferral(state, { draftId: null, exclusionIds: [], today });
  if (!referral.ok) {
    for (const name of PERSON_FIELD_ORDER) {
      const message = referral.errors.fields[name];
      if (message !== undefined) fields[name] = message;
    }
  }
  const parsed = personInput.safeParse(personBody(state, lsoaCode));
  const unmatched: string[] = [];
  const seen = new Set<string>();
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const name = personFieldForPath(issue.path.map(String).join('.'));
      const message = issueMessage(issue);
      if (name === null) unmatched.push(message);
      else if (!seen.has(name)) {
        seen.add(name);
        // The referral check's own words win; its bare copy of this issue gives way to a better one.
        if (fields[name] === undefined || fields[name] === issue.message) fields[name] = message;
      }
    }
  }
  if (parsed.success && Object.keys(fields).length === 0) return { ok: true, value: parsed.data };
  return { ok: false, errors: { detail: unmatched.length > 0 ? unmatched.join('. ') : null, fields } };
}

/** What a failed save shows: a conflict in words of its own, field errors next to their inputs. */
export function saveErrors(problem: ApiProblem): FormErrors {
  if (problem.status === 412) return { detail: CONFLICT_MESSAGE, fields: {} };
  const errors = problem.errors.map(({ field, message }) => ({ field: referralPath(field), message }));
  return problemToErrors(new ApiProblem(problem.status, problem.title, problem.detail, errors, problem.requestId));
}

interface Organisation {
  kind: string;
  name: string;
  odsCode: string | null;
}

/**
 * The GP practice choices: the scheme's practices, plus the person's own when it is not one of
 * them, so that saving does not quietly change it to "Not known".
 */
export function practiceOptions(organisations: readonly Organisation[], current: string | null): { value: string; label: string }[] {
  const options = organisations.flatMap((o) => (o.kind === 'gp_practice' && o.odsCode !== null ? [{ value: o.odsCode, label: `${o.name} (${o.odsCode})` }] : []));
  if (current !== null && current !== '' && !options.some((o) => o.value === current)) options.push({ value: current, label: `${current} (current practice)` });
  return options;
}
