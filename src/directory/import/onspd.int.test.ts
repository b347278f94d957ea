import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase, type TestDatabase } from '../../testing/database.js';
import { importOnspd, normalisePostcode } from './onspd.js';

const who = { userId: null, label: 'import: onspd test' };
let database: TestDatabase;
let file: string;

beforeAll(async () => {
  database = await openTestDatabase();
  // A few ONSPD-shaped rows (upper-case headers as in some releases, extra columns, a quoted field).
  file = join(mkdtempSync(join(tmpdir(), 'onspd-')), 'ONSPD_SAMPLE.csv');
  writeFileSync(
    file,
    [
      'PCD,PCD2,PCDS,DOINTR,DOTERM,OSWARD,LAT,LONG,LSOA21,NOTE',
      'LS6 2QJ,LS6  2QJ,LS6 2QJ,198001,,E05001420,53.815060,-1.533990,E01011360,plain',
      'LS1 4AP,LS1  4AP,LS1 4AP,198001,200512,E05001416,53.798900,-1.548000,E01033010,"quoted, with a comma"',
      'ZZ9 9ZZ,ZZ9  9ZZ,ZZ9 9ZZ,200001,,,99.999999,0.000000,,no grid reference',
      'NOTAPC,NOTAPC,NOTAPC,200001,,,53.1,-1.5,,bad',
      'LS2 9JT,LS2  9JT,LS2 9JT,198001,,E05001416,53.806700,-1.555000,E01011440,plain',
    ].join('\r\n') + '\r\n',
  );
});
afterAll(async () => database.close());

describe('ONS Postcode Directory import', () => {
  it('normalises postcodes', () => {
    expect(normalisePostcode('ls62qj')).toBe('LS6 2QJ');
    expect(normalisePostcode('SW1A  1AA')).toBe('SW1A 1AA');
    expect(normalisePostcode('NOTAPC')).toBeNull();
  });

  it('loads located postcodes, marks terminated ones, skips those without a grid reference, reports bad rows', async () => {
    const progress: number[] = [];
    const report = await importOnspd(database.db, file, { who, onProgress: (p) => progress.push(p.fraction ?? -1) });
    expect(report).toMatchObject({ read: 5, created: 3, updated: 0, unchanged: 0, skipped: 1, terminated: 1 });
    expect(report.rejected).toEqual([{ record: 5, reason: '"NOTAPC" is not a postcode' }]);
    expect(progress.at(-1)).toBe(1);
    const rows = await database.db.selectFrom('postcodes').selectAll().orderBy('postcode').execute();
    expect(rows).toEqual([
      { postcode: 'LS1 4AP', latitude: 53.7989, longitude: -1.548, lsoa_code: 'E01033010', terminated: true },
      { postcode: 'LS2 9JT', latitude: 53.8067, longitude: -1.555, lsoa_code: 'E01011440', terminated: false },
      { postcode: 'LS6 2QJ', latitude: 53.81506, longitude: -1.53399, lsoa_code: 'E01011360', terminated: false },
    ]);
    const again = await importOnspd(database.db, file, { who });
    expect(again).toMatchObject({ created: 0, updated: 0, unchanged: 3 });
  });
});
