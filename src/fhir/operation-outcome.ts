/**
 * Errors and warnings of the FHIR API as OperationOutcome: every issue says how bad, what kind,
 * what happened, and where (a FHIRPath `expression`), so an integrator can fix the exact element.
 */
import type { FastifyError } from 'fastify';
import type { OperationOutcome, OperationOutcomeIssue } from '@medplum/fhirtypes';
import { z } from 'zod';
import { AppError, clientFaultFromDatabase, ERROR_STATUS, type ErrorKind } from '../errors.js';
import type { MappingIssue } from './mapping/issues.js';
import type { ValidationIssue } from './validate.js';

export type IssueCode = NonNullable<OperationOutcomeIssue['code']>;
export type Issue = OperationOutcomeIssue;

/** An error that already knows its HTTP status and issues (statuses AppError has no kind for). */
export class FhirError extends Error {
  constructor(
    readonly status: number,
    readonly issues: Issue[],
  ) {
    super(issues.map((i) => i.diagnostics ?? i.code).join('; '));
    this.name = 'FhirError';
  }
}

export function issue(severity: Issue['severity'], code: IssueCode, diagnostics: string, expression?: string): Issue {
  return { severity, code, diagnostics, ...(expression ? { expression: [expression] } : {}) };
}

export const fhirError = (status: number, code: IssueCode, diagnostics: string, expression?: string): FhirError =>
  new FhirError(status, [issue('error', code, diagnostics, expression)]);

export function operationOutcome(issues: Issue[]): OperationOutcome {
  return {
    resourceType: 'OperationOutcome',
    issue: issues.length > 0 ? issues : [issue('information', 'informational', 'All OK')],
  };
}

/** Field names of our own contracts (e.g. `person.nhsNumber`) → the FHIR element they came from. */
export type ExpressionMap = Readonly<Record<string, string>>;

function expressionFor(field: string, map: ExpressionMap): string | undefined {
  const bare = field.replace(/^body\./, '');
  return map[bare] ?? map[bare.split('.').slice(0, 2).join('.')] ?? map[bare.split('.')[0] ?? ''];
}

/**
 * A field that may be empty or valid (`'' | nhsNumber`) fails as a union, whose own message is
 * only "Invalid input": say what the meaningful branch said instead.
 */
function messageOf(i: z.core.$ZodIssue): string {
  if (i.code !== 'invalid_union') return i.message;
  const branches = i.errors.flat();
  const telling = branches.find((b) => b.code !== 'invalid_value' && b.code !== 'invalid_type') ?? branches[0];
  return telling?.message ?? i.message;
}

export function issuesFromZod(error: z.ZodError, map: ExpressionMap, prefix = ''): Issue[] {
  return error.issues.map((i) => {
    const field = [prefix, ...i.path.map(String)].filter(Boolean).join('.');
    const expression = expressionFor(field, map);
    const code: IssueCode = i.code === 'invalid_type' && i.input === undefined ? 'required' : 'value';
    const message = messageOf(i);
    return issue('error', code, expression ? message : `${field}: ${message}`, expression);
  });
}

export function issuesFromValidation(issues: readonly ValidationIssue[], at?: (path: string) => string): Issue[] {
  return issues.map((v) =>
    issue(
      v.severity,
      v.source === 'json-schema' ? 'structure' : v.message.startsWith('Constraint') ? 'invariant' : 'structure',
      v.message,
      at ? at(v.path) : v.path || undefined,
    ),
  );
}

export function issuesFromMapping(issues: readonly MappingIssue[], severity: 'error' | 'warning', at?: (path: string) => string): Issue[] {
  return issues.map((m) => issue(severity, severity === 'error' ? 'business-rule' : 'informational', m.message, at ? at(m.path) : m.path));
}

/** The FHIR issue type of each kind of error; the status is the one problem+json uses. */
const ISSUE_CODES: Record<ErrorKind, IssueCode> = {
  'bad-request': 'invalid',
  validation: 'invalid',
  unauthenticated: 'login',
  forbidden: 'forbidden',
  'not-found': 'not-found',
  conflict: 'conflict',
  'precondition-failed': 'conflict',
  'too-many-requests': 'throttled',
  locked: 'lock-error',
  gone: 'not-found',
};

function frameworkError(error: Partial<FastifyError>, status: number): { status: number; issues: Issue[] } {
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, issues: [issue('error', 'too-costly', 'The request body is larger than this server accepts.')] };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, issues: [issue('error', 'not-supported', 'Send the body as application/fhir+json (or application/json).')] };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, issues: [issue('error', 'structure', 'The request body is empty but JSON was declared.')] };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, issues: [issue('error', 'structure', 'The request body is not valid JSON.')] };
    default:
      if (status === 404) return { status, issues: [issue('error', 'not-found', 'There is nothing at this address.')] };
      if (status === 405) return { status, issues: [issue('error', 'not-supported', 'This method is not supported here.')] };
      return { status, issues: [issue('error', 'invalid', 'The request could not be understood.')] };
  }
}

/** Any error → its HTTP status and OperationOutcome. Unknown errors say only "quote this reference". */
export function outcomeFromError(thrown: unknown, requestId: string, map: ExpressionMap = {}): { status: number; outcome: OperationOutcome } {
  const error = clientFaultFromDatabase(thrown) ?? thrown;
  if (error instanceof FhirError) return { status: error.status, outcome: operationOutcome(error.issues) };
  if (error instanceof AppError) {
    const status = ERROR_STATUS[error.kind];
    const code = ISSUE_CODES[error.kind];
    const fields = error.options.fields ?? [];
    const issues =
      fields.length > 0
        ? fields.map((f) => issue('error', code, `${f.field.replace(/^body\./, '')}: ${f.message}`, expressionFor(f.field, map)))
        : [issue('error', code, error.message)];
    return { status, outcome: operationOutcome(issues) };
  }
  if (error instanceof z.ZodError) return { status: 400, outcome: operationOutcome(issuesFromZod(error, map)) };
  const fastifyError = error as Partial<FastifyError>;
  const status = typeof fastifyError.statusCode === 'number' ? fastifyError.statusCode : 500;
  if (status >= 400 && status < 500) {
    const known = frameworkError(fastifyError, status);
    return { status: known.status, outcome: operationOutcome(known.issues) };
  }
  return {
    status: 500,
    outcome: operationOutcome([
      issue('error', 'exception', `Linkwell could not complete the request. Quote reference ${requestId} if you contact support.`),
    ]),
  };
}
