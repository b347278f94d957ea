import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';

/**
 * NHS.UK footer. API documentation is served by the server, so it is a plain link. A page for
 * the public (a person answering a questionnaire) keeps only what they need: accessibility and
 * privacy, each opening in a new tab, so that reading them never leaves the questionnaire and
 * loses answers not yet saved.
 */
function FooterLink({ to, forPublic, children }: { to: string; forPublic: boolean; children: string }): ReactNode {
  if (forPublic) {
    return (
      <a className="nhsuk-footer__list-item-link" href={to} target="_blank" rel="noopener noreferrer">
        {children} (opens in a new tab)
      </a>
    );
  }
  return (
    <Link className="nhsuk-footer__list-item-link" to={to}>
      {children}
    </Link>
  );
}

export function Footer({ forPublic = false }: { forPublic?: boolean }): ReactNode {
  return (
    <footer className="nhsuk-footer" role="contentinfo">
      <div className="nhsuk-width-container">
        <div className="nhsuk-footer__meta">
          <h2 className="nhsuk-u-visually-hidden">Support links</h2>
          <ul className="nhsuk-footer__list">
            <li className="nhsuk-footer__list-item">
              <FooterLink to="/accessibility" forPublic={forPublic}>
                Accessibility statement
              </FooterLink>
            </li>
            {!forPublic && (
              <li className="nhsuk-footer__list-item">
                <a className="nhsuk-footer__list-item-link" href="/api/docs">
                  API documentation
                </a>
              </li>
            )}
            <li className="nhsuk-footer__list-item">
              <FooterLink to="/privacy" forPublic={forPublic}>
                Privacy
              </FooterLink>
            </li>
          </ul>
          {!forPublic && <p className="nhsuk-body-s">Linkwell is open-source software for social prescribing schemes.</p>}
        </div>
      </div>
    </footer>
  );
}
