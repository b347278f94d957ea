import { useState, type ReactNode } from 'react';
import { CHECK_IN_LABELS, type CheckInKind } from '../../../../src/contracts/casework-codes.js';
import { acknowledgeInput, contact, type Contact } from '../../../../src/contracts/casework.js';
import { postJson } from '../../api/client.js';
import { useProblemHandler } from '../../api/useApi.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextArea } from '../../components/TextArea.js';
import { checkWith, formText, noErrors, type FormErrors } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { renameProblem } from '../referrals/forms.js';
import { formatDate } from '../referrals/labels.js';
import { contactPath } from './api.js';
import { formatTime } from './time.js';

/** The visiting worker's check-in, and a manager's acknowledgement of a missed check-in or a call for help. */
export function CheckInButtons({ visit, onDone }: { visit: Contact; onDone: (next: Contact, message: string) => void }): ReactNode {
  const handle = useProblemHandler();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const lone = visit.loneWorking;
  if (lone === null) return null;
  async function checkIn(kind: CheckInKind): Promise<void> {
    setBusy(true);
    try {
      const next = await postJson(`${contactPath(visit.id)}/check-in`, { kind }, contact);
      setErrors(noErrors);
      onDone(next, kind === 'safe' ? 'You have checked in as safe.' : 'Your call for help has been sent to your manager and the scheme’s named contacts.');
    } catch (error) {
      const problem = handle(error);
      if (problem !== null) setErrors({ detail: problem.detail, fields: {} });
    } finally {
      setBusy(false);
    }
  }
  return (
    <section aria-labelledby="check-in-heading" className="lw-check-in">
      <h2 className="nhsuk-heading-m" id="check-in-heading">
        Check in
      </h2>
      <p className="nhsuk-body-l">
        Check in by <strong>{formatTime(lone.expectedCheckInAt)}</strong> on {formatDate(lone.expectedCheckInAt)}.
      </p>
      <ErrorSummary errors={errors} order={[]} />
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-half">
          <button className="nhsuk-button" type="button" disabled={busy} onClick={() => { void checkIn('safe'); }}>
            {CHECK_IN_LABELS.safe}
          </button>
        </div>
        <div className="nhsuk-grid-column-one-half">
          <button className="nhsuk-button nhsuk-button--warning" type="button" disabled={busy} onClick={() => { void checkIn('need_help'); }}>
            {CHECK_IN_LABELS.need_help}
          </button>
        </div>
      </div>
    </section>
  );
}

export function AcknowledgeForm({ contactId, onDone }: { contactId: string; onDone: (next: Contact) => void }): ReactNode {
  const handle = useProblemHandler();
  const id = `acknowledge-${contactId}`;
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: [id],
    check: (data) => {
      const checked = checkWith(acknowledgeInput, { note: formText(data, id) });
      return checked.ok ? checked : { ok: false, errors: { detail: null, fields: { [id]: checked.errors.fields.note } } };
    },
    send: async (body) => {
      onDone(await postJson(`${contactPath(contactId)}/acknowledge`, body, contact));
    },
    toProblem: (error) => {
      const problem = handle(error);
      return problem === null ? null : renameProblem(problem, { note: id });
    },
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} order={[id]} />
      <TextArea name={id} label="What was done" hint="Who reached the worker, and that they are safe." rows={3} error={errors.fields[id]} />
      <button className="nhsuk-button" type="submit" disabled={busy}>
        Acknowledge
      </button>
    </form>
  );
}
