import type { ReactNode } from 'react';
import { Outlet } from 'react-router-dom';
import { Footer } from '../../layout/Footer.js';
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
      <Footer forPublic />
    </>
  );
}
