import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import {
  consentInput,
  overrideRequest,
  referralDetail,
  referralEventRequest,
  referralInput,
  referralList,
  referralListQuery,
  referralSettings,
  referralSettingsUpdate,
  screeningRequest,
  screeningResult,
  withdrawConsentRequest,
  importReport,
} from '../contracts/referrals.js';
import { versionFromIfMatch } from '../http/if-match.js';
import { requestMeta, requireActor, withScope } from '../http/request-context.js';
import { addConsent, withdrawConsent } from './consent.js';
import { commandFromInput, createReferral } from './create-referral.js';
import { screen } from './domain/eligibility.js';
import { londonDate } from './domain/working-days.js';
import { deleteDraftAfterSubmit } from './drafts.js';
import { referralDetailView } from './get-referral.js';
import { IMPORT_COLUMNS, importReferrals } from './import-referrals.js';
import { LETTER_CSS, renderFeedbackLetter } from './letter.js';
import { listReferrals } from './list-referrals.js';
import { overrideEligibility } from './override-eligibility.js';
import { loadReferralSettings, presentSettings, updateReferralSettings } from './settings.js';
import { applyReferralEvent } from './transition-referral.js';

const tags = ['referrals'];
const idParams = z.strictObject({ id: z.uuid() });

export function registerReferralRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();
  api.addContentTypeParser('text/csv', { parseAs: 'string' }, (_request, body, done) => {
    done(null, body);
  });

  r.post(
    '/referrals/import',
    {
      bodyLimit: 5 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Import referrals from a spreadsheet (text/csv)',
        description: `Columns: ${IMPORT_COLUMNS.join(', ')}. needs is a ;-separated list of need codes. Valid rows are imported; each invalid row is reported and changes nothing.`,
        consumes: ['text/csv'],
        body: z.string().min(1),
        response: { 200: importReport },
      },
    },
    async (request) => importReferrals(ctx, requireActor(request), requestMeta(request), request.body),
  );

  r.get('/letter.css', { schema: { hide: true } }, async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(LETTER_CSS));

  r.get('/referral-settings', { schema: { tags, summary: "The scheme's referral rules and need categories", response: { 200: referralSettings } } }, async (request) =>
    withScope(ctx, request, async (scope) => {
      scope.authorize('referral_settings', 'read');
      return presentSettings(await loadReferralSettings(scope));
    }),
  );

  r.put(
    '/referral-settings',
    { schema: { tags, summary: 'Change the scheme’s referral rules (scheme managers)', body: referralSettingsUpdate, response: { 200: referralSettings } } },
    async (request) => withScope(ctx, request, async (scope) => presentSettings(await updateReferralSettings(scope, request.body))),
  );

  r.post(
    '/referrals/screen',
    { schema: { tags, summary: 'Screen answers against the scheme’s eligibility criteria', body: screeningRequest, response: { 200: screeningResult } } },
    async (request) =>
      withScope(ctx, request, async (scope) => {
        scope.authorize('referral', 'create');
        const settings = await loadReferralSettings(scope);
        return screen(settings.eligibility, {
          dateOfBirth: request.body.dateOfBirth ?? null,
          practiceOds: request.body.practiceOds ?? null,
          needs: request.body.needs,
          exclusionsFlagged: request.body.exclusionsFlagged,
          today: londonDate(new Date()),
        });
      }),
  );

  r.post(
    '/referrals',
    {
      schema: {
        tags,
        summary: 'Make a referral (professional form or REST integration)',
        description: 'Creates the person (or matches them by NHS number), records consent, screens eligibility and tells the referrer it was received.',
        body: referralInput,
        response: { 201: referralDetail },
      },
    },
    async (request, reply) => {
      const detail = await withScope(ctx, request, async (scope) => {
        const source = scope.actor.type === 'client' ? 'api' : 'professional';
        const created = await createReferral(scope, ctx, commandFromInput(request.body, source));
        if (request.body.draftId) await deleteDraftAfterSubmit(scope, request.body.draftId);
        return referralDetailView(scope, created.referralId);
      });
      return reply.code(201).header('etag', `W/"${detail.version}"`).send(detail);
    },
  );

  r.get(
    '/referrals',
    { schema: { tags, summary: 'Referrals you may see (a referrer: the ones they made)', querystring: referralListQuery, response: { 200: referralList } } },
    async (request) => withScope(ctx, request, (scope) => listReferrals(scope, request.query)),
  );

  r.get('/referrals/:id', { schema: { tags, summary: 'One referral with its timeline', params: idParams, response: { 200: referralDetail } } }, async (request, reply) => {
    const detail = await withScope(ctx, request, (scope) => referralDetailView(scope, request.params.id));
    return reply.header('etag', `W/"${detail.version}"`).send(detail);
  });

  r.post(
    '/referrals/:id/events',
    {
      schema: {
        tags,
        summary: 'Move a referral on: triage, allocate, decline, first contact, close, reopen…',
        description: 'Send If-Match with the ETag you read to be sure nobody changed it since (412 if they did). An event the lifecycle does not allow answers 409.',
        params: idParams,
        body: referralEventRequest,
        response: { 200: referralDetail },
      },
    },
    async (request, reply) => {
      const expectedVersion = versionFromIfMatch(request);
      const detail = await withScope(ctx, request, async (scope) => {
        await applyReferralEvent(scope, ctx, request.params.id, request.body, { expectedVersion });
        return referralDetailView(scope, request.params.id);
      });
      return reply.header('etag', `W/"${detail.version}"`).send(detail);
    },
  );

  r.post(
    '/referrals/:id/eligibility-override',
    { schema: { tags, summary: 'Override the eligibility result, with the reason', params: idParams, body: overrideRequest, response: { 200: referralDetail } } },
    async (request) =>
      withScope(ctx, request, async (scope) => {
        await overrideEligibility(scope, request.params.id, request.body.reason);
        return referralDetailView(scope, request.params.id);
      }),
  );

  r.post(
    '/referrals/:id/consent',
    { schema: { tags, summary: 'Record the person’s consent (when the referral arrived without it)', params: idParams, body: consentInput, response: { 200: referralDetail } } },
    async (request) =>
      withScope(ctx, request, async (scope) => {
        await addConsent(scope, request.params.id, request.body);
        return referralDetailView(scope, request.params.id);
      }),
  );

  r.post(
    '/referrals/:id/consent/withdraw',
    { schema: { tags, summary: 'Record that the person withdrew consent', params: idParams, body: withdrawConsentRequest, response: { 200: referralDetail } } },
    async (request) =>
      withScope(ctx, request, async (scope) => {
        await withdrawConsent(scope, request.params.id, request.body.reason);
        return referralDetailView(scope, request.params.id);
      }),
  );

  r.get(
    '/referrals/:id/letter',
    { schema: { tags, summary: 'The message back to the GP and referrer, as a printable page', params: idParams, produces: ['text/html'] } },
    async (request, reply) => {
      const html = await withScope(ctx, request, async (scope) => renderFeedbackLetter(scope, request.params.id));
      return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
    },
  );
}
