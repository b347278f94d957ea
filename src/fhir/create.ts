/**
 * POST /fhir/Patient and POST /fhir/ServiceRequest, each honouring If-None-Exist (identifier
 * only) and Prefer: return=…. A conditional create takes a lock on its identifier, looks it up,
 * and only then creates and claims it; the identifier's primary key is the backstop: a unique
 * violation rolls the whole transaction back and the create is run again, finding the winner.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Patient, ServiceRequest } from '@medplum/fhirtypes';
import type { AppContext } from '../app-context.js';
import type { SchemeScope } from '../data/access.js';
import { personOfOrganisation } from '../referrals/people.js';
import { requestMeta } from '../http/request-context.js';
import { AppError } from '../errors.js';
import { createPerson, findPersonIdByNhsNumber } from '../referrals/people.js';
import { createReferral, type CreateReferralCommand, type CreatedReferral } from '../referrals/create-referral.js';
import type { ReferralDeps } from '../referrals/feedback.js';
import { baseUrl, readResourceBody, requireClient, sendWriteResult, type VersionInfo } from './http.js';
import { NHS_NUMBER_SYSTEM } from './mapping/codes.js';
import { fromPatient, toPatient, type BusinessIdentifier } from './mapping/patient.js';
import { fromServiceRequest } from './mapping/service-request.js';
import { FhirError, fhirError, issue, issuesFromMapping, outcomeFromError, type ExpressionMap, type Issue } from './operation-outcome.js';
import { NO_CONSENT_WARNING, parseIfNoneExist, parsePerson, referralCommand, referralDeps, schemeNeeds, serverPatientId } from './referral-command.js';
import {
  claimIdentifier,
  findByIdentifier,
  identifiersOf,
  isUniqueViolation,
  keepIdentifiers,
  lockIdentifier,
  readPatient,
  readReferral,
  referralOfOrganisation,
  type IdentifiedType,
} from './store.js';

export interface WriteResult {
  status: number;
  resource?: Patient | ServiceRequest;
  info: VersionInfo;
  issues: Issue[];
}

/** Runs the transaction again once if it lost a race on a unique key: the second run finds the winner. */
export async function retryOnUniqueViolation<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (error) {
    if (isUniqueViolation(error)) return run();
    throw error;
  }
}

export const sameIdentifier = (a: BusinessIdentifier, b: BusinessIdentifier | undefined): boolean => b !== undefined && a.system === b.system && a.value === b.value;

export function takenWarnings(taken: readonly BusinessIdentifier[], expression: string): Issue[] {
  return taken.map((t) => issue('warning', 'duplicate', `The identifier ${t.system}|${t.value} already belongs to another record, so it is not kept on this one.`, expression));
}

/**
 * The person service may keep an NHS number only as a claim for a link worker to check (when it
 * does not agree with the record held for it): then the Patient answered has none. Say so.
 */
export function nhsNumberNotRecorded(sent: string | undefined, patient: Patient, expression: string): Issue[] {
  if (!sent || patient.identifier?.some((i) => i.system === NHS_NUMBER_SYSTEM && i.value === sent)) return [];
  return [issue('warning', 'business-rule', 'The NHS number sent is not recorded on this Patient (it was not confirmed against the record held); a link worker will check it.', expression)];
}

/** Re-states a service error with FHIR expressions (e.g. `needs` → `ServiceRequest.category`). */
export function asFhirError(error: unknown, map: ExpressionMap): unknown {
  if (!(error instanceof AppError)) return error;
  const { status, outcome } = outcomeFromError(error, '', map);
  return new FhirError(status, outcome.issue ?? []);
}

export async function findPatient(scope: SchemeScope, id: BusinessIdentifier): Promise<string | undefined> {
  return id.system === NHS_NUMBER_SYSTEM ? findPersonIdByNhsNumber(scope, id.value) : findByIdentifier(scope, 'Patient', id);
}

export const SR_IDENTIFIER_TAKEN =
  'A ServiceRequest with this identifier was made by another organisation, so nothing was created: use an identifier system of your own.';
export const PATIENT_IDENTIFIER_TAKEN = 'A Patient with this identifier belongs to another organisation; refer by NHS number instead.';

/** A create that matched an existing resource: 200, with the resource if the caller may read it. */
async function matched(scope: SchemeScope, base: string, type: IdentifiedType, id: string, why: string): Promise<WriteResult> {
  try {
    if (type === 'Patient') {
      const resource = await readPatient(scope, id);
      return { status: 200, resource, info: versionInfo(base, resource), issues: [issue('information', 'duplicate', why)] };
    }
    const { serviceRequest } = await readReferral(scope, id);
    return { status: 200, resource: serviceRequest, info: versionInfo(base, serviceRequest), issues: [issue('information', 'duplicate', why)] };
  } catch (error) {
    if (!(error instanceof AppError) || error.kind !== 'not-found') throw error;
    const note = `${why} Your organisation can read it once it has referred the person.`;
    return { status: 200, info: { location: `${base}/${type}/${id}` }, issues: [issue('information', 'duplicate', note)] };
  }
}

export function versionInfo(base: string, resource: Patient | ServiceRequest | { resourceType: string; id?: string; meta?: { versionId?: string; lastUpdated?: string } }): VersionInfo {
  const version = resource.meta?.versionId;
  return {
    location: `${base}/${resource.resourceType}/${resource.id ?? ''}${version ? `/_history/${version}` : ''}`,
    ...(version ? { version: Number(version) } : {}),
    ...(resource.meta?.lastUpdated ? { lastModified: resource.meta.lastUpdated } : {}),
  };
}

