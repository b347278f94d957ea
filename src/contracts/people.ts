import { z } from 'zod';
import { isValidNhsNumber, normaliseNhsNumber } from '../referrals/domain/nhs-number.js';
import { normalisePostcode } from '../referrals/domain/postcode.js';
import { ACCESSIBLE_FORMATS, CONTACT_METHODS, ETHNIC_CATEGORY_CODES, SEXES } from './referral-codes.js';

/** The person record: what a referral says about who is referred (PRSB "about me"). */

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, { error: `Enter ${max} characters or fewer` })
    .optional()
    .transform((v) => (v === '' ? undefined : v));

export const isoDate = z.iso.date({ error: 'Enter a real date, like 1956-03-14', abort: true });

/** Optional fields arrive as '' from forms: empty means absent, anything else must be valid. */
export const nhsNumberField = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    const digits = normaliseNhsNumber(v);
    if (!digits || !isValidNhsNumber(digits)) {
      ctx.addIssue({ code: 'custom', message: 'Enter a valid 10-digit NHS number, like 943 476 5919' });
      return z.NEVER;
    }
    return digits;
  });

export const postcodeField = z
  .string()
  .trim()
  .optional()
  .transform((v, ctx) => {
    if (v === undefined || v === '') return undefined;
    const postcode = normalisePostcode(v);
    if (!postcode) {
      ctx.addIssue({ code: 'custom', message: 'Enter a full UK postcode, like LS1 4AP' });
      return z.NEVER;
    }
    return postcode;
  });

export const nextOfKin = z.strictObject({
  name: z.string().trim().min(1, { error: 'Enter the name of the next of kin or carer' }).max(200),
  relationship: z.string().trim().min(1, { error: 'Enter how they are related' }).max(100),
  phone: z.string().trim().max(40).nullable().optional(),
  isCarer: z.boolean().default(false),
});

export const personInput = z.strictObject({
  nhsNumber: nhsNumberField,
  givenName: z.string().trim().min(1, { error: 'Enter the first name' }).max(100),
  familyName: z.string().trim().min(1, { error: 'Enter the last name' }).max(100),
  preferredName: optionalText(100),
  dateOfBirth: isoDate.refine((d) => d <= new Date().toISOString().slice(0, 10) && d >= '1900-01-01', {
    error: 'Date of birth must be in the past',
  }),
  sex: z.enum(SEXES).optional(),
  genderIdentity: optionalText(100),
  ethnicity: z.enum(ETHNIC_CATEGORY_CODES).optional(),
  addressLine1: optionalText(200),
  addressLine2: optionalText(200),
  town: optionalText(100),
  postcode: postcodeField,
  gpPracticeOds: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z0-9]{3,10}$/, { error: 'Enter the practice ODS code, like Y99001' })
    .optional(),
  lsoaCode: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[EW]0[0-9]{7}$/, { error: 'Enter an LSOA code, like E01000001' })
    .optional(),
  email: z
    .string()
    .trim()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v === '') return undefined;
      if (!z.email().safeParse(v).success) {
        ctx.addIssue({ code: 'custom', message: 'Enter an email address like name@example.com' });
        return z.NEVER;
      }
      return v;
    }),
  phone: z
    .string()
    .trim()
    .regex(/^[0-9 +()-]{0,20}$/, { error: 'Enter a phone number, like 07700 900123' })
    .optional()
    .transform((v) => (v === '' ? undefined : v)),
  language: optionalText(60),
  interpreterNeeded: z.boolean().default(false),
  accessibleFormats: z.array(z.enum(ACCESSIBLE_FORMATS)).max(ACCESSIBLE_FORMATS.length).default([]),
  preferredContactMethod: z.enum(CONTACT_METHODS).optional(),
  contactTimes: optionalText(200),
  nextOfKin: nextOfKin.optional(),
});
export type PersonInput = z.infer<typeof personInput>;
export type PersonFormValues = z.input<typeof personInput>;

export const personView = z.object({
  id: z.uuid(),
  nhsNumber: z.string().nullable(),
  /** A number given that is not (yet) the record's own: from the public form, or one held by another record. */
  claimedNhsNumber: z.string().nullable().optional(),
  givenName: z.string(),
  familyName: z.string(),
  preferredName: z.string().nullable(),
  dateOfBirth: z.string().nullable(),
  sex: z.string().nullable(),
  genderIdentity: z.string().nullable(),
  ethnicity: z.string().nullable(),
  addressLine1: z.string().nullable(),
  addressLine2: z.string().nullable(),
  town: z.string().nullable(),
  postcode: z.string().nullable(),
  gpPracticeOds: z.string().nullable(),
  lsoaCode: z.string().nullable(),
  imdDecile: z.number().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  language: z.string().nullable(),
  interpreterNeeded: z.boolean(),
  accessibleFormats: z.array(z.string()),
  preferredContactMethod: z.string().nullable(),
  contactTimes: z.string().nullable(),
  nextOfKin: nextOfKin.nullable(),
  mergedIntoId: z.uuid().nullable(),
  version: z.number(),
});
export type PersonView = z.infer<typeof personView>;

export const duplicateCandidate = z.object({
  id: z.uuid(),
  name: z.string(),
  dateOfBirth: z.string().nullable(),
  postcode: z.string().nullable(),
  nhsNumber: z.string().nullable(),
  reason: z.enum(['nhs-number', 'demographics']),
  referralCount: z.number(),
});
export type DuplicateCandidate = z.infer<typeof duplicateCandidate>;

export const personDetail = z.object({
  person: personView,
  duplicates: z.array(duplicateCandidate),
  referrals: z.array(z.object({ id: z.uuid(), reference: z.string(), status: z.string(), receivedAt: z.string() })),
});
export type PersonDetail = z.infer<typeof personDetail>;

export const mergeRequest = z.strictObject({
  /** The record that stays; the one in the URL is merged into it. */
  intoPersonId: z.uuid(),
  reason: z.string().trim().min(1, { error: 'Say why these records are the same person' }).max(1000),
});
