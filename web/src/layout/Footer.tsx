import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/**
 * NHS.UK footer. API documentation is served by the server, so it is a plain link. A page for
 * the public (a person answering a questionnaire) keeps only what they need: accessibility and privacy.
 */
export function Footer({ forPublic = false }: { forPublic?: boolean }): ReactNode {
  return (
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
            {!forPublic && (
              <li className="nhsuk-footer__list-item">
                <a className="nhsuk-footer__list-item-link" href="/api/docs">
                  API documentation
                </a>
              </li>
            )}
            <li className="nhsuk-footer__list-item">
              <Link className="nhsuk-footer__list-item-link" to="/privacy">
                Privacy
              </Link>
            </li>
          </ul>
          {!forPublic && <p className="nhsuk-body-s">Linkwell is open-source software for social prescribing schemes.</p>}
        </div>
      </div>
    </footer>
  );
}
