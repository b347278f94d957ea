import { useId, type ReactNode } from 'react';
import { useFocusOnMount } from './useFocusOnMount.js';

/**
 * NHS.UK success notification banner, for confirming that something the user did worked. It
 * takes focus when it appears, as the design system's script does, because the button the user
 * pressed is often disabled or gone by then and focus would otherwise fall back to the page.
 * Give it a `key` of its message so a second confirmation is focused too.
 */
export function SuccessBanner({ children }: { children: ReactNode }): ReactNode {
  const titleId = useId();
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <div className="nhsuk-notification-banner nhsuk-notification-banner--success" role="alert" aria-labelledby={titleId} tabIndex={-1} ref={ref}>
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id={titleId}>
          Success
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  );
}

/** The neutral banner, for information such as "you have signed out". */
export function InfoBanner({ children }: { children: ReactNode }): ReactNode {
  const titleId = useId();
  return (
    <div className="nhsuk-notification-banner" role="region" aria-labelledby={titleId}>
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id={titleId}>
          Important
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  );
}
