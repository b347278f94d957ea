import { sql, type Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';
import { normalisePostcode } from '../../referrals/domain/postcode.js';

/** Postcode → point, from the ONS Postcode Directory when a deployment has loaded it (linkwell import onspd). */

export interface PostcodePoint {
  latitude: number;
  longitude: number;
  lsoaCode: string | null;
}

/** A postcode's point, or null when it is malformed or not in the directory. Terminated postcodes still place a home. */
export async function lookupPostcode(db: Kysely<DB>, postcode: string): Promise<PostcodePoint | null> {
  const normalised = normalisePostcode(postcode);
  if (normalised === null) return null;
  const row = await db.selectFrom('postcodes').select(['latitude', 'longitude', 'lsoa_code']).where('postcode', '=', normalised).executeTakeFirst();
  return row ? { latitude: row.latitude, longitude: row.longitude, lsoaCode: row.lsoa_code } : null;
}

// Once a deployment has loaded the directory it keeps it, so a yes is remembered a while per
// database; a no is asked again each time (an empty table answers at once), so a fresh import is
// seen straight away.
const REMEMBER_MS = 5 * 60_000;
const loadedAt = new WeakMap<object, number>();

/**
 * Has this deployment loaded a postcode directory? `key` should be an object that lives as long
 * as the database (the app context), not a transaction.
 */
export async function postcodeLookupConfigured(db: Kysely<DB>, key: object = db, now = Date.now()): Promise<boolean> {
  const at = loadedAt.get(key);
  if (at !== undefined && now - at < REMEMBER_MS) return true;
  const row = await sql<{ present: boolean }>`select exists (select 1 from postcodes) as present`.execute(db);
  const present = row.rows[0]?.present === true;
  if (present) loadedAt.set(key, now);
  else loadedAt.delete(key);
  return present;
}
