import { useState, type ReactNode } from 'react';
import { z } from 'zod';
import type { ServiceDetail } from '../../../../../src/contracts/directory.js';
import { useProblemHandler } from '../../../api/useApi.js';
import { ErrorSummary } from '../../../components/ErrorSummary.js';
import { SummaryList } from '../../../components/SummaryList.js';
import { TextArea } from '../../../components/TextArea.js';
import { formText, type Checked } from '../../../forms/errors.js';
import { useFormSubmit } from '../../../forms/useFormSubmit.js';
import { useDirectorySend } from '../api.js';
import { checkedText } from '../labels.js';

/**
 * What the scheme itself does with a listing: confirm it is still right, keep its own note and
 * preference, and (managers) list it on the public Open Referral UK feed. Each reports back
 * through `onDone`, which reloads the page's data and says what happened.
 */
const anyAnswer = z.unknown();

interface ActionProps {
  service: ServiceDetail;
  onDone: (message: string) => void;
}

export function FreshnessSection({ service, onDone }: ActionProps): ReactNode {
  const send = useDirectorySend();
  const handle = useProblemHandler();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const v = service.verification;

  async function verify(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await send('POST', `/api/directory/services/${service.id}/verify`, {}, anyAnswer);
      onDone('Listing marked as checked');
    } catch (thrown) {
      const problem = handle(thrown);
      if (problem !== null) setError(problem.detail);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="checked-heading">
      <h2 className="nhsuk-heading-m" id="checked-heading">
        Is this listing up to date?
      </h2>
      <p className="nhsuk-body" data-testid="last-checked">
        {checkedText(v.verifiedAt, v.verifiedBy)}.
      </p>
      <p className="nhsuk-body">
        Listings not checked for {v.staleAfterDays} days are marked as out of date{v.stale ? ', as this one is' : ''}.
      </p>
      {service.permissions.verify && (
        <>
          {error !== null && (
            <p className="nhsuk-error-message" role="alert">
              <span className="nhsuk-u-visually-hidden">Error: </span>
              {error}
            </p>
          )}
          <button className="nhsuk-button nhsuk-button--secondary" type="button" disabled={busy} onClick={() => void verify()}>
            Mark as checked
          </button>
          <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">Only do this once you have confirmed the times, place and contact with the group.</p>
        </>
      )}
    </section>
  );
}

const NOTE_FIELDS = ['schemeNote', 'preferred'] as const;

function checkNote(data: FormData): Checked<{ note: string | null; preferred: boolean }> {
  const note = formText(data, 'schemeNote').trim();
  if (note.length > 4000) return { ok: false, errors: { detail: null, fields: { schemeNote: 'Enter 4000 characters or fewer' } } };
  return { ok: true, value: { note: note === '' ? null : note, preferred: data.get('preferred') === 'true' } };
}

export function SchemeNoteSection({ service, onDone }: ActionProps): ReactNode {
  const send = useDirectorySend();
  const handle = useProblemHandler();
  const [editing, setEditing] = useState(false);
  const note = service.schemeNote;
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: NOTE_FIELDS,
    check: checkNote,
    send: async (value) => {
      await send('PUT', `/api/directory/services/${service.id}/note`, value, anyAnswer);
      setEditing(false);
      onDone('Your scheme’s note has been saved');
    },
    toProblem: handle,
  });
  if (note === null) return null;

  return (
    <section aria-labelledby="note-heading">
      <h2 className="nhsuk-heading-m" id="note-heading">
        Your scheme’s note
      </h2>
      <p className="nhsuk-body-s nhsuk-u-secondary-text-colour">Only staff of your scheme see this note. The group does not.</p>
      {!editing ? (
        <>
          <SummaryList
            rows={[
              { key: 'Note', value: note.note ?? 'No note yet' },
              { key: 'Preferred by your scheme', value: note.preferred ? 'Yes' : 'No' },
            ]}
          />
          {service.permissions.note && (
            <button
              className="nhsuk-button nhsuk-button--secondary"
              type="button"
              onClick={() => {
                setEditing(true);
              }}
            >
              Change the note
            </button>
          )}
        </>
      ) : (
        <form onSubmit={onSubmit} noValidate aria-label="Your scheme’s note">
          <ErrorSummary errors={errors} order={NOTE_FIELDS} />
          <TextArea name="schemeNote" label="Note" hint="For example, who to ask for, or what people said about it." defaultValue={note.note ?? ''} error={errors.fields.schemeNote} rows={4} />
          <div className="nhsuk-form-group">
            <div className="nhsuk-checkboxes">
              <div className="nhsuk-checkboxes__item">
                <input className="nhsuk-checkboxes__input" id="preferred" name="preferred" type="checkbox" value="true" defaultChecked={note.preferred} />
                <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="preferred">
                  Preferred by your scheme
                </label>
              </div>
            </div>
          </div>
          <div className="nhsuk-button-group lw-button-group">
            <button className="nhsuk-button" type="submit" disabled={busy}>
              Save note
            </button>
            <button
              className="nhsuk-button nhsuk-button--secondary"
              type="button"
              onClick={() => {
                setEditing(false);
              }}
            >
              Cancel
            </button>
          </div>
        </form>
      )}
    </section>
  );
}

export function PublicListingSection({ service, onDone }: ActionProps): ReactNode {
  const send = useDirectorySend();
  const handle = useProblemHandler();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  if (!service.permissions.publish) return null;
  const listed = service.schemeNote?.public ?? false;

  async function toggle(): Promise<void> {
    setBusy(true);
    setError(null);
    try {
      await send('PUT', `/api/directory/services/${service.id}/public`, { public: !listed }, anyAnswer);
      onDone(listed ? 'The listing is no longer on the public directory' : 'The listing is now on the public directory');
    } catch (thrown) {
      const problem = handle(thrown);
      if (problem !== null) setError(problem.detail);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section aria-labelledby="public-heading">
      <h2 className="nhsuk-heading-m" id="public-heading">
        Public listing
      </h2>
      <p className="nhsuk-body">
        {listed
          ? 'Your scheme lists this service on the public Open Referral UK directory, where other services and apps can find it.'
          : 'This service is not on your scheme’s public Open Referral UK directory.'}
      </p>
      {error !== null && (
        <p className="nhsuk-error-message" role="alert">
          <span className="nhsuk-u-visually-hidden">Error: </span>
          {error}
        </p>
      )}
      <button className="nhsuk-button nhsuk-button--secondary" type="button" disabled={busy} aria-pressed={listed} onClick={() => void toggle()}>
        List publicly
      </button>
    </section>
  );
}
