import { useState, type ReactNode } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { CONTACT_MODE_LABELS, CONTACT_MODES } from '../../../../src/contracts/casework-codes.js';
import { contact } from '../../../../src/contracts/casework.js';
import { postJson } from '../../api/client.js';
import { useProblemHandler } from '../../api/useApi.js';
import { InsetText } from '../../components/Callouts.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { DateInput } from '../../components/DateInput.js';
import { isoToParts, partsOf } from '../../components/dateParts.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { TextArea } from '../../components/TextArea.js';
import { TextField } from '../../components/TextField.js';
import { formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { renameProblem } from '../referrals/forms.js';
import { casePath, caseUrl } from './api.js';
import { BackToCase } from './BackToCase.js';
import { CONTACT_FIELDS, contactBody, needsCheckIn } from './contactForm.js';
import { londonWall } from './time.js';
import { TimeField } from './TimeField.js';

/** Book a visit or appointment ahead, or write up a contact that happened. Times are London times. */
const ORDER = ['kind', 'mode', 'attended', 'date', 'time', 'durationMinutes', 'location', 'attendees', 'notes', 'checkInBy'];

export function ContactFormPage(): ReactNode {
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const [kind, setKind] = useState('book');
  const [mode, setMode] = useState('');
  const now = londonWall(new Date());
  const toProblem = useProblemHandler();
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: ORDER,
    check: (data) =>
      contactBody({
        kind: formText(data, 'kind'),
        mode: formText(data, 'mode'),
        attended: formText(data, 'attended'),
        date: partsOf(Object.fromEntries(data), 'date'),
        time: formText(data, 'time'),
        duration: formText(data, 'durationMinutes'),
        location: formText(data, 'location'),
        attendees: formText(data, 'attendees'),
        notes: formText(data, 'notes'),
        checkInBy: formText(data, 'checkInBy'),
      }),
    send: async (body) => {
      const saved = await postJson(`${casePath(id)}/contacts`, body, contact);
      const message = saved.status === 'booked' ? `${CONTACT_MODE_LABELS[saved.mode]} booked.` : `${CONTACT_MODE_LABELS[saved.mode]} recorded.`;
      void navigate(saved.loneWorking === null ? caseUrl(id) : caseUrl(id, `/contacts/${saved.id}`), { state: { message } });
    },
    toProblem: (error) => {
      const problem = toProblem(error);
      return problem === null ? null : renameProblem(problem, CONTACT_FIELDS);
    },
  });
  return (
    <>
      <BackToCase to={caseUrl(id)} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <PageHeading>Record a contact or book a visit</PageHeading>
          <form
            onSubmit={onSubmit}
            noValidate
            onChange={(event) => {
              const data = new FormData(event.currentTarget);
              setKind(formText(data, 'kind'));
              setMode(formText(data, 'mode'));
            }}
          >
            <ErrorSummary errors={errors} order={ORDER} />
            <ChoiceField
              type="radio"
              name="kind"
              legend="What are you doing?"
              items={[
                { value: 'book', label: 'Book a visit or appointment' },
                { value: 'record', label: 'Record a contact that happened' },
              ]}
              defaultValues={['book']}
              error={errors.fields.kind}
            />
            <ChoiceField type="radio" name="mode" legend="How" items={CONTACT_MODES.map((m) => ({ value: m, label: CONTACT_MODE_LABELS[m] }))} error={errors.fields.mode} />
            {kind === 'record' && (
              <ChoiceField
                type="radio"
                name="attended"
                legend="Did the person come?"
                items={[
                  { value: 'attended', label: 'Yes, it took place' },
                  { value: 'did_not_attend', label: 'No, they did not attend' },
                ]}
                error={errors.fields.attended}
              />
            )}
            <DateInput name="date" legend="Date" defaultValue={isoToParts(now.date)} error={errors.fields.date} />
            <TimeField name="time" label="Time" hint="UK time, 24-hour clock. For example, 14:30" error={errors.fields.time} />
            <TextField name="durationMinutes" label="How long, in minutes (optional)" inputMode="numeric" widthClass="nhsuk-input--width-4" error={errors.fields.durationMinutes} />
            <TextField name="location" label="Where (optional)" error={errors.fields.location} />
            <TextField name="attendees" label="Who was there or will be (optional)" hint="For example, the person and their daughter" error={errors.fields.attendees} />
            <TextArea name="notes" label="Notes (optional)" rows={5} error={errors.fields.notes} />
            {needsCheckIn(kind, mode) && (
              <>
                <InsetText>
                  <p>This is a lone-working visit: check in as safe on this device by the time below, or your manager is alerted and then the scheme’s named contacts.</p>
                </InsetText>
                <TimeField name="checkInBy" label="Check in by" hint="The time you expect to have left, on the same day. For example, 15:30" error={errors.fields.checkInBy} />
              </>
            )}
            <button className="nhsuk-button" type="submit" disabled={busy}>
              {kind === 'record' ? 'Record the contact' : 'Book it'}
            </button>
          </form>
        </div>
      </div>
    </>
  );
}
