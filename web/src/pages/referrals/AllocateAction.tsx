import type { ReactNode } from 'react';
import { linkWorkerList } from '../../../../src/contracts/referrals.js';
import { useApi } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';
import { SelectField } from '../../components/SelectField.js';
import { formText } from '../../forms/errors.js';
import { caseloadOption } from '../triage/query.js';
import { EventForm, type EventFormProps } from './EventForm.js';

/** Allocate (or reallocate) the referral to one of the scheme's link workers, showing their caseloads. */
type Props = Pick<EventFormProps, 'sendEvent' | 'problemFor'> & { current: { id: string; name: string } | null };

const FIELDS = { linkWorkerId: 'allocateLinkWorker' } as const;

export function AllocateAction({ current, sendEvent, problemFor }: Props): ReactNode {
  const [load] = useApi('/api/link-workers', linkWorkerList);
  if (load.status === 'loading') return <Loading>Loading link workers…</Loading>;
  if (load.status === 'error') {
    return <p className="nhsuk-body">The list of link workers could not be loaded, so this referral cannot be allocated here. Try again later.</p>;
  }
  const workers = load.data.items.filter((w) => w.linkWorkerId !== current?.id);
  if (workers.length === 0) return <p className="nhsuk-body">There are no other link workers to allocate this referral to.</p>;
  return (
    <EventForm
      type="allocate"
      heading={current === null ? 'Allocate to a link worker' : 'Allocate to another link worker'}
      intro={current === null ? undefined : `Currently allocated to ${current.name}.`}
      fields={FIELDS}
      build={(data) => ({ linkWorkerId: formText(data, FIELDS.linkWorkerId) })}
      sendEvent={sendEvent}
      problemFor={problemFor}
    >
      {(errors) => (
        <SelectField
          name={FIELDS.linkWorkerId}
          label="Link worker"
          hint="The number of open cases each has now is shown in brackets."
          options={[{ value: '', label: 'Choose a link worker' }, ...workers.map((w) => ({ value: w.linkWorkerId, label: caseloadOption(w) }))]}
          defaultValue=""
          error={errors.fields[FIELDS.linkWorkerId]}
        />
      )}
    </EventForm>
  );
}
