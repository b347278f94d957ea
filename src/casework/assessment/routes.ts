import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { assessment, assessmentInput, needDomain } from '../../contracts/casework.js';
import { withScope } from '../../http/request-context.js';
import { createAssessment, listAssessments } from './assessments.js';

const tags = ['casework'];
const caseParams = z.strictObject({ referralId: z.uuid() });

/** "What matters to me": the case's assessments, and a new one (a reassessment keeps the earlier ones). */
export function registerAssessmentRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get(
    '/cases/:referralId/assessments',
    {
      schema: {
        tags,
        summary: 'A case’s "what matters to me" assessments, newest first, with the need domains in force',
        params: caseParams,
        response: { 200: z.object({ assessments: z.array(assessment), needDomains: z.array(needDomain) }) },
      },
    },
    async (request) => withScope(ctx, request, (scope) => listAssessments(scope, request.params.referralId)),
  );

  r.post(
    '/cases/:referralId/assessments',
    {
      schema: {
        tags,
        summary: 'Record a "what matters to me" assessment: the next number; earlier ones are kept',
        description: 'Each domain must be one of the scheme’s need domains, given once. Refused (409) on a closed case or when consent was withdrawn.',
        params: caseParams,
        body: assessmentInput,
        response: { 201: assessment },
      },
    },
    async (request, reply) => {
      const saved = await withScope(ctx, request, (scope) => createAssessment(scope, request.params.referralId, request.body));
      return reply.code(201).send(saved);
    },
  );
}
