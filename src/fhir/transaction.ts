/**
 * POST /fhir: a transaction Bundle of Patient + ServiceRequest [+ Consent] becomes one referral,
 * all or nothing, in ONE scheme transaction. The answer is a transaction-response Bundle with an
 * entry per request entry, in order, and one extra entry after them: the Task that tracks the
 * referral (its status is what the client follows from then on).
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Bundle, BundleEntry, Consent, Patient, Resource, ServiceRequest } from '@medplum/fhirtypes';
import type { AppContext } from '../app-context.js';
import type { PersonInput } from '../contracts/people.js';
import type { ConsentInput } from '../contracts/referrals.js';
import type { SchemeScope } from '../data/access.js';
import { personOfOrganisation } from '../referrals/people.js';
import { requestMeta } from '../http/request-context.js';
import type { CreateReferralCommand } from '../referrals/create-referral.js';
import { readEntries, resolveReference, type TransactionEntry } from './bundle-entries.js';
import { findPatient, nhsNumberNotRecorded, PATIENT_IDENTIFIER_TAKEN, referPerson, retryOnUniqueViolation, sameIdentifier, SR_IDENTIFIER_TAKEN, takenWarnings } from './create.js';
import { baseUrl, etagOf, readResourceBody, requireClient, returnPreference, sendJson, type ClientActor, type ReturnPreference } from './http.js';
import { NHS_NUMBER_SYSTEM } from './mapping/codes.js';
import { fromConsent, type ConsentMapping } from './mapping/consent.js';
import { fromPatient, type BusinessIdentifier, type PatientMapping } from './mapping/patient.js';
import { fromServiceRequest, type ServiceRequestMapping } from './mapping/service-request.js';
import { FhirError, fhirError, issue, issuesFromMapping, operationOutcome, type Issue } from './operation-outcome.js';
import { inEntry, NO_CONSENT_WARNING, parseConsent, parseIfNoneExist, parsePerson, referralCommand, referralDeps, schemeNeeds, UUID } from './referral-command.js';
import {
  claimIdentifier,
  findByIdentifier,
  keepIdentifiers,
  lockIdentifier,
  personCreatedInThisTransaction,
  readPatient,
  readReferral,
  referralOfOrganisation,
  type IdentifiedType,
} from './store.js';

interface Prepared {
  patient?: { entry: TransactionEntry; mapping: PatientMapping; input: PersonInput; conditional?: BusinessIdentifier };
  serverPatientId?: string;
  request: { entry: TransactionEntry; mapping: ServiceRequestMapping; conditional?: BusinessIdentifier };
  consent?: { entry: TransactionEntry; mapping: ConsentMapping; input: ConsentInput };
}

/** Everything that can be checked before touching the database; every problem is reported at once. */
function prepare(bundle: Bundle, base: string): Prepared {
  if (bundle.type !== 'transaction') {
    throw fhirError(400, 'not-supported', `Send the referral as a Bundle of type "transaction" (not "${bundle.type}").`, 'Bundle.type');
  }
  const entries = readEntries(bundle);
  const issues: Issue[] = [];
  const byType = (type: TransactionEntry['type']) => entries.find((e) => e.type === type);
  const srEntry = byType('ServiceRequest') as TransactionEntry;
  const patientEntry = byType('Patient');
  const consentEntry = byType('Consent');
  const conditional = (entry: TransactionEntry | undefined) => {
    if (!entry) return undefined;
    const expression = `Bundle.entry[${entry.index}].request.ifNoneExist`;
    if (entry.type === 'Consent' && entry.ifNoneExist) throw fhirError(400, 'not-supported', 'A Consent cannot be created conditionally.', expression);
    return parseIfNoneExist(entry.ifNoneExist, expression);
  };

  const request = { entry: srEntry, mapping: fromServiceRequest(srEntry.resource as ServiceRequest), conditional: conditional(srEntry) };
  issues.push(...issuesFromMapping(request.mapping.errors, 'error', inEntry(srEntry.index)));
  let prepared: Prepared = { request };

  // The subject: the Patient in this Bundle, or a Patient already on this server.
  const subject = request.mapping.subject ? resolveReference(request.mapping.subject, srEntry, entries, base) : undefined;
  const subjectAt = `Bundle.entry[${srEntry.index}].resource.subject`;
  if (subject?.kind === 'entry' && subject.entry === patientEntry) {
    const mapping = fromPatient(patientEntry.resource as Patient);
    issues.push(...issuesFromMapping(mapping.errors, 'error', inEntry(patientEntry.index)));
    const person = parsePerson(mapping, inEntry(patientEntry.index));
    issues.push(...person.issues);
    if (person.input) prepared = { ...prepared, patient: { entry: patientEntry, mapping, input: person.input, conditional: conditional(patientEntry) } };
  } else if (subject?.kind === 'server' && subject.type === 'Patient' && UUID.test(subject.id) && !patientEntry) {
    prepared = { ...prepared, serverPatientId: subject.id.toLowerCase() };
  } else if (request.mapping.subject) {
    issues.push(issue('error', 'invalid', 'The subject must reference the Patient in this Bundle (by its fullUrl), or Patient/<id> on this server when the Bundle has no Patient.', subjectAt));
  }

  if (consentEntry) {
    const mapping = fromConsent(consentEntry.resource as Consent);
    const at = inEntry(consentEntry.index);
    issues.push(...issuesFromMapping(mapping.errors, 'error', at));
    const about = mapping.patient ? resolveReference(mapping.patient, consentEntry, entries, base) : undefined;
    const samePatient =
      (about?.kind === 'entry' && about.entry === patientEntry) ||
      (about?.kind === 'server' && about.type === 'Patient' && about.id.toLowerCase() === prepared.serverPatientId);
    if (mapping.patient && !samePatient) issues.push(issue('error', 'invalid', 'The Consent must be about the referral’s Patient.', at('Consent.patient')));
    const consent = parseConsent(mapping, at);
    issues.push(...consent.issues);
    if (consent.input) prepared = { ...prepared, consent: { entry: consentEntry, mapping, input: consent.input } };
  }
  if (issues.length > 0) throw new FhirError(400, issues);
  return prepared;
}

