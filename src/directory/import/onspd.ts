import { sql } from 'kysely';
import type { DataAccess } from '../../data/access.js';
import { fileSize, readCsv } from './csv.js';
import { databaseOf, ImportRun, type Db, type ImportOptions, type ImportReport } from './run.js';

/**
 * Loads the ONS Postcode Directory (ONSPD) CSV into `postcodes`, streamed and written 1,000
 * rows per statement. Rows without a grid reference (ONS writes latitude 99.999999) are left
 * out; terminated postcodes are kept and marked, since old letters and records still carry
 * them. A row whose postcode or coordinates cannot be read is reported and skipped.
 */

const BATCH = 1000;
const NO_GRID_REFERENCE = 99.999999;
const MAX_LISTED_REJECTIONS = 1000;

interface PostcodeRow {
  postcode: string;
  latitude: number;
  longitude: number;
  lsoa_code: string | null;
  terminated: boolean;
}

/** 'LS62QJ', 'ls6 2qj' or the 7-character 'LS6 2QJ' → 'LS6 2QJ'; null when it is not a postcode. */
export function normalisePostcode(raw: string): string | null {
  const compact = raw.replace(/\s+/g, '').toUpperCase();
  if (compact.length < 5 || compact.length > 7) return null;
  const formatted = `${compact.slice(0, -3)} ${compact.slice(-3)}`;
  return /^[A-Z0-9]{2,4} [0-9][A-Z]{2}$/.test(formatted) ? formatted : null;
}

async function writeBatch(db: Db, rows: PostcodeRow[], run: ImportRun): Promise<void> {
  if (rows.length === 0) return;
  // Only rows whose values differ are updated; xmax = 0 tells a fresh insert from an update.
  const { rows: written } = await sql<{ inserted: boolean }>`
    insert into postcodes (postcode, latitude, longitude, lsoa_code, terminated)
    values ${sql.join(rows.map((r) => sql`(${r.postcode}, ${r.latitude}, ${r.longitude}, ${r.lsoa_code}, ${r.terminated})`))}
    on conflict (postcode) do update set latitude = excluded.latitude, longitude = excluded.longitude,
      lsoa_code = excluded.lsoa_code, terminated = excluded.terminated
    where (postcodes.latitude, postcodes.longitude, postcodes.lsoa_code, postcodes.terminated)
      is distinct from (excluded.latitude, excluded.longitude, excluded.lsoa_code, excluded.terminated)
    returning (xmax = 0) as inserted`.execute(db);
  const created = written.filter((w) => w.inserted).length;
  run.report.created += created;
  run.report.updated += written.length - created;
  run.report.unchanged += rows.length - written.length;
}

export async function importOnspd(target: Db | DataAccess, file: string, opts: ImportOptions): Promise<ImportReport> {
  const db = databaseOf(target);
  const run = await ImportRun.start(db, 'onspd', file, opts);
  const report = run.report;
  report.skipped = 0;
  report.terminated = 0;
  let rejectedCount = 0;
  try {
    const total = Math.max(1, await fileSize(file));
    let fraction = 0;
    let read = 0;
    // The same postcode twice in one statement would be an error; the later row wins.
    let batch = new Map<string, PostcodeRow>();
    for await (const { values, line } of readCsv(file, (bytes) => (fraction = bytes / total))) {
      read += 1;
      const raw = values.pcds ?? values.pcd ?? values.pcd2 ?? '';
      const postcode = normalisePostcode(raw);
      const latitude = Number(values.lat);
      const longitude = Number(values.long);
      const reject = (reason: string) => {
        rejectedCount += 1;
        if (rejectedCount <= MAX_LISTED_REJECTIONS) run.reject({ record: line, reason });
      };
      if (postcode === null) reject(`"${raw.slice(0, 12)}" is not a postcode`);
      else if (latitude === NO_GRID_REFERENCE) report.skipped += 1;
      else if (!Number.isFinite(latitude) || !Number.isFinite(longitude) || Math.abs(latitude) > 90 || Math.abs(longitude) > 180) {
        reject(`${postcode}: latitude and longitude are not a point on Earth`);
      } else {
        const terminated = (values.doterm ?? '').trim() !== '';
        if (terminated) report.terminated += 1;
        const lsoa = (values.lsoa21 ?? values.lsoa11 ?? '').trim();
        batch.set(postcode, { postcode, latitude, longitude, lsoa_code: lsoa === '' ? null : lsoa, terminated });
      }
      if (batch.size >= BATCH) {
        await writeBatch(db, [...batch.values()], run);
        batch = new Map();
        await run.progress(read, fraction);
      }
    }
    await writeBatch(db, [...batch.values()], run);
    await run.progress(read, 1);
    if (rejectedCount > MAX_LISTED_REJECTIONS) report.warnings.push(`${rejectedCount} rows were refused; the first ${MAX_LISTED_REJECTIONS} are listed`);
    return await run.finish();
  } catch (error) {
    await run.fail(error);
    throw error;
  }
}
