import type { ReactNode } from 'react';
import { outcomePreferences, REMINDER_CHANNELS, type PersonOutcomes } from '../../../../src/contracts/outcomes.js';
import { describedBy, ErrorMessage } from '../../components/ErrorMessage.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { formatDate } from '../referrals/labels.js';
import type { ProblemFor } from '../referrals/forms.js';
import { usePut } from './api.js';
import { REMINDER_LABELS, unavailableText } from './labels.js';

/**
 * Whether, and how, the person agreed to be reminded when a measure is due. Reminders go only
 * with their agreement, so the form gives the words to read to them; a channel they have no
 * address for cannot be chosen.
 */
const FIELD = 'reminders';

type Preferences = PersonOutcomes['preferences'];

interface Props {
  personId: string;
  name: string;
  preferences: Preferences;
  canSendBy: PersonOutcomes['canSendBy'];
  problemFor: ProblemFor;
  onSaved: (preferences: Preferences) => void;
}


export function RemindersForm({ personId, name, preferences, canSendBy, problemFor, onSaved }: Props): ReactNode {
  const put = usePut();
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: [FIELD],
    check: (data) => {
      const value = formText(data, FIELD);
      const choice = REMINDER_CHANNELS.find((c) => c === value);
      return choice === undefined ? { ok: false, errors: { detail: null, fields: { [FIELD]: 'Select how they agreed to be reminded' } } } : { ok: true, value: choice };
    },
    send: async (reminders) => {
      onSaved(await put(`/api/people/${encodeURIComponent(personId)}/outcome-preferences`, { reminders }, outcomePreferences));
    },
    toProblem: problemFor({ reminders: FIELD }),
  });
  const error = errors.fields[FIELD];
  const errorId = error === undefined ? undefined : `${FIELD}-error`;
  return (
    <section aria-labelledby="reminders-heading">
      <h2 className="nhsuk-heading-m" id="reminders-heading">
        Reminders
      </h2>
      <p className="nhsuk-body">
        {preferences.reminders === 'none'
          ? `${name} does not get reminders.`
          : `${name} agreed to reminders ${REMINDER_LABELS[preferences.reminders].toLowerCase()}${preferences.agreedAt === null ? '' : ` on ${formatDate(preferences.agreedAt)}`}.`}
      </p>
      <ErrorSummary errors={errors} order={[FIELD]} />
      <form onSubmit={onSubmit} noValidate aria-labelledby="reminders-heading">
        <div className={error === undefined ? 'nhsuk-form-group' : 'nhsuk-form-group nhsuk-form-group--error'}>
          <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(`${FIELD}-hint`, errorId)}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">How has {name} agreed to be reminded when a measure is due?</legend>
            <div className="nhsuk-hint" id={`${FIELD}-hint`}>
              Ask them first. You could say: “We can send you a reminder by email or text message when it is time to answer the wellbeing questions again.
              Each reminder has a link to the questions. You can ask us to stop at any time.” Only choose email or text message if they say yes. {unavailableText(canSendBy)}
            </div>
            {errorId !== undefined && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
            <div className="nhsuk-radios">
              {REMINDER_CHANNELS.map((channel, index) => {
                const id = index === 0 ? FIELD : `${FIELD}-${channel}`;
                const disabled = channel !== 'none' && !canSendBy[channel];
                return (
                  <div className="nhsuk-radios__item" key={channel}>
                    <input
                      className="nhsuk-radios__input"
                      id={id}
                      name={FIELD}
                      type="radio"
                      value={channel}
                      disabled={disabled}
                      defaultChecked={preferences.reminders === channel}
                    />
                    <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                      {channel === 'none' ? 'No reminders' : `They agreed to reminders ${REMINDER_LABELS[channel].toLowerCase()}`}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </div>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={busy}>
          Save reminder choice
        </button>
      </form>
    </section>
  );
}
