import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { measureLink, sendLinkInput, type DueMeasure, type MeasureDefinition, type MeasureLinkDto, type OutcomeSettings } from '../../../../src/contracts/outcomes.js';
import { postJson } from '../../api/client.js';
import { InsetText } from '../../components/Callouts.js';
import { describedBy, ErrorMessage } from '../../components/ErrorMessage.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { checkRenamed, type ProblemFor } from '../referrals/forms.js';
import { chosenReferral, timepointsFor, type ReferralChoice } from './forms.js';
import { MeasureTimepointFields } from './MeasureTimepointFields.js';
import { CHANNEL_LABELS, unavailableText } from './labels.js';

/**
 * Sends the person a one-time link to a questionnaire they complete alone. Only measures the
 * scheme offers for self-completion are listed; a channel the person has no address for is shown
 * but cannot be chosen, with the reason, so the link worker knows what to add to the record.
 */
const FIELDS = { measureKey: 'link-measure', timepoint: 'link-timepoint', referralId: 'link-referral', channel: 'link-channel' } as const;
const ORDER = [FIELDS.measureKey, FIELDS.timepoint, FIELDS.referralId, FIELDS.channel];

interface Props {
  personId: string;
  name: string;
  measures: readonly MeasureDefinition[];
  schedule: OutcomeSettings['schedule'] | null;
  due: readonly DueMeasure[];
  referrals: readonly ReferralChoice[];
  canSendBy: { email: boolean; sms: boolean };
  problemFor: ProblemFor;
  onSent: (link: MeasureLinkDto) => void;
}

const CHANNELS = ['email', 'sms'] as const;

export function SendLinkForm({ personId, name, measures, schedule, due, referrals, canSendBy, problemFor, onSent }: Props): ReactNode {
  const [measureKey, setMeasureKey] = useState(measures[0]?.key ?? '');
  const choices = timepointsFor(schedule, measureKey);
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: ORDER,
    check: (data) => {
      const channel = formText(data, FIELDS.channel);
      const referralId = chosenReferral(referrals, formText(data, FIELDS.referralId));
      const checked = checkRenamed(sendLinkInput, { measureKey, timepoint: formText(data, FIELDS.timepoint), referralId, channel }, FIELDS);
      // The contract's message for a missing choice is technical; say what to do instead.
      if (channel === '') {
        const base = checked.ok ? {} : checked.errors.fields;
        return { ok: false, errors: { detail: null, fields: { ...base, [FIELDS.channel]: 'Select how to send the link' } } };
      }
      return checked;
    },
    send: async (body) => {
      onSent(await postJson(`/api/people/${encodeURIComponent(personId)}/measure-links`, body, measureLink));
    },
    toProblem: problemFor(FIELDS),
  });

  if (measures.length === 0) {
    return <p className="nhsuk-body">No measures that people complete on their own are switched on for this scheme.</p>;
  }
  if (!canSendBy.email && !canSendBy.sms) {
    return (
      <InsetText>
        <p>
          To send a link, add an email address or mobile number to {name}’s record. <Link to={`/people/${personId}/edit`}>Change their details</Link>
        </p>
      </InsetText>
    );
  }
  const firstEnabled = CHANNELS.find((c) => canSendBy[c]);
  const onlyOne = CHANNELS.filter((c) => canSendBy[c]).length === 1;
  const channelError = errors.fields[FIELDS.channel];
  const channelErrorId = channelError === undefined ? undefined : `${FIELDS.channel}-error`;
  return (
    <>
      <ErrorSummary errors={errors} order={ORDER} />
      <form onSubmit={onSubmit} noValidate aria-labelledby="send-link-heading">
        <MeasureTimepointFields
          fields={FIELDS}
          measures={measures}
          measureKey={measureKey}
          onMeasureChange={setMeasureKey}
          timepoints={choices}
          due={due}
          referrals={referrals}
          errors={errors}
        />
        <div className={channelError === undefined ? 'nhsuk-form-group' : 'nhsuk-form-group nhsuk-form-group--error'}>
          <fieldset className="nhsuk-fieldset" aria-describedby={describedBy('link-channel-hint', channelErrorId)}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">How should the link be sent?</legend>
            <div className="nhsuk-hint" id="link-channel-hint">
              The link works once and stops working after the number of days the scheme has set. {unavailableText(canSendBy)}
            </div>
            {channelErrorId !== undefined && <ErrorMessage id={channelErrorId}>{channelError}</ErrorMessage>}
            <div className="nhsuk-radios">
              {CHANNELS.map((channel) => {
                // The summary's link must land on a control that can take focus: the first one enabled.
                const id = channel === firstEnabled ? FIELDS.channel : `${FIELDS.channel}-${channel}`;
                const disabled = !canSendBy[channel];
                return (
                  <div className="nhsuk-radios__item" key={channel}>
                    <input
                      className="nhsuk-radios__input"
                      id={id}
                      name={FIELDS.channel}
                      type="radio"
                      value={channel}
                      disabled={disabled}
                      defaultChecked={onlyOne && !disabled}
                    />
                    <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                      {CHANNEL_LABELS[channel]}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        </div>
        <button className="nhsuk-button" type="submit" disabled={busy}>
          Send the link
        </button>
      </form>
    </>
  );
}
