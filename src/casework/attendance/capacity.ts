import { LIVE_ONWARD_STATUSES } from '../../contracts/casework-codes.js';
import type { ProviderCapacityInput, ProviderService, ProviderServices } from '../../contracts/provider.js';
import type { SchemeScope } from '../../data/access.js';
import { callerDirectoryOrganization, listingTarget } from '../../directory/access.js';
import { updateService } from '../../directory/services/edit-service.js';
import { notFound } from '../../errors.js';

/**
 * A provider's capacity settings: places, people waiting, and "not taking anyone until". They
 * live on the directory listing, so a change goes through the directory's own writer and keeps
 * its version and change history like any other edit of the listing.
 */

interface ServiceRow {
  id: string;
  name: string;
  capacity_places: number | null;
  waitlist_count: number | null;
  not_taking_until: string | null;
  version: number;
}

async function liveCounts(scope: SchemeScope, serviceIds: readonly string[]): Promise<Map<string, number>> {
  if (serviceIds.length === 0) return new Map();
  const rows = await scope.db
    .selectFrom('onward_referrals')
    .select((eb) => ['service_id', eb.fn.countAll<number>().as('n')])
    .where('scheme_id', '=', scope.schemeId)
    .where('service_id', 'in', serviceIds)
    .where('status', 'in', LIVE_ONWARD_STATUSES)
    .groupBy('service_id')
    .execute();
  return new Map(rows.map((r) => [r.service_id, Number(r.n)]));
}

function present(row: ServiceRow, live: number): ProviderService {
  return {
    id: row.id,
    name: row.name,
    capacityPlaces: row.capacity_places,
    waitlistCount: row.waitlist_count,
    notTakingUntil: row.not_taking_until,
    liveReferrals: live,
    version: row.version,
  };
}

const SERVICE_COLUMNS = ['id', 'name', 'capacity_places', 'waitlist_count', 'not_taking_until', 'version'] as const;

/** The services of the directory organisation the caller's organisation stands for; none for anyone else. */
export async function listProviderServices(scope: SchemeScope): Promise<ProviderServices> {
  scope.authorize('onward_referral', 'list');
  const organizationId = await callerDirectoryOrganization(scope);
  if (organizationId === null) return { services: [] };
  const rows = await scope.db
    .selectFrom('directory_services')
    .select([...SERVICE_COLUMNS])
    .where('organization_id', '=', organizationId)
    .orderBy('name')
    .orderBy('id')
    .execute();
  const counts = await liveCounts(scope, rows.map((r) => r.id));
  return { services: rows.map((r) => present(r, counts.get(r.id) ?? 0)) };
}

async function providerService(scope: SchemeScope, id: string): Promise<ProviderService> {
  const row = await scope.db.selectFrom('directory_services').select([...SERVICE_COLUMNS]).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('The service');
  const counts = await liveCounts(scope, [id]);
  return present(row, counts.get(id) ?? 0);
}

/**
 * Sets the three capacity numbers. Without If-Match the change applies to the listing as it
 * now stands: these numbers are the provider's to set, and the rest of the listing is untouched.
 */
export async function updateCapacity(scope: SchemeScope, id: string, input: ProviderCapacityInput, expectedVersion: number | undefined): Promise<ProviderService> {
  scope.authorize('directory_service', 'update');
  const current = await scope.db.selectFrom('directory_services').select(['organization_id', 'version']).where('id', '=', id).executeTakeFirst();
  if (!current) throw notFound('The service');
  // Checked before the version is used, so another organisation's service stays "not found".
  scope.authorize('directory_service', 'update', await listingTarget(scope, current.organization_id));
  await updateService(
    scope,
    id,
    { capacity: { places: input.capacityPlaces, waitlist: input.waitlistCount, notTakingUntil: input.notTakingUntil } },
    expectedVersion ?? current.version,
  );
  return providerService(scope, id);
}
