/**
 * The population-weighted centre of each English and Welsh LSOA (2021 boundaries), shipped with
 * Linkwell in src/directory/data/lsoa-centroids.csv (scripts/build-lsoa-centroids.mjs). Used to
 * place a person's home approximately when no postcode directory is loaded. Server only: this
 * reads a file.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Point } from './distance.js';

const FILE_NAME = 'lsoa-centroids.csv';
const HEADER = 'lsoa21,latitude,longitude';

/**
 * Finds the file beside this module's source (src/directory/data, when run from src), or in
 * src/directory/data under the folder holding package.json (when run from dist, which has no
 * copy of it): the same arrangement as the IMD deciles.
 */
export function lsoaCentroidsPath(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  const beside = resolve(here, '..', 'data', FILE_NAME);
  if (existsSync(beside)) return beside;
  for (let dir = here; ; ) {
    if (existsSync(join(dir, 'package.json'))) return join(dir, 'src', 'directory', 'data', FILE_NAME);
    const parent = resolve(dir, '..');
    if (parent === dir) throw new Error(`Cannot find ${FILE_NAME}: no package.json above ${here}`);
    dir = parent;
  }
}

/** Parses "lsoa21,latitude,longitude" lines. Exported for tests. */
export function parseLsoaCentroids(csv: string): Map<string, Point> {
  const lines = csv.split(/\r?\n/);
  if (lines[0]?.trim() !== HEADER) throw new Error(`${FILE_NAME} does not start with "${HEADER}"`);
  const centroids = new Map<string, Point>();
  for (const line of lines.slice(1)) {
    if (line.trim() === '') continue;
    const [code = '', lat = '', lng = ''] = line.split(',');
    const latitude = Number(lat);
    const longitude = Number(lng);
    if (!/^[EW]010\d{5}$/.test(code) || lat === '' || lng === '' || !Number.isFinite(latitude) || !Number.isFinite(longitude)) {
      throw new Error(`${FILE_NAME} has a bad line: ${line}`);
    }
    centroids.set(code, { latitude, longitude });
  }
  return centroids;
}

let cache: Map<string, Point> | null = null;

/** The centre of an LSOA (2021 code, any case), or null when unknown. Loads the file on first use. */
export function lsoaCentroid(code: string): Point | null {
  const key = code.trim().toUpperCase();
  if (!/^[EW]010\d{5}$/.test(key)) return null;
  cache ??= parseLsoaCentroids(readFileSync(lsoaCentroidsPath(), 'utf8'));
  return cache.get(key) ?? null;
}
