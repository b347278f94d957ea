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
  | 'locked';

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
