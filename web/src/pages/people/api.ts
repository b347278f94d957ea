import { useCallback } from 'react';
import type { z } from 'zod';
import { requestJson } from '../../components/rawRequest.js';
import { currentSession, useSession } from '../../session/context.js';

/**
 * A PUT that carries the version the page last saw in If-Match, so the server answers 412 when
 * someone else changed the record meanwhile. Like the referrals' postIfMatch, it goes through
 * requestJson with the signed-in session's CSRF token.
 */
export type PutIfMatch = <S extends z.ZodType>(path: string, body: unknown, schema: S, version: number) => Promise<z.infer<S>>;

export function usePutIfMatch(): PutIfMatch {
  const { state } = useSession();
  const csrfToken = currentSession(state)?.csrfToken ?? null;
  return useCallback(
    <S extends z.ZodType>(path: string, body: unknown, schema: S, version: number) =>
      requestJson(path, { method: 'PUT', json: body, csrfToken, headers: { 'If-Match': `"${String(version)}"` } }, schema),
    [csrfToken],
  );
}
