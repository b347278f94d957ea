// Builds src/directory/data/lsoa-centroids.csv (lsoa21,latitude,longitude) from the ONS
// population-weighted LSOA centroids (ONS Geoportal, Open Government Licence v3.0; contains OS
// data © Crown copyright and database right), as collected in lsoa_latlong.csv, which mixes
// 2011 and 2021 codes and Scottish and Northern Irish areas. Kept: English LSOAs that are in the
// 2021 list (the English Indices of Deprivation 2025 are published on 2021 LSOAs, so that file
// is the list), and every Welsh LSOA (no 2021 list of Welsh codes ships with Linkwell; a Welsh
// code retired in 2021 is a harmless extra row). Coordinates are rounded to 5 decimals (~1 m).
//   node scripts/build-lsoa-centroids.mjs [centroids.csv] [imd2025.csv] [output.csv]
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const input = resolve(root, process.argv[2] ?? '../shared/data/lsoa_latlong.csv');
const imd = resolve(root, process.argv[3] ?? '../shared/data/imd2025_england_lsoa21.csv');
const output = resolve(root, process.argv[4] ?? 'src/directory/data/lsoa-centroids.csv');

const english2021 = new Set(
  readFileSync(imd, 'utf8')
    .split(/\r?\n/)
    .slice(1)
    .map((line) => line.split(',')[0]?.replaceAll('"', '').trim())
    .filter((code) => code),
);
if (english2021.size < 30000) throw new Error(`${imd} lists only ${english2021.size} English LSOAs`);

const lines = readFileSync(input, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
const header = lines[0]?.split(',') ?? [];
const [codeAt, latAt, lngAt] = ['LSOACD', 'latitude', 'longitude'].map((name) => header.indexOf(name));
if (codeAt < 0 || latAt < 0 || lngAt < 0) throw new Error(`${input} has no LSOACD, latitude and longitude columns`);

const rows = new Map();
for (const [n, line] of lines.slice(1).entries()) {
  const fields = line.split(',');
  const code = (fields[codeAt] ?? '').trim();
  const keep = (/^E010\d{5}$/.test(code) && english2021.has(code)) || /^W010\d{5}$/.test(code);
  if (!keep) continue;
  const latitude = Number(fields[latAt]);
  const longitude = Number(fields[lngAt]);
  if (!(latitude >= 49 && latitude <= 56 && longitude >= -7 && longitude <= 2)) throw new Error(`Line ${n + 2}: ${code} is outside England and Wales`);
  if (rows.has(code)) throw new Error(`Line ${n + 2}: ${code} appears twice`);
  rows.set(code, `${code},${latitude.toFixed(5)},${longitude.toFixed(5)}`);
}
const missing = [...english2021].filter((code) => !rows.has(code));
if (missing.length > 0) console.warn(`${missing.length} English 2021 LSOAs have no centroid, e.g. ${missing.slice(0, 3).join(', ')}`);
const sorted = [...rows.keys()].sort().map((code) => rows.get(code));
writeFileSync(output, ['lsoa21,latitude,longitude', ...sorted].join('\n') + '\n');
console.log(`Wrote ${sorted.length} LSOA centroids to ${output}`);
