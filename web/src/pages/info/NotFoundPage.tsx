import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { PageHeading } from '../../components/PageHeading.js';

/** Any address the app does not know. */
export function NotFoundPage(): ReactNode {
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <PageHeading>Page not found</PageHeading>
        <p className="nhsuk-body">If you typed the web address, check it is correct.</p>
        <p className="nhsuk-body">If you pasted the web address, check you copied the entire address.</p>
        <p className="nhsuk-body">
          <Link to="/">Go to the Linkwell home page</Link>
        </p>
      </div>
    </div>
  );
}
