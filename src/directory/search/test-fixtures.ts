import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DB, HsdsServiceStatus } from '../../db/schema.js';
import { refreshSearchColumns } from './columns.js';

/**
 * Directory listings for the search tests, written straight to the tables (the maintenance
 * writer is tested on its own) and then given their search columns.
 */

export interface FixtureService {
  name: string;
  description?: string;
  organizationName?: string;
  status?: HsdsServiceStatus;
  point?: { latitude: number; longitude: number };
  sessions?: { byday: string; opensAt: string; closesAt?: string; freq?: 'WEEKLY' | 'MONTHLY' }[];
  costs?: { amount?: number; option?: string }[];
  fees?: string;
  languages?: string[];
  accessibility?: string[];
  termIds?: string[];
  minimumAge?: number;
  maximumAge?: number;
  capacityPlaces?: number;
  notTakingUntil?: string;
  verifiedAt?: Date | null;
  referralMode?: 'referrals' | 'signposting';
}

export async function insertTerm(db: Kysely<DB>, name: string, parentId: string | null = null): Promise<string> {
  const id = randomUUID();
  await db.insertInto('directory_taxonomy_terms').values({ id, name, parent_id: parentId, taxonomy: 'test' }).execute();
  return id;
}

export async function insertService(db: Kysely<DB>, spec: FixtureService): Promise<string> {
  const organizationId = randomUUID();
  const serviceId = randomUUID();
  await db.insertInto('directory_organizations').values({ id: organizationId, name: spec.organizationName ?? `${spec.name} group` }).execute();
  await db
    .insertInto('directory_services')
    .values({
      id: serviceId,
      organization_id: organizationId,
      name: spec.name,
      description: spec.description ?? null,
      status: spec.status ?? 'active',
      fees_description: spec.fees ?? null,
      minimum_age: spec.minimumAge ?? null,
      maximum_age: spec.maximumAge ?? null,
      capacity_places: spec.capacityPlaces ?? null,
      not_taking_until: spec.notTakingUntil ?? null,
      verified_at: spec.verifiedAt === undefined ? new Date() : spec.verifiedAt,
      referral_mode: spec.referralMode ?? 'referrals',
    })
    .execute();
  let salId: string | null = null;
  if (spec.point) {
    const locationId = randomUUID();
    salId = randomUUID();
    await db.insertInto('directory_locations').values({ id: locationId, name: `${spec.name} venue`, ...spec.point }).execute();
    await db.insertInto('directory_service_at_locations').values({ id: salId, service_id: serviceId, location_id: locationId }).execute();
    for (const text of spec.accessibility ?? []) {
      await db.insertInto('directory_accessibility').values({ id: randomUUID(), location_id: locationId, description: text }).execute();
    }
  }
  for (const s of spec.sessions ?? []) {
    await db
      .insertInto('directory_schedules')
      .values({
        id: randomUUID(),
        service_id: salId ? null : serviceId,
        service_at_location_id: salId,
        freq: s.freq ?? 'WEEKLY',
        byday: s.byday,
        opens_at: s.opensAt,
        closes_at: s.closesAt ?? null,
      })
      .execute();
  }
  for (const c of spec.costs ?? []) {
    await db.insertInto('directory_cost_options').values({ id: randomUUID(), service_id: serviceId, amount: c.amount ?? null, option: c.option ?? null, currency: 'GBP' }).execute();
  }
  for (const name of spec.languages ?? []) {
    await db.insertInto('directory_languages').values({ id: randomUUID(), service_id: serviceId, name }).execute();
  }
  for (const termId of spec.termIds ?? []) {
    await db.insertInto('directory_attributes').values({ id: randomUUID(), link_id: serviceId, link_entity: 'service', taxonomy_term_id: termId }).execute();
  }
  await refreshSearchColumns(db, [serviceId]);
  return serviceId;
}