interface Outcome {
  type: string;
  /** Absent when nothing was recorded for the entry (a Consent in a retried transaction). */
  id?: string;
  status: string;
  resource?: Resource;
  version?: number;
  lastModified?: string;
  issues: Issue[];
}

function responseEntry(base: string, o: Outcome, preference: ReturnPreference): BundleEntry {
  return {
    ...(o.id ? { fullUrl: `${base}/${o.type}/${o.id}` } : {}),
    ...(o.resource && preference === 'representation' ? { resource: o.resource } : {}),
    response: {
      status: o.status,
      ...(o.id ? { location: `${o.type}/${o.id}${o.version !== undefined ? `/_history/${o.version}` : ''}` } : {}),
      ...(o.version !== undefined ? { etag: etagOf(o.version) } : {}),
      ...(o.lastModified ? { lastModified: o.lastModified } : {}),
      ...(o.issues.length > 0 ? { outcome: operationOutcome(o.issues) } : {}),
    },
  };
}

function fromResource(resource: Patient | ServiceRequest | Resource, status: string, issues: Issue[]): Outcome {
  return {
    type: resource.resourceType,
    id: resource.id ?? '',
    status,
    resource,
    ...(resource.meta?.versionId ? { version: Number(resource.meta.versionId) } : {}),
    ...(resource.meta?.lastUpdated ? { lastModified: resource.meta.lastUpdated } : {}),
    issues,
  };
}

/** The resources of a referral, answered in the order the request listed them, then its Task. */
async function answer(scope: SchemeScope, p: Prepared, referralId: string, statuses: { patient: string; request: string }, notes: { patient: Issue[]; request: Issue[] }): Promise<Outcome[]> {
  const { record, serviceRequest, task } = await readReferral(scope, referralId);
  const patient = await readPatient(scope, record.person.id);
  const at = (entry: TransactionEntry) => inEntry(entry.index);
  const outcomes = new Map<number, Outcome>();
  if (p.patient) {
    const unrecorded = nhsNumberNotRecorded(p.patient.input.nhsNumber, patient, at(p.patient.entry)(p.patient.mapping.paths.nhsNumber ?? 'Patient.identifier'));
    outcomes.set(p.patient.entry.index, fromResource(patient, statuses.patient, [...issuesFromMapping(p.patient.mapping.warnings, 'warning', at(p.patient.entry)), ...notes.patient, ...unrecorded]));
  }
  const requestIssues = [...issuesFromMapping(p.request.mapping.warnings, 'warning', at(p.request.entry)), ...notes.request];
  if (!p.consent) requestIssues.push(issue('warning', 'informational', NO_CONSENT_WARNING, `Bundle.entry[${p.request.entry.index}].resource`));
  outcomes.set(p.request.entry.index, fromResource(serviceRequest, statuses.request, requestIssues));
  if (p.consent) {
    const consentIssues = [
      ...issuesFromMapping(p.consent.mapping.warnings, 'warning', at(p.consent.entry)),
      record.consent
        ? issue('information', 'informational', 'The consent is kept with the referral; it is not readable on its own over this API.')
        : // A retried transaction that matched a referral made without consent creates nothing, this Consent included.
          issue('warning', 'not-found', 'The referral this ServiceRequest identifier names has no consent recorded, and this Consent was not recorded either: nothing is created when the identifier matches.', `Bundle.entry[${p.consent.entry.index}].resource`),
    ];
    outcomes.set(p.consent.entry.index, {
      type: 'Consent',
      ...(record.consent ? { id: record.consent.id } : {}),
      status: statuses.request,
      ...(record.consent ? { lastModified: new Date(record.consent.recorded_at).toISOString() } : {}),
      issues: consentIssues,
    });
  }
  const ordered = [...outcomes.entries()].sort(([a], [b]) => a - b).map(([, o]) => o);
  return [...ordered, fromResource(task, statuses.request, [issue('information', 'informational', 'The Task tracking this referral; follow its status.')])];
}

