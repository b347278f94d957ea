import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, type Kysely } from 'kysely';
import { projectPath } from '../project-path.js';

export interface MigrationReport {
  applied: string[];
  alreadyApplied: number;
}

export const MIGRATIONS_DIR = projectPath('src', 'db', 'migrations');

interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export function readMigrationFiles(dir: string = MIGRATIONS_DIR): MigrationFile[] {
  return readdirSync(dir)
    .filter((f) => /^\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((name) => {
      const text = readFileSync(join(dir, name), 'utf8');
      return { name, sql: text, checksum: createHash('sha256').update(text).digest('hex') };
    });
}

/**
 * Applies the migration files in name order, each in its own transaction, under an advisory
 * lock so that app instances starting together apply each file once. A file that changed after
 * it was applied stops the run: migrations are never edited after landing.
 */
export async function runMigrations<T>(conn: Kysely<T>, dir?: string): Promise<MigrationReport> {
  const files = readMigrationFiles(dir);
  await sql`create table if not exists schema_migrations (
      name text primary key, checksum text not null, applied_at timestamptz not null default now())`.execute(conn);
  const applied: string[] = [];
  let alreadyApplied = 0;
  for (const file of files) {
    const done = await conn.transaction().execute(async (tx) => {
      await sql`select pg_advisory_xact_lock(7215001)`.execute(tx);
      const { rows } = await sql<{ checksum: string }>`
        select checksum from schema_migrations where name = ${file.name}`.execute(tx);
      const existing = rows[0];
      if (existing) {
        if (existing.checksum !== file.checksum) {
          throw new Error(`Migration ${file.name} was changed after it was applied; add a new migration instead.`);
        }
        return false;
      }
      await sql.raw(file.sql).execute(tx);
      await sql`insert into schema_migrations (name, checksum) values (${file.name}, ${file.checksum})`.execute(tx);
      return true;
    });
    if (done) applied.push(file.name);
    else alreadyApplied += 1;
  }
  return { applied, alreadyApplied };
}

let shippedNames: string[] | undefined;

/** Migration files not yet applied: the readiness check. */
export async function pendingMigrations<T>(conn: Kysely<T>): Promise<string[]> {
  // The files cannot change under a running process; the readiness probe asks every few seconds.
  shippedNames ??= readMigrationFiles().map((f) => f.name);
  const { rows } = await sql<{ name: string }>`select name from schema_migrations`.execute(conn);
  const done = new Set(rows.map((r) => r.name));
  return shippedNames.filter((n) => !done.has(n));
}
