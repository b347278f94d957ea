import { sql } from 'kysely';
import type { OrganizationDetail, organizationListQuery } from '../../contracts/directory.js';
import type { z } from 'zod';
import type { SchemeScope } from '../../data/access.js';
import { notFound } from '../../errors.js';
import { londonDate } from '../../referrals/domain/working-days.js';
import { listingTarget, may } from '../access.js';
import { governanceWarnings } from '../governance.js';
import { presentOrganization } from '../presenters.js';
import { loadDirectorySettings } from '../settings.js';

/** Directory organisations: the list to find one, and one with its services. */

export async function listOrganizations(scope: SchemeScope, query: z.infer<typeof organizationListQuery>) {
  scope.authorize('directory_organization', 'list');
  let base = scope.db.selectFrom('directory_organizations as o');
  if (query.q) {
    const words = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    base = base.where('o.name', 'ilike', words);
  }
  const total = await base.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .select((eb) => [
      'o.id',
      'o.name',
      'o.insurance_expires_on',
      'o.safeguarding_policy_reviewed_on',
      eb.selectFrom('directory_services as s').select(sql<number>`count(*)::int`.as('c')).whereRef('s.organization_id', '=', 'o.id').as('service_count'),
    ])
    .orderBy('o.name')
    .orderBy('o.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  const today = londonDate(new Date());
  return {
    items: rows.map((r) => ({
      id: r.id,
      name: r.name,
      serviceCount: r.service_count ?? 0,
      governanceWarnings: governanceWarnings({ insuranceExpiresOn: r.insurance_expires_on, safeguardingPolicyReviewedOn: r.safeguarding_policy_reviewed_on }, today),
    })),
    page: query.page,
    pageSize: query.pageSize,
    total: total.n,
  };
}

/** One organisation as the caller sees it; `undefined` when there is no such organisation. */
export async function organizationView(scope: SchemeScope, id: string): Promise<OrganizationDetail | undefined> {
  const org = await scope.db.selectFrom('directory_organizations').selectAll().where('id', '=', id).executeTakeFirst();
  if (!org) return undefined;
  const [identifiers, services, settings, target] = await Promise.all([
    scope.db.selectFrom('directory_organization_identifiers').select(['identifier_scheme', 'identifier_type', 'identifier']).where('organization_id', '=', id).orderBy('id').execute(),
    scope.db.selectFrom('directory_services').select(['id', 'name', 'status', 'verified_at']).where('organization_id', '=', id).orderBy('name').orderBy('id').execute(),
    loadDirectorySettings(scope),
    listingTarget(scope, id),
  ]);
  return presentOrganization(
    org,
    { identifiers, services: services.map((s) => ({ id: s.id, name: s.name, status: s.status, verifiedAt: s.verified_at })) },
    { now: new Date(), staleAfterDays: settings.staleAfterDays, edit: may(scope, 'directory_organization', 'update', target) },
  );
}

export async function getOrganization(scope: SchemeScope, id: string): Promise<OrganizationDetail> {
  scope.authorize('directory_organization', 'read');
  const view = await organizationView(scope, id);
  if (!view) throw notFound('The organisation');
  return view;
}
