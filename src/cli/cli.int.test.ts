import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../config/index.js';
import { openData } from '../server.js';
import { buildCli } from './index.js';

/** The CLI against an embedded database in a folder of its own (PGlite: it owns its files). */
const dataDir = mkdtempSync(join(tmpdir(), 'linkwell-cli-'));
const saved = { ...process.env };
let printed: string[] = [];

beforeAll(() => {
  process.env.DATA_DIR = dataDir;
  process.env.LOG_LEVEL = 'silent';
  delete process.env.DATABASE_URL;
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    printed.push(args.join(' '));
  });
});
afterAll(() => {
  process.env = saved;
  vi.restoreAllMocks();
});

async function cli(...args: string[]): Promise<string> {
  printed = [];
  await buildCli({ exitOverride: true }).parseAsync(['node', 'linkwell', ...args]);
  return printed.join('\n');
}

describe('linkwell CLI', () => {
  it('migrates an empty database, then says it is up to date', async () => {
    expect(await cli('migrate')).toMatch(/Applied: 0001_foundation\.sql/);
    expect(await cli('migrate')).toBe('The database is up to date.');
  });

  it('seeds the demo once and writes the credentials file', async () => {
    const output = await cli('seed', '--demo');
    expect(output).toMatch(/Demo sign-ins/);
    const credentials = JSON.parse(readFileSync(join(dataDir, 'demo-credentials.json'), 'utf8')) as { users: { role: string }[]; apiClient: { clientId: string } };
    expect(credentials.users).toHaveLength(10);
    expect(credentials.apiClient.clientId).toMatch(/^lw_/);
    expect(await cli('seed', '--demo')).toMatch(/already has schemes; nothing was changed/);
  });

  it('creates a user and an API client in a scheme', async () => {
    const { database, data } = await openData(loadConfig());
    const practice = await data.inScheme({ type: 'system', schemeId: (await sql<{ id: string }>`select id from linkwell_scheme_directory() where slug = 'riverside'`.execute(data.db)).rows[0]!.id, label: 'test' }, {}, (scope) =>
      scope.db.selectFrom('organisations').select('id').where('ods_code', '=', 'Y99002').executeTakeFirstOrThrow(),
    );
    await database.close();

    const userOutput = await cli('user', 'create', '--email', 'new.worker@riverside.example.org', '--name', 'New Worker', '--scheme', 'riverside', '--role', 'link_worker', '--organisation', practice.id);
    expect(userOutput).toMatch(/Temporary password: \S{16}/);
    const clientOutput = await cli('client', 'create', '--scheme', 'riverside', '--organisation', practice.id, '--name', 'Bridge Street GP system');
    expect(clientOutput).toMatch(/client_id: lw_[a-f0-9]{32}\nclient_secret: \S+/);

    const reopened = await openData(loadConfig());
    const users = await reopened.data.platform((tx) => tx.selectFrom('users').select('display_name').where('email', '=', 'new.worker@riverside.example.org').execute());
    await reopened.database.close();
    expect(users).toEqual([{ display_name: 'New Worker' }]);
  });

  it('creates a scheme that requires two-step verification, with its host organisation', async () => {
    const output = await cli('scheme', 'create', '--slug', 'lakeside', '--name', 'Lakeside Social Prescribing', '--host', 'Lakeside CVS', '--require-mfa');
    const hostId = /host organisation: ([0-9a-f-]{36})/.exec(output)?.[1];
    expect(hostId).toBeDefined();
    const { database, data } = await openData(loadConfig());
    const { rows } = await sql<{ require_mfa: boolean; organisation_count: number }>`
      select require_mfa, organisation_count from linkwell_scheme_directory() where slug = 'lakeside'`.execute(data.db);
    await database.close();
    expect(rows).toEqual([{ require_mfa: true, organisation_count: 1 }]);
  });

  it('refuses an unknown role and an unknown scheme', async () => {
    await expect(cli('user', 'create', '--email', 'x@example.org', '--name', 'X', '--scheme', 'riverside', '--role', 'wizard', '--organisation', 'x')).rejects.toThrow(/wizard/);
    await expect(cli('client', 'create', '--scheme', 'nowhere', '--organisation', '00000000-0000-4000-8000-000000000001', '--name', 'X')).rejects.toThrow(/no scheme "nowhere"/);
  });
});
