import { useState, type ReactNode, type SubmitEvent } from 'react';
import { caseload, reassignInput, reassignResult, type WorkerLoad } from '../../../../src/contracts/casework.js';
import { postJson } from '../../api/client.js';
import { useApi, useProblemHandler } from '../../api/useApi.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Loading } from '../../components/Loading.js';
import { SelectField } from '../../components/SelectField.js';
import { TextArea } from '../../components/TextArea.js';
import { checkWith, formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { caseloadPath } from './api.js';

/** Choose a worker, then which of their cases go to whom and why. Every move is audited by the server. */
const FIELDS = ['referralIds', 'linkWorkerId', 'reason'] as const;

export function ReassignSection({ workers, onMoved }: { workers: readonly WorkerLoad[]; onMoved: (message: string) => void }): ReactNode {
  const [fromId, setFromId] = useState<string | null>(null);
  if (workers.length < 2) return null;
  function choose(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const id = formText(new FormData(event.currentTarget), 'fromWorker');
    setFromId(id === '' ? null : id);
  }
  return (
    <section aria-labelledby="reassign-heading">
      <h2 className="nhsuk-heading-m" id="reassign-heading">
        Move cases to another link worker
      </h2>
      <form onSubmit={choose} noValidate>
        <SelectField name="fromWorker" label="Move cases from" options={workers.map((w) => ({ value: w.id, label: w.name }))} defaultValue={fromId ?? workers[0]?.id} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Show their cases
        </button>
      </form>
      {fromId !== null && <MoveForm key={fromId} fromId={fromId} workers={workers} onMoved={onMoved} />}
    </section>
  );
}

function MoveForm({ fromId, workers, onMoved }: { fromId: string; workers: readonly WorkerLoad[]; onMoved: (message: string) => void }): ReactNode {
  const [load] = useApi(caseloadPath(fromId), caseload);
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: FIELDS,
    check: (data) => {
      const referralIds = data.getAll('referralIds').filter((v): v is string => typeof v === 'string');
      if (referralIds.length === 0) return { ok: false, errors: { detail: null, fields: { referralIds: 'Choose at least one case to move' } } };
      const linkWorkerId = formText(data, 'linkWorkerId');
      if (linkWorkerId === '') return { ok: false, errors: { detail: null, fields: { linkWorkerId: 'Choose who takes the cases' } } };
      return checkWith(reassignInput, { referralIds, linkWorkerId, reason: formText(data, 'reason') });
    },
    send: async (body) => {
      const result = await postJson('/api/caseload/reassign', body, reassignResult);
      const to = workers.find((w) => w.id === body.linkWorkerId)?.name ?? 'the new link worker';
      onMoved(`${result.moved === 1 ? '1 case has' : `${result.moved} cases have`} moved to ${to}.`);
    },
    toProblem: useProblemHandler(),
  });
  if (load.status === 'loading') return <Loading />;
  if (load.status === 'error') return <p className="nhsuk-body">Their cases could not be loaded: {load.problem.detail}</p>;
  const items = load.data.items;
  if (items.length === 0) return <p className="nhsuk-body">They have no open cases.</p>;
  const others = workers.filter((w) => w.id !== fromId);
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} order={FIELDS} />
      <ChoiceField
        type="checkbox"
        name="referralIds"
        legend="Cases to move"
        items={items.map((i) => ({ value: i.referralId, label: `${i.personName} (${i.reference})` }))}
        error={errors.fields.referralIds}
      />
      <SelectField
        name="linkWorkerId"
        label="Move them to"
        options={[{ value: '', label: 'Choose a link worker' }, ...others.map((w) => ({ value: w.id, label: `${w.name} – ${w.room > 0 ? `room for ${w.room}` : 'full'}` }))]}
        error={errors.fields.linkWorkerId}
      />
      <TextArea name="reason" label="Why are the cases moving?" hint="This is kept in the audit trail and on each referral’s timeline." rows={3} error={errors.fields.reason} />
      <button className="nhsuk-button" type="submit" disabled={busy}>
        Move cases
      </button>
    </form>
  );
}
