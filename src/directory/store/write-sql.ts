import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DB } from '../../db/schema.js';
import { sqlValue } from './write-rows.js';

/**
 * The two statements the writer is made of: upsert rows by id, and delete the rows of one
 * parent that the new input no longer holds. Written with sql`` rather than the typed builder
 * because they are generic over a dozen tables whose column lists come from write-rows.ts.
 */

export type DirectoryTable =
  | 'directory_organizations'
  | 'directory_organization_identifiers'
  | 'directory_programs'
  | 'directory_services'
  | 'directory_locations'
  | 'directory_addresses'
  | 'directory_service_at_locations'
  | 'directory_schedules'
  | 'directory_cost_options'
  | 'directory_contacts'
  | 'directory_phones'
  | 'directory_accessibility'
  | 'directory_languages'
  | 'directory_service_areas'
  | 'directory_fundings'
  | 'directory_required_documents'
  | 'directory_taxonomies'
  | 'directory_taxonomy_terms'
  | 'directory_attributes';

/** Enough rows per statement to be quick, few enough to stay far below PostgreSQL's parameter limit. */
const ROWS_PER_STATEMENT = 200;

/** Inserts the rows, or updates every named column of those whose id exists. All rows share the first row's columns. */
export async function upsertRows(db: Kysely<DB>, table: DirectoryTable, rows: readonly object[], keepOnUpdate: readonly string[] = []): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const columns = Object.keys(first);
  const updated = columns.filter((c) => c !== 'id' && !keepOnUpdate.includes(c));
  for (let start = 0; start < rows.length; start += ROWS_PER_STATEMENT) {
    const batch = rows.slice(start, start + ROWS_PER_STATEMENT);
    const values = batch.map((row) => {
      const record = row as Record<string, unknown>;
      return sql`(${sql.join(columns.map((c) => sqlValue(c, record[c])))})`;
    });
    const conflict =
      updated.length === 0
        ? sql`do nothing`
        : sql`do update set ${sql.join(updated.map((c) => sql`${sql.ref(c)} = ${sql.ref(`excluded.${c}`)}`))}`;
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      values ${sql.join(values)} on conflict (id) ${conflict}`.execute(db);
  }
}

/** Deletes the rows matching `owner` whose id is not among `keep`. */
export async function deleteMissing(db: Kysely<DB>, table: DirectoryTable, owner: RawBuilder<unknown>, keep: readonly string[]): Promise<void> {
  const kept = keep.length === 0 ? sql`` : sql` and id not in (${sql.join([...keep])})`;
  await sql`delete from ${sql.table(table)} where ${owner}${kept}`.execute(db);
}

/** Replaces a parent's rows in one table: the missing ones go, the rest are upserted. */
export async function replaceRows(db: Kysely<DB>, table: DirectoryTable, owner: RawBuilder<unknown>, rows: readonly { id: string }[]): Promise<void> {
  await deleteMissing(db, table, owner, rows.map((r) => r.id));
  await upsertRows(db, table, rows);
}
