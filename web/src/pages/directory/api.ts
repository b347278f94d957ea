import { useCallback } from 'react';
import type { z } from 'zod';
import { requestJson } from '../../components/rawRequest.js';
import { currentSession, useSession } from '../../session/context.js';

/**
 * Changes to directory records. Edits carry the version the page was filled from in If-Match,
 * so the server answers 412 when someone else saved first; the CSRF token comes from the
 * signed-in session, as for every change made with the session cookie.
 */
export type DirectoryMethod = 'POST' | 'PUT' | 'PATCH';

export type DirectorySend = <S extends z.ZodType>(method: DirectoryMethod, path: string, body: unknown, schema: S, version?: number) => Promise<z.infer<S>>;

export function useDirectorySend(): DirectorySend {
  const { state } = useSession();
  const csrfToken = currentSession(state)?.csrfToken ?? null;
  return useCallback(
    <S extends z.ZodType>(method: DirectoryMethod, path: string, body: unknown, schema: S, version?: number) =>
      requestJson(path, { method, json: body, csrfToken, headers: version === undefined ? {} : { 'If-Match': `"${String(version)}"` } }, schema),
    [csrfToken],
  );
}

/** The words shown when a save loses the race with someone else's. */
export const CHANGED_MEANWHILE = 'Someone else changed this listing while you were editing. Reload to see their changes.';
