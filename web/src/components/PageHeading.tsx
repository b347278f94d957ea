import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's one h1. When it appears it names the page in the browser tab and, after the first
 * page, takes focus, so that a screen reader announces the new page the way a full page load
 * would. The first page keeps the browser's normal start (skip link first).
 */
let firstPage = true;

/** A banner or error summary above the heading took focus first (effects run in page order). */
function messageHasFocus(): boolean {
  return document.activeElement?.closest('.nhsuk-notification-banner, .nhsuk-error-summary') != null;
}

interface Props {
  children: ReactNode;
  /** For the browser tab; defaults to the heading when the heading is plain text. */
  title?: string;
  className?: string;
}

export function PageHeading({ children, title, className = 'nhsuk-heading-l' }: Props): ReactNode {
  const ref = useRef<HTMLHeadingElement>(null);
  const handled = useRef(false);
  const pageTitle = title ?? (typeof children === 'string' ? children : 'Linkwell');

  useEffect(() => {
    document.title = pageTitle === 'Linkwell' ? 'Linkwell' : `${pageTitle} – Linkwell`;
  }, [pageTitle]);

  useEffect(() => {
    // React's development double-run of effects must not count as a second page.
    if (handled.current) return;
    handled.current = true;
    if (firstPage) firstPage = false;
    else if (!messageHasFocus()) ref.current?.focus();
  }, []);

  return (
    <h1 className={className} tabIndex={-1} ref={ref}>
      {children}
    </h1>
  );
}
