import { useCallback } from 'react';
import type { z } from 'zod';
import { requestJson } from '../../components/rawRequest.js';
import { currentSession, useSession } from '../../session/context.js';

/**
 * A PUT without If-Match (the reminders preference is one value the link worker sets outright).
 * The shared client makes no PUTs, so this goes through requestJson with the session's CSRF token,
 * as the people pages' usePutIfMatch does.
 */
export type Put = <S extends z.ZodType>(path: string, body: unknown, schema: S) => Promise<z.infer<S>>;

export function usePut(): Put {
  const { state } = useSession();
  const csrfToken = currentSession(state)?.csrfToken ?? null;
  return useCallback(
    <S extends z.ZodType>(path: string, body: unknown, schema: S) => requestJson(path, { method: 'PUT', json: body, csrfToken }, schema),
    [csrfToken],
  );
}

export const personOutcomesPath = (personId: string): string => `/api/people/${encodeURIComponent(personId)}/outcomes`;
export const personPath = (personId: string): string => `/api/people/${encodeURIComponent(personId)}`;
