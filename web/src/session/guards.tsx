import type { ReactNode } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import type { Role } from '../../../src/auth/roles.js';
import type { SessionResponse } from '../../../src/contracts/auth.js';
import { Loading } from '../components/Loading.js';
import { ForbiddenContent, ProblemPage } from '../components/ProblemPage.js';
import { currentRole, stagePath, useSession } from './context.js';
import { useFlash } from './flash.js';

/**
 * Route guards. They only spare people pages they cannot use; the server checks every request.
 *
 * They also move people through sign-in: when the session's stage changes (signed out, code
 * entered, MFA set up) the guard of the page they are on sends them on. Doing it here, from
 * the session state, avoids a page's own navigation racing the guard's redirect. The address
 * someone first asked for travels along as `from`, so they end up there.
 */
interface RequireSessionProps {
  stages?: readonly SessionResponse['stage'][];
}

export function RequireSession({ stages = ['active'] }: RequireSessionProps): ReactNode {
  const { state } = useSession();
  const location = useLocation();
  const flash = useFlash();
  const here = `${location.pathname}${location.search}`;
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error') return <ProblemPage problem={state.problem} />;
  if (state.status === 'signed-out') {
    const from = state.returnAfterSignIn ? here : undefined;
    return <Navigate to="/sign-in" replace state={{ from, message: state.notice }} />;
  }
  const { stage } = state.session;
  if (stages.includes(stage)) return <Outlet />;
  if (stage === 'active') return <Navigate to={flash.from ?? '/'} replace />;
  const from = flash.from ?? (stages.includes('active') ? here : undefined);
  return <Navigate to={stagePath(stage)} replace state={{ from }} />;
}

export function RequireRole({ allow }: { allow: (role: Role | null) => boolean }): ReactNode {
  const { state } = useSession();
  return allow(currentRole(state)) ? <Outlet /> : <ForbiddenContent />;
}
