import type { ReactNode } from 'react';
import { CLOSURE_REASONS, DECLINE_REASONS } from '../../../../src/contracts/referral-codes.js';
import type { ReferralDetail } from '../../../../src/contracts/referrals.js';
import { SelectField } from '../../components/SelectField.js';
import { TextArea } from '../../components/TextArea.js';
import { TextField } from '../../components/TextField.js';
import { formText } from '../../forms/errors.js';
import { AllocateAction } from './AllocateAction.js';
import { EventForm, type EventFormProps } from './EventForm.js';
import { offeredEvents, type EventType } from './events.js';
import { optionalText } from './forms.js';

/**
 * The next steps the viewer may take on this referral: only those the server lists in
 * allowedEvents, each as its own small form.
 */
type Shared = Pick<EventFormProps, 'sendEvent' | 'problemFor'>;

const choose = (list: readonly { code: string; label: string }[]): { value: string; label: string }[] => [
  { value: '', label: 'Choose a reason' },
  ...list.map((r) => ({ value: r.code, label: r.label })),
];

function NoteForm({ type, id, label, ...shared }: Shared & { type: EventType; id: string; label: string }): ReactNode {
  const fields = { note: id };
  return (
    <EventForm type={type} fields={fields} build={(data) => ({ note: optionalText(formText(data, id)) })} {...shared}>
      {(errors) => <TextArea name={id} label={label} rows={3} error={errors.fields[id]} />}
    </EventForm>
  );
}

function ActionForm({ type, detail, shared }: { type: EventType; detail: ReferralDetail; shared: Shared }): ReactNode {
  switch (type) {
    case 'triage':
      return <EventForm type="triage" intro="Confirm you have looked at this referral and it can go on to be allocated." {...shared} />;
    case 'allocate':
      return <AllocateAction current={detail.linkWorker} {...shared} />;
    case 'record_first_contact':
      return <NoteForm type="record_first_contact" id="firstContactNote" label="Note about the first contact (optional)" {...shared} />;
    case 'start_support':
      return <EventForm type="start_support" intro="Record that the person has started working with their link worker." {...shared} />;
    case 'decline': {
      const fields = { reasonCode: 'declineReason', note: 'declineNote' };
      return (
        <EventForm
          type="decline"
          secondary
          fields={fields}
          build={(data) => ({ reasonCode: formText(data, fields.reasonCode), note: optionalText(formText(data, fields.note)) })}
          {...shared}
        >
          {(errors) => (
            <>
              <SelectField name={fields.reasonCode} label="Why did the person decline?" options={choose(DECLINE_REASONS)} defaultValue="" error={errors.fields[fields.reasonCode]} />
              <TextArea name={fields.note} label="Note (optional)" rows={3} error={errors.fields[fields.note]} />
            </>
          )}
        </EventForm>
      );
    }
    case 'mark_not_eligible': {
      const fields = { reason: 'notEligibleReason' };
      return (
        <EventForm type="mark_not_eligible" secondary fields={fields} build={(data) => ({ reason: formText(data, fields.reason) })} {...shared}>
          {(errors) => (
            <TextArea
              name={fields.reason}
              label="Why are they not eligible?"
              hint="The referrer is told this reason."
              error={errors.fields[fields.reason]}
            />
          )}
        </EventForm>
      );
    }
    case 'redirect': {
      const fields = { destination: 'redirectDestination' };
      return (
        <EventForm type="redirect" secondary fields={fields} build={(data) => ({ destination: formText(data, fields.destination) })} {...shared}>
          {(errors) => (
            <TextField
              name={fields.destination}
              label="Where were they redirected to?"
              hint="For example, the community mental health team"
              error={errors.fields[fields.destination]}
            />
          )}
        </EventForm>
      );
    }
    case 'close': {
      const fields = { reasonCode: 'closeReason', outcomeSummary: 'outcomeSummary' };
      return (
        <EventForm
          type="close"
          secondary
          fields={fields}
          build={(data) => ({ reasonCode: formText(data, fields.reasonCode), outcomeSummary: optionalText(formText(data, fields.outcomeSummary)) })}
          {...shared}
        >
          {(errors) => (
            <>
              <SelectField name={fields.reasonCode} label="Why is the referral closing?" options={choose(CLOSURE_REASONS)} defaultValue="" error={errors.fields[fields.reasonCode]} />
              <TextArea
                name={fields.outcomeSummary}
                label="Outcome summary (optional)"
                hint="What changed for the person. The referrer is sent this summary if they asked for feedback at closure."
                rows={5}
                error={errors.fields[fields.outcomeSummary]}
              />
            </>
          )}
        </EventForm>
      );
    }
    case 'reopen':
      return <NoteForm type="reopen" id="reopenNote" label="Why is it being reopened? (optional)" {...shared} />;
  }
}

export function ReferralActions({ detail, ...shared }: Shared & { detail: ReferralDetail }): ReactNode {
  const offered = offeredEvents(detail.allowedEvents);
  return (
    <section>
      <h2 className="nhsuk-heading-m" id="actions-heading">
        What you can do next
      </h2>
      {offered.length === 0 ? (
        <p className="nhsuk-body">There is nothing for you to do on this referral now.</p>
      ) : (
        offered.map((type) => <ActionForm key={type} type={type} detail={detail} shared={shared} />)
      )}
    </section>
  );
}
