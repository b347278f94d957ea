import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { lsoaCentroid } from './centroids.js';
import type { Point } from './distance.js';
import { lookupPostcode, postcodeLookupConfigured } from './postcodes.js';

export interface HomePoint extends Point {
  /** what the point is, for the map and the list: never the address itself */
  label: string;
  /** true when the point is the neighbourhood's centre, not the postcode's */
  approximate: boolean;
}

export const APPROXIMATE_HOME_LABEL = 'approximate: the centre of the neighbourhood';

/**
 * Where a person lives, for "near them": their postcode when a postcode directory is loaded and
 * knows it, else the centre of their LSOA, else nothing.
 */
export async function homePointFor(db: Kysely<DB>, person: { postcode: string | null; lsoa_code: string | null }, cacheKey?: object): Promise<HomePoint | null> {
  if (person.postcode && (await postcodeLookupConfigured(db, cacheKey))) {
    const point = await lookupPostcode(db, person.postcode);
    if (point) return { latitude: point.latitude, longitude: point.longitude, label: 'home postcode', approximate: false };
  }
  const centre = person.lsoa_code ? lsoaCentroid(person.lsoa_code) : null;
  if (centre) return { ...centre, label: APPROXIMATE_HOME_LABEL, approximate: true };
  return null;
}
