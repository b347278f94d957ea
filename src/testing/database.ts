import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../db/connect.js';

export type TestBackend = 'pglite' | 'postgres';

/** Which database the integration suite runs against this time. */
export function testBackend(): TestBackend {
  return process.env.LINKWELL_TEST_BACKEND === 'postgres' ? 'postgres' : 'pglite';
}

export interface TestDatabase extends Database {
  /** For PostgreSQL, the URL of the throwaway database; undefined for PGlite. */
  readonly url: string | undefined;
}

/**
 * A migrated database of its own for one test file: an in-memory PGlite, or a fresh database
 * created on the PostgreSQL server at DATABASE_URL and dropped afterwards.
 */
export async function openTestDatabase(): Promise<TestDatabase> {
  if (testBackend() === 'pglite') {
    const database = await openDatabase({ dataDir: 'memory' });
    await database.migrate();
    return { ...database, url: undefined };
  }
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('LINKWELL_TEST_BACKEND=postgres needs DATABASE_URL');
  const name = `linkwell_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `create database ${name}`);
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

function withDatabase(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function adminQuery(url: string, text: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}
