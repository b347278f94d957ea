import type { ReactNode } from 'react';
import { URGENCIES, URGENCY_LABELS } from '../../../../src/contracts/referral-codes.js';
import type { ReferralSettingsView } from '../../../../src/contracts/referrals.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { FormSection } from '../../components/FormSection.js';
import { TextArea } from '../../components/TextArea.js';
import type { FormErrors } from '../../forms/errors.js';
import { exclusionField, list, text, type FormState } from './formState.js';

interface Props {
  values: FormState;
  errors: FormErrors['fields'];
}

const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** "Why you are referring": what they want help with, in your words and theirs, and the scheme's exclusion questions. */
export function NeedsFields({ values, errors, settings }: Props & { settings: ReferralSettingsView }): ReactNode {
  const exclusions = settings.eligibility.exclusions;
  return (
    <FormSection heading="Why you are referring">
      <ChoiceField
        type="checkbox"
        name="needs"
        legend="What do they want help with?"
        hint="Select all that apply"
        items={settings.needCategories.map((n) => ({ value: n.code, label: n.label }))}
        defaultValues={list(values, 'needs')}
        error={errors.needs}
      />
      <TextArea
        name="reason"
        label="Why are you referring them?"
        hint="What is going on for them now, and what you hope social prescribing can help with"
        rows={6}
        defaultValue={text(values, 'reason')}
        error={errors.reason}
      />
      <TextArea
        name="personView"
        label="What matters to the person, in their words (optional)"
        hint="If you can, write down what they said, for example ‘I want to get out of the house more’"
        defaultValue={text(values, 'personView')}
        error={errors.personView}
      />
      {exclusions.map((exclusion) => (
        <ChoiceField
          key={exclusion.id}
          type="radio"
          name={exclusionField(exclusion.id)}
          legend={exclusion.question}
          items={YES_NO}
          defaultValues={[text(values, exclusionField(exclusion.id))]}
          error={errors[exclusionField(exclusion.id)]}
        />
      ))}
    </FormSection>
  );
}

/** "Keeping staff safe", then urgency and what the link worker takes over. */
export function SafetyFields({ values, errors }: Props): ReactNode {
  return (
    <>
      <FormSection heading="Keeping staff safe">
        <TextArea
          name="riskInfo"
          label="Is there anything staff should know before they contact or visit them? (optional)"
          hint="Link workers sometimes visit people at home on their own. Tell us about any risks, for example aggressive behaviour, dogs, or other people in the home."
          defaultValue={text(values, 'riskInfo')}
          error={errors.riskInfo}
        />
      </FormSection>
      <FormSection heading="Urgency and handover">
        <ChoiceField
          type="radio"
          name="urgency"
          legend="How urgent is this referral?"
          hint="If they are at risk of harm now, do not wait for a referral: follow your safeguarding procedures."
          items={URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))}
          defaultValues={[text(values, 'urgency')]}
          error={errors.urgency}
        />
        <TextArea
          name="leadOn"
          label="What the link worker now leads on (optional)"
          hint="What you are handing over, and anything you will keep doing yourself"
          rows={4}
          defaultValue={text(values, 'leadOn')}
          error={errors.leadOn}
        />
      </FormSection>
    </>
  );
}
