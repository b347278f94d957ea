import type { HTMLAttributes, ReactNode } from 'react';
import { FormGroup } from './FormGroup.js';

/** An NHS.UK text input with label, optional hint and error. The input's id is its name. */
interface Props {
  name: string;
  label: string;
  type?: 'text' | 'email' | 'password' | 'date';
  hint?: ReactNode;
  error?: string | undefined;
  autoComplete?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  /** An NHS.UK width class such as nhsuk-input--width-10; full width otherwise. */
  widthClass?: string;
  defaultValue?: string;
  spellCheck?: boolean;
  code?: boolean;
}

export function TextField(props: Props): ReactNode {
  const { name, label, type = 'text', hint, error, autoComplete, inputMode, widthClass, defaultValue, spellCheck, code } = props;
  const inputClass = ['nhsuk-input', code && 'nhsuk-input--code', widthClass, error !== undefined && 'nhsuk-input--error']
    .filter(Boolean)
    .join(' ');
  return (
    <FormGroup name={name} label={label} hint={hint} error={error}>
      {(ariaDescribedBy) => (
        <input
          className={inputClass}
          id={name}
          name={name}
          type={type}
          autoComplete={autoComplete}
          inputMode={inputMode}
          defaultValue={defaultValue}
          spellCheck={spellCheck}
          aria-describedby={ariaDescribedBy}
        />
      )}
    </FormGroup>
  );
}
