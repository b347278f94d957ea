import { useCallback, useEffect, useState } from 'react';
import type { z } from 'zod';
import { SESSION_ENDED, useSession } from '../session/context.js';
import { getJson } from './client.js';
import { asProblem, type ApiProblem } from './problem.js';

/**
 * Loads one GET resource for a page. A 401 means the session ended mid-use: the session is
 * cleared and the route guard sends the user to sign in. Answers that arrive after the page
 * moved on (a newer path) are dropped. While a new path loads, the last answer stays on screen,
 * so that paging or filtering does not pull the focused link out from under the user.
 */
export type Load<T> = { status: 'loading' } | { status: 'ok'; data: T } | { status: 'error'; problem: ApiProblem };

export function useApi<S extends z.ZodType>(path: string, schema: S): [Load<z.infer<S>>, () => void] {
  const { clear } = useSession();
  const [load, setLoad] = useState<Load<z.infer<S>>>({ status: 'loading' });
  const [generation, setGeneration] = useState(0);
  const reload = useCallback(() => {
    setGeneration((n) => n + 1);
  }, []);

  useEffect(() => {
    let current = true;
    getJson(path, schema).then(
      (data) => {
        if (current) setLoad({ status: 'ok', data });
      },
      (error: unknown) => {
        if (!current) return;
        const problem = asProblem(error);
        if (problem.status === 401) clear(SESSION_ENDED, true);
        else setLoad({ status: 'error', problem });
      },
    );
    return () => {
      current = false;
    };
  }, [path, schema, generation, clear]);

  return [load, reload];
}

/** For actions (POST, DELETE): turns a failure into a problem, handling an ended session. */
export function useProblemHandler(): (error: unknown) => ApiProblem | null {
  const { clear } = useSession();
  return useCallback(
    (error: unknown) => {
      const problem = asProblem(error);
      if (problem.status === 401) {
        clear(SESSION_ENDED, true);
        return null;
      }
      return problem;
    },
    [clear],
  );
}
