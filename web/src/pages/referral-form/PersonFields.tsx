import type { ReactNode } from 'react';
import { ETHNIC_CATEGORIES, SEXES, SEX_LABELS } from '../../../../src/contracts/referral-codes.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { partsOf } from '../../components/dateParts.js';
import { DateInput } from '../../components/DateInput.js';
import { FormSection } from '../../components/FormSection.js';
import { SelectField } from '../../components/SelectField.js';
import { TextField } from '../../components/TextField.js';
import type { FormErrors } from '../../forms/errors.js';
import { text, type FormState } from './formState.js';

/** "About the person": who they are, where they live and their GP practice. */
interface Props {
  values: FormState;
  errors: FormErrors['fields'];
  practices: readonly { value: string; label: string }[];
}

const ETHNICITY_OPTIONS = [{ value: '', label: 'Choose an ethnic group' }, ...ETHNIC_CATEGORIES.map((c) => ({ value: c.code, label: c.label }))];

export function PersonFields({ values, errors, practices }: Props): ReactNode {
  const v = (name: string): string => text(values, name);
  return (
    <FormSection heading="About the person">
      <TextField name="givenName" label="First name" autoComplete="off" defaultValue={v('givenName')} error={errors.givenName} />
      <TextField name="familyName" label="Last name" autoComplete="off" defaultValue={v('familyName')} error={errors.familyName} />
      <TextField
        name="preferredName"
        label="What they like to be called (optional)"
        hint="If different from their first name"
        autoComplete="off"
        defaultValue={v('preferredName')}
        error={errors.preferredName}
      />
      <DateInput name="dateOfBirth" legend="Date of birth" hint="For example, 15 3 1984" defaultValue={partsOf(values, 'dateOfBirth')} error={errors.dateOfBirth} />
      <TextField
        name="nhsNumber"
        label="NHS number"
        hint="Optional. It is 10 digits, like 943 476 5919"
        inputMode="numeric"
        widthClass="nhsuk-input--width-10"
        spellCheck={false}
        autoComplete="off"
        defaultValue={v('nhsNumber')}
        error={errors.nhsNumber}
      />
      <ChoiceField
        type="radio"
        name="sex"
        legend="Sex (optional)"
        hint="As recorded by their GP practice"
        items={SEXES.map((s) => ({ value: s, label: SEX_LABELS[s] }))}
        defaultValues={[v('sex')]}
        error={errors.sex}
      />
      <TextField
        name="genderIdentity"
        label="Gender identity (optional)"
        hint="In their own words, if they have told you and it is different from their sex"
        autoComplete="off"
        defaultValue={v('genderIdentity')}
        error={errors.genderIdentity}
      />
      <SelectField name="ethnicity" label="Ethnic group (optional)" options={ETHNICITY_OPTIONS} defaultValue={v('ethnicity')} error={errors.ethnicity} />
      <TextField name="addressLine1" label="Address line 1 (optional)" autoComplete="off" defaultValue={v('addressLine1')} error={errors.addressLine1} />
      <TextField name="addressLine2" label="Address line 2 (optional)" autoComplete="off" defaultValue={v('addressLine2')} error={errors.addressLine2} />
      <TextField name="town" label="Town or city (optional)" autoComplete="off" widthClass="nhsuk-u-width-two-thirds" defaultValue={v('town')} error={errors.town} />
      <TextField
        name="postcode"
        label="Postcode (optional)"
        autoComplete="off"
        spellCheck={false}
        widthClass="nhsuk-input--width-10"
        defaultValue={v('postcode')}
        error={errors.postcode}
      />
      <SelectField
        name="gpPracticeOds"
        label="Registered GP practice"
        hint="The practices in this scheme. Choose ‘Not known’ if they are registered elsewhere or you do not know."
        options={[{ value: '', label: 'Not known' }, ...practices]}
        defaultValue={v('gpPracticeOds')}
        error={errors.gpPracticeOds}
      />
      <TextField
        name="phone"
        label="Phone number (optional)"
        hint="For example, 07700 900123"
        inputMode="tel"
        autoComplete="off"
        widthClass="nhsuk-input--width-20"
        defaultValue={v('phone')}
        error={errors.phone}
      />
      <TextField name="email" label="Email address (optional)" type="email" autoComplete="off" spellCheck={false} defaultValue={v('email')} error={errors.email} />
    </FormSection>
  );
}
