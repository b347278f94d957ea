import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { ROLE_LABELS } from '../auth/roles.js';
import { organisation, organisationList, schemeList } from '../contracts/admin.js';
import { homeResponse } from '../contracts/home.js';
import type { OrganisationKind } from '../db/schema.js';
import { forbidden, notFound } from '../errors.js';
import { homeFor } from '../home/tiles.js';
import { withScope } from '../http/request-context.js';

export const ORGANISATION_KIND_LABELS: Record<OrganisationKind, string> = {
  pcn: 'Primary care network',
  gp_practice: 'GP practice',
  host: 'Host organisation',
  vcse: 'Voluntary, community or social enterprise',
  icb: 'Integrated care board',
  local_authority: 'Local authority',
  platform: 'Platform administration',
};

const present = (o: { id: string; kind: OrganisationKind; name: string; ods_code: string | null }) => ({
  id: o.id,
  kind: o.kind,
  kindLabel: ORGANISATION_KIND_LABELS[o.kind],
  name: o.name,
  odsCode: o.ods_code,
});

export function registerSchemeRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/home', { schema: { tags: ['home'], summary: "The signed-in role's home page", response: { 200: homeResponse } } }, async (request) =>
    withScope(ctx, request, async (scope) => {
      scope.authorize('scheme', 'read');
      const actor = scope.actor;
      if (actor.type !== 'user') throw forbidden('The home page is for people, not API clients.');
      const role = actor.role === 'api_client' ? null : actor.role;
      if (!role) throw forbidden();
      const scheme = await scope.db.selectFrom('schemes').select('name').where('id', '=', scope.schemeId).executeTakeFirstOrThrow();
      const org = await scope.db
        .selectFrom('organisations')
        .select('name')
        .where('scheme_id', '=', scope.schemeId)
        .where('id', '=', actor.organisationId)
        .executeTakeFirstOrThrow();
      const counts = await scope.db
        .selectNoFrom((eb) => [
          eb.selectFrom('organisations').select(eb.fn.countAll<number>().as('n')).where('scheme_id', '=', scope.schemeId).as('organisations'),
          eb.selectFrom('memberships').select(eb.fn.countAll<number>().as('n')).where('scheme_id', '=', scope.schemeId).as('members'),
          eb
            .selectFrom('notifications')
            .select(eb.fn.countAll<number>().as('n'))
            .where('scheme_id', '=', scope.schemeId)
            .where('status', 'in', ['failed', 'permanent-failure'])
            .as('failed'),
        ])
        .executeTakeFirstOrThrow();
      const home = homeFor(role, {
        organisations: Number(counts.organisations),
        members: Number(counts.members),
        failedNotifications: Number(counts.failed),
      });
      return { role, roleLabel: ROLE_LABELS[role], schemeName: scheme.name, organisationName: org.name, ...home };
    }),
  );

  r.get(
    '/organisations',
    { schema: { tags: ['organisations'], summary: 'Organisations in your scheme', response: { 200: organisationList } } },
    async (request) =>
      withScope(ctx, request, async (scope) => {
        scope.authorize('organisation', 'list');
        const rows = await scope.db
          .selectFrom('organisations')
          .select(['id', 'kind', 'name', 'ods_code'])
          .where('scheme_id', '=', scope.schemeId)
          .orderBy('kind')
          .orderBy('name')
          .execute();
        return { items: rows.map(present) };
      }),
  );

  r.get(
    '/organisations/:id',
    {
      schema: {
        tags: ['organisations'],
        summary: 'One organisation in your scheme',
        params: z.strictObject({ id: z.uuid() }),
        response: { 200: organisation },
      },
    },
    async (request) =>
      withScope(ctx, request, async (scope) => {
        scope.authorize('organisation', 'read');
        const row = await scope.db
          .selectFrom('organisations')
          .select(['id', 'kind', 'name', 'ods_code'])
          .where('scheme_id', '=', scope.schemeId)
          .where('id', '=', request.params.id)
          .executeTakeFirst();
        if (!row) throw notFound('The organisation');
        return present(row);
      }),
  );

  r.get('/schemes', { schema: { tags: ['schemes'], summary: 'Schemes on this platform (system administrators)', response: { 200: schemeList } } }, async (request) =>
    withScope(ctx, request, async (scope) => {
      scope.authorize('scheme', 'list');
      const { rows } = await sql<{
        id: string;
        slug: string;
        name: string;
        kind: 'scheme' | 'platform';
        require_mfa: boolean;
        organisation_count: number;
        member_count: number;
      }>`select * from linkwell_scheme_directory()`.execute(scope.db);
      return {
        items: rows.map((s) => ({
          id: s.id,
          slug: s.slug,
          name: s.name,
          kind: s.kind,
          requireMfa: s.require_mfa,
          organisationCount: Number(s.organisation_count),
          memberCount: Number(s.member_count),
        })),
      };
    }),
  );
}