async function lockAll(scope: SchemeScope, claims: [IdentifiedType, BusinessIdentifier | undefined][]): Promise<void> {
  const keyed = claims.filter((c): c is [IdentifiedType, BusinessIdentifier] => c[1] !== undefined);
  keyed.sort((a, b) => `${a[0]}|${a[1].system}|${a[1].value}`.localeCompare(`${b[0]}|${b[1].system}|${b[1].value}`));
  for (const [type, id] of keyed) await lockIdentifier(scope, type, id);
}

async function run(ctx: AppContext, scope: SchemeScope, actor: ClientActor, p: Prepared): Promise<Outcome[]> {
  const srCond = p.request.conditional;
  const patientCond = p.patient?.conditional;
  await lockAll(scope, [['Patient', patientCond], ['ServiceRequest', srCond]]);
  if (srCond) {
    const existing = await findByIdentifier(scope, 'ServiceRequest', srCond);
    if (existing) {
      if (!(await referralOfOrganisation(scope, existing, actor.organisationId))) {
        throw fhirError(409, 'duplicate', SR_IDENTIFIER_TAKEN, `Bundle.entry[${p.request.entry.index}].request.ifNoneExist`);
      }
      const note = [issue('information', 'duplicate', 'A ServiceRequest with this identifier already exists; nothing was created.')];
      return answer(scope, p, existing, { patient: '200 OK', request: '200 OK' }, { patient: note, request: note });
    }
  }
  let person: CreateReferralCommand['person'] | undefined;
  const patientNotes: Issue[] = [];
  if (p.patient) {
    const found = patientCond ? await findPatient(scope, patientCond) : undefined;
    if (found && patientCond?.system !== NHS_NUMBER_SYSTEM) {
      if (!(await personOfOrganisation(scope, found, actor.organisationId))) {
        throw fhirError(409, 'duplicate', PATIENT_IDENTIFIER_TAKEN, `Bundle.entry[${p.patient.entry.index}].request.ifNoneExist`);
      }
      person = { kind: 'existing', personId: found };
    }
    // NHS numbers are matched by the person service itself, which decides whether the referral
    // joins the person held (also when a concurrent referral made them a moment ago): whether
    // it did is known only once the referral is made (below).
    person ??= { kind: 'new', input: p.patient.input };
  } else person = { kind: 'existing', personId: p.serverPatientId ?? '' };

  const srAt = inEntry(p.request.entry.index);
  const { needs, issues: needIssues } = await schemeNeeds(scope, p.request.mapping.fields.needs, srAt('ServiceRequest.category'));
  const command = referralCommand(p.request.mapping.fields, needs, person, p.consent?.input ?? null);
  const map = {
    subject: srAt('ServiceRequest.subject'),
    needs: srAt('ServiceRequest.category'),
    reason: srAt('ServiceRequest.reasonCode'),
    ...(p.consent ? { consent: `Bundle.entry[${p.consent.entry.index}].resource` } : {}),
  };
  const created = await referPerson(scope, referralDeps(ctx), command, map);

  const requestNotes = [...needIssues];
  const patientMatched = p.patient !== undefined && !(await personCreatedInThisTransaction(scope, created.personId));
  if (patientMatched) {
    patientNotes.push(issue('information', 'duplicate', 'This person is already held (matched on the identifier or NHS number); the details sent were not applied.'));
  }
  const patientStatus = patientMatched ? '200 OK' : '201 Created';
  if (p.patient) {
    if (patientCond && patientCond.system !== NHS_NUMBER_SYSTEM && !(await findPatient(scope, patientCond))) {
      await claimIdentifier(scope, 'Patient', patientCond, created.personId);
    }
    const taken = await keepIdentifiers(scope, 'Patient', p.patient.mapping.identifiers.filter((i) => !sameIdentifier(i, patientCond)), created.personId);
    patientNotes.push(...takenWarnings(taken, `Bundle.entry[${p.patient.entry.index}].resource.identifier`));
  }
  if (srCond) await claimIdentifier(scope, 'ServiceRequest', srCond, created.referralId);
  const taken = await keepIdentifiers(scope, 'ServiceRequest', p.request.mapping.identifiers.filter((i) => !sameIdentifier(i, srCond)), created.referralId);
  requestNotes.push(...takenWarnings(taken, srAt('ServiceRequest.identifier')));
  if (created.reopened) {
    requestNotes.push(issue('information', 'informational', `The person's recently closed referral ${created.reference} was reopened instead of a new one made.`));
  }
  return answer(scope, p, created.referralId, { patient: patientStatus, request: created.reopened ? '200 OK' : '201 Created' }, { patient: patientNotes, request: requestNotes });
}

export async function processTransaction(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const actor = requireClient(request);
  const bundle = readResourceBody<Bundle>(request.body, ['Bundle']);
  const base = baseUrl(request);
  const prepared = prepare(bundle, base);
  const outcomes = await retryOnUniqueViolation(() => ctx.data.inScheme(actor, requestMeta(request), (scope) => run(ctx, scope, actor, prepared)));
  const preference = returnPreference(request);
  const response: Bundle = { resourceType: 'Bundle', type: 'transaction-response', entry: outcomes.map((o) => responseEntry(base, o, preference)) };
  return sendJson(reply, 200, response);
}
