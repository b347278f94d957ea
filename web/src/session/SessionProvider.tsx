import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { sessionResponse, type SessionResponse } from '../../../src/contracts/auth.js';
import { getJson, setCsrfToken } from '../api/client.js';
import { isApiProblem, networkProblem } from '../api/problem.js';
import { SessionContext, type SessionApi, type SessionState } from './context.js';

/** Loads the session once at start and keeps the CSRF token in step with it. */
export function SessionProvider({ children }: { children: ReactNode }): ReactNode {
  const [state, setState] = useState<SessionState>({ status: 'loading' });

  const accept = useCallback((session: SessionResponse) => {
    setCsrfToken(session.csrfToken);
    setState({ status: 'signed-in', session });
  }, []);

  const clear = useCallback((notice?: string, returnAfterSignIn = false) => {
    setCsrfToken(null);
    setState({ status: 'signed-out', notice: notice ?? null, returnAfterSignIn });
  }, []);

  const refresh = useCallback(async (): Promise<SessionState> => {
    let next: SessionState;
    try {
      const session = await getJson('/api/session', sessionResponse);
      setCsrfToken(session.csrfToken);
      next = { status: 'signed-in', session };
    } catch (error) {
      if (isApiProblem(error) && error.status === 401) {
        setCsrfToken(null);
        next = { status: 'signed-out', notice: null, returnAfterSignIn: true };
      } else {
        next = { status: 'error', problem: isApiProblem(error) ? error : networkProblem() };
      }
    }
    setState(next);
    return next;
  }, []);

  useEffect(() => {
    void refresh(); // the outcome lands in state; nothing else waits for it
  }, [refresh]);

  const api = useMemo<SessionApi>(() => ({ state, refresh, accept, clear }), [state, refresh, accept, clear]);
  return <SessionContext.Provider value={api}>{children}</SessionContext.Provider>;
}
