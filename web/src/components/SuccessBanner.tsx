import { useId, type ReactNode, type Ref } from 'react';
import { useFocusOnMount } from './useFocusOnMount.js';

interface BannerProps {
  className: string;
  role: 'alert' | 'region';
  title: string;
  children: ReactNode;
  tabIndex?: number;
  ref?: Ref<HTMLDivElement>;
}

/** The NHS.UK notification banner's markup, shared by the kinds below. */
function NotificationBanner({ className, role, title, children, tabIndex, ref }: BannerProps): ReactNode {
  const titleId = useId();
  return (
    <div className={className} role={role} aria-labelledby={titleId} tabIndex={tabIndex} ref={ref}>
      <div className="nhsuk-notification-banner__header">
        <h2 className="nhsuk-notification-banner__title" id={titleId}>
          {title}
        </h2>
      </div>
      <div className="nhsuk-notification-banner__content">
        <p className="nhsuk-notification-banner__heading">{children}</p>
      </div>
    </div>
  );
}

/**
 * NHS.UK success notification banner, for confirming that something the user did worked. It
 * takes focus when it appears, as the design system's script does, because the button the user
 * pressed is often disabled or gone by then and focus would otherwise fall back to the page.
 * Give it a `key` of its message so a second confirmation is focused too.
 */
export function SuccessBanner({ children }: { children: ReactNode }): ReactNode {
  const ref = useFocusOnMount<HTMLDivElement>();
  return (
    <NotificationBanner className="nhsuk-notification-banner nhsuk-notification-banner--success" role="alert" title="Success" tabIndex={-1} ref={ref}>
      {children}
    </NotificationBanner>
  );
}

/** The neutral banner, for information such as "you have signed out". */
export function InfoBanner({ children }: { children: ReactNode }): ReactNode {
  return (
    <NotificationBanner className="nhsuk-notification-banner" role="region" title="Important">
      {children}
    </NotificationBanner>
  );
}
