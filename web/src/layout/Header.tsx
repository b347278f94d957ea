import type { ReactNode } from 'react';
import { Link, useLocation } from 'react-router-dom';
import type { SessionResponse } from '../../../src/contracts/auth.js';
import { isCurrent, navItems } from './navigation.js';

/**
 * NHS.UK header with the service name linking home (Linkwell is not nhs.uk, so no NHS logo).
 * The menu is the design system's markup without its "More" script: the list wraps onto more
 * lines on a small screen instead, which needs no JavaScript and never scrolls sideways.
 */
interface Props {
  session: SessionResponse | null;
  onSignOut: () => void;
}

const userIcon =
  'M12 1a11 11 0 1 1 0 22 11 11 0 0 1 0-22Zm0 2a9 9 0 0 0-5 16.5V18a4 4 0 0 1 4-4h2a4 4 0 0 1 4 4v1.5A9 9 0 0 0 12 3Zm0 3a3.5 3.5 0 1 1-3.5 3.5A3.4 3.4 0 0 1 12 6Z';

export function Header({ session, onSignOut }: Props): ReactNode {
  const { pathname } = useLocation();
  const active = session !== null && session.stage === 'active';
  const role = session?.membership?.role ?? null;
  return (
    <header className="nhsuk-header" role="banner">
      <div className="nhsuk-header__container nhsuk-width-container">
        <div className="nhsuk-header__service">
          <Link className="nhsuk-header__service-name" to="/">
            Linkwell
          </Link>
        </div>
        {session !== null && (
          <nav className="nhsuk-header__account" aria-label="Account">
            <ul className="nhsuk-header__account-list">
              <li className="nhsuk-header__account-item">
                <svg className="nhsuk-icon nhsuk-icon--user" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24" width="16" height="16" focusable="false" aria-hidden="true">
                  <path d={userIcon} />
                </svg>
                {session.user.displayName}
                {session.membership !== null && `, ${session.membership.roleLabel}`}
              </li>
              <li className="nhsuk-header__account-item">
                <button className="nhsuk-header__account-button" type="button" onClick={onSignOut}>
                  Sign out
                </button>
              </li>
            </ul>
          </nav>
        )}
      </div>
      {active && (
        <nav className="nhsuk-header__navigation" aria-label="Menu">
          <div className="nhsuk-header__navigation-container nhsuk-width-container">
            <ul className="nhsuk-header__navigation-list">
              {navItems(role).map((item) => {
                const current = isCurrent(pathname, item.href);
                const exact = pathname === item.href;
                return (
                  <li className={current ? 'nhsuk-header__navigation-item nhsuk-header__navigation-item--current' : 'nhsuk-header__navigation-item'} key={item.href}>
                    <Link className="nhsuk-header__navigation-link" to={item.href} aria-current={current ? (exact ? 'page' : 'true') : undefined}>
                      {current ? <strong className="nhsuk-header__navigation-item-current-fallback">{item.label}</strong> : item.label}
                    </Link>
                  </li>
                );
              })}
            </ul>
          </div>
        </nav>
      )}
    </header>
  );
}
