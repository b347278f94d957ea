import type { ReactNode } from 'react';
import { FormGroup } from './FormGroup.js';

/** An NHS.UK textarea with label, optional hint and error. The textarea's id is its name. */
interface Props {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  rows?: number;
  defaultValue?: string;
  autoComplete?: string;
}

export function TextArea({ name, label, hint, error, rows = 5, defaultValue, autoComplete }: Props): ReactNode {
  return (
    <FormGroup name={name} label={label} hint={hint} error={error}>
      {(ariaDescribedBy) => (
        <textarea
          className={error === undefined ? 'nhsuk-textarea' : 'nhsuk-textarea nhsuk-textarea--error'}
          id={name}
          name={name}
          rows={rows}
          defaultValue={defaultValue}
          autoComplete={autoComplete}
          aria-describedby={ariaDescribedBy}
        />
      )}
    </FormGroup>
  );
}
