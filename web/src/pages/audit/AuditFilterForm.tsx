import { useState, type SubmitEvent, type ReactNode } from 'react';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField } from '../../components/SelectField.js';
import { TextField } from '../../components/TextField.js';
import { formText, noErrors, type FormErrors } from '../../forms/errors.js';
import { AUDIT_ACTIONS, filterErrors, FILTER_FIELDS, type AuditFilters } from './query.js';

/**
 * The audit filters. Applying them changes the address (see query.ts); errors the server finds
 * in a typed-in address arrive as `serverErrors` and show the same way as the form's own.
 */
interface Props {
  filters: AuditFilters;
  serverErrors: FormErrors;
  onApply: (filters: AuditFilters) => void;
  onClear: () => void;
}

const ORDER = ['action', 'entityType', 'from', 'to'] as const;
const ACTION_OPTIONS = [{ value: '', label: 'Any action' }, ...AUDIT_ACTIONS.map((a) => ({ value: a, label: a }))];

export function AuditFilterForm({ filters, serverErrors, onApply, onClear }: Props): ReactNode {
  const [localErrors, setLocalErrors] = useState<FormErrors>(noErrors);
  const errors = localErrors === noErrors ? serverErrors : localErrors;

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const next: AuditFilters = {};
    for (const field of FILTER_FIELDS) {
      const value = formText(data, field).trim();
      if (value !== '') next[field] = value;
    }
    const fields = filterErrors(next);
    if (Object.keys(fields).length > 0) {
      setLocalErrors({ detail: null, fields });
      return;
    }
    setLocalErrors(noErrors);
    onApply(next);
  }

  return (
    <>
      <ErrorSummary errors={errors} order={ORDER} />
      <form onSubmit={onSubmit} noValidate aria-label="Filter audit events">
        <div className="nhsuk-grid-row">
          <div className="nhsuk-grid-column-one-quarter">
            <SelectField name="action" label="Action" options={ACTION_OPTIONS} defaultValue={filters.action ?? ''} error={errors.fields.action} />
          </div>
          <div className="nhsuk-grid-column-one-quarter">
            <TextField name="entityType" label="Record type" hint="For example, user" spellCheck={false} defaultValue={filters.entityType ?? ''} error={errors.fields.entityType} />
          </div>
          <div className="nhsuk-grid-column-one-quarter">
            <TextField name="from" label="From" type="date" hint="On or after" defaultValue={filters.from ?? ''} error={errors.fields.from} />
          </div>
          <div className="nhsuk-grid-column-one-quarter">
            <TextField name="to" label="To" type="date" hint="On or before" defaultValue={filters.to ?? ''} error={errors.fields.to} />
          </div>
        </div>
        {filters.actorId !== undefined && <input type="hidden" name="actorId" value={filters.actorId} />}
        <div className="nhsuk-button-group">
          <button className="nhsuk-button nhsuk-button--secondary" type="submit">
            Apply filters
          </button>
          <button className="nhsuk-button nhsuk-button--secondary" type="button" onClick={onClear}>
            Clear filters
          </button>
        </div>
      </form>
    </>
  );
}
