import type { z } from 'zod';
import { ApiProblem, contractProblem, networkProblem, toApiProblem } from '../api/problem.js';

/**
 * Calls the shared API client cannot make: PUT, a body that is not JSON (a CSV upload), extra
 * request headers (If-Match), and answers whose headers matter (Retry-After on 429). The CSRF token is passed in from the
 * session, because the server demands it on every change made with a session cookie, even on
 * the public pages, while the shared client keeps its copy private.
 */
export interface RawOptions {
  method: 'POST' | 'PUT' | 'PATCH';
  /** A JSON body; sent as application/json. */
  json?: unknown;
  /** A text body with its own content type, for example a CSV file as text/csv. */
  text?: { body: string; contentType: string };
  csrfToken: string | null;
  /** Further request headers, for example If-Match; they cannot replace the ones set here. */
  headers?: Record<string, string>;
}

/** A 429 answer, with how long to wait when the server said. */
export class RetryLaterProblem extends ApiProblem {
  constructor(
    problem: ApiProblem,
    readonly retryAfterSeconds: number | null,
  ) {
    super(problem.status, problem.title, problem.detail, problem.errors, problem.requestId);
    this.name = 'RetryLaterProblem';
  }
}

/** Retry-After is either a number of seconds or an HTTP date. */
export function parseRetryAfter(header: string | null, now: number = Date.now()): number | null {
  if (header === null || header.trim() === '') return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

async function readJson(response: Response): Promise<unknown> {
  try {
    return (await response.json()) as unknown;
  } catch {
    return null;
  }
}

export async function requestJson<S extends z.ZodType>(path: string, options: RawOptions, schema: S): Promise<z.infer<S>> {
  const headers: Record<string, string> = { ...options.headers, Accept: 'application/json' };
  let body: string;
  if (options.text !== undefined) {
    headers['Content-Type'] = options.text.contentType;
    body = options.text.body;
  } else {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.json ?? {});
  }
  if (options.csrfToken !== null) headers['X-CSRF-Token'] = options.csrfToken;
  let response: Response;
  try {
    response = await fetch(path, { method: options.method, headers, body, credentials: 'same-origin' });
  } catch {
    throw networkProblem();
  }
  if (!response.ok) {
    const problem = toApiProblem(response.status, await readJson(response));
    if (response.status === 429) throw new RetryLaterProblem(problem, parseRetryAfter(response.headers.get('retry-after')));
    throw problem;
  }
  const parsed = schema.safeParse(await readJson(response));
  if (!parsed.success) {
    console.error(`Response from ${path} does not match its contract`, parsed.error.issues);
    throw contractProblem(path);
  }
  return parsed.data;
}
