import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import type { ApiProblem } from '../api/problem.js';
import { PageHeading } from './PageHeading.js';

/**
 * What a page shows instead of itself when its data cannot be loaded. It brings its own h1,
 * so the page must not render one alongside it.
 */
export function ForbiddenContent(): ReactNode {
  return (
    <>
      <PageHeading>You do not have permission to see this page</PageHeading>
      <p className="nhsuk-body">Your role in this scheme does not include this page.</p>
      <p className="nhsuk-body">
        If you think you should have access, ask your scheme manager. <Link to="/">Go to the home page</Link>.
      </p>
    </>
  );
}

export function ProblemPage({ problem }: { problem: ApiProblem }): ReactNode {
  if (problem.status === 403) return <ForbiddenContent />;
  if (problem.status === 404) {
    return (
      <>
        <PageHeading>Page not found</PageHeading>
        <p className="nhsuk-body">{problem.detail}</p>
        <p className="nhsuk-body">
          <Link to="/">Go to the home page</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <PageHeading>Sorry, there is a problem with the service</PageHeading>
      <p className="nhsuk-body">{problem.detail}</p>
      <p className="nhsuk-body">Try again later.</p>
      {problem.requestId !== null && (
        <p className="nhsuk-body">
          If you contact support, quote reference <span className="lw-break">{problem.requestId}</span>.
        </p>
      )}
    </>
  );
}
