import type { ReactNode } from 'react';
import { CONSENT_GIVERS, CONSENT_METHODS } from '../../../../src/contracts/referral-codes.js';
import { isoToParts } from '../../components/dateParts.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { DateInput } from '../../components/DateInput.js';
import { describedBy, ErrorMessage } from '../../components/ErrorMessage.js';
import { FormSection } from '../../components/FormSection.js';
import { TextField } from '../../components/TextField.js';
import type { FormErrors } from '../../forms/errors.js';
import { londonWall } from '../casework/time.js';
import { CONSENT_GIVER_LABELS, CONSENT_METHOD_LABELS } from '../referrals/labels.js';

/**
 * The person's consent to share with this one organisation. The box is never pre-ticked and the
 * send button is never disabled: sending without it shows why, and nothing goes.
 */
interface Props {
  errors: FormErrors;
  personName: string;
  organisationName: string;
  /** When the page opened, as the default for when consent was given. */
  openedAt: Date;
}

export function ConsentFields({ errors, personName, organisationName, openedAt }: Props): ReactNode {
  const agreedError = errors.fields.agreed;
  // Consent is given in England: the defaults are London's date and time, whatever the device's zone.
  const opened = londonWall(openedAt);
  return (
    <FormSection heading={`Consent to share with ${organisationName}`}>
      <div className={agreedError === undefined ? 'nhsuk-form-group' : 'nhsuk-form-group nhsuk-form-group--error'}>
        {agreedError !== undefined && <ErrorMessage id="agreed-error">{agreedError}</ErrorMessage>}
        <div className="nhsuk-checkboxes">
          <div className="nhsuk-checkboxes__item">
            <input className="nhsuk-checkboxes__input" id="agreed" name="agreed" type="checkbox" value="yes" aria-describedby={describedBy(agreedError !== undefined && 'agreed-error')} />
            <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="agreed">
              {personName} agrees to the details below being shared with {organisationName}
            </label>
          </div>
        </div>
      </div>
      <ChoiceField
        type="radio"
        name="givenBy"
        legend="Who agreed?"
        items={CONSENT_GIVERS.map((code) => ({ value: code, label: CONSENT_GIVER_LABELS[code] }))}
        defaultValues={['person']}
        error={errors.fields.givenBy}
      />
      <TextField name="givenByName" label="Name of the person who agreed on their behalf" hint="Only if someone else agreed for them" error={errors.fields.givenByName} />
      <ChoiceField
        type="radio"
        name="method"
        legend="How did they agree?"
        items={CONSENT_METHODS.map((code) => ({ value: code, label: CONSENT_METHOD_LABELS[code] }))}
        defaultValues={['verbal']}
        error={errors.fields.method}
      />
      <DateInput name="givenAt" legend="When did they agree?" hint="For example, 21 11 2026" defaultValue={isoToParts(opened.date)} error={errors.fields.givenAt} />
      <TextField
        name="givenAtTime"
        label="Time"
        hint="UK time, 24-hour clock. For example, 14:05"
        widthClass="nhsuk-input--width-5"
        inputMode="numeric"
        defaultValue={opened.time}
      />
    </FormSection>
  );
}
