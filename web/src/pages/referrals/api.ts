import { useCallback } from 'react';
import type { z } from 'zod';
import { requestJson } from '../../components/rawRequest.js';
import { currentSession, useSession } from '../../session/context.js';

/**
 * A POST that carries the version the page last saw in If-Match, so the server can answer 412
 * when someone else changed the referral meanwhile. The shared client has no way to add a
 * header, so this goes through requestJson with the session's CSRF token; failures (412
 * included) become the same ApiProblem the client would throw.
 */
export async function postIfMatch<S extends z.ZodType>(
  path: string,
  body: unknown,
  schema: S,
  version: number,
  csrfToken: string | null,
): Promise<z.infer<S>> {
  return requestJson(path, { method: 'POST', json: body, csrfToken, headers: { 'If-Match': `"${version}"` } }, schema);
}

/** postIfMatch with the signed-in session's CSRF token. */
export function usePostIfMatch(): <S extends z.ZodType>(path: string, body: unknown, schema: S, version: number) => Promise<z.infer<S>> {
  const { state } = useSession();
  const csrfToken = currentSession(state)?.csrfToken ?? null;
  return useCallback(
    <S extends z.ZodType>(path: string, body: unknown, schema: S, version: number) => postIfMatch(path, body, schema, version, csrfToken),
    [csrfToken],
  );
}
