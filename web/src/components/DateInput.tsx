import type { ReactNode } from 'react';
import type { DateParts } from './dateParts.js';
import { describedBy, ErrorMessage } from './ErrorMessage.js';

/**
 * The NHS.UK date input: day, month and year boxes in a fieldset. The day box's id is the field
 * name, so the error summary's link lands on it; the boxes are named `<name>-day` and so on.
 * `autoCompleteBirthday` is for someone entering their own date of birth.
 */
interface Props {
  name: string;
  legend: string;
  hint?: string;
  error?: string | undefined;
  defaultValue?: DateParts;
  autoCompleteBirthday?: boolean;
}

const PARTS = [
  { part: 'day', label: 'Day', width: 'nhsuk-input--width-2', autoComplete: 'bday-day' },
  { part: 'month', label: 'Month', width: 'nhsuk-input--width-2', autoComplete: 'bday-month' },
  { part: 'year', label: 'Year', width: 'nhsuk-input--width-4', autoComplete: 'bday-year' },
] as const;

export function DateInput({ name, legend, hint, error, defaultValue, autoCompleteBirthday = false }: Props): ReactNode {
  const hintId = hint === undefined ? undefined : `${name}-hint`;
  const errorId = error === undefined ? undefined : `${name}-error`;
  const groupClass = error === undefined ? 'nhsuk-form-group' : 'nhsuk-form-group nhsuk-form-group--error';
  return (
    <div className={groupClass}>
      <fieldset className="nhsuk-fieldset" role="group" aria-describedby={describedBy(hintId, errorId)}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint !== undefined && (
          <div className="nhsuk-hint" id={hintId}>
            {hint}
          </div>
        )}
        {errorId !== undefined && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className="nhsuk-date-input">
          {PARTS.map(({ part, label, width, autoComplete }) => {
            const id = part === 'day' ? name : `${name}-${part}`;
            const inputClass = ['nhsuk-input', error !== undefined && 'nhsuk-input--error', width, 'nhsuk-date-input__input'].filter(Boolean).join(' ');
            return (
              <div className="nhsuk-date-input__item" key={part}>
                <div className={groupClass}>
                  <label className="nhsuk-label nhsuk-date-input__label" htmlFor={id}>
                    {label}
                  </label>
                  <input
                    className={inputClass}
                    id={id}
                    name={`${name}-${part}`}
                    type="text"
                    inputMode="numeric"
                    autoComplete={autoCompleteBirthday ? autoComplete : 'off'}
                    defaultValue={defaultValue?.[part]}
                  />
                </div>
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
