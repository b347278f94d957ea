/**
 * Wellbeing measures over FHIR, read-only: Questionnaire (a measure the scheme offers),
 * QuestionnaireResponse (a completed response) and Observation (its scores). A client reads the
 * completed responses of people its own organisation referred or registered, and no others:
 * anyone else's are "not found", and left out of searches. Every response read is audited.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Coding, Observation, Resource } from '@medplum/fhirtypes';
import type { AppContext } from '../app-context.js';
import { measureDefinition, measureScore } from '../contracts/outcomes.js';
import type { SchemeScope } from '../data/access.js';
import type { MeasureResponseRow } from '../db/schema.js';
import { notFound } from '../errors.js';
import { requestMeta } from '../http/request-context.js';
import { schemeMeasures } from '../outcomes/catalogue.js';
import { storedAnswers } from '../outcomes/responses/store.js';
import { personOfOrganisation } from '../referrals/people.js';
import { requireClient, sendJson, sendResource, type ClientActor } from './http.js';
import { toObservations } from './mapping/observation.js';
import { toQuestionnaireResponse, type CompletedResponse } from './mapping/questionnaire-response.js';
import { measureKeyOf, toQuestionnaire } from './mapping/questionnaire.js';
import { fhirError } from './operation-outcome.js';
import { UUID } from './referral-command.js';
import { readParams, referenceId, searchset, type Params } from './search.js';

export type OutcomeType = 'QuestionnaireResponse' | 'Observation';

const COLUMNS = ['id', 'person_id', 'referral_id', 'definition', 'mode', 'answers', 'score', 'entered_by_label', 'completed_at', 'updated_at', 'version'] as const;
type ResponseColumns = Pick<MeasureResponseRow, (typeof COLUMNS)[number]>;

/** People one search may name (each is checked against the client's organisation). */
const MAX_SUBJECTS = 20;

function present(row: ResponseColumns): CompletedResponse {
  const definition = measureDefinition.safeParse(row.definition);
  const score = measureScore.safeParse(row.score);
  // A completed row always has both (a CHECK says so); one that does not parse is our fault, not the client's.
  if (!definition.success || !score.success || row.completed_at === null) throw new Error(`measure response ${row.id} cannot be presented`);
  return {
    id: row.id,
    personId: row.person_id,
    referralId: row.referral_id,
    definition: definition.data,
    mode: row.mode,
    answers: storedAnswers(row.answers),
    score: score.data,
    enteredByLabel: row.entered_by_label,
    completedAt: row.completed_at,
    updatedAt: row.updated_at,
    version: row.version,
  };
}

/** Only completed responses are published: one still being filled in through a link is the person's draft. */
const completed = (scope: SchemeScope) => scope.db.selectFrom('measure_responses').where('scheme_id', '=', scope.schemeId).where('status', '=', 'completed');

async function audit(scope: SchemeScope, rows: readonly ResponseColumns[], via: 'fhir-read' | 'fhir-search'): Promise<void> {
  const seen = new Set<string>();
  for (const row of rows) {
    if (seen.has(row.id)) continue;
    seen.add(row.id);
    await scope.audit({ action: 'read', entityType: 'measure_response', entityId: row.id, detail: { personId: row.person_id, via } });
  }
}

/** GET /fhir/Questionnaire/<id>: the measure, as the scheme offers it now. */
export async function readQuestionnaire(ctx: AppContext, request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const actor = requireClient(request);
  const id = (request.params as { id?: string }).id ?? '';
  const key = measureKeyOf(id);
  const questionnaire = await ctx.data.inScheme(actor, requestMeta(request), async (scope) => {
    // Measures hold no personal data (so no audit); they are for whoever may read the responses.
    scope.authorize('measure_response', 'read');
    const measure = key === undefined ? undefined : (await schemeMeasures(scope)).find((m) => m.definition.key === key);
    if (!measure) throw notFound(key === undefined ? 'The Questionnaire' : `Questionnaire/${id}`);
    return toQuestionnaire(measure, scope.schemeId);
  });
  return sendResource(reply, questionnaire);
}

/** A completed response of one of the client's organisation's people, read and audited; anyone else's is not found. */
async function readVisibleResponse(scope: SchemeScope, actor: ClientActor, responseId: string, what: string): Promise<CompletedResponse> {
  scope.authorize('measure_response', 'read');
  const row = await completed(scope).select(COLUMNS).where('id', '=', responseId).executeTakeFirst();
  // The same answer whether it does not exist or is not theirs: a client learns nothing of other people.
  if (!row || !(await personOfOrganisation(scope, row.person_id, actor.organisationId))) throw notFound(what);
  scope.authorize('measure_response', 'read', { organisationId: actor.organisationId });
  await audit(scope, [row], 'fhir-read');
  return present(row);
}

