import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import pg from 'pg';
import { PGliteDialect } from './pglite-dialect.js';
import { runMigrations, type MigrationReport } from './migrate.js';
import type { DB } from './schema.js';

export type Backend = 'pglite' | 'postgres';

/** The role every application statement runs as: not the owner, cannot bypass row-level security. */
export const APP_ROLE = 'linkwell_app';

export interface Database {
  readonly backend: Backend;
  /** Queries through here run as linkwell_app, under row-level security. */
  readonly db: Kysely<DB>;
  /** Applies pending migrations as the schema owner. */
  migrate(): Promise<MigrationReport>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL; when absent the embedded PGlite is used. */
  url?: string | undefined;
  /** Directory for PGlite's files, or 'memory' for a throwaway database. */
  dataDir?: string;
  /** PGlite only: a data directory image (from PGlite's dumpDataDir) to start from instead of an empty cluster. */
  loadDataDir?: Blob | undefined;
  poolSize?: number;
}

// PostgreSQL returns bigint and numeric as strings; counts in Linkwell fit in a JS number.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => Number(v));
// A date (date of birth, a due date) is a calendar day, not an instant: keep it as 'YYYY-MM-DD'
// so no time zone can move it.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);
const DATE_OID = 1082;

export async function openDatabase(options: OpenOptions): Promise<Database> {
  return options.url ? openPostgres(options.url, options.poolSize ?? 10) : openPGlite(options.dataDir ?? 'memory', options.loadDataDir);
}

async function openPGlite(dataDir: string, image: Blob | undefined): Promise<Database> {
  if (dataDir !== 'memory') mkdirSync(dataDir, { recursive: true });
  const pglite = await PGlite.create(dataDir === 'memory' ? 'memory://' : dataDir, {
    ...(image ? { loadDataDir: image } : {}),
    parsers: { [DATE_OID]: (value: string) => value },
    // Trigram matching gives the directory search its tolerance of typos.
    extensions: { pg_trgm },
  });
  const db = new Kysely<DB>({ dialect: new PGliteDialect(pglite) });
  await setAppRoleIfPresent(db);
  return {
    backend: 'pglite',
    db,
    // One connection: step out of the app role for the migration, then back in.
    migrate: () =>
      db.connection().execute(async (conn) => {
        await sql`reset role`.execute(conn);
        try {
          return await runMigrations(conn);
        } finally {
          await sql.raw(`set role ${APP_ROLE}`).execute(conn);
        }
      }),
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

async function setAppRoleIfPresent(db: Kysely<DB>): Promise<void> {
  const { rows } = await sql<{ present: boolean }>`
    select exists (select 1 from pg_roles where rolname = ${APP_ROLE}) as present`.execute(db);
  if (rows[0]?.present) await sql.raw(`set role ${APP_ROLE}`).execute(db);
}

async function openPostgres(url: string, poolSize: number): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  // An idle connection that the server ends (a restart, a dropped database) is reported here;
  // the pool has already discarded it and the next query opens a new one. Without a listener,
  // Node would treat the event as an uncaught exception and stop the process.
  pool.on('error', () => undefined);
  // Every application connection switches to the app role before its first statement; if it
  // cannot (no migration has created the role yet), the statement fails rather than running as
  // the owner.
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({
      pool,
      onCreateConnection: async (conn) => {
        await conn.executeQuery(CompiledQuery.raw(`set role ${APP_ROLE}`));
      },
    }),
  });
  return {
    backend: 'postgres',
    db,
    migrate: async () => {
      const owner = new Kysely<DB>({
        dialect: new PostgresDialect({ pool: new pg.Pool({ connectionString: url, max: 1 }) }),
      });
      try {
        return await owner.connection().execute((conn) => runMigrations(conn));
      } finally {
        await owner.destroy();
      }
    },
    close: () => db.destroy(),
  };
}
