import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../app-context.js';
import { linkAnswersInput, linkTokenInput, publicQuestionnaire, publicSubmitted } from '../../contracts/outcomes.js';
import { AppError } from '../../errors.js';
import { requestMeta } from '../../http/request-context.js';
import { takeSubmissionSlot } from '../../referrals/throttle.js';
import { openQuestionnaire, saveQuestionnaire, submitQuestionnaire, withLink } from './questionnaire.js';

const tags = ['questionnaire'];
/**
 * Requests per network address per window. Generous: a person saves as they go, and a family
 * may share one connection; it is there to stop someone trying tokens by the thousand.
 */
const QUESTIONNAIRE_LIMIT = 300;
const QUESTIONNAIRE_WINDOW_MINUTES = 15;

async function throttle(ctx: AppContext, request: FastifyRequest): Promise<void> {
  try {
    await takeSubmissionSlot(ctx.data, `questionnaire:${request.ip}`, QUESTIONNAIRE_LIMIT, QUESTIONNAIRE_WINDOW_MINUTES);
  } catch (error) {
    if (error instanceof AppError && error.kind === 'too-many-requests') {
      throw new AppError('too-many-requests', 'There have been too many requests from this connection. Wait a few minutes and try again: your saved answers are kept.', {
        code: 'throttled',
        ...(error.options.retryAfterSeconds !== undefined ? { retryAfterSeconds: error.options.retryAfterSeconds } : {}),
      });
    }
    throw error;
  }
}

const gone = { description: 'The link was used, has expired or was revoked (problem+json, type ends link-submitted, link-expired or link-revoked).' };

/**
 * The person's questionnaire, reached by a one-time link with no sign-in. The token travels
 * only in the body (never a URL), and answers carry the questionnaire and nothing about the person.
 */
export function registerPublicMeasureRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.post(
    '/public/questionnaire/open',
    { schema: { tags, summary: 'Open a questionnaire from a one-time link', description: gone.description, body: linkTokenInput, response: { 200: publicQuestionnaire } } },
    async (request) => {
      await throttle(ctx, request);
      return withLink(ctx.data, request.body.token, requestMeta(request), (scope, link) => openQuestionnaire(scope, link));
    },
  );

  r.post(
    '/public/questionnaire/save',
    { schema: { tags, summary: 'Save answers so far, to come back to on the same link', description: gone.description, body: linkAnswersInput } },
    async (request, reply) => {
      await throttle(ctx, request);
      await withLink(ctx.data, request.body.token, requestMeta(request), (scope, link) => saveQuestionnaire(scope, link, request.body.answers));
      return reply.code(204).send();
    },
  );

  r.post(
    '/public/questionnaire/submit',
    { schema: { tags, summary: 'Send in the answers; the link then stops working', description: gone.description, body: linkAnswersInput, response: { 200: publicSubmitted } } },
    async (request) => {
      await throttle(ctx, request);
      const done = await withLink(ctx.data, request.body.token, requestMeta(request), (scope, link) => submitQuestionnaire(scope, ctx, link, request.body.answers));
      return { submitted: true as const, schemeName: done.schemeName };
    },
  );
}
