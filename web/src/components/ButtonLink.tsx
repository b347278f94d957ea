import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/**
 * A link styled as an NHS.UK button, for a call to action that goes to another page. It stays a
 * link for assistive technology, because that is what it does.
 */
export function ButtonLink({ to, children, secondary = false }: { to: string; children: ReactNode; secondary?: boolean }): ReactNode {
  return (
    <Link className={secondary ? 'nhsuk-button nhsuk-button--secondary' : 'nhsuk-button'} to={to} draggable="false">
      {children}
    </Link>
  );
}
