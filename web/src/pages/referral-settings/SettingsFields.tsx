import type { ReactNode } from 'react';
import type { ReferralSettingsView } from '../../../../src/contracts/referrals.js';
import { InsetText } from '../../components/Callouts.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { FormSection } from '../../components/FormSection.js';
import { TextField } from '../../components/TextField.js';
import type { FormErrors } from '../../forms/errors.js';
import type { SettingsFormState } from './settingsForm.js';

/**
 * The referral settings form's sections other than the screening questions. Numbers are text
 * inputs with a numeric keypad, as the NHS.UK design system advises instead of type="number".
 */
interface Props {
  values: SettingsFormState;
  errors: FormErrors['fields'];
}

export interface PracticeOption {
  value: string;
  label: string;
}

const NUMBER_WIDTH = 'nhsuk-input--width-3';

/** "Who can be referred": age limits, registered practices and accepted needs. */
export function WhoFields({ values, errors, practices, needCategories }: Props & { practices: readonly PracticeOption[]; needCategories: ReferralSettingsView['needCategories'] }): ReactNode {
  return (
    <FormSection heading="Who can be referred">
      <TextField
        name="minAge"
        label="Minimum age in years (optional)"
        hint="Leave blank for no minimum age"
        inputMode="numeric"
        autoComplete="off"
        widthClass={NUMBER_WIDTH}
        defaultValue={values.minAge}
        error={errors.minAge}
      />
      <TextField
        name="maxAge"
        label="Maximum age in years (optional)"
        hint="Leave blank for no maximum age"
        inputMode="numeric"
        autoComplete="off"
        widthClass={NUMBER_WIDTH}
        defaultValue={values.maxAge}
        error={errors.maxAge}
      />
      {practices.length === 0 ? (
        <p className="nhsuk-body">There are no GP practices with an ODS code to choose from, so people registered with any practice can be referred.</p>
      ) : (
        <ChoiceField
          type="checkbox"
          name="registeredPractices"
          legend="Registered GP practices"
          hint="Select the practices whose patients can be referred. If you select none, people registered with any practice can be referred."
          items={practices}
          defaultValues={values.registeredPractices}
          error={errors.registeredPractices}
        />
      )}
      <ChoiceField
        type="checkbox"
        name="acceptedNeeds"
        legend="Needs the scheme accepts"
        hint="Select the needs the scheme can help with. If you select none, referrals for any need are accepted."
        items={needCategories.map((n) => ({ value: n.code, label: n.label }))}
        defaultValues={values.acceptedNeeds}
        error={errors.acceptedNeeds}
      />
      <InsetText>
        <p>
          The need categories referrers choose from are: {needCategories.map((n) => n.label).join('; ')}. You cannot change the categories on this
          page.
        </p>
      </InsetText>
    </FormSection>
  );
}

/** "Targets": first contact and the window in which a re-referral reopens a closed referral. */
export function TargetFields({ values, errors }: Props): ReactNode {
  return (
    <FormSection heading="Targets">
      <TextField
        name="firstContactWorkingDays"
        label="Make first contact within this many working days"
        hint="Counted from when the referral is received. Working days are Monday to Friday, not counting bank holidays in England and Wales. From 1 to 60."
        inputMode="numeric"
        autoComplete="off"
        widthClass={NUMBER_WIDTH}
        defaultValue={values.firstContactWorkingDays}
        error={errors.firstContactWorkingDays}
      />
      <TextField
        name="reopenWindowDays"
        label="Reopen a closed referral if the person is referred again within this many days"
        hint="After this, a new referral is made instead. Enter 0 to always make a new referral. From 0 to 730."
        inputMode="numeric"
        autoComplete="off"
        widthClass={NUMBER_WIDTH}
        defaultValue={values.reopenWindowDays}
        error={errors.reopenWindowDays}
      />
    </FormSection>
  );
}

/** "Self-referral": whether the public form takes referrals from people themselves. */
export function SelfReferralFields({ values, errors }: Props): ReactNode {
  return (
    <FormSection heading="Self-referral">
      <ChoiceField
        type="radio"
        name="selfReferralEnabled"
        legend="Do you accept self-referrals?"
        hint="People can refer themselves to the scheme using its online self-referral form. If you choose no, the form tells them to ask their GP practice, or someone else who supports them, to refer them."
        items={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        defaultValues={[values.selfReferralEnabled]}
        error={errors.selfReferralEnabled}
      />
    </FormSection>
  );
}
