import { useState, type ReactNode } from 'react';
import { CONSENT_METHODS, CONSENT_SCOPES, CONSENT_SCOPE_LABELS, type ConsentMethod } from '../../../../src/contracts/referral-codes.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { describedBy, ErrorMessage } from '../../components/ErrorMessage.js';
import { FormSection } from '../../components/FormSection.js';
import { TextField } from '../../components/TextField.js';
import type { FormErrors } from '../../forms/errors.js';
import { list, text, type FormState } from './formState.js';

/** "Consent": who gave it, how, to what, and when. A representative's name is asked only for them. */
interface Props {
  values: FormState;
  errors: FormErrors['fields'];
}

const METHOD_LABELS: Record<ConsentMethod, string> = {
  verbal: 'Verbally, in person or by phone',
  written: 'In writing, on a signed form or letter',
  digital: 'Digitally, for example by email or an online form',
};

export function ConsentFields({ values, errors }: Props): ReactNode {
  return (
    <FormSection heading="Consent">
      <GivenByField initial={text(values, 'consentGivenBy')} name={text(values, 'consentGivenByName')} errors={errors} />
      <ChoiceField
        type="radio"
        name="consentMethod"
        legend="How did they give consent?"
        items={CONSENT_METHODS.map((m) => ({ value: m, label: METHOD_LABELS[m] }))}
        defaultValues={[text(values, 'consentMethod')]}
        error={errors.consentMethod}
      />
      <ChoiceField
        type="checkbox"
        name="consentScopes"
        legend="What did they agree to?"
        hint="Select all that apply. They must agree to be referred."
        items={CONSENT_SCOPES.map((s) => ({ value: s, label: CONSENT_SCOPE_LABELS[s] }))}
        defaultValues={list(values, 'consentScopes')}
        error={errors.consentScopes}
      />
      <TextField
        name="consentGivenAt"
        label="Date consent was given"
        type="date"
        hint="Today or earlier"
        widthClass="nhsuk-input--width-10"
        defaultValue={text(values, 'consentGivenAt')}
        error={errors.consentGivenAt}
      />
    </FormSection>
  );
}

/**
 * NHS.UK radios with conditional content: the name box sits under "Someone acting for them" and
 * shows only while that is chosen. It stays in the page (hidden) so aria-controls always points
 * at something, and so a typed name survives switching back and forth.
 */
function GivenByField({ initial, name, errors }: { initial: string; name: string; errors: FormErrors['fields'] }): ReactNode {
  const [givenBy, setGivenBy] = useState(initial);
  const error = errors.consentGivenBy;
  const errorId = error === undefined ? undefined : 'consentGivenBy-error';
  const items = [
    { id: 'consentGivenBy', value: 'person', label: 'The person being referred' },
    { id: 'consentGivenBy-2', value: 'representative', label: 'Someone acting for them', hint: 'For example, a carer with lasting power of attorney' },
  ];
  return (
    <div className={error === undefined ? 'nhsuk-form-group' : 'nhsuk-form-group nhsuk-form-group--error'}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(errorId)}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Who gave consent?</legend>
        {errorId !== undefined && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className="nhsuk-radios">
          {items.map((item) => (
            <div className="nhsuk-radios__item" key={item.value}>
              <input
                className="nhsuk-radios__input"
                id={item.id}
                name="consentGivenBy"
                type="radio"
                value={item.value}
                defaultChecked={initial === item.value}
                aria-describedby={item.hint === undefined ? undefined : `${item.id}-item-hint`}
                aria-controls={item.value === 'representative' ? 'consentGivenBy-conditional' : undefined}
                onChange={() => {
                  setGivenBy(item.value);
                }}
              />
              <label className="nhsuk-label nhsuk-radios__label" htmlFor={item.id}>
                {item.label}
              </label>
              {item.hint !== undefined && (
                <div className="nhsuk-hint nhsuk-radios__hint" id={`${item.id}-item-hint`}>
                  {item.hint}
                </div>
              )}
            </div>
          ))}
          <div
            className={givenBy === 'representative' ? 'nhsuk-radios__conditional' : 'nhsuk-radios__conditional nhsuk-radios__conditional--hidden'}
            id="consentGivenBy-conditional"
          >
            <TextField name="consentGivenByName" label="Their name" autoComplete="off" defaultValue={name} error={errors.consentGivenByName} />
          </div>
        </div>
      </fieldset>
    </div>
  );
}
