/** Distances on the Earth's surface, for "how far is it" and the search radius. Pure. */

export interface Point {
  latitude: number;
  longitude: number;
}

/** Mean Earth radius (IUGG), km. */
export const EARTH_RADIUS_KM = 6371.0088;
/** Length of one degree of latitude, km (on the mean-radius sphere). */
export const KM_PER_DEGREE = (Math.PI * EARTH_RADIUS_KM) / 180;

const radians = (degrees: number): number => (degrees * Math.PI) / 180;

/** Great-circle distance in km by the haversine formula. */
export function haversineKm(a: Point, b: Point): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLng = radians(b.longitude - a.longitude);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface BoundingBox {
  minLatitude: number;
  maxLatitude: number;
  minLongitude: number;
  maxLongitude: number;
}

/**
 * A box that holds every point within radiusKm of the centre, for an index range scan before
 * the exact distance. Longitude degrees shrink with cos(latitude); the box uses the latitude of
 * its edge nearest a pole, so it is never too small.
 */
export function boundingBox(centre: Point, radiusKm: number): BoundingBox {
  const dLat = radiusKm / KM_PER_DEGREE;
  const farthestFromEquator = Math.min(89.9, Math.abs(centre.latitude) + dLat);
  const dLng = Math.min(180, radiusKm / (KM_PER_DEGREE * Math.cos(radians(farthestFromEquator))));
  return {
    minLatitude: centre.latitude - dLat,
    maxLatitude: centre.latitude + dLat,
    minLongitude: centre.longitude - dLng,
    maxLongitude: centre.longitude + dLng,
  };
}

/** "800 m", "1.2 km", "12 km": how a distance is read out. */
export function formatDistance(km: number): string {
  if (km < 1) return `${Math.max(100, Math.round(km * 10) * 100)} m`;
  if (km < 10) return `${(Math.round(km * 10) / 10).toFixed(1)} km`;
  return `${Math.round(km)} km`;
}
