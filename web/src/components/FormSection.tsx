import type { ReactNode } from 'react';

/**
 * One section of a long form: a fieldset whose legend is an h2, as the NHS.UK design system
 * does for a question page's heading, so the page's outline lists the sections.
 */
export function FormSection({ heading, hint, id, children }: { heading: string; hint?: ReactNode; id?: string; children: ReactNode }): ReactNode {
  const hintId = hint === undefined || id === undefined ? undefined : `${id}-hint`;
  return (
    <fieldset className="nhsuk-fieldset nhsuk-u-margin-bottom-8" aria-describedby={hintId}>
      <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--m">
        <h2 className="nhsuk-fieldset__heading">{heading}</h2>
      </legend>
      {hint !== undefined && (
        <div className="nhsuk-hint" id={hintId}>
          {hint}
        </div>
      )}
      {children}
    </fieldset>
  );
}
