import type { ReactNode } from 'react';
import { allowedContactEvents } from '../../../../src/casework/domain/contact-lifecycle.js';
import { contact, type Contact } from '../../../../src/contracts/casework.js';
import { useProblemHandler } from '../../api/useApi.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextArea } from '../../components/TextArea.js';
import { TextField } from '../../components/TextField.js';
import { formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { usePostIfMatch } from '../referrals/api.js';
import { contactPath } from './api.js';
import { outcomeBody } from './contactForm.js';

/** What happened at a booked contact: it took place, the person did not come, or it was cancelled. */
const ORDER = ['event', 'reason', 'durationMinutes', 'notes'];
const EVENT_LABELS = { attended: 'Took place', did_not_attend: 'Did not attend', cancel: 'Cancel' } as const;
const DONE = { attended: 'Marked as taken place.', did_not_attend: 'Marked as did not attend.', cancel: 'The contact is cancelled.' } as const;

export function ContactOutcomeForm({ visit, onDone }: { visit: Contact; onDone: (next: Contact, message: string) => void }): ReactNode {
  const postIfMatch = usePostIfMatch();
  const events = allowedContactEvents(visit.status, { now: new Date(), scheduledAt: new Date(visit.scheduledAt) });
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: ORDER,
    check: (data) => outcomeBody(formText(data, 'event'), formText(data, 'reason'), formText(data, 'durationMinutes'), formText(data, 'notes')),
    send: async (body) => {
      onDone(await postIfMatch(`${contactPath(visit.id)}/outcome`, body, contact, visit.version), DONE[body.event.type]);
    },
    toProblem: useProblemHandler(),
  });
  if (events.length === 0) return null;
  return (
    <section aria-labelledby="outcome-heading">
      <h2 className="nhsuk-heading-m" id="outcome-heading">
        What happened
      </h2>
      <form onSubmit={onSubmit} noValidate>
        <ErrorSummary errors={errors} order={ORDER} />
        <ChoiceField type="radio" name="event" legend="Outcome" items={events.map((e) => ({ value: e, label: EVENT_LABELS[e] }))} error={errors.fields.event} />
        <TextArea name="reason" label="Why it was cancelled (only when cancelling)" rows={2} error={errors.fields.reason} />
        <TextField name="durationMinutes" label="How long it took, in minutes (optional)" inputMode="numeric" widthClass="nhsuk-input--width-4" error={errors.fields.durationMinutes} />
        <TextArea name="notes" label="Notes (optional)" rows={4} defaultValue={visit.notes ?? ''} error={errors.fields.notes} />
        <button className="nhsuk-button" type="submit" disabled={busy}>
          Save the outcome
        </button>
      </form>
    </section>
  );
}
