import { useEffect, useRef, type MouseEvent, type ReactNode } from 'react';
import { hasErrors, summaryItems, type FormErrors } from '../forms/errors.js';

/**
 * NHS.UK error summary: focused whenever a submit fails so the user hears what went wrong,
 * with links that move focus to the field itself (not just scroll) and "Error: " in the tab title.
 */
interface Props {
  errors: FormErrors;
  /** Field names in page order; each is also the id of the field's input. */
  order: readonly string[];
}

function focusField(event: MouseEvent<HTMLAnchorElement>, field: string): void {
  const target = document.getElementById(field);
  if (!target) return;
  // Following the hash would change the route's address; focusing is what the user wants.
  event.preventDefault();
  target.focus();
  target.closest('.nhsuk-form-group')?.scrollIntoView();
}

export function ErrorSummary({ errors, order }: Props): ReactNode {
  const ref = useRef<HTMLDivElement>(null);
  const show = hasErrors(errors);

  useEffect(() => {
    if (!show) return undefined;
    ref.current?.focus();
    if (!document.title.startsWith('Error: ')) document.title = `Error: ${document.title}`;
    return () => {
      document.title = document.title.replace(/^Error: /, '');
    };
  }, [errors, show]);

  if (!show) return null;
  const items = summaryItems(errors, order);
  return (
    <div className="nhsuk-error-summary" tabIndex={-1} ref={ref}>
      <div role="alert">
        <h2 className="nhsuk-error-summary__heading">There is a problem</h2>
        <div className="nhsuk-error-summary__body">
          {errors.detail !== null && <p>{errors.detail}</p>}
          {items.length > 0 && (
            <ul className="nhsuk-list nhsuk-error-summary__list">
              {items.map(({ field, message }) => (
                <li key={field}>
                  <a
                    href={`#${field}`}
                    onClick={(event) => {
                      focusField(event, field);
                    }}
                  >
                    {message}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
    </div>
  );
}
