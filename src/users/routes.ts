import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../app-context.js';
import { staffUser, staffUserList } from '../contracts/admin.js';
import type { SchemeScope } from '../data/access.js';
import { notFound } from '../errors.js';
import { withScope } from '../http/request-context.js';

/**
 * Staff accounts in the caller's scheme. The scheme's memberships (under row-level security)
 * decide which accounts exist here; an account with no membership in this scheme is "not found".
 */
async function loadStaff(scope: SchemeScope, userId?: string) {
  let query = scope.db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select([
      'users.id as id',
      'users.display_name as display_name',
      'users.email as email',
      'users.mfa_enabled as mfa_enabled',
      'users.status as status',
      'memberships.id as membership_id',
      'memberships.role as role',
      'memberships.organisation_id as organisation_id',
    ])
    .where('memberships.scheme_id', '=', scope.schemeId)
    .orderBy('users.display_name');
  if (userId) query = query.where('users.id', '=', userId);
  const rows = await query.execute();
  const byUser = new Map<string, z.infer<typeof staffUser>>();
  for (const row of rows) {
    const entry = byUser.get(row.id) ?? {
      id: row.id,
      displayName: row.display_name,
      email: row.email,
      mfaEnabled: row.mfa_enabled,
      status: row.status,
      roles: [],
    };
    entry.roles.push({ membershipId: row.membership_id, role: row.role, organisationId: row.organisation_id });
    byUser.set(row.id, entry);
  }
  return [...byUser.values()];
}

export function registerUserRoutes(api: FastifyInstance, ctx: AppContext): void {
  const r = api.withTypeProvider<ZodTypeProvider>();

  r.get('/users', { schema: { tags: ['users'], summary: 'Staff accounts in your scheme', response: { 200: staffUserList } } }, async (request) =>
    withScope(ctx, request, async (scope) => {
      scope.authorize('user', 'list');
      const items = await loadStaff(scope);
      await scope.audit({ action: 'read', entityType: 'user', detail: { list: true, count: items.length } });
      return { items };
    }),
  );

  r.get(
    '/users/:id',
    { schema: { tags: ['users'], summary: 'One staff account', params: z.strictObject({ id: z.uuid() }), response: { 200: staffUser } } },
    async (request) =>
      withScope(ctx, request, async (scope) => {
        scope.authorize('user', 'read', { userId: request.params.id });
        const [user] = await loadStaff(scope, request.params.id);
        if (!user) throw notFound('The user');
        await scope.audit({ action: 'read', entityType: 'user', entityId: user.id });
        return user;
      }),
  );
}
