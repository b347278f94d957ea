/**
 * Reads (GET /fhir/<Type>/<id>) and the one update (PUT /fhir/Patient/<id>, If-Match required).
 * Reads go through the services, which authorize (another organisation's record is "not found")
 * and audit.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Patient, Resource } from '@medplum/fhirtypes';
import type { AppContext } from '../app-context.js';
import { AppError, notFound } from '../errors.js';
import { requestMeta } from '../http/request-context.js';
import { getPerson, updatePerson } from '../referrals/people.js';
import { findReferralIdByTaskId } from '../referrals/get-referral.js';
import { takenWarnings, versionInfo } from './create.js';
import { baseUrl, parseVersionTag, readResourceBody, requireClient, sendJson, sendResource, sendWriteResult, type ClientActor } from './http.js';
import { fromPatient, toPatient } from './mapping/patient.js';
import { updatedPersonInput } from './mapping/patient-update.js';
import { toOrganization } from './mapping/organization.js';
import { FhirError, fhirError, issuesFromMapping } from './operation-outcome.js';
import { parsePerson, UUID } from './referral-command.js';
import { identifiersOf, isUniqueViolation, keepIdentifiers, readComposition, readPatient, readReferral } from './store.js';

type ReadableType = 'Patient' | 'ServiceRequest' | 'Task' | 'Composition' | 'Organization';
export type VersionedType = 'Patient' | 'ServiceRequest' | 'Task';

function idParam(request: FastifyRequest, type: string): string {
  const id = (request.params as { id?: string }).id ?? '';
  // Our ids are UUIDs; anything else names nothing here.
  if (!UUID.test(id)) throw notFound(`${type}/${id}`);
  return id.toLowerCase();
}

async function loadResource(ctx: AppContext, request: FastifyRequest, actor: ClientActor, type: ReadableType, id: string): Promise<Resource> {
  return ctx.data.inScheme(actor, requestMeta(request), async (scope): Promise<Resource> => {
    switch (type) {
      case 'Patient':
        return readPatient(scope, id);
      case 'ServiceRequest':
        return (await readReferral(scope, id)).serviceRequest;
      case 'Task': {
        const referralId = await findReferralIdByTaskId(scope, id);
        if (!referralId) throw notFound(`Task/${id}`);
        return (await readReferral(scope, referralId)).task;
      }
      case 'Composition':
        // Its id is the referral's (= the ServiceRequest's).
        return readComposition(scope, id);
      case 'Organization': {
        scope.authorize('organisation', 'read');
        const row = await scope.db
          .selectFrom('organisations')
          .select(['id', 'kind', 'name', 'ods_code', 'parent_id'])
          .where('scheme_id', '=', scope.schemeId)
          .where('id', '=', id)
          .executeTakeFirst();
        if (!row) throw notFound(`Organization/${id}`);
        return toOrganization(row);
      }
      default: {
        const unreachable: never = type;
        return unreachable;
      }
    }
  });
}

export async function readResource(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, type: ReadableType): Promise<FastifyReply> {
  const actor = requireClient(request);
  const resource = await loadResource(ctx, request, actor, type, idParam(request, type));
  // Organization and Composition carry no version: a Composition is built afresh from several records.
  return resource.resourceType === 'Organization' || resource.resourceType === 'Composition' ? sendJson(reply, 200, resource) : sendResource(reply, resource);
}

/**
 * GET /fhir/<Type>/<id>/_history/<vid>: the address a create or update answers in Location. Only
 * the current version is kept (readHistory false), so an earlier one is not found.
 */
export async function readVersion(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, type: VersionedType): Promise<FastifyReply> {
  const actor = requireClient(request);
  const id = idParam(request, type);
  const vid = (request.params as { vid?: string }).vid ?? '';
  const resource = await loadResource(ctx, request, actor, type, id);
  if (resource.meta?.versionId !== vid) {
    throw fhirError(404, 'not-found', `Version ${vid} of ${type}/${id} is not available: only the current version (${resource.meta?.versionId ?? ''}) is kept.`);
  }
  return sendResource(reply, resource);
}

/** PUT /fhir/Patient/<id>: a versioned update. The version check is atomic in updatePerson. */
export async function updatePatient(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const actor = requireClient(request);
  const id = idParam(request, 'Patient');
  const expected = parseVersionTag(request.headers['if-match'], 'If-Match');
  if (expected === undefined) {
    // FHIR R4 (http.html#concurrency): a server that requires If-Match answers 412 when it is missing.
    throw fhirError(412, 'required', 'Send If-Match: W/"<version>" with the version you read, so a newer change is not overwritten.');
  }
  const patient = readResourceBody<Patient>(request.body, ['Patient']);
  if (patient.id !== id) throw fhirError(400, 'invalid', `The Patient's id must be "${id}", the id in the address.`, 'Patient.id');
  const mapping = fromPatient(patient);
  if (mapping.errors.length > 0) throw new FhirError(400, issuesFromMapping(mapping.errors, 'error'));
  const base = baseUrl(request);
  const result = await ctx.data
    .inScheme(actor, requestMeta(request), async (scope) => {
      const current = await getPerson(scope, id);
      if (current.version !== expected) {
        throw new AppError('precondition-failed', `The Patient is at version ${current.version}, not ${expected}. Read it again and reapply your change.`);
      }
      const { input, issues } = parsePerson({ ...mapping, input: updatedPersonInput(current, mapping, patient) });
      if (!input) throw new FhirError(400, issues);
      const row = await updatePerson(scope, id, input, expected);
      const taken = await keepIdentifiers(scope, 'Patient', mapping.identifiers, id);
      const resource = toPatient(row, await identifiersOf(scope, 'Patient', id));
      return { resource, warnings: [...issuesFromMapping(mapping.warnings, 'warning'), ...takenWarnings(taken, 'Patient.identifier')] };
    })
    .catch((error: unknown) => {
      if (isUniqueViolation(error)) {
        throw fhirError(409, 'duplicate', 'Another person in this scheme already has this NHS number.', mapping.paths.nhsNumber ?? 'Patient.identifier');
      }
      throw error;
    });
  return sendWriteResult(reply, request, 200, { resource: result.resource, info: versionInfo(base, result.resource), issues: result.warnings });
}
