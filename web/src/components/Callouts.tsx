import type { ReactNode } from 'react';

/**
 * NHS.UK inset text and warning callout, for content that updates in place (they do not take
 * focus). The visually hidden prefixes say in words what the colour says.
 */
export function InsetText({ children }: { children: ReactNode }): ReactNode {
  return (
    <div className="nhsuk-inset-text">
      <span className="nhsuk-u-visually-hidden">Information: </span>
      {children}
    </div>
  );
}

export function WarningCallout({ heading, level = 3, children }: { heading: ReactNode; level?: 2 | 3; children: ReactNode }): ReactNode {
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <Heading className="nhsuk-card__heading">
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            {heading}
          </span>
        </Heading>
        {children}
      </div>
    </div>
  );
}
