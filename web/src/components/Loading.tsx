import type { ReactNode } from 'react';

/** A polite status, so screen readers hear that content is on its way without being interrupted. */
export function Loading({ children = 'Loading…' }: { children?: ReactNode }): ReactNode {
  return (
    <p className="nhsuk-body" role="status">
      {children}
    </p>
  );
}
