/**
 * The FHIR R4 API at /fhir, as an encapsulated plugin with its own body parser, error handler
 * and not-found handler: everything under /fhir answers application/fhir+json, and every error
 * is an OperationOutcome. Callers are integration clients with OAuth bearer tokens.
 *
 *   GET  /fhir/metadata                         CapabilityStatement (no sign-in)
 *   POST /fhir                                  transaction Bundle: Patient + ServiceRequest [+ Consent]
 *   POST /fhir/Patient, /fhir/ServiceRequest    create (If-None-Exist: identifier=system|value)
 *   PUT  /fhir/Patient/:id                      update (If-Match: W/"n"; without it 412)
 *   GET  /fhir/{Patient|ServiceRequest|Task|Organization}/:id
 *   GET  /fhir/{Patient|ServiceRequest|Task}/:id/_history/:vid   vread, current version only
 *   GET  /fhir/Composition/:id                  message back to GP and referrer; id = the referral's (ServiceRequest) id
 *   GET  /fhir/Patient?identifier=, /fhir/ServiceRequest?subject=&status=, /fhir/Task?owner=&status=&focus=&_lastUpdated=
 *   GET  /fhir/Questionnaire/:id                a wellbeing measure (id = its key, "_" written ".")
 *   GET  /fhir/QuestionnaireResponse/:id, /fhir/Observation/:id   a completed measure and its scores
 *   GET  /fhir/QuestionnaireResponse?subject=|patient=, /fhir/Observation?subject=|patient=&code=
 */
import { readFileSync } from 'node:fs';
import type { FastifyError, FastifyInstance } from 'fastify';
import type { AppContext } from '../app-context.js';
import { AppError } from '../errors.js';
import { safeErrorText } from '../logging/safe-error.js';
import { projectPath } from '../project-path.js';
import { capabilityStatement } from './capability.js';
import { createPatient, createServiceRequest } from './create.js';
import { baseUrl, sendJson } from './http.js';
import { fhirError, issue, operationOutcome, outcomeFromError } from './operation-outcome.js';
import { readOutcome, readQuestionnaire, searchOutcomes } from './outcomes.js';
import { readResource, readVersion, updatePatient } from './read.js';
import { search } from './search.js';
import { processTransaction } from './transaction.js';

let softwareVersion: string | undefined;
function version(): string {
  softwareVersion ??= (JSON.parse(readFileSync(projectPath('package.json'), 'utf8')) as { version: string }).version;
  return softwareVersion;
}

function logFields(error: unknown): Record<string, unknown> {
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined;
  const frames = error instanceof Error && error.stack ? error.stack.split('\n').slice(1).join('\n') : undefined;
  return { error: safeErrorText(error), code, frames };
}

async function fhirPlugin(fhir: FastifyInstance, ctx: AppContext): Promise<void> {
  // application/fhir+json (with or without fhirVersion) is JSON; application/json is parsed already.
  fhir.addContentTypeParser('application/fhir+json', { parseAs: 'string' }, fhir.getDefaultJsonParser('error', 'error'));
  // Anything else is not a FHIR body: 415, not an attempt to read plain text as a resource.
  fhir.removeContentTypeParser('text/plain');

  fhir.setErrorHandler((error: FastifyError | Error, request, reply) => {
    // A browser session is not a credential here, whatever the hook that checked it said.
    const sessionCaller = request.auth?.kind === 'session' && error instanceof AppError && error.options.code === 'csrf';
    const effective = sessionCaller ? fhirError(401, 'login', 'The FHIR API accepts OAuth bearer tokens only, not a session cookie.') : error;
    const { status, outcome } = outcomeFromError(effective, String(request.id));
    if (status >= 500) request.log.error(logFields(error), 'request failed');
    if (status === 401) {
      const invalid = error instanceof AppError && error.options.code === 'invalid-token';
      reply.header('www-authenticate', invalid ? 'Bearer realm="linkwell", error="invalid_token"' : 'Bearer realm="linkwell"');
    }
    if (error instanceof AppError && error.options.retryAfterSeconds !== undefined) {
      reply.header('retry-after', String(Math.max(1, Math.ceil(error.options.retryAfterSeconds))));
    }
    return sendJson(reply, status, outcome);
  });

  fhir.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '';
    return sendJson(reply, 404, operationOutcome([issue('error', 'not-found', `This FHIR server has no ${request.method} ${path}.`)]));
  });

  fhir.get('/metadata', async (request, reply) => sendJson(reply, 200, capabilityStatement(baseUrl(request), version())));
  fhir.post('/', async (request, reply) => processTransaction(ctx, request, reply));
  fhir.post('/Patient', async (request, reply) => createPatient(ctx, request, reply));
  fhir.post('/ServiceRequest', async (request, reply) => createServiceRequest(ctx, request, reply));
  fhir.put('/Patient/:id', async (request, reply) => updatePatient(ctx, request, reply));
  for (const type of ['Patient', 'ServiceRequest', 'Task', 'Composition', 'Organization'] as const) {
    fhir.get(`/${type}/:id`, async (request, reply) => readResource(ctx, request, reply, type));
  }
  // The versioned address each create and update answers in Location (current version only).
  for (const type of ['Patient', 'ServiceRequest', 'Task'] as const) {
    fhir.get(`/${type}/:id/_history/:vid`, async (request, reply) => readVersion(ctx, request, reply, type));
  }
  for (const type of ['Patient', 'ServiceRequest', 'Task'] as const) {
    fhir.get(`/${type}`, async (request, reply) => search(ctx, request, reply, type));
  }
  fhir.get('/Questionnaire/:id', async (request, reply) => readQuestionnaire(ctx, request, reply));
  for (const type of ['QuestionnaireResponse', 'Observation'] as const) {
    fhir.get(`/${type}/:id`, async (request, reply) => readOutcome(ctx, request, reply, type));
    fhir.get(`/${type}`, async (request, reply) => searchOutcomes(ctx, request, reply, type));
  }
}

export async function registerFhirRoutes(app: FastifyInstance, ctx: AppContext): Promise<void> {
  await app.register(async (fhir) => fhirPlugin(fhir, ctx), { prefix: '/fhir' });
}
