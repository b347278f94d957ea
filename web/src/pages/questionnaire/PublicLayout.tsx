import type { ReactNode } from 'react';
import { Link, Outlet } from 'react-router-dom';
import { SkipLink } from '../../layout/SkipLink.js';

/**
 * The frame of the person's questionnaire. It has none of the staff header: no menu, no
 * account, no sign out, and no link into the app, even when someone signed in to Linkwell
 * opens a link on the same device. The person sees the questionnaire and nothing else; the
 * footer keeps only what the public needs (accessibility and privacy), not the API documentation.
 */
export function PublicLayout(): ReactNode {
  return (
    <>
      <SkipLink />
      <header className="nhsuk-header" role="banner">
        <div className="nhsuk-header__container nhsuk-width-container">
          <div className="nhsuk-header__service">
            <span className="nhsuk-header__service-name">Linkwell</span>
          </div>
        </div>
      </header>
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent">
          <Outlet />
        </main>
      </div>
      <footer className="nhsuk-footer" role="contentinfo">
        <div className="nhsuk-width-container">
          <div className="nhsuk-footer__meta">
            <h2 className="nhsuk-u-visually-hidden">Support links</h2>
            <ul className="nhsuk-footer__list">
              <li className="nhsuk-footer__list-item">
                <Link className="nhsuk-footer__list-item-link" to="/accessibility">
                  Accessibility statement
                </Link>
              </li>
              <li className="nhsuk-footer__list-item">
                <Link className="nhsuk-footer__list-item-link" to="/privacy">
                  Privacy
                </Link>
              </li>
            </ul>
          </div>
        </div>
      </footer>
    </>
  );
}
