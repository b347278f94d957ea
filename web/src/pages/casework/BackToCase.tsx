import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/** The way back from a page about one case to the case; `noPrint` leaves it off a printed page. */
export function BackToCase({ to, noPrint = false }: { to: string; noPrint?: boolean }): ReactNode {
  return (
    <Link className={noPrint ? 'nhsuk-back-link lw-no-print' : 'nhsuk-back-link'} to={to}>
      Back<span className="nhsuk-u-visually-hidden"> to the case</span>
    </Link>
  );
}
