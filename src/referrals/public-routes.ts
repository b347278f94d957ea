import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { publicScheme, selfReferralInput, selfReferralReceipt } from '../contracts/referrals.js';
import { AppError, notFound, validationError } from '../errors.js';
import { requestMeta } from '../http/request-context.js';
import { createReferral } from './create-referral.js';
import { loadReferralSettings } from './settings.js';
import { takeSubmissionSlot } from './throttle.js';

const tags = ['self-referral'];
const slugParams = z.strictObject({ slug: z.string().regex(/^[a-z0-9][a-z0-9-]{1,62}$/) });

async function publicSchemeBySlug(ctx: AppContext, slug: string): Promise<{ id: string; name: string; selfReferralEnabled: boolean }> {
  const row = await ctx.data.platform(async (tx) => {
    const { rows } = await sql<{ id: string; name: string; self_referral_enabled: boolean }>`select * from linkwell_public_scheme(${slug})`.execute(tx);
    return rows[0];
  });
  if (!row) throw notFound('The self-referral form');
  return { id: row.id, name: row.name, selfReferralEnabled: row.self_referral_enabled };
}

/**
 * The public self-referral form: no sign-in. It answers with the scheme's name and need
 * categories, and after a submission with a reference number only — never anything about
 * anyone, so that it cannot be used to learn whether a person is known to the scheme.
 */
export function registerPublicReferralRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/public/schemes/:slug', { schema: { tags, summary: 'What the self-referral form needs to know about a scheme', params: slugParams, response: { 200: publicScheme } } }, async (request) => {
    const scheme = await publicSchemeBySlug(ctx, request.params.slug);
    const settings = await ctx.data.inScheme({ type: 'anonymous', schemeId: scheme.id }, requestMeta(request), (scope) => loadReferralSettings(scope));
    return { name: scheme.name, selfReferralEnabled: scheme.selfReferralEnabled, needCategories: settings.needCategories };
  });

  r.post(
    '/public/schemes/:slug/self-referrals',
    {
      schema: {
        tags,
        summary: 'Refer yourself to the scheme',
        description: 'Rate-limited per network address (429 with Retry-After). Answers only a reference number.',
        params: slugParams,
        body: selfReferralInput,
        response: { 201: selfReferralReceipt },
      },
    },
    async (request, reply) => {
      const body = request.body;
      // The hidden field is empty for people; software that fills in every field gets a plain
      // refusal and nothing is stored.
      if (body.website && body.website.trim() !== '') {
        throw validationError([{ field: 'body.website', message: 'Leave this field empty' }], 'The form could not be accepted.');
      }
      const scheme = await publicSchemeBySlug(ctx, request.params.slug);
      if (!scheme.selfReferralEnabled) throw new AppError('forbidden', 'This scheme does not take self-referrals. Ask your GP practice to refer you.', { code: 'self-referral-closed' });
      await takeSubmissionSlot(ctx.data, `self-referral:${request.ip}`, ctx.config.SELF_REFERRAL_LIMIT, ctx.config.SELF_REFERRAL_WINDOW_MINUTES);
      const created = await ctx.data.inScheme({ type: 'anonymous', schemeId: scheme.id }, requestMeta(request), (scope) =>
        createReferral(scope, ctx, {
          person: { kind: 'new', input: body.person },
          consent: { givenBy: 'person', method: 'digital', scopes: ['referral', 'contact'], givenAt: new Date().toISOString() },
          reason: body.whatMatters,
          needs: body.needs,
          personView: body.whatMatters,
          riskInfo: body.safeToContact,
          urgency: 'routine',
          feedback: { milestones: [], channel: 'none' },
          exclusionsFlagged: [],
          source: 'self',
        }),
      );
      return reply.code(201).send({ reference: created.reference, schemeName: scheme.name });
    },
  );
}
