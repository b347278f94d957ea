import { createContext, useContext } from 'react';
import type { Role } from '../../../src/auth/roles.js';
import type { SessionResponse } from '../../../src/contracts/auth.js';
import type { ApiProblem } from '../api/problem.js';

/**
 * Who is signed in, as the server last told us. Pages read it; only the auth pages and the
 * account page change it, through these functions.
 */
export type SessionState =
  | { status: 'loading' }
  | { status: 'signed-out'; notice: string | null; returnAfterSignIn: boolean }
  | { status: 'signed-in'; session: SessionResponse }
  | { status: 'error'; problem: ApiProblem };

export interface SessionApi {
  state: SessionState;
  /** Asks the server again (after sign-in, MFA, or anything that changes the session). */
  refresh: () => Promise<SessionState>;
  /** Takes a session answer the page already has (switching membership returns one). */
  accept: (session: SessionResponse) => void;
  /**
   * Forgets the session. The notice is shown on the sign-in page; `returnAfterSignIn` (for a
   * session that ended by itself) brings the user back to where they were once signed in again.
   */
  clear: (notice?: string, returnAfterSignIn?: boolean) => void;
}

export const SessionContext = createContext<SessionApi | null>(null);

export function useSession(): SessionApi {
  const api = useContext(SessionContext);
  if (api === null) throw new Error('useSession needs a SessionProvider');
  return api;
}

export function currentSession(state: SessionState): SessionResponse | null {
  return state.status === 'signed-in' ? state.session : null;
}

export function currentRole(state: SessionState): Role | null {
  return currentSession(state)?.membership?.role ?? null;
}

/** Where someone at each sign-in stage belongs. */
export function stagePath(stage: SessionResponse['stage']): string {
  switch (stage) {
    case 'mfa':
      return '/sign-in/code';
    case 'mfa_setup':
      return '/set-up-mfa';
    case 'active':
      return '/';
  }
}

export const SESSION_ENDED = 'Your session has ended. Sign in again to continue.';
