import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { buildCli } from './index.js';
import { projectPath } from '../project-path.js';

/** The import and export commands against an embedded database in a folder of its own. */
const dataDir = mkdtempSync(join(tmpdir(), 'linkwell-cli-import-'));
const saved = { ...process.env };
let printed: string[] = [];
let errors: string[] = [];
let stderr: string[] = [];

beforeAll(() => {
  process.env.DATA_DIR = dataDir;
  process.env.LOG_LEVEL = 'silent';
  delete process.env.DATABASE_URL;
  vi.spyOn(console, 'log').mockImplementation((...args: unknown[]) => {
    printed.push(args.join(' '));
  });
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    errors.push(args.join(' '));
  });
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
    stderr.push(String(chunk));
    return true;
  });
});
afterAll(() => {
  process.env = saved;
  process.exitCode = undefined;
  vi.restoreAllMocks();
});

async function cli(...args: string[]): Promise<string> {
  printed = [];
  errors = [];
  stderr = [];
  await buildCli({ exitOverride: true }).parseAsync(['node', 'linkwell', ...args]);
  return printed.join('\n');
}

describe('linkwell import and export', () => {
  it('imports the ORUK conformance list: one service, the 127 repeats listed as refused', async () => {
    const output = await cli('import', 'oruk', projectPath('..', 'shared', 'conformance/oruk/examples/Test/service_list.json'));
    expect(output).toMatch(/^Read 128: 1 created, 0 updated, 0 unchanged, 127 refused\.\nRefused:\n {2}record 2 \(ac148810-d857-441c-9679-408f346de14b\): repeats the id of record 1\n/);
    expect(output.split('\n').filter((l) => l.endsWith('repeats the id of record 1'))).toHaveLength(127);
    // Not a terminal: plain lines, the last one complete.
    expect(stderr.join('')).toMatch(/oruk \S+service_list\.json \[#{30}\] 100% \(128 read\)\n$/);
    expect(await cli('import', 'oruk', projectPath('..', 'shared', 'conformance/oruk/examples/Test/service_list.json'))).toMatch(/^Read 128: 0 created, 0 updated, 1 unchanged, 127 refused\./);
    expect(process.exitCode ?? 0).toBe(0);
  });

  it('imports the HSDS package with its broken rows named by file and line', async () => {
    const output = await cli('import', 'hsds', projectPath('..', 'shared', 'conformance/hsds/examples/csv'));
    // The same organisation and service as the ORUK file, with more detail: both updated.
    expect(output).toMatch(/^Read 19: 0 created, 2 updated, 0 unchanged, 10 refused\./);
    expect(output).toContain('  locations.csv line 2 (3a19ff88-4620-4d17-9830-ac1d859eb5d5): organization_id 985e4a42-bd9f-4edc-911d-0243a4640aca: no organization with this id in the package');
    expect(output).toContain('  taxonomy_terms.csv line 2 (3f7b145d-84af-42d7-8fae-eaca714b02b2): taxonomy_id 07ff6aee-a219-438c-b694-d2fcb6c5373b: no taxonomy with this id in the package');
  });

  it('loads a postcode file', async () => {
    const file = join(dataDir, 'onspd.csv');
    writeFileSync(file, 'pcds,lat,long,lsoa21,doterm\nLS6 2QJ,53.81506,-1.53399,E01011360,\n"LS1 4AP",53.7989,-1.548,E01033010,200512\nZZ9 9ZZ,99.999999,0,,\n');
    const output = await cli('import', 'onspd', file);
    expect(output).toMatch(/^Read 3: 2 created, 0 updated, 0 unchanged, 0 refused\.\n1 without a grid reference left out; 1 terminated postcodes marked\./);
  });

  it('exports the directory to a CSV file', async () => {
    const file = join(dataDir, 'directory.csv');
    expect(await cli('export', 'directory', file)).toBe(`Wrote 1 services to ${file}.`);
    const lines = readFileSync(file, 'utf8').trimEnd().split('\r\n');
    expect(lines).toHaveLength(2);
    expect(lines[1]).toMatch(/^"ac148810-d857-441c-9679-408f346de14b","Community Counselling","Example Organization Inc\.","active",/);
  });

  it('fails with exit code 1 when the source cannot be read', async () => {
    await cli('import', 'oruk', join(dataDir, 'missing.json'));
    expect(errors.join('\n')).toMatch(/^Import failed: The file could not be read as JSON: ENOENT/);
    expect(process.exitCode).toBe(1);
    process.exitCode = undefined;
  });
});
