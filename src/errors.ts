/**
 * The errors Linkwell's own code throws. Each maps to one HTTP status and one problem type in
 * src/http/problem.ts, so a handler never builds an error response itself.
 */
export type ErrorKind =
  | 'bad-request'
  | 'validation'
  | 'unauthenticated'
  | 'forbidden'
  | 'not-found'
  | 'conflict'
  | 'precondition-failed'
  | 'too-many-requests'
  | 'locked'
  | 'gone';

/** The HTTP status of each kind, the same for problem+json and FHIR OperationOutcome answers. */
export const ERROR_STATUS: Record<ErrorKind, number> = {
  'bad-request': 400,
  validation: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'precondition-failed': 412,
  'too-many-requests': 429,
  locked: 423,
  // Something that existed and no longer can be used, such as a one-time link already used.
  gone: 410,
};

export interface FieldProblem {
  /** JSON pointer-ish path of the field, e.g. "body.email" */
  field: string;
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly options: { fields?: FieldProblem[]; retryAfterSeconds?: number; code?: string } = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const notFound = (what: string): AppError => new AppError('not-found', `${what} was not found.`);
export const forbidden = (message = 'You do not have permission to do that.'): AppError =>
  new AppError('forbidden', message);
export const unauthenticated = (message = 'Sign in to continue.'): AppError => new AppError('unauthenticated', message);
export const validationError = (fields: FieldProblem[], message = 'There is a problem with what was sent.'): AppError =>
  new AppError('validation', message, { fields });

/**
 * A database refusal caused by what was sent, not by a fault: PostgreSQL cannot store a NUL
 * character in text (22021) or in JSON (22P05). The transaction has rolled back, so nothing
 * changed; the caller gets a 400 that says what to fix instead of a 500.
 */
export function clientFaultFromDatabase(error: unknown): AppError | null {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String((error).code) : '';
  if (code !== '22021' && code !== '22P05') return null;
  return new AppError('bad-request', 'The request contains a character that cannot be stored, such as a NUL character. Remove it and try again.', {
    code: 'unstorable-character',
  });
}
