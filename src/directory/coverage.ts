import { sql } from 'kysely';
import type { Coverage, MyOrganization } from '../contracts/directory.js';
import type { SchemeScope } from '../data/access.js';
import { callerDirectoryOrganization } from './access.js';
import { organizationView } from './services/organizations.js';

/**
 * The reverse directory: a community group sees which social prescribing schemes work where it
 * meets, and who the link workers of its own scheme are, so it knows whom to tell about a new
 * session. Other schemes are reached through one SECURITY DEFINER function that gives out only
 * a scheme's name, area and published contact details.
 */

export interface Point {
  latitude: number;
  longitude: number;
}

const EARTH_RADIUS_KM = 6371.0088;

/** Great-circle distance in kilometres. */
export function distanceKm(a: Point, b: Point): number {
  const rad = Math.PI / 180;
  const dLat = (b.latitude - a.latitude) * rad;
  const dLon = (b.longitude - a.longitude) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.latitude * rad) * Math.cos(b.latitude * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/** Where a directory organisation works: its own places and the places of its services. */
async function placesOf(scope: SchemeScope, directoryOrganizationId: string): Promise<Point[]> {
  const rows = await scope.db
    .selectFrom('directory_locations as l')
    .select(['l.latitude', 'l.longitude'])
    .where('l.latitude', 'is not', null)
    .where('l.longitude', 'is not', null)
    .where((eb) =>
      eb.or([
        eb('l.organization_id', '=', directoryOrganizationId),
        eb(
          'l.id',
          'in',
          eb
            .selectFrom('directory_service_at_locations as sal')
            .innerJoin('directory_services as s', 's.id', 'sal.service_id')
            .select('sal.location_id')
            .where('s.organization_id', '=', directoryOrganizationId),
        ),
      ]),
    )
    .execute();
  return rows.flatMap((r) => (r.latitude !== null && r.longitude !== null ? [{ latitude: r.latitude, longitude: r.longitude }] : []));
}

interface SchemeArea {
  name: string;
  area_description: string | null;
  area_latitude: number | null;
  area_longitude: number | null;
  area_radius_km: number | null;
  contact_email: string | null;
  contact_phone: string | null;
}

async function schemesCovering(scope: SchemeScope, points: Point[]): Promise<Coverage['schemes']> {
  if (points.length === 0) return [];
  const { rows } = await sql<SchemeArea>`select name, area_description, area_latitude, area_longitude, area_radius_km, contact_email, contact_phone from linkwell_scheme_areas()`.execute(scope.db);
  return rows
    .flatMap((row) => {
      if (row.area_latitude === null || row.area_longitude === null || row.area_radius_km === null) return [];
      const centre = { latitude: row.area_latitude, longitude: row.area_longitude };
      const nearest = Math.min(...points.map((p) => distanceKm(p, centre)));
      if (nearest > row.area_radius_km) return [];
      return [
        {
          name: row.name,
          areaDescription: row.area_description,
          distanceKm: Math.round(nearest * 10) / 10,
          contactEmail: row.contact_email,
          contactPhone: row.contact_phone,
        },
      ];
    })
    .sort((a, b) => a.distanceKm - b.distanceKm || a.name.localeCompare(b.name));
}

async function linkWorkersOfScheme(scope: SchemeScope): Promise<Coverage['linkWorkers']> {
  const rows = await scope.db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['u.display_name', 'u.email'])
    .where('m.scheme_id', '=', scope.schemeId)
    .where('m.role', '=', 'link_worker')
    .where('u.status', '=', 'active')
    .orderBy('u.display_name')
    .execute();
  return rows.map((r) => ({ name: r.display_name, email: r.email }));
}

/** Schemes near the given point, or near the caller's own directory organisation's places. */
export async function coverageFor(scope: SchemeScope, point: Point | undefined): Promise<Coverage> {
  scope.authorize('scheme_contact', 'list');
  let points: Point[] = [];
  if (point) points = [point];
  else {
    const linked = await callerDirectoryOrganization(scope);
    if (linked) points = await placesOf(scope, linked);
  }
  return { schemes: await schemesCovering(scope, points), linkWorkers: await linkWorkersOfScheme(scope) };
}

const NOT_LINKED =
  'Your organisation is not linked to a directory listing yet. Ask your scheme manager to link it, then you can keep your services up to date here.';

export async function myOrganization(scope: SchemeScope): Promise<MyOrganization> {
  scope.authorize('directory_organization', 'read');
  const linked = await callerDirectoryOrganization(scope);
  const organization = linked ? ((await organizationView(scope, linked)) ?? null) : null;
  return { organization, message: organization ? null : NOT_LINKED, coverage: await coverageFor(scope, undefined) };
}
