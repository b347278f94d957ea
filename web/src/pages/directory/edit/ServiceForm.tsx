import { useState, type ReactNode, type SubmitEvent } from 'react';
import { Link } from 'react-router-dom';
import { LISTING_STATUS_LABELS, LISTING_STATUSES, type ServiceDetail } from '../../../../../src/contracts/directory.js';
import { ChoiceField } from '../../../components/ChoiceField.js';
import { ErrorSummary } from '../../../components/ErrorSummary.js';
import { TextArea } from '../../../components/TextArea.js';
import { TextField } from '../../../components/TextField.js';
import type { FormErrors } from '../../../forms/errors.js';
import { ScheduleRows } from './ScheduleRows.js';
import { ACCESS_OPTIONS, fieldOrder, newRowKey, scheduleRows, type ScheduleRowValues } from './serviceForm.js';

/**
 * The listing form, shared by "edit" and "new". Inputs are uncontrolled and read on submit
 * (serviceForm.ts); only the list of session rows is React state, so rows can be added and
 * removed without losing what was typed in the others.
 */
interface Props {
  service: ServiceDetail | null;
  languages: readonly { code: string; name: string }[];
  errors: FormErrors;
  busy: boolean;
  submitLabel: string;
  cancelHref: string;
  onSubmit: (form: HTMLFormElement, rowKeys: readonly string[]) => void;
}

const STATUS_HINTS: Record<(typeof LISTING_STATUSES)[number], string> = {
  active: 'Meeting as usual and open to new people.',
  paused: 'Not meeting for now, for example over the summer. It still shows in searches, marked as paused.',
  closed: 'Stopped for good. It leaves the search; its history is kept.',
};

