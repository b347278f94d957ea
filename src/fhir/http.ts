/**
 * HTTP details of the FHIR API: media type, versions as ETags, Prefer, the caller, the base URL,
 * and reading a resource from the body (checked with both R4 validators before anything else).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Resource } from '@medplum/fhirtypes';
import type { Actor } from '../data/access.js';
import { requireActor } from '../http/request-context.js';
import { fhirError, FhirError, issuesFromValidation, operationOutcome, type Issue } from './operation-outcome.js';
import { validateR4 } from './validate.js';

/** With the charset stated, Fastify sends the header as written (it would otherwise rewrite the parameters). */
export const FHIR_JSON = 'application/fhir+json; fhirVersion=4.0; charset=utf-8';

export type ClientActor = Extract<Actor, { type: 'client' }>;

/** The FHIR API takes bearer tokens of integration clients only; a browser session is not a credential here. */
export function requireClient(request: FastifyRequest): ClientActor {
  if (request.auth?.kind === 'session') {
    throw fhirError(401, 'login', 'The FHIR API accepts OAuth bearer tokens (client credentials) only, not a session cookie.');
  }
  const actor = requireActor(request);
  if (actor.type !== 'client') throw fhirError(401, 'login', 'The FHIR API accepts OAuth bearer tokens of integration clients only.');
  return actor;
}

export function baseUrl(request: FastifyRequest): string {
  return `${request.protocol}://${request.host}/fhir`;
}

export const etagOf = (version: number | string): string => `W/"${version}"`;

/** `W/"3"` (or `"3"`, or `3`) → 3. */
export function parseVersionTag(header: string | undefined, name: string): number | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match?.[1]) throw fhirError(400, 'invalid', `${name} must be a version tag like W/"3".`);
  return Number(match[1]);
}

export type ReturnPreference = 'representation' | 'minimal' | 'OperationOutcome';

export function returnPreference(request: FastifyRequest): ReturnPreference {
  const prefer = request.headers.prefer;
  const value = (Array.isArray(prefer) ? prefer.join(',') : (prefer ?? '')).match(/return\s*=\s*"?([A-Za-z]+)"?/)?.[1];
  return value === 'minimal' || value === 'OperationOutcome' ? value : 'representation';
}

export function sendJson(reply: FastifyReply, status: number, body: unknown): FastifyReply {
  return reply.code(status).header('content-type', FHIR_JSON).send(JSON.stringify(body));
}

export interface VersionInfo {
  location?: string;
  version?: number;
  lastModified?: string;
}

function setVersionHeaders(reply: FastifyReply, info: VersionInfo): void {
  if (info.location) reply.header('location', info.location);
  if (info.version !== undefined) reply.header('etag', etagOf(info.version));
  if (info.lastModified) reply.header('last-modified', new Date(info.lastModified).toUTCString());
}

/** Sends a resource (read) with its ETag and Last-Modified. */
export function sendResource(reply: FastifyReply, resource: Resource, status = 200): FastifyReply {
  const version = resource.meta?.versionId;
  setVersionHeaders(reply, {
    ...(version !== undefined ? { version: Number(version) } : {}),
    ...(resource.meta?.lastUpdated ? { lastModified: resource.meta.lastUpdated } : {}),
  });
  return sendJson(reply, status, resource);
}

/** Answers a create or update as the client prefers: the resource, nothing, or an OperationOutcome. */
export function sendWriteResult(
  reply: FastifyReply,
  request: FastifyRequest,
  status: number,
  result: { resource?: Resource; info: VersionInfo; issues: Issue[] },
): FastifyReply {
  setVersionHeaders(reply, result.info);
  const preference = returnPreference(request);
  if (preference === 'minimal') return reply.code(status).header('content-type', FHIR_JSON).send();
  if (preference === 'OperationOutcome' || !result.resource) return sendJson(reply, status, operationOutcome(result.issues));
  return sendJson(reply, status, result.resource);
}

/** The body as a resource of the expected type(s), valid R4, or a 400 OperationOutcome naming each problem. */
export function readResourceBody<T extends Resource>(body: unknown, types: readonly T['resourceType'][]): T {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw fhirError(400, 'structure', 'The body must be a FHIR resource (a JSON object).');
  }
  const type = (body as { resourceType?: unknown }).resourceType;
  if (typeof type !== 'string' || !(types as readonly string[]).includes(type)) {
    throw fhirError(400, 'not-supported', `Expected a ${types.join(' or ')} resource here, not ${typeof type === 'string' ? type : 'an object without resourceType'}.`, 'resourceType');
  }
  const result = validateR4(body);
  if (!result.valid) throw new FhirError(400, issuesFromValidation(result.issues.filter((i) => i.severity === 'error' || i.severity === 'fatal')));
  return body as T;
}
