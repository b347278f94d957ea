import { sql, type Insertable } from 'kysely';
import type { DB } from '../db/schema.js';
import { AppError } from '../errors.js';
import type { SchemeScope } from './access.js';

/** Settings tables holding one row a scheme, written only against the version the writer last read. */
export type VersionedSettingsTable = 'casework_settings' | 'outcome_settings';

export type SettingsValues<T extends VersionedSettingsTable> = Omit<Insertable<DB[T]>, 'scheme_id' | 'version' | 'updated_at'>;

/**
 * Writes a scheme's settings row if `expectedVersion` is still current and returns the new
 * version; otherwise throws 412 with `staleMessage`. Version 0 means "still the defaults" (no
 * row yet). The version check is part of the write itself (a conflict-free insert, or an update
 * where the version matches), so of two people holding the same version only one wins.
 */
export async function writeVersionedSettings<T extends VersionedSettingsTable>(
  scope: SchemeScope,
  table: T,
  values: SettingsValues<T>,
  expectedVersion: number,
  staleMessage: string,
): Promise<number> {
  // Kysely cannot type a query on a generic table; widening to the union keeps the column checks
  // (both tables share scheme_id, version and updated_at) while callers' values stay checked per table.
  const target: VersionedSettingsTable = table;
  const written =
    expectedVersion === 0
      ? await scope.db
          .insertInto(target)
          .values({ scheme_id: scope.schemeId, ...values, version: 1 })
          .onConflict((oc) => oc.column('scheme_id').doNothing())
          .returning('version')
          .executeTakeFirst()
      : await scope.db
          .updateTable(target)
          .set({ ...values, version: sql<number>`version + 1`, updated_at: sql<Date>`now()` })
          .where('scheme_id', '=', scope.schemeId)
          .where('version', '=', expectedVersion)
          .returning('version')
          .executeTakeFirst();
  if (!written) throw new AppError('precondition-failed', staleMessage, { code: 'version-mismatch' });
  return written.version;
}
