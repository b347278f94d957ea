import type { ReactNode } from 'react';
import { PageHeading } from './PageHeading.js';

/**
 * The NHS.UK confirmation panel at the top of a "done" page. Its heading is the page's h1, so
 * it names the tab and takes focus when the page changes to it.
 */
export function ConfirmationPanel({ heading, children }: { heading: string; children: ReactNode }): ReactNode {
  return (
    <div className="nhsuk-panel">
      <PageHeading className="nhsuk-panel__heading">{heading}</PageHeading>
      <div className="nhsuk-panel__body">{children}</div>
    </div>
  );
}
