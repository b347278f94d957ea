import type { HTMLAttributes, ReactNode } from 'react';
import { describedBy, ErrorMessage } from './ErrorMessage.js';

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
  const hintId = hint === undefined ? undefined : `${name}-hint`;
  const errorId = error === undefined ? undefined : `${name}-error`;
  const inputClass = ['nhsuk-input', code && 'nhsuk-input--code', widthClass, error !== undefined && 'nhsuk-input--error']
    .filter(Boolean)
    .join(' ');
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
      <input
        className={inputClass}
        id={name}
        name={name}
        type={type}
        autoComplete={autoComplete}
        inputMode={inputMode}
        defaultValue={defaultValue}
        spellCheck={spellCheck}
        aria-describedby={describedBy(hintId, errorId)}
      />
    </div>
  );
}
