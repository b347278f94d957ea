/**
 * Index of Multiple Deprivation (English Indices of Deprivation 2025) decile of an LSOA (2021
 * boundaries): 1 is the most deprived tenth of England, 10 the least. Server only: this reads a
 * file, so the web app must not import it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const FILE_NAME = 'imd2025-deciles.csv';

/** An LSOA 2021 code: E01 (England) or W01 (Wales) and six digits, the first of them 0. */
export function isValidLsoa21(code: string): boolean {
  return /^[EW]010\d{5}$/.test(code);
}

/**
 * Finds the decile file: beside this module's source (src/referrals/data, when run from src), or
 * in src/referrals/data under the folder holding package.json (when run from dist, which has no
 * copy of the file).
 */
export function imdDecilesPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = resolve(here, '..', 'data', FILE_NAME);
  if (existsSync(beside)) return beside;
  for (let dir = here; ; ) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'src', 'referrals', 'data', FILE_NAME);
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error(`Cannot find ${FILE_NAME}: no package.json above ${here}`);
    dir = parent;
  }
}

/** Parses "lsoa21,imd_decile" lines into a map. Exported for tests. */
export function parseImdDeciles(csv: string): Map<string, number> {
  const lines = csv.split(/\r?\n/);
  if (lines[0]?.trim() !== 'lsoa21,imd_decile') throw new Error(`${FILE_NAME} does not start with "lsoa21,imd_decile"`);
  const deciles = new Map<string, number>();
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const [code = '', value = ''] = line.split(',');
    const decile = Number(value);
    if (!isValidLsoa21(code) || !Number.isInteger(decile) || decile < 1 || decile > 10) {
      throw new Error(`${FILE_NAME} has a bad line: ${line}`);
    }
    deciles.set(code, decile);
  }
  return deciles;
}

let cache: Map<string, number> | null = null;

/** The IMD 2025 decile of an English LSOA, or null for an unknown or malformed code. */
export function imdDecileFor(lsoa21: string): number | null {
  const code = lsoa21.trim().toUpperCase();
  if (!isValidLsoa21(code)) return null;
  cache ??= parseImdDeciles(readFileSync(imdDecilesPath(), 'utf8'));
  return cache.get(code) ?? null;
}
