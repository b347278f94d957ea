import type { ReactNode, SubmitEvent } from 'react';
import { URGENCIES, URGENCY_LABELS } from '../../../../src/contracts/referral-codes.js';
import { SelectField } from '../../components/SelectField.js';
import { formText } from '../../forms/errors.js';
import type { Labelled } from '../referrals/labels.js';
import { readTriageFilters, type TriageFilters } from './query.js';

/** Narrows the queue by practice, need and urgency. Applying changes the address (query.ts). */
interface Props {
  filters: TriageFilters;
  practices: readonly string[];
  needCategories: readonly Labelled[];
  onApply: (filters: TriageFilters) => void;
}

export function TriageFilterForm({ filters, practices, needCategories, onApply }: Props): ReactNode {
  // The chosen practice stays choosable even if the server's list no longer has it.
  const practiceCodes = filters.practice === undefined || practices.includes(filters.practice) ? practices : [filters.practice, ...practices];
  const needs = filters.need === undefined || needCategories.some((n) => n.code === filters.need) ? needCategories : [{ code: filters.need, label: filters.need }, ...needCategories];

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const params = new URLSearchParams();
    for (const field of ['practice', 'need', 'urgency']) params.set(field, formText(data, field));
    onApply(readTriageFilters(params));
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-label="Filter the triage queue">
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third">
          <SelectField
            name="practice"
            label="GP practice"
            options={[{ value: '', label: 'Any practice' }, ...practiceCodes.map((p) => ({ value: p, label: p }))]}
            defaultValue={filters.practice ?? ''}
          />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <SelectField
            name="need"
            label="Wants help with"
            options={[{ value: '', label: 'Any need' }, ...needs.map((n) => ({ value: n.code, label: n.label }))]}
            defaultValue={filters.need ?? ''}
          />
        </div>
        <div className="nhsuk-grid-column-one-third">
          <SelectField
            name="urgency"
            label="Urgency"
            options={[{ value: '', label: 'Any urgency' }, ...URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))]}
            defaultValue={filters.urgency ?? ''}
          />
        </div>
      </div>
      <div className="nhsuk-button-group">
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Apply filters
        </button>
        <button
          className="nhsuk-button nhsuk-button--secondary"
          type="button"
          onClick={() => {
            onApply({});
          }}
        >
          Clear filters
        </button>
      </div>
    </form>
  );
}
