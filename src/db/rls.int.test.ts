import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, testBackend, type TestDatabase } from '../testing/database.js';

describe(`row-level security (${testBackend()})`, () => {
  let database: TestDatabase;
  const schemeA = randomUUID();
  const schemeB = randomUUID();

  beforeAll(async () => {
    database = await openTestDatabase();
    for (const [id, slug] of [
      [schemeA, `a-${schemeA.slice(0, 8)}`],
      [schemeB, `b-${schemeB.slice(0, 8)}`],
    ] as const) {
      await database.db.transaction().execute(async (tx) => {
        await sql`select set_config('linkwell.scheme_id', ${id}, true)`.execute(tx);
        await sql`insert into schemes (id, slug, name) values (${id}, ${slug}, ${slug})`.execute(tx);
      });
    }
  });
  afterAll(async () => database.close());

  it('runs application statements as a role that cannot bypass RLS', async () => {
    const { rows } = await sql<{ who: string; bypass: boolean; superuser: boolean }>`
      select current_user as who, rolbypassrls as bypass, rolsuper as superuser
      from pg_roles where rolname = current_user`.execute(database.db);
    expect(rows[0]).toEqual({ who: 'linkwell_app', bypass: false, superuser: false });
  });
});
