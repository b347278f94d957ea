import type { ReactNode } from 'react';
import { useFocusOnMount } from '../../components/useFocusOnMount.js';

/**
 * An NHS.UK warning card whose heading takes focus when it appears, so that a screen reader
 * user hears it at once. The visually hidden "Important:" gives the colour's meaning in words.
 */
export function WarningCard({ heading, children }: { heading: ReactNode; children: ReactNode }): ReactNode {
  const ref = useFocusOnMount<HTMLHeadingElement>();
  return (
    <div className="nhsuk-card nhsuk-card--warning">
      <div className="nhsuk-card__content">
        <h2 className="nhsuk-card__heading" tabIndex={-1} ref={ref}>
          <span role="text">
            <span className="nhsuk-u-visually-hidden">Important: </span>
            {heading}
          </span>
        </h2>
        {children}
      </div>
    </div>
  );
}
