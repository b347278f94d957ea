import { selfReferralInput, type SelfReferralInput } from '../../../../src/contracts/referrals.js';
import { isValidNhsNumber, normaliseNhsNumber } from '../../../../src/referrals/domain/nhs-number.js';
import { checkDateOfBirth, partsOf } from '../../components/dateParts.js';
import { formText, zodToFormErrors, type Checked } from '../../forms/errors.js';

/**
 * The self-referral form's fields, checks and messages. Pure, so they are unit tested. Field
 * names are also input ids; the API's paths (`body.person.givenName`) end in the same names.
 */
export const SELF_FIELDS = [
  'givenName', 'familyName', 'dateOfBirth', 'nhsNumber', 'postcode', 'phone', 'email', 'preferredContactMethod',
  'language', 'interpreterNeeded', 'needs', 'whatMatters', 'safeToContact', 'consent',
] as const;

function optional(data: FormData, name: string): string | undefined {
  const value = formText(data, name).trim();
  return value === '' ? undefined : value;
}

function dataRecord(data: FormData): Record<string, string> {
  const record: Record<string, string> = {};
  for (const [name, value] of data.entries()) if (typeof value === 'string') record[name] = value;
  return record;
}

export function selfReferralBody(data: FormData, dateOfBirth: string | null): Record<string, unknown> {
  const website = formText(data, 'website');
  return {
    person: {
      givenName: formText(data, 'givenName'),
      familyName: formText(data, 'familyName'),
      dateOfBirth: dateOfBirth ?? '',
      nhsNumber: optional(data, 'nhsNumber'),
      postcode: optional(data, 'postcode'),
      phone: optional(data, 'phone'),
      email: optional(data, 'email'),
      preferredContactMethod: optional(data, 'preferredContactMethod'),
      language: optional(data, 'language'),
      interpreterNeeded: formText(data, 'interpreterNeeded') === 'yes',
    },
    needs: data.getAll('needs').filter((n) => typeof n === 'string'),
    whatMatters: formText(data, 'whatMatters'),
    safeToContact: optional(data, 'safeToContact'),
    consent: formText(data, 'consent') === 'yes' ? true : undefined,
    // Left as it came (people never see it): the server decides what a filled-in one means.
    website: website === '' ? undefined : website.slice(0, 500),
  };
}

/** Checks with the API's contract, then words the personal questions in the second person. */
export function checkSelfReferral(data: FormData, today: string): Checked<SelfReferralInput> {
  const dob = checkDateOfBirth(partsOf(dataRecord(data), 'dateOfBirth'), today, 'your');
  const parsed = selfReferralInput.safeParse(selfReferralBody(data, dob.ok ? dob.iso : null));
  const fields = parsed.success ? {} : zodToFormErrors(parsed.error).fields;
  if (!dob.ok) fields.dateOfBirth = dob.message;
  if (fields.givenName !== undefined && formText(data, 'givenName').trim() === '') fields.givenName = 'Enter your first name';
  if (fields.familyName !== undefined && formText(data, 'familyName').trim() === '') fields.familyName = 'Enter your last name';
  const nhsNumber = formText(data, 'nhsNumber').trim();
  if (nhsNumber !== '') {
    if (normaliseNhsNumber(nhsNumber) === null) fields.nhsNumber = 'NHS number must be 10 digits. If you are not sure of it, leave it blank';
    else if (!isValidNhsNumber(nhsNumber)) fields.nhsNumber = 'Check your NHS number. If you are not sure of it, leave it blank';
  }
  delete fields.website;
  if (parsed.success && Object.keys(fields).length === 0) return { ok: true, value: parsed.data };
  return { ok: false, errors: { detail: null, fields } };
}

/** What to say when flood control turns a referral away. */
export function tooManyMessage(retryAfterSeconds: number | null): string {
  const wait =
    retryAfterSeconds === null
      ? 'a few minutes'
      : (() => {
          const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
          return `${minutes} minute${minutes === 1 ? '' : 's'}`;
        })();
  return `Too many referrals have been sent from this connection. Wait ${wait}, then select ‘Send’ again. Your answers are still here.`;
}
