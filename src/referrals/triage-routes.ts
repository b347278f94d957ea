import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { mergeRequest, personDetail, personInput } from '../contracts/people.js';
import { allocateRequest, allocateResult, draftBody, draftList, draftView, linkWorkerList, triageQuery, triageQueue as triageQueueSchema } from '../contracts/referrals.js';
import { withScope } from '../http/request-context.js';
import { deleteDraft, getDraft, listDrafts, saveDraft } from './drafts.js';
import { presentPerson } from './get-referral.js';
import { findDuplicates, getPerson, mergePeople, updatePerson } from './people.js';
import { versionFromIfMatch } from '../http/if-match.js';
import { allocateMany, caseloads, triageQueue } from './triage.js';
import { can, ruleFor } from '../auth/policy.js';
import { roleOf, type SchemeScope } from '../data/access.js';

const idParams = z.strictObject({ id: z.uuid() });

/**
 * A person with their referrals and possible duplicates. An integration reaches the person
 * through its own organisation's referrals, so it is shown only those, and no duplicates:
 * those are other people's records, for the caseworkers who may merge them.
 */
async function personDetailView(scope: SchemeScope, id: string) {
  const person = await getPerson(scope, id);
  const actor = scope.actor;
  const role = roleOf(actor);
  const rule = role ? ruleFor(role, 'referral', 'list') : undefined;
  let query = scope.db
    .selectFrom('referrals')
    .select(['id', 'reference', 'status', 'received_at'])
    .where('scheme_id', '=', scope.schemeId)
    .where('person_id', '=', id);
  if (rule === undefined) query = query.where(sql<boolean>`false`);
  else if (rule === 'self') query = query.where('referrer_user_id', '=', actor.type === 'user' ? actor.userId : null);
  else if (rule === 'own_organisation') query = query.where('referrer_organisation_id', '=', actor.type === 'user' || actor.type === 'client' ? actor.organisationId : null);
  const referrals = await query.orderBy('received_at', 'desc').execute();
  const maySeeOthers = role !== undefined && can({ role }, 'person', 'list');
  return {
    person: presentPerson(person),
    duplicates: maySeeOthers ? await findDuplicates(scope, id) : [],
    referrals: referrals.map((r) => ({ id: r.id, reference: r.reference, status: r.status, receivedAt: new Date(r.received_at).toISOString() })),
  };
}

/** Triage, people and drafts: the link worker's side of referrals, and the referrer's drafts. */
export function registerTriageRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/triage', { schema: { tags: ['triage'], summary: 'Referrals waiting for triage, oldest first, with caseloads', querystring: triageQuery, response: { 200: triageQueueSchema } } }, async (request) =>
    withScope(ctx, request, (scope) => triageQueue(scope, request.query)),
  );

  r.post(
    '/triage/allocate',
    { schema: { tags: ['triage'], summary: 'Allocate several referrals to one link worker (all or none)', body: allocateRequest, response: { 200: allocateResult } } },
    async (request) =>
      withScope(ctx, request, async (scope) => {
        const references = await allocateMany(scope, ctx, request.body.referralIds, request.body.linkWorkerId);
        return { allocated: references.length, references };
      }),
  );

  r.get('/link-workers', { schema: { tags: ['triage'], summary: 'Link workers of the scheme with their open caseloads', response: { 200: linkWorkerList } } }, async (request) =>
    withScope(ctx, request, async (scope) => {
      scope.authorize('referral', 'triage');
      return { items: await caseloads(scope) };
    }),
  );

  r.get('/people/:id', { schema: { tags: ['people'], summary: 'A person, their referrals and possible duplicates', params: idParams, response: { 200: personDetail } } }, async (request) =>
    withScope(ctx, request, (scope) => personDetailView(scope, request.params.id)),
  );

  r.put(
    '/people/:id',
    {
      schema: {
        tags: ['people'],
        summary: 'Correct a person’s details',
        description: 'Send If-Match with the version you read (ETag); 412 if someone changed the record since.',
        params: idParams,
        body: personInput,
        response: { 200: personDetail },
      },
    },
    async (request, reply) => {
      const expectedVersion = versionFromIfMatch(request);
      const detail = await withScope(ctx, request, async (scope) => {
        await updatePerson(scope, request.params.id, request.body, expectedVersion);
        return personDetailView(scope, request.params.id);
      });
      return reply.header('etag', `W/"${detail.person.version}"`).send(detail);
    },
  );

  r.post(
    '/people/:id/merge',
    {
      schema: {
        tags: ['people'],
        summary: 'Merge this person into another record (both histories are kept)',
        params: idParams,
        body: mergeRequest,
        response: { 200: personDetail },
      },
    },
    async (request) =>
      withScope(ctx, request, async (scope) => {
        await mergePeople(scope, request.params.id, request.body.intoPersonId, request.body.reason);
        return personDetailView(scope, request.body.intoPersonId);
      }),
  );

  r.get('/referral-drafts', { schema: { tags: ['referrals'], summary: 'Your saved referral drafts', response: { 200: draftList } } }, async (request) =>
    withScope(ctx, request, async (scope) => ({ items: await listDrafts(scope) })),
  );
  r.post('/referral-drafts', { schema: { tags: ['referrals'], summary: 'Save a referral form as a draft', body: draftBody, response: { 201: draftView } } }, async (request, reply) => {
    const draft = await withScope(ctx, request, (scope) => saveDraft(scope, null, request.body.data));
    return reply.code(201).send(draft);
  });
  r.get('/referral-drafts/:id', { schema: { tags: ['referrals'], summary: 'One of your drafts', params: idParams, response: { 200: draftView } } }, async (request) =>
    withScope(ctx, request, (scope) => getDraft(scope, request.params.id)),
  );
  r.put('/referral-drafts/:id', { schema: { tags: ['referrals'], summary: 'Update a draft', params: idParams, body: draftBody, response: { 200: draftView } } }, async (request) =>
    withScope(ctx, request, (scope) => saveDraft(scope, request.params.id, request.body.data)),
  );
  r.delete('/referral-drafts/:id', { schema: { tags: ['referrals'], summary: 'Delete a draft', params: idParams, response: { 204: z.null() } } }, async (request, reply) => {
    await withScope(ctx, request, (scope) => deleteDraft(scope, request.params.id));
    return reply.code(204).send(null);
  });
}
