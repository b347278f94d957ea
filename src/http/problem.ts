import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, clientFaultFromDatabase, ERROR_STATUS, type ErrorKind, type FieldProblem } from '../errors.js';

/**
 * Every error response is RFC 9457 problem+json, built here and nowhere else. No stack trace,
 * SQL or internal message ever reaches a client: unknown errors become a plain 500 with the
 * request id, and the detail goes to the log.
 */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  requestId: string;
  errors?: FieldProblem[];
}

const PROBLEM_BASE = 'https://linkwell.dev/problems/';

const TITLES: Record<ErrorKind, string> = {
  'bad-request': 'Bad request',
  validation: 'There is a problem',
  unauthenticated: 'Sign in required',
  forbidden: 'Not allowed',
  'not-found': 'Not found',
  conflict: 'Conflict',
  'precondition-failed': 'Changed by someone else',
  'too-many-requests': 'Too many attempts',
  locked: 'Temporarily locked',
  gone: 'No longer available',
};

export function problemFromError(thrown: unknown, request: FastifyRequest): Problem {
  const requestId = String(request.id);
  const error = clientFaultFromDatabase(thrown) ?? thrown;
  if (error instanceof AppError) {
    return {
      type: PROBLEM_BASE + (error.options.code ?? error.kind),
      title: TITLES[error.kind],
      status: ERROR_STATUS[error.kind],
      detail: error.message,
      requestId,
      ...(error.options.fields ? { errors: error.options.fields } : {}),
    };
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext ?? 'body';
    const issues = error.validation as unknown as { instancePath: string; message?: string }[];
    const fields = issues.map((v) => ({
      field: [context, ...v.instancePath.split('/').filter(Boolean)].join('.'),
      message: v.message ?? 'is not valid',
    }));
    return {
      type: PROBLEM_BASE + 'validation',
      title: TITLES.validation,
      status: 400,
      detail: `The request ${context} is not valid: ${fields.map((f) => `${f.field} ${f.message}`).join('; ')}`,
      requestId,
      errors: fields,
    };
  }
  const fastifyError = error as Partial<FastifyError>;
  const status = typeof fastifyError.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status >= 400 && status < 500) {
    return {
      type: PROBLEM_BASE + clientErrorCode(fastifyError.code),
      title: clientErrorTitle(status),
      status,
      detail: clientErrorDetail(fastifyError.code, status),
      requestId,
    };
  }
  return {
    type: PROBLEM_BASE + 'internal',
    title: 'Something went wrong',
    status: 500,
    detail: `Linkwell could not complete the request. Quote reference ${requestId} if you contact support.`,
    requestId,
  };
}

function clientErrorCode(code: string | undefined): string {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'body-too-large';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'unsupported-media-type';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'malformed-json';
    default:
      return 'bad-request';
  }
}

function clientErrorTitle(status: number): string {
  switch (status) {
    case 404:
      return 'Not found';
    case 405:
      return 'Method not allowed';
    case 413:
      return 'Request too large';
    case 415:
      return 'Unsupported media type';
    case 429:
      return 'Too many requests';
    default:
      return 'Bad request';
  }
}

/** Plain words instead of the framework's message, which can echo the request back. */
function clientErrorDetail(code: string | undefined, status: number): string {
  switch (code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return 'The request body is larger than this server accepts.';
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return 'Send the body as application/json.';
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return 'The request body is empty but JSON was declared.';
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return 'The request body is not valid JSON.';
    default:
      return status === 404 ? 'There is nothing at this address.' : 'The request could not be understood.';
  }
}

export function sendProblem(reply: FastifyReply, problem: Problem, retryAfterSeconds?: number): FastifyReply {
  if (retryAfterSeconds !== undefined) reply.header('retry-after', String(Math.max(1, Math.ceil(retryAfterSeconds))));
  return reply.code(problem.status).type('application/problem+json').send(problem);
}

/** The one way an error becomes a response, with Retry-After when the error knows the wait. */
export function sendError(reply: FastifyReply, request: FastifyRequest, error: unknown): FastifyReply {
  const retryAfter = error instanceof AppError ? error.options.retryAfterSeconds : undefined;
  return sendProblem(reply, problemFromError(error, request), retryAfter);
}
