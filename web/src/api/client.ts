import type { z } from 'zod';
import { ApiProblem, contractProblem, networkProblem, toApiProblem } from './problem.js';

/**
 * The one place that talks to the API. Cookies are httpOnly and same-origin, so the browser
 * sends them; what we add is the CSRF token from the latest sign-in or session answer, which
 * the server requires on every POST and DELETE once signed in.
 */
let csrfToken: string | null = null;

export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

type Method = 'GET' | 'POST' | 'DELETE';

async function send(method: Method, path: string, body?: unknown): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (method !== 'GET') {
    headers['Content-Type'] = 'application/json';
    if (csrfToken !== null) headers['X-CSRF-Token'] = csrfToken;
    // The server rejects an empty body declared as JSON, so "nothing" is sent as {}.
    init.body = JSON.stringify(body ?? {});
  }
  let response: Response;
  try {
    response = await fetch(path, init);
  } catch {
    throw networkProblem();
  }
  if (!response.ok) throw toApiProblem(response.status, await readJson(response));
  return response;
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return null;
  }
}

async function parse<S extends z.ZodType>(response: Response, path: string, schema: S): Promise<z.infer<S>> {
  const result = schema.safeParse(await readJson(response));
  if (!result.success) {
    console.error(`Response from ${path} does not match its contract`, result.error.issues);
    throw contractProblem(path);
  }
  return result.data;
}

export async function getJson<S extends z.ZodType>(path: string, schema: S): Promise<z.infer<S>> {
  return parse(await send('GET', path), path, schema);
}

export async function postJson<S extends z.ZodType>(path: string, body: unknown, schema: S): Promise<z.infer<S>> {
  return parse(await send('POST', path, body), path, schema);
}

/** For 202 and 204 answers, whose body (if any) the page does not use. */
export async function post(path: string, body: unknown = {}): Promise<void> {
  await send('POST', path, body);
}

export async function del(path: string): Promise<void> {
  await send('DELETE', path);
}

export { ApiProblem };
