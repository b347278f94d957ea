import type { Patient } from '@medplum/fhirtypes';
import type { PersonFormValues } from '../../contracts/people.js';
import type { PersonRow } from '../../db/schema.js';
import type { PatientMapping } from './patient.js';

type FormField<K extends keyof PersonFormValues> = PersonFormValues[K];

/**
 * A PUT replaces what FHIR can say about the person. What it cannot say (ethnicity, gender
 * identity, LSOA, accessible formats, contact times, a letter-or-no-contact preference, and
 * intersex, which goes out as gender "other") is kept from the current record, not wiped.
 */
export function updatedPersonInput(current: PersonRow, mapping: PatientMapping, sent: Pick<Patient, 'gender'>): PersonFormValues {
  const kept: Partial<PersonFormValues> = {
    ...(current.gender_identity ? { genderIdentity: current.gender_identity } : {}),
    ...(current.ethnicity ? { ethnicity: current.ethnicity } : {}),
    ...(current.lsoa_code ? { lsoaCode: current.lsoa_code } : {}),
    ...(current.contact_times ? { contactTimes: current.contact_times } : {}),
    accessibleFormats: current.accessible_formats as FormField<'accessibleFormats'>,
  };
  if (mapping.input.preferredContactMethod === undefined && current.preferred_contact_method) {
    kept.preferredContactMethod = current.preferred_contact_method as FormField<'preferredContactMethod'>;
  }
  if (sent.gender === 'other' && current.sex === 'intersex') kept.sex = 'intersex';
  return { ...kept, ...mapping.input };
}
