import type { ReactNode } from 'react';
import { describedBy, ErrorMessage } from './ErrorMessage.js';

/**
 * NHS.UK checkboxes or radios in a fieldset. The first input's id is the field name, so the
 * error summary's link lands on it.
 */
interface Props {
  type: 'checkbox' | 'radio';
  name: string;
  legend: string;
  items: readonly { value: string; label: string; hint?: string }[];
  hint?: string;
  error?: string | undefined;
  defaultValues?: readonly string[];
}

export function ChoiceField({ type, name, legend, items, hint, error, defaultValues = [] }: Props): ReactNode {
  const hintId = hint === undefined ? undefined : `${name}-hint`;
  const errorId = error === undefined ? undefined : `${name}-error`;
  const group = type === 'checkbox' ? 'nhsuk-checkboxes' : 'nhsuk-radios';
  return (
    <div className={error === undefined ? 'nhsuk-form-group' : 'nhsuk-form-group nhsuk-form-group--error'}>
      <fieldset className="nhsuk-fieldset" aria-describedby={describedBy(hintId, errorId)}>
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{legend}</legend>
        {hint !== undefined && (
          <div className="nhsuk-hint" id={hintId}>
            {hint}
          </div>
        )}
        {errorId !== undefined && <ErrorMessage id={errorId}>{error}</ErrorMessage>}
        <div className={group}>
          {items.map((item, index) => {
            const id = index === 0 ? name : `${name}-${index + 1}`;
            const itemHintId = item.hint === undefined ? undefined : `${id}-item-hint`;
            return (
              <div className={`${group}__item`} key={item.value}>
                <input
                  className={`${group}__input`}
                  id={id}
                  name={name}
                  type={type}
                  value={item.value}
                  defaultChecked={defaultValues.includes(item.value)}
                  aria-describedby={itemHintId}
                />
                <label className={`nhsuk-label ${group}__label`} htmlFor={id}>
                  {item.label}
                </label>
                {itemHintId !== undefined && (
                  <div className={`nhsuk-hint ${group}__hint`} id={itemHintId}>
                    {item.hint}
                  </div>
                )}
              </div>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
