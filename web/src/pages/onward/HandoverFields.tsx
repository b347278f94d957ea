import { useState, type ReactNode } from 'react';
import { FIRST_CONTACT_BY, FIRST_CONTACT_BY_LABELS } from '../../../../src/contracts/casework-codes.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { DateInput } from '../../components/DateInput.js';
import { FormSection } from '../../components/FormSection.js';
import { TextArea } from '../../components/TextArea.js';
import type { FormErrors } from '../../forms/errors.js';

/**
 * The handover agreement: who moves first, whether the link worker stays involved, whether the
 * person may come back (and until when), and whether the group reports missed sessions. The
 * defaults are the usual arrangement, so the link worker changes only what differs.
 */
const YES_NO = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

export function HandoverFields({ errors, organisationName }: { errors: FormErrors; organisationName: string }): ReactNode {
  const [mayReturn, setMayReturn] = useState(true);
  return (
    <FormSection heading="The handover">
      <ChoiceField
        type="radio"
        name="firstContactBy"
        legend="Who makes first contact?"
        items={FIRST_CONTACT_BY.map((code) => ({ value: code, label: FIRST_CONTACT_BY_LABELS[code] }))}
        defaultValues={['provider_contacts_person']}
        error={errors.fields.firstContactBy}
      />
      <ChoiceField
        type="radio"
        name="linkWorkerStaysInvolved"
        legend="Will you stay involved while they go to the group?"
        items={YES_NO}
        defaultValues={['yes']}
        error={errors.fields.linkWorkerStaysInvolved}
      />
      <div
        onChange={(event) => {
          const target = event.target;
          if (target instanceof HTMLInputElement && target.name === 'mayReturn') setMayReturn(target.value === 'yes');
        }}
      >
        <ChoiceField
          type="radio"
          name="mayReturn"
          legend="May the person come back to you without a new referral?"
          items={YES_NO}
          defaultValues={['yes']}
          error={errors.fields.mayReturn}
        />
      </div>
      {mayReturn && (
        <DateInput
          name="returnUntil"
          legend="Until when may they come back? (optional)"
          hint="Leave empty for no end date. For example, 31 3 2027"
          error={errors.fields.returnUntil}
        />
      )}
      <ChoiceField
        type="radio"
        name="reportNonAttendance"
        legend={`Must ${organisationName} tell you when the person misses sessions?`}
        items={YES_NO}
        defaultValues={['yes']}
        error={errors.fields.reportNonAttendance}
      />
      <TextArea name="note" label="Anything else about the handover (optional)" rows={3} error={errors.fields.note} />
    </FormSection>
  );
}
