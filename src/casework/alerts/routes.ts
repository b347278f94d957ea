import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { caseAlert, caseTask, resolveAlertInput, taskInput } from '../../contracts/casework.js';
import { withScope } from '../../http/request-context.js';
import { addTask, caseAlerts, completeTask, resolveAlert } from './alerts.js';

const tags = ['casework'];
const caseParams = z.strictObject({ referralId: z.uuid() });
const idParams = z.strictObject({ id: z.uuid() });

/** A case's alerts and tasks: read, resolve, add, tick off. Caseworkers only. */
export function registerAlertRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/cases/:referralId/alerts',
    { schema: { tags, summary: 'A case’s alerts and follow-up tasks', params: caseParams, response: { 200: z.object({ alerts: z.array(caseAlert), tasks: z.array(caseTask) }) } } },
    async (request) => withScope(ctx, request, (scope) => caseAlerts(scope, request.params.referralId)),
  );

  r.post(
    '/case-alerts/:id/resolve',
    { schema: { tags, summary: 'Resolve an alert, saying what was done (its follow-up task is done too)', params: idParams, body: resolveAlertInput, response: { 200: caseAlert } } },
    async (request) => withScope(ctx, request, (scope) => resolveAlert(scope, request.params.id, request.body.note)),
  );

  r.post(
    '/cases/:referralId/tasks',
    { schema: { tags, summary: 'Add a task to a case, for its link worker', params: caseParams, body: taskInput, response: { 201: caseTask } } },
    async (request, reply) => {
      const task = await withScope(ctx, request, (scope) => addTask(scope, request.params.referralId, request.body));
      return reply.code(201).send(task);
    },
  );

  r.post(
    '/case-tasks/:id/done',
    { schema: { tags, summary: 'Mark a task done', params: idParams, body: z.strictObject({}), response: { 200: caseTask } } },
    async (request) => withScope(ctx, request, (scope) => completeTask(scope, request.params.id)),
  );
}
