import { z } from 'zod';

/**
 * An RFC 9457 problem as the web app sees it. Every failed call becomes one of these, including
 * network failures and responses that break the contract, so pages handle one error type.
 */
export interface FieldProblem {
  field: string;
  message: string;
}

export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly title: string,
    readonly detail: string,
    readonly errors: readonly FieldProblem[] = [],
    readonly requestId: string | null = null,
  ) {
    super(detail);
    this.name = 'ApiProblem';
  }
}

const problemBody = z.object({
  type: z.string().optional(),
  title: z.string(),
  status: z.number().optional(),
  detail: z.string().optional(),
  requestId: z.string().optional(),
  errors: z.array(z.object({ field: z.string(), message: z.string() })).optional(),
});

/** Words for a status when the server did not send a problem body we can read. */
export function fallbackDetail(status: number): string {
  if (status === 401) return 'Sign in to continue.';
  if (status === 403) return 'You do not have permission to do that.';
  if (status === 404) return 'There is nothing at this address.';
  if (status === 429) return 'Too many attempts. Wait a minute and try again.';
  if (status >= 500) return 'Linkwell could not complete the request. Try again later.';
  return 'Linkwell could not complete the request.';
}

/** Builds an ApiProblem from a response body that may or may not be problem+json. */
export function toApiProblem(status: number, body: unknown): ApiProblem {
  const parsed = problemBody.safeParse(body);
  if (!parsed.success) return new ApiProblem(status, 'There is a problem', fallbackDetail(status));
  const { title, detail, errors, requestId } = parsed.data;
  return new ApiProblem(status, title, detail ?? fallbackDetail(status), errors ?? [], requestId ?? null);
}

export const networkProblem = (): ApiProblem =>
  new ApiProblem(0, 'Cannot reach Linkwell', 'Linkwell could not be reached. Check your connection and try again.');

/** The server answered, but not in the agreed shape: a deployment mismatch, not the user's fault. */
export const contractProblem = (path: string): ApiProblem =>
  new ApiProblem(0, 'Unexpected response', `Linkwell sent an answer this page does not understand (${path}). Reload the page and try again.`);

export function isApiProblem(error: unknown): error is ApiProblem {
  return error instanceof ApiProblem;
}

/** Any failure as a problem: an ApiProblem as it is, anything else as a network failure. */
export function asProblem(error: unknown): ApiProblem {
  return isApiProblem(error) ? error : networkProblem();
}