export function ServiceForm({ service, languages, errors, busy, submitLabel, cancelHref, onSubmit }: Props): ReactNode {
  const [rows, setRows] = useState<ScheduleRowValues[]>(() => scheduleRows(service));
  const f = errors.fields;
  const location = service?.locations[0] ?? null;
  const contact = service?.namedContact ?? null;
  const accessNow = location?.accessibility.map((a) => a.description ?? '').filter((d) => d !== '') ?? [];
  const accessOptions = [...new Set([...ACCESS_OPTIONS, ...accessNow])];
  const languageNow = (service?.languages ?? []).filter((l) => l.code !== null).map((l) => l.code ?? '');

  function submit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    onSubmit(event.currentTarget, rows.map((r) => r.key));
  }

  const text = (value: string | null | undefined): string => value ?? '';
  const num = (value: number | null | undefined): string => (value === null || value === undefined ? '' : String(value));

  return (
    <>
      <ErrorSummary errors={errors} order={fieldOrder(rows.length)} />
      <form onSubmit={submit} noValidate aria-label="Listing details">
        <TextField name="name" label="Name of the service" defaultValue={text(service?.name)} error={f.name} />
        <TextArea name="description" label="What happens there" hint="In plain words: what people do, and what it is like to go for the first time." defaultValue={text(service?.description)} error={f.description} rows={6} />
        <TextField name="alert" label="Notice (optional)" hint="A short notice shown first, such as “No session on 24 December”." defaultValue={text(service?.alert)} error={f.alert} />
        <ChoiceField
          type="radio"
          name="status"
          legend="Is it running?"
          items={LISTING_STATUSES.map((s) => ({ value: s, label: LISTING_STATUS_LABELS[s], hint: STATUS_HINTS[s] }))}
          defaultValues={[service?.status ?? 'active']}
          error={f.status}
        />
        <ChoiceField
          type="radio"
          name="referralMode"
          legend="How do people join?"
          items={[
            { value: 'referrals', label: 'Link workers refer people to us' },
            { value: 'signposting', label: 'People contact us themselves (signposting only)' },
          ]}
          defaultValues={[service?.referralMode ?? 'referrals']}
          error={f.referralMode}
        />

        <h2 className="nhsuk-heading-m">Named contact</h2>
        <p className="nhsuk-body">The person link workers should speak to about a referral.</p>
        <TextField name="contact-name" label="Name" defaultValue={text(contact?.name)} error={f['contact-name']} autoComplete="off" />
        <TextField name="contact-role" label="Role (optional)" defaultValue={text(contact?.role)} error={f['contact-role']} />
        <TextField name="contact-email" label="Email address (optional)" type="email" defaultValue={text(contact?.email)} error={f['contact-email']} spellCheck={false} />
        <TextField name="contact-phone" label="Phone number (optional)" defaultValue={text(contact?.phone)} error={f['contact-phone']} inputMode="tel" widthClass="nhsuk-input--width-20" />

        <h2 className="nhsuk-heading-m">Places</h2>
        <TextField name="capacity-places" label="Places free now (optional)" inputMode="numeric" widthClass="nhsuk-input--width-4" defaultValue={num(service?.capacity.places)} error={f['capacity-places']} />
        <TextField name="capacity-waitlist" label="People on the waiting list (optional)" inputMode="numeric" widthClass="nhsuk-input--width-4" defaultValue={num(service?.capacity.waitlist)} error={f['capacity-waitlist']} />
        <TextField
          name="capacity-notTakingUntil"
          label="Not taking new people until (optional)"
          type="date"
          hint="Leave empty when you are taking new people."
          widthClass="nhsuk-input--width-10"
          defaultValue={text(service?.capacity.notTakingUntil)}
          error={f['capacity-notTakingUntil']}
        />

        <ScheduleRows
          rows={rows}
          errors={f}
          onAdd={() => {
            setRows((current) => [...current, { key: newRowKey(), byday: 'MO', opensAt: '', closesAt: '', description: '' }]);
          }}
          onRemove={(key) => {
            setRows((current) => current.filter((r) => r.key !== key));
          }}
        />

        <h2 className="nhsuk-heading-m">Where it meets</h2>
        <TextField name="location-name" label="Name of the place (optional)" hint="For example, Meanwood Community Centre." defaultValue={text(location?.name)} error={f['location-name']} />
        <TextField name="location-line1" label="Address line 1" defaultValue={text(location?.address?.line1)} error={f['location-line1']} autoComplete="off" />
        <TextField name="location-line2" label="Address line 2 (optional)" defaultValue={text(location?.address?.line2)} error={f['location-line2']} autoComplete="off" />
        <TextField name="location-city" label="Town or city" widthClass="nhsuk-u-width-two-thirds" defaultValue={text(location?.address?.city)} error={f['location-city']} autoComplete="off" />
        <TextField name="location-postcode" label="Postcode" widthClass="nhsuk-input--width-10" defaultValue={text(location?.address?.postcode)} error={f['location-postcode']} autoComplete="off" />
        <ChoiceField type="checkbox" name="location-accessibility" legend="Access at this place" hint="Select all that apply." items={accessOptions.map((a) => ({ value: a, label: a }))} defaultValues={accessNow} error={f['location-accessibility']} />
        <TextArea name="location-transportation" label="Getting there (optional)" hint="Buses, parking, the nearest station." defaultValue={text(location?.transportation)} error={f['location-transportation']} rows={3} />

        <h2 className="nhsuk-heading-m">Cost and who it is for</h2>
        <div className="nhsuk-form-group">
          <div className="nhsuk-checkboxes">
            <div className="nhsuk-checkboxes__item">
              <input className="nhsuk-checkboxes__input" id="free" name="free" type="checkbox" value="true" defaultChecked={service?.free ?? false} />
              <label className="nhsuk-label nhsuk-checkboxes__label" htmlFor="free">
                Free to take part
              </label>
            </div>
          </div>
        </div>
        <TextField name="fees" label="Costs, in words (optional)" hint="For example, £2 a session, tea included." defaultValue={text(service?.fees)} error={f.fees} />
        <TextArea name="eligibilityDescription" label="Who it is for (optional)" defaultValue={text(service?.eligibilityDescription)} error={f.eligibilityDescription} rows={3} />
        <TextField name="minimumAge" label="Youngest age (optional)" inputMode="numeric" widthClass="nhsuk-input--width-3" defaultValue={num(service?.minimumAge)} error={f.minimumAge} />
        <TextField name="maximumAge" label="Oldest age (optional)" inputMode="numeric" widthClass="nhsuk-input--width-3" defaultValue={num(service?.maximumAge)} error={f.maximumAge} />
        <TextArea name="applicationProcess" label="How to join (optional)" defaultValue={text(service?.applicationProcess)} error={f.applicationProcess} rows={3} />
        <ChoiceField
          type="checkbox"
          name="languages"
          legend="Languages spoken at sessions"
          hint="Select all that apply."
          items={languages.map((l) => ({ value: l.code, label: l.name }))}
          defaultValues={languageNow}
          error={f.languages}
        />

        <h2 className="nhsuk-heading-m">Website and email</h2>
        <TextField name="url" label="Website (optional)" hint="Starting with https://" defaultValue={text(service?.url)} error={f.url} spellCheck={false} />
        <TextField name="email" label="Email address for the public (optional)" type="email" defaultValue={text(service?.email)} error={f.email} spellCheck={false} />

        <div className="nhsuk-button-group lw-button-group">
          <button className="nhsuk-button" type="submit" disabled={busy}>
            {submitLabel}
          </button>
          <Link className="nhsuk-link" to={cancelHref}>
            Cancel
          </Link>
        </div>
      </form>
    </>
  );
}
