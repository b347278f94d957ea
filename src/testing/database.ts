import { createHash, randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import pg from 'pg';
import { openDatabase, type Database } from '../db/connect.js';
import { readMigrationFiles } from '../db/migrate.js';

export type TestBackend = 'pglite' | 'postgres';

/** Which database the integration suite runs against this time. */
export function testBackend(): TestBackend {
  return process.env.LINKWELL_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';
}

/**
 * Set by the integration project's global setup (src/testing/global-setup.ts), which migrates
 * one database per run so that each test file can copy it instead of migrating its own.
 */
export const PREPARED_ENV = {
  /** Path of a PGlite data directory image with every migration applied. */
  pgliteImage: 'LINKWELL_TEST_PGLITE_IMAGE',
  /** Name of a migrated database on the PostgreSQL server, used as a template. */
  postgresTemplate: 'LINKWELL_TEST_PG_TEMPLATE',
  /** Which migration files the prepared database has applied (see migrationsFingerprint). */
  migrations: 'LINKWELL_TEST_MIGRATIONS',
} as const;

/** Changes whenever a migration file is added, renamed or edited. */
export function migrationsFingerprint(): string {
  const listing = readMigrationFiles()
    .map((f) => `${f.name}:${f.checksum}`)
    .join('\n');
  return createHash('sha256').update(listing).digest('hex');
}

export interface TestDatabase extends Database {
  /** For PostgreSQL, the URL of the throwaway database; undefined for PGlite. */
  readonly url: string | undefined;
}

/**
 * A migrated database of its own for one test file: an in-memory PGlite, or a fresh database
 * created on the PostgreSQL server at DATABASE_URL and dropped afterwards. When the global setup
 * has prepared a migrated copy, the new database starts from it; otherwise it is migrated here.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (testBackend() === 'pglite') {
    const imagePath = prepared(PREPARED_ENV.pgliteImage);
    const image = imagePath && existsSync(imagePath) ? new Blob([readFileSync(imagePath)]) : undefined;
    const database = await openDatabase({ dataDir: 'memory', loadDataDir: image });
    // With an image this finds every migration applied; it still checks that none has changed.
    await database.migrate();
    return { ...database, url: undefined };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('LINKWELL_TEST_BACKEND=postgres needs DATABASE_URL');
  const name = `linkwell_test_${randomBytes(6).toString('hex')}`;
  const template = prepared(PREPARED_ENV.postgresTemplate);
  if (template && !/^[a-z0-9_]+$/.test(template)) throw new Error(`${PREPARED_ENV.postgresTemplate} is not a database name: ${template}`);
  await adminQuery(adminUrl, template ? `create database ${name} template ${template}` : `create database ${name}`);
  const url = withDatabase(adminUrl, name);
  const database = await openDatabase({ url, poolSize: 8 });
  await database.migrate();
  return {
    ...database,
    url,
    close: async () => {
      await database.close();
      await adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
    },
  };
}

/** The prepared database named in `variable`, unless the migrations have changed since. */
function prepared(variable: string): string | undefined {
  const value = process.env[variable];
  if (!value || process.env[PREPARED_ENV.migrations] !== migrationsFingerprint()) return undefined;
  return value;
}

export function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

export async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
