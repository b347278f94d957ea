import type { ReactNode } from 'react';
import { FormGroup } from '../../components/FormGroup.js';

/** A time of day, typed or picked (24-hour clock); the id is the name, so the error summary can link to it. */
export function TimeField({ name, label, hint, error, defaultValue }: { name: string; label: string; hint?: string; error?: string | undefined; defaultValue?: string }): ReactNode {
  return (
    <FormGroup name={name} label={label} hint={hint} error={error}>
      {(ariaDescribedBy) => (
        <input
          className={error === undefined ? 'nhsuk-input nhsuk-input--width-5' : 'nhsuk-input nhsuk-input--width-5 nhsuk-input--error'}
          id={name}
          name={name}
          type="time"
          defaultValue={defaultValue}
          aria-describedby={ariaDescribedBy}
        />
      )}
    </FormGroup>
  );
}
