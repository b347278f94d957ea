import { useCallback, type ReactNode } from 'react';
import { Outlet, useLocation, useNavigate } from 'react-router-dom';
import { post } from '../api/client.js';
import { currentSession, useSession } from '../session/context.js';

const SIGNED_OUT = 'You have signed out.';
import { Footer } from './Footer.js';
import { Header } from './Header.js';
import { SkipLink } from './SkipLink.js';

/**
 * The frame of every page. The page is keyed by its path so that moving to another address
 * always mounts a fresh page, whose heading then takes focus and names the tab.
 */
export function Layout(): ReactNode {
  const { state, clear } = useSession();
  const navigate = useNavigate();
  const { pathname } = useLocation();

  const signOut = useCallback(() => {
    const leave = (): void => {
      // Clearing makes a protected page redirect to sign-in by itself, and that redirect can
      // land after ours, so both carry the same message.
      clear(SIGNED_OUT);
      void navigate('/sign-in', { state: { message: SIGNED_OUT } });
    };
    // Whatever the server says, the person asked to leave: forget the session either way.
    post('/api/auth/sign-out').then(leave, leave);
  }, [clear, navigate]);

  return (
    <>
      <SkipLink />
      <Header session={currentSession(state)} onSignOut={signOut} />
      <div className="nhsuk-width-container">
        <main className="nhsuk-main-wrapper" id="maincontent">
          <Outlet key={pathname} />
        </main>
      </div>
      <Footer />
    </>
  );
}
