import type { ReactNode } from 'react';
import { FormGroup } from './FormGroup.js';

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
  return (
    <FormGroup name={name} label={label} hint={hint} error={error}>
      {(ariaDescribedBy) => (
        <select
          className={error === undefined ? 'nhsuk-select' : 'nhsuk-select nhsuk-select--error'}
          id={name}
          name={name}
          defaultValue={defaultValue}
          aria-describedby={ariaDescribedBy}
        >
          {options.map((option) => (
            <option key={option.value} value={option.value}>
              {option.label}
            </option>
          ))}
        </select>
      )}
    </FormGroup>
  );
}
