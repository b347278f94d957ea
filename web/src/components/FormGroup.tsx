import type { ReactNode } from 'react';
import { describedBy, ErrorMessage } from './ErrorMessage.js';

interface Props {
  /** The control's name, which is also its id. */
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string | undefined;
  /** The control itself, given the aria-describedby for its hint and error. */
  children: (describedBy: string | undefined) => ReactNode;
}

/** The NHS.UK form group around one labelled control: label, optional hint and error, then the control. */
export function FormGroup({ name, label, hint, error, children }: Props): ReactNode {
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
      {children(describedBy(hintId, errorId))}
    </div>
  );
}
