import type { ReactNode } from 'react';
import { allocateRequest, allocateResult, type TriageQueue } from '../../../../src/contracts/referrals.js';
import { postJson } from '../../api/client.js';
import { useProblemHandler } from '../../api/useApi.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField } from '../../components/SelectField.js';
import { checkWith, formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { plural } from '../referrals/labels.js';
import { caseloadOption } from './query.js';

/**
 * Allocates the referrals ticked in the queue to one link worker. The ticks live in the page's
 * state (the checkboxes sit in the table above), so this form sends them with the choice here.
 */
const FIELDS = ['referralIds', 'linkWorkerId'] as const;

interface Props {
  selectedIds: readonly string[];
  caseloads: TriageQueue['caseloads'];
  onAllocated: (count: number, name: string) => void;
}

export function AllocateForm({ selectedIds, caseloads, onAllocated }: Props): ReactNode {
  const handle = useProblemHandler();
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: FIELDS,
    check: (data) => checkWith(allocateRequest, { referralIds: [...selectedIds], linkWorkerId: formText(data, 'linkWorkerId') }),
    send: async (body) => {
      const result = await postJson('/api/triage/allocate', body, allocateResult);
      const name = caseloads.find((c) => c.linkWorkerId === body.linkWorkerId)?.name ?? 'the link worker';
      onAllocated(result.allocated, name);
    },
    toProblem: handle,
  });

  return (
    <section>
      <h2 className="nhsuk-heading-m" id="allocate-heading">
        Allocate selected referrals
      </h2>
      <ErrorSummary errors={errors} order={FIELDS} />
      <form onSubmit={onSubmit} noValidate aria-labelledby="allocate-heading">
        <p className="nhsuk-body" role="status">
          {selectedIds.length === 0 ? 'No referrals selected. Tick them in the table above.' : `${plural(selectedIds.length, 'referral', 'referrals')} selected.`}
        </p>
        {errors.fields.referralIds !== undefined && (
          <p className="nhsuk-error-message">
            <span className="nhsuk-u-visually-hidden">Error: </span>
            {errors.fields.referralIds}
          </p>
        )}
        <SelectField
          name="linkWorkerId"
          label="Link worker"
          hint="The number of open cases each has now is shown in brackets."
          options={[{ value: '', label: 'Choose a link worker' }, ...caseloads.map((c) => ({ value: c.linkWorkerId, label: caseloadOption(c) }))]}
          defaultValue=""
          error={errors.fields.linkWorkerId}
        />
        <button className="nhsuk-button" type="submit" disabled={busy}>
          Allocate selected referrals
        </button>
      </form>
    </section>
  );
}
