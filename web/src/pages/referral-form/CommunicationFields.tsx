import type { ReactNode } from 'react';
import { ACCESSIBLE_FORMATS, ACCESSIBLE_FORMAT_LABELS, CONTACT_METHODS, CONTACT_METHOD_LABELS } from '../../../../src/contracts/referral-codes.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { FormSection } from '../../components/FormSection.js';
import { TextField } from '../../components/TextField.js';
import type { FormErrors } from '../../forms/errors.js';
import { list, text, type FormState } from './formState.js';

/** "Communication needs", then the optional next of kin or carer. */
interface Props {
  values: FormState;
  errors: FormErrors['fields'];
}

export function CommunicationFields({ values, errors }: Props): ReactNode {
  return (
    <FormSection heading="Communication needs">
      <TextField
        name="language"
        label="Main language (optional)"
        hint="Leave blank if it is English"
        autoComplete="off"
        widthClass="nhsuk-u-width-one-half"
        defaultValue={text(values, 'language')}
        error={errors.language}
      />
      <ChoiceField
        type="radio"
        name="interpreterNeeded"
        legend="Do they need an interpreter?"
        items={[
          { value: 'yes', label: 'Yes' },
          { value: 'no', label: 'No' },
        ]}
        defaultValues={[text(values, 'interpreterNeeded')]}
        error={errors.interpreterNeeded}
      />
      <ChoiceField
        type="checkbox"
        name="accessibleFormats"
        legend="Do they need information in another format? (optional)"
        hint="Select all that apply"
        items={ACCESSIBLE_FORMATS.map((f) => ({ value: f, label: ACCESSIBLE_FORMAT_LABELS[f] }))}
        defaultValues={list(values, 'accessibleFormats')}
        error={errors.accessibleFormats}
      />
      <ChoiceField
        type="radio"
        name="preferredContactMethod"
        legend="How would they like to be contacted? (optional)"
        items={CONTACT_METHODS.map((m) => ({ value: m, label: CONTACT_METHOD_LABELS[m] }))}
        defaultValues={[text(values, 'preferredContactMethod')]}
        error={errors.preferredContactMethod}
      />
      <TextField
        name="contactTimes"
        label="Best times to contact them (optional)"
        hint="For example, weekday mornings, not Wednesdays"
        autoComplete="off"
        defaultValue={text(values, 'contactTimes')}
        error={errors.contactTimes}
      />
    </FormSection>
  );
}

export function NextOfKinFields({ values, errors }: Props): ReactNode {
  const isCarer = text(values, 'nokIsCarer') === 'yes';
  return (
    <FormSection heading="Next of kin or carer (optional)" id="nextOfKin" hint="Leave this section blank if there is no one to record.">
      <TextField name="nokName" label="Full name" autoComplete="off" defaultValue={text(values, 'nokName')} error={errors.nokName} />
      <TextField
        name="nokRelationship"
        label="Relationship to the person"
        hint="For example, daughter, neighbour or friend"
        autoComplete="off"
        widthClass="nhsuk-u-width-one-half"
        defaultValue={text(values, 'nokRelationship')}
        error={errors.nokRelationship}
      />
      <TextField
        name="nokPhone"
        label="Phone number"
        inputMode="tel"
        autoComplete="off"
        widthClass="nhsuk-input--width-20"
        defaultValue={text(values, 'nokPhone')}
        error={errors.nokPhone}
      />
      <div className="nhsuk-form-group">
        <div className="nhsuk-checkboxes">
          <div className="nhsuk-checkboxes__item">
            <input className="nhsuk-checkboxes__input" id="nokIsCarer" name="nokIsCarer" type="checkbox" value="yes" defaultChecked={isCarer} />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="nokIsCarer">
              They are the person’s carer
            </label>
          </div>
        </div>
      </div>
    </FormSection>
  );
}
