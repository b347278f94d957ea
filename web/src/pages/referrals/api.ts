import { useCallback } from 'react';
import type { z } from 'zod';
import { contractProblem, networkProblem, toApiProblem } from '../../api/problem.js';
import { currentSession, useSession } from '../../session/context.js';

/**
 * A POST that carries the version the page last saw in If-Match, so the server can answer 412
 * when someone else changed the referral meanwhile. The shared client has no way to add a
 * header, so this sends the request itself, with the session's CSRF token, and turns failures
 * into the same ApiProblem the client would.
 */
async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return null;
  }
}

export async function postIfMatch<S extends z.ZodType>(
  path: string,
  body: unknown,
  schema: S,
  version: number,
  csrfToken: string | null,
): Promise<z.infer<S>> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': 'application/json',
    'If-Match': `"${version}"`,
  };
  if (csrfToken !== null) headers['X-CSRF-Token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: 'POST', headers, credentials: 'same-origin', body: JSON.stringify(body) });
  } catch {
    throw networkProblem();
  }
  const json = await readJson(response);
  if (!response.ok) throw toApiProblem(response.status, json);
  const result = schema.safeParse(json);
  if (!result.success) {
    console.error(`Response from ${path} does not match its contract`, result.error.issues);
    throw contractProblem(path);
  }
  return result.data;
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
