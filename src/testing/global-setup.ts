import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely } from 'kysely';
import { openDatabase } from '../db/connect.js';
import { runMigrations } from '../db/migrate.js';
import { PGliteDialect } from '../db/pglite-dialect.js';
import type { DB } from '../db/schema.js';
import { PREPARED_ENV, adminQuery, migrationsFingerprint, testBackend, withDatabase } from './database.js';

/**
 * Vitest global setup for the integration project: migrates one database per run and tells the
 * test workers where it is (through the environment, which they inherit), so that each test
 * file starts from a copy rather than applying every migration itself. Starting PGlite from an
 * image also skips its initdb, the larger part of its start-up.
 */
export default async function setup(): Promise<() => Promise<void>> {
  const fingerprint = migrationsFingerprint();
  const teardown = testBackend() === 'pglite' ? await preparePGlite() : await preparePostgres();
  process.env[PREPARED_ENV.migrations] = fingerprint;
  return async () => {
    Reflect.deleteProperty(process.env, PREPARED_ENV.migrations);
    await teardown();
  };
}

async function preparePGlite(): Promise<() => Promise<void>> {
  // The same extensions as openDatabase gives PGlite, which the migrations need.
  const pglite = await PGlite.create('memory://', { extensions: { pg_trgm } });
  const dir = mkdtempSync(join(tmpdir(), 'linkwell-test-'));
  try {
    const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
    await db.connection().execute((conn) => runMigrations(conn));
    // Uncompressed: a larger file, but each test file loads it faster than it would a gzip.
    const image = await pglite.dumpDataDir('none');
    const path = join(dir, 'migrated.tar');
    writeFileSync(path, Buffer.from(await image.arrayBuffer()));
    process.env[PREPARED_ENV.pgliteImage] = path;
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  } finally {
    await pglite.close();
  }
  return async () => {
    Reflect.deleteProperty(process.env, PREPARED_ENV.pgliteImage);
    rmSync(dir, { recursive: true, force: true });
  };
}

async function preparePostgres(): Promise<() => Promise<void>> {
  const adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) throw new Error('LINKWELL_TEST_BACKEND=postgres needs DATABASE_URL');
  const name = `linkwell_test_tpl_${randomBytes(6).toString('hex')}`;
  const drop = () => adminQuery(adminUrl, `drop database if exists ${name} with (force)`);
  await adminQuery(adminUrl, `create database ${name}`);
  try {
    // Closing ends every connection to it: CREATE DATABASE ... TEMPLATE refuses a template in use.
    const database = await openDatabase({ url: withDatabase(adminUrl, name), poolSize: 1 });
    try {
      await database.migrate();
    } finally {
      await database.close();
    }
  } catch (error) {
    await drop();
    throw error;
  }
  process.env[PREPARED_ENV.postgresTemplate] = name;
  return async () => {
    Reflect.deleteProperty(process.env, PREPARED_ENV.postgresTemplate);
    await drop();
  };
}
