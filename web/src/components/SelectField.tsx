import type { ReactNode } from 'react';
import { describedBy, ErrorMessage } from './ErrorMessage.js';

/** An NHS.UK select with label, optional hint and error. The select's id is its name. */
interface Props {
  name: string;
  label: string;
  options: readonly { value: string; label: string }[];
  hint?: string;
  error?: string | undefined;
  defaultValue?: string;
}

export function SelectField({ name, label, options, hint, error, defaultValue }: Props): ReactNode {
  const hintId = hint === undefined ? undefined : `${name}-hint`;
  const errorId = error === undefined ? undefined : `${name}-error`;
  return (
    <div className={error === undefined ? 'nhsuk-form-group' : 'nhsuk-form-group nhsuk-form-group--error'}>
      <label className="nhsuk-label" htmlFor={name}>
        {label}
      </label>
      {hint !== undefined && (
        <div className="nhsuk-hint" id={hintId}>
          {hint}
        </div>
      )}
      {errorId !== undefined && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
      <select
        className={error === undefined ? 'nhsuk-select' : 'nhsuk-select nhsuk-select--error'}
        id={name}
        name={name}
        defaultValue={defaultValue}
        aria-describedby={describedBy(hintId, errorId)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
