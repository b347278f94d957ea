import type { ReactNode } from 'react';
import { CONSENT_GIVERS, CONSENT_METHODS, CONSENT_SCOPE_LABELS, CONSENT_SCOPES } from '../../../../src/contracts/referral-codes.js';
import { consentInput, type ConsentInput } from '../../../../src/contracts/referrals.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { DateInput } from '../../components/DateInput.js';
import { partsOf, todayIso } from '../../components/dateParts.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextField } from '../../components/TextField.js';
import { formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { checkConsentDate, checkRenamed, optionalText, type ProblemFor } from './forms.js';
import { CONSENT_GIVER_LABELS, CONSENT_METHOD_LABELS } from './labels.js';

/**
 * Records consent for a referral that arrived without it (from another system, for example).
 * The person must at least agree to be referred; the contract says so in the same words.
 */
const FIELDS = { givenBy: 'givenBy', givenByName: 'givenByName', method: 'method', scopes: 'scopes', givenAt: 'givenAt' } as const;

interface Props {
  send: (body: ConsentInput) => Promise<void>;
  problemFor: ProblemFor;
}

export function RecordConsentForm({ send, problemFor }: Props): ReactNode {
  const order = Object.values(FIELDS);
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: order,
    check: (data) => {
      const date = checkConsentDate(partsOf(Object.fromEntries(data), FIELDS.givenAt), todayIso());
      const checked = checkRenamed(
        consentInput,
        {
          givenBy: formText(data, FIELDS.givenBy),
          givenByName: optionalText(formText(data, FIELDS.givenByName)),
          method: formText(data, FIELDS.method),
          scopes: data.getAll(FIELDS.scopes).filter((s) => typeof s === 'string'),
          givenAt: date.ok ? date.iso : '',
        },
        FIELDS,
      );
      if (date.ok) return checked;
      // The date's own message is more helpful than the contract's, which cannot see the boxes.
      const errors = checked.ok ? { detail: null, fields: {} } : checked.errors;
      return { ok: false, errors: { ...errors, fields: { ...errors.fields, [FIELDS.givenAt]: date.message } } };
    },
    send,
    toProblem: problemFor(FIELDS),
  });
  return (
    <>
      <ErrorSummary errors={errors} order={order} />
      <form onSubmit={onSubmit} noValidate aria-label="Record consent">
        <ChoiceField
          type="radio"
          name={FIELDS.givenBy}
          legend="Who gave consent?"
          items={CONSENT_GIVERS.map((g) => ({ value: g, label: CONSENT_GIVER_LABELS[g] }))}
          error={errors.fields[FIELDS.givenBy]}
        />
        <TextField
          name={FIELDS.givenByName}
          label="Name of the person acting for them (if someone else gave consent)"
          autoComplete="off"
          error={errors.fields[FIELDS.givenByName]}
        />
        <ChoiceField
          type="radio"
          name={FIELDS.method}
          legend="How was consent given?"
          items={CONSENT_METHODS.map((m) => ({ value: m, label: CONSENT_METHOD_LABELS[m] }))}
          error={errors.fields[FIELDS.method]}
        />
        <ChoiceField
          type="checkbox"
          name={FIELDS.scopes}
          legend="What did they agree to?"
          hint="Select all that apply."
          items={CONSENT_SCOPES.map((s) => ({ value: s, label: CONSENT_SCOPE_LABELS[s] }))}
          error={errors.fields[FIELDS.scopes]}
        />
        <DateInput name={FIELDS.givenAt} legend="When was consent given?" hint="For example, 15 3 2026" error={errors.fields[FIELDS.givenAt]} />
        <button className="nhsuk-button" type="submit" disabled={busy}>
          Record consent
        </button>
      </form>
    </>
  );
}
