import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.js';
import { caseload, caseloadBalance as caseloadBalanceSchema, caseloadQuery, reassignInput, reassignResult } from '../../contracts/casework.js';
import { withScope } from '../../http/request-context.js';
import { registerCaseworkSettingsRoutes } from '../settings-routes.js';
import { caseloadBalance, reassignCases } from './balance.js';
import { getCaseload } from './caseload.js';

const tags = ['casework'];

/** The link worker's home page, the manager's view of every worker's load, and reassignment. */
export function registerCaseloadRoutes(api: FastifyInstance, ctx: AppContext): void {
  registerCaseworkSettingsRoutes(api, ctx);
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/caseload',
    {
      schema: {
        tags,
        summary: 'A caseload: open cases with their next action, alerts and tasks',
        description: 'A link worker sees their own. A scheme manager may name a worker, or sees every open case in the scheme.',
        querystring: caseloadQuery,
        response: { 200: caseload },
      },
    },
    async (request) => withScope(ctx, request, (scope) => getCaseload(scope, request.query)),
  );

  r.get(
    '/caseload/workers',
    { schema: { tags, summary: 'Every link worker’s load and the room they have (scheme manager)', response: { 200: caseloadBalanceSchema } } },
    async (request) => withScope(ctx, request, (scope) => caseloadBalance(scope)),
  );

  r.post(
    '/caseload/reassign',
    {
      schema: {
        tags,
        summary: 'Move cases to another link worker (scheme manager; all or none, each move on the referral’s timeline)',
        body: reassignInput,
        response: { 200: reassignResult },
      },
    },
    async (request) => withScope(ctx, request, (scope) => reassignCases(scope, ctx, request.body)),
  );
}
