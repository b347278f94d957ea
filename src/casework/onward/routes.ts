import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../app-context.js';
import { onwardEventInput, onwardPreview, onwardPreviewQuery, onwardReferral, onwardReferralInput, signpost } from '../../contracts/onward.js';
import { validationError } from '../../errors.js';
import { requiredVersion } from '../../http/if-match.js';
import { withScope } from '../../http/request-context.js';
import { registerSignpostRoutes } from '../signposting/routes.js';
import { createOnwardReferral, previewOnwardReferral } from './create.js';
import { getOnward, linkWorkerOnwardEvent, listCaseOnward } from './service.js';

const tags = ['casework'];
const caseParams = z.strictObject({ referralId: z.uuid() });
const idParams = z.strictObject({ id: z.uuid() });

export function registerOnwardRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  registerSignpostRoutes(api, ctx);

  r.get(
    '/cases/:referralId/onward-referrals',
    { schema: { tags, summary: 'The case’s onward referrals and signposting', params: caseParams, response: { 200: z.object({ onwardReferrals: z.array(onwardReferral), signposts: z.array(signpost) }) } } },
    async (request) => withScope(ctx, request, (scope) => listCaseOnward(scope, request.params.referralId)),
  );

  r.get(
    '/cases/:referralId/onward-referrals/preview',
    {
      schema: {
        tags,
        summary: 'What the provider would be sent, and by when it must reply; runs every check and saves nothing',
        params: caseParams,
        querystring: onwardPreviewQuery,
        response: { 200: onwardPreview },
      },
    },
    async (request) =>
      withScope(ctx, request, (scope) => {
        const { serviceId, goalIds } = request.query;
        const ids = (goalIds ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
        if (ids.some((id) => !z.uuid().safeParse(id).success)) {
          throw validationError([{ field: 'querystring.goalIds', message: 'Choose from the person’s current goals in their plan' }]);
        }
        return previewOnwardReferral(scope, request.params.referralId, {
          serviceId,
          goalIds: ids,
          needSummary: '',
        });
      }),
  );

  r.post(
    '/cases/:referralId/onward-referrals',
    {
      schema: {
        tags,
        summary: 'Refer the person to a service, with their consent to share and a handover agreement',
        description: 'Refused with 409 (consent-blocks-sharing) when the referral’s consent is missing or withdrawn. The provider is emailed without the person’s name.',
        params: caseParams,
        body: onwardReferralInput,
        response: { 201: onwardReferral },
      },
    },
    async (request, reply) => {
      const created = await withScope(ctx, request, (scope) => createOnwardReferral(scope, ctx, request.params.referralId, request.body));
      return reply.code(201).header('etag', `W/"${created.version}"`).send(created);
    },
  );

  r.get('/onward-referrals/:id', { schema: { tags, summary: 'An onward referral (caseworkers)', params: idParams, response: { 200: onwardReferral } } }, async (request, reply) => {
    const found = await withScope(ctx, request, (scope) => getOnward(scope, request.params.id));
    return reply.header('etag', `W/"${found.version}"`).send(found);
  });

  r.post(
    '/onward-referrals/:id/events',
    {
      schema: {
        tags,
        summary: 'Record a reply or a change of status (link worker); If-Match required',
        params: idParams,
        body: onwardEventInput,
        response: { 200: onwardReferral },
      },
    },
    async (request, reply) => {
      const version = requiredVersion(request);
      const changed = await withScope(ctx, request, (scope) => linkWorkerOnwardEvent(scope, request.params.id, request.body, version));
      return reply.header('etag', `W/"${changed.version}"`).send(changed);
    },
  );
}