export async function createPatient(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const actor = requireClient(request);
  const patient = readResourceBody<Patient>(request.body, ['Patient']);
  const conditional = parseIfNoneExist(request.headers['if-none-exist'] as string | undefined);
  const mapping = fromPatient(patient);
  if (mapping.errors.length > 0) throw new FhirError(400, issuesFromMapping(mapping.errors, 'error'));
  const { input, issues } = parsePerson(mapping);
  if (!input) throw new FhirError(400, issues);
  const warnings = issuesFromMapping(mapping.warnings, 'warning');
  const base = baseUrl(request);
  const result = await retryOnUniqueViolation(() =>
    ctx.data.inScheme(actor, requestMeta(request), async (scope): Promise<WriteResult> => {
      if (conditional) {
        await lockIdentifier(scope, 'Patient', conditional);
        const existing = await findPatient(scope, conditional);
        // A match on another organisation's own identifier cannot be referred by this one (as in a transaction).
        if (existing && conditional.system !== NHS_NUMBER_SYSTEM && !(await personOfOrganisation(scope, existing, actor.organisationId))) {
          throw fhirError(409, 'duplicate', PATIENT_IDENTIFIER_TAKEN);
        }
        if (existing) return matched(scope, base, 'Patient', existing, 'A Patient with this identifier already exists; nothing was created.');
      }
      const created = await createPerson(scope, input);
      if (created.matchedExisting) {
        return matched(scope, base, 'Patient', created.personId, 'The NHS number matches a person Linkwell already holds; the details sent were not applied.');
      }
      if (conditional && conditional.system !== NHS_NUMBER_SYSTEM) await claimIdentifier(scope, 'Patient', conditional, created.personId);
      const extra = mapping.identifiers.filter((i) => !sameIdentifier(i, conditional));
      const taken = await keepIdentifiers(scope, 'Patient', extra, created.personId);
      const row = created.row;
      const resource = toPatient(row, await identifiersOf(scope, 'Patient', row.id));
      const unrecorded = nhsNumberNotRecorded(input.nhsNumber, resource, mapping.paths.nhsNumber ?? 'Patient.identifier');
      return { status: 201, resource, info: versionInfo(base, resource), issues: [...warnings, ...takenWarnings(taken, 'Patient.identifier'), ...unrecorded] };
    }),
  );
  return sendWriteResult(reply, request, result.status, result);
}

/** createReferral, with "you cannot refer this Patient by id" said about the subject. */
export async function referPerson(scope: SchemeScope, deps: ReferralDeps, command: CreateReferralCommand, map: ExpressionMap): Promise<CreatedReferral> {
  try {
    return await createReferral(scope, deps, command);
  } catch (error) {
    if (error instanceof AppError && error.kind === 'not-found' && command.person.kind === 'existing') {
      throw fhirError(
        400,
        'not-found',
        'The Patient was not found, or your organisation has not referred them before: send the Patient and the ServiceRequest together in a transaction Bundle.',
        map.subject,
      );
    }
    throw asFhirError(error, map);
  }
}

export async function createServiceRequest(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const actor = requireClient(request);
  const body = readResourceBody<ServiceRequest>(request.body, ['ServiceRequest']);
  const conditional = parseIfNoneExist(request.headers['if-none-exist'] as string | undefined);
  const mapping = fromServiceRequest(body);
  if (mapping.errors.length > 0) throw new FhirError(400, issuesFromMapping(mapping.errors, 'error'));
  const personId = mapping.subject ? serverPatientId(mapping.subject, request) : undefined;
  if (!personId) throw fhirError(400, 'invalid', 'The subject must reference a Patient on this server, as Patient/<id>.', 'ServiceRequest.subject');
  const warnings = issuesFromMapping(mapping.warnings, 'warning');
  const base = baseUrl(request);
  const map = { subject: 'ServiceRequest.subject', needs: 'ServiceRequest.category', reason: 'ServiceRequest.reasonCode', personView: 'ServiceRequest.note' };
  const result = await retryOnUniqueViolation(() =>
    ctx.data.inScheme(actor, requestMeta(request), async (scope): Promise<WriteResult> => {
      if (conditional) {
        await lockIdentifier(scope, 'ServiceRequest', conditional);
        const existing = await findByIdentifier(scope, 'ServiceRequest', conditional);
        // Another organisation's referral: saying "already exists" would lose this one without a word.
        if (existing && !(await referralOfOrganisation(scope, existing, actor.organisationId))) throw fhirError(409, 'duplicate', SR_IDENTIFIER_TAKEN);
        if (existing) return matched(scope, base, 'ServiceRequest', existing, 'A ServiceRequest with this identifier already exists; nothing was created.');
      }
      const { needs, issues: needIssues } = await schemeNeeds(scope, mapping.fields.needs, 'ServiceRequest.category');
      const command = referralCommand(mapping.fields, needs, { kind: 'existing', personId }, null);
      const created = await referPerson(scope, referralDeps(ctx), command, map);
      if (conditional) await claimIdentifier(scope, 'ServiceRequest', conditional, created.referralId);
      const taken = await keepIdentifiers(scope, 'ServiceRequest', mapping.identifiers.filter((i) => !sameIdentifier(i, conditional)), created.referralId);
      const { serviceRequest } = await readReferral(scope, created.referralId);
      const issues = [
        ...warnings,
        ...needIssues,
        ...takenWarnings(taken, 'ServiceRequest.identifier'),
        issue('warning', 'informational', NO_CONSENT_WARNING, 'ServiceRequest'),
        ...(created.reopened ? [issue('information', 'informational', `The person's recently closed referral ${created.reference} was reopened instead of a new one made.`)] : []),
      ];
      return { status: created.reopened ? 200 : 201, resource: serviceRequest, info: versionInfo(base, serviceRequest), issues };
    }),
  );
  return sendWriteResult(reply, request, result.status, result);
}
