import { distanceText } from '../labels.js';

/**
 * What the map draws, worked out without Leaflet so it can be tested: one point per result that
 * has a place, the starting point, and the box that holds them all.
 */
export interface MapResult {
  id: string;
  name: string;
  organizationName: string;
  latitude: number | null;
  longitude: number | null;
  distanceKm: number | null;
}

export interface MapOrigin {
  latitude: number;
  longitude: number;
  label: string;
}

export interface ServicePoint {
  id: string;
  name: string;
  /** Read out for the marker: the name and, when known, how far it is. */
  label: string;
  /** Shown under the link in the popup. */
  detail: string;
  href: string;
  latitude: number;
  longitude: number;
}

export interface MapPoints {
  services: ServicePoint[];
  origin: MapOrigin | null;
  /** South-west and north-east corners, or null when there is nothing to show. */
  bounds: [[number, number], [number, number]] | null;
  /** Results the map cannot show because they have no place. */
  unplaced: number;
}

export function mapPoints(results: readonly MapResult[], origin: MapOrigin | null): MapPoints {
  const services: ServicePoint[] = [];
  for (const r of results) {
    if (r.latitude === null || r.longitude === null) continue;
    const distance = distanceText(r.distanceKm);
    services.push({
      id: r.id,
      name: r.name,
      label: distance === null ? r.name : `${r.name}, ${distance}`,
      detail: [r.organizationName, distance].filter((part): part is string => part !== null && part !== '').join(' · '),
      href: `/directory/services/${r.id}`,
      latitude: r.latitude,
      longitude: r.longitude,
    });
  }
  const all = [...services.map((s) => [s.latitude, s.longitude] as const), ...(origin === null ? [] : [[origin.latitude, origin.longitude] as const])];
  let bounds: MapPoints['bounds'] = null;
  if (all.length > 0) {
    const lats = all.map(([lat]) => lat);
    const lngs = all.map(([, lng]) => lng);
    bounds = [
      [Math.min(...lats), Math.min(...lngs)],
      [Math.max(...lats), Math.max(...lngs)],
    ];
  }
  return { services, origin, bounds, unplaced: results.length - services.length };
}
