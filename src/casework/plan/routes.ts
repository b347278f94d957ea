import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { goal, goalInput, goalProgressInput, plan, sendPlanInput } from '../../contracts/casework.js';
import { planCopy, sendPlanResult } from '../../contracts/plan-copy.js';
import { requiredVersion } from '../../http/if-match.js';
import { withScope } from '../../http/request-context.js';
import { getPlanCopy, sendPlan } from './copy.js';
import { createGoal, getPlan, recordProgress, updateGoal } from './goals.js';

const tags = ['casework'];
const caseParams = z.strictObject({ referralId: z.uuid() });
const idParams = z.strictObject({ id: z.uuid() });
const IF_MATCH = 'If-Match with the goal’s version (W/"3", as in its ETag) is required; 412 if someone changed it since.';

const etag = (version: number): string => `W/"${version}"`;

/** The personalised care and support plan: goals, their progress, and the person's own copy. */
export function registerPlanRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/cases/:referralId/plan',
    { schema: { tags, summary: 'The case’s plan: goals in order, each with its history, the changes open to it and whether its review is due', params: caseParams, response: { 200: plan } } },
    async (request) => withScope(ctx, request, (scope) => getPlan(scope, request.params.referralId, new Date())),
  );

  r.post(
    '/cases/:referralId/goals',
    {
      schema: {
        tags,
        summary: 'Add a goal to the plan (not started, at the end of the list)',
        description: 'The domain must be one of the scheme’s need domains, or null. A review date must be today or later. Refused (409) on a closed case.',
        params: caseParams,
        body: goalInput,
        response: { 201: goal },
      },
    },
    async (request, reply) => {
      const saved = await withScope(ctx, request, (scope) => createGoal(scope, request.params.referralId, request.body, new Date()));
      return reply.code(201).header('etag', etag(saved.version)).send(saved);
    },
  );

  r.put(
    '/goals/:id',
    {
      schema: {
        tags,
        summary: 'Change a goal’s words, domain, steps or dates',
        description: `Refused (409, goal-closed) for a goal that was changed or dropped. ${IF_MATCH}`,
        params: idParams,
        body: goalInput,
        response: { 200: goal },
      },
    },
    async (request, reply) => {
      const version = requiredVersion(request);
      const saved = await withScope(ctx, request, (scope) => updateGoal(scope, request.params.id, request.body, version, new Date()));
      return reply.header('etag', etag(saved.version)).send(saved);
    },
  );

  r.post(
    '/goals/:id/progress',
    {
      schema: {
        tags,
        summary: 'Move a goal on (start, achieve, change, drop, reopen) and/or record the person’s own 0–10 rating',
        description: `At least one of event and personRating. A change the goal cannot make is refused with 409 and the state machine's code. ${IF_MATCH}`,
        params: idParams,
        body: goalProgressInput,
        response: { 200: goal },
      },
    },
    async (request, reply) => {
      const version = requiredVersion(request);
      const saved = await withScope(ctx, request, (scope) => recordProgress(scope, request.params.id, request.body, version, new Date()));
      return reply.header('etag', etag(saved.version)).send(saved);
    },
  );

  r.get(
    '/cases/:referralId/plan/copy',
    { schema: { tags, summary: 'The person’s own copy of the plan, in plain English (to print)', params: caseParams, response: { 200: planCopy } } },
    async (request) => withScope(ctx, request, (scope) => getPlanCopy(scope, request.params.referralId, new Date())),
  );

  r.post(
    '/cases/:referralId/plan/send',
    {
      schema: {
        tags,
        summary: 'Email the person their copy of the plan',
        description: 'Refused (409, no-email) when the person has no email address.',
        params: caseParams,
        body: sendPlanInput,
        response: { 200: sendPlanResult },
      },
    },
    async (request) => withScope(ctx, request, (scope) => sendPlan(scope, ctx.jobs, request.params.referralId, new Date())),
  );
}