/**
 * GET /fhir/QuestionnaireResponse/<response id> and /fhir/Observation/<response id>-<total|item>.
 * An Observation is built from its response, so reading one reads (and audits) the response.
 */
export async function readOutcome(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, type: OutcomeType): Promise<FastifyReply> {
  const actor = requireClient(request);
  const id = ((request.params as { id?: string }).id ?? '').toLowerCase();
  const responseId = id.slice(0, 36);
  const wellFormed = UUID.test(responseId) && (type === 'QuestionnaireResponse' ? id.length === 36 : id.charAt(36) === '-');
  if (!wellFormed) throw notFound(`The ${type}`);
  const resource = await ctx.data.inScheme(actor, requestMeta(request), async (scope): Promise<Resource> => {
    const response = await readVisibleResponse(scope, actor, responseId, `${type}/${id}`);
    if (type === 'QuestionnaireResponse') return toQuestionnaireResponse(response, scope.schemeId);
    const observation = toObservations(response, scope.schemeId).find((o) => o.id === id);
    if (!observation) throw notFound(`Observation/${id}`);
    return observation;
  });
  return sendResource(reply, resource);
}

/** subject= and patient= name the person; each parameter must hold, and commas within one mean any of them. */
function subjectsOf(params: Params, type: OutcomeType): string[] {
  const given = [...(params.get('subject') ?? []), ...(params.get('patient') ?? [])];
  if (given.length === 0) throw fhirError(400, 'required', `Search ${type} by subject=Patient/<id> (or patient=<id>).`, 'subject');
  let people: Set<string> | undefined;
  for (const value of given) {
    const ids = new Set(value.split(',').flatMap((v) => referenceId(v.trim(), 'Patient') ?? []));
    people = people === undefined ? ids : new Set([...people].filter((id) => ids.has(id)));
  }
  const found = [...(people ?? [])];
  if (found.length > MAX_SUBJECTS) throw fhirError(400, 'too-costly', `Search for at most ${MAX_SUBJECTS} people at a time.`, 'subject');
  return found;
}

/** One code token: `code`, `system|code`, `system|` (any code of the system) or `|code` (no system: none here). */
function tokenMatcher(token: string): (coding: Coding | undefined) => boolean {
  const bar = token.indexOf('|');
  if (bar === -1) return (coding) => coding?.code === token;
  const system = token.slice(0, bar);
  const code = token.slice(bar + 1);
  return (coding) => (system === '' ? coding?.system === undefined : coding?.system === system) && (code === '' || coding?.code === code);
}

function codeFilter(values: readonly string[]): (observation: Observation) => boolean {
  const conditions = values.map((value) => value.split(',').map((token) => tokenMatcher(token.trim())));
  return (observation) => conditions.every((alternatives) => alternatives.some((matches) => matches(observation.code.coding?.[0])));
}

/**
 * GET /fhir/QuestionnaireResponse?subject= and /fhir/Observation?subject=[&code=], newest first.
 * Observations are built from the person's responses and then paged: a person has tens of
 * responses, not thousands. Only the responses on the page answered are audited.
 */
export async function searchOutcomes(ctx: AppContext, request: FastifyRequest, reply: FastifyReply, type: OutcomeType): Promise<FastifyReply> {
  const actor = requireClient(request);
  const { params, count, offset } = readParams(request, type);
  const subjects = subjectsOf(params, type);
  const matches = codeFilter(params.get('code') ?? []);
  const bundle = await ctx.data.inScheme(actor, requestMeta(request), async (scope) => {
    scope.authorize('measure_response', 'list');
    const people: string[] = [];
    for (const id of subjects) if (await personOfOrganisation(scope, id, actor.organisationId)) people.push(id);
    if (people.length === 0) return searchset(request, type, params, count, offset, 0, []);
    scope.authorize('measure_response', 'list', { organisationId: actor.organisationId });
    const theirs = completed(scope).where('person_id', 'in', people);
    const newestFirst = theirs.select(COLUMNS).orderBy('completed_at', 'desc').orderBy('id');
    if (type === 'QuestionnaireResponse') {
      const total = await theirs.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      const rows = count === 0 ? [] : await newestFirst.limit(count).offset(offset).execute();
      await audit(scope, rows, 'fhir-search');
      return searchset(request, type, params, count, offset, Number(total.n), rows.map((row) => toQuestionnaireResponse(present(row), scope.schemeId)));
    }
    const found = (await newestFirst.execute()).flatMap((row) =>
      toObservations(present(row), scope.schemeId)
        .filter(matches)
        .map((observation) => ({ row, observation })),
    );
    const page = count === 0 ? [] : found.slice(offset, offset + count);
    await audit(scope, page.map((p) => p.row), 'fhir-search');
    return searchset(request, type, params, count, offset, found.length, page.map((p) => p.observation));
  });
  return sendJson(reply, 200, bundle);
}
