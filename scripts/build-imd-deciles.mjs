// Builds src/referrals/data/imd2025-deciles.csv (lsoa21,imd_decile) from the English Indices of
// Deprivation 2025 file (MHCLG, Open Government Licence v3.0). Run from anywhere:
//   node scripts/build-imd-deciles.mjs [input.csv] [output.csv]
// The input defaults to ../shared/data/imd2025_england_lsoa21.csv beside the repository.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const input = resolve(root, process.argv[2] ?? '../shared/data/imd2025_england_lsoa21.csv');
const output = resolve(root, process.argv[3] ?? 'src/referrals/data/imd2025-deciles.csv');

/** Splits one CSV line, honouring double quotes ("" inside quotes is a literal quote). */
function splitCsvLine(line) {
  const fields = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') {
        quoted = false;
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      fields.push(field);
      field = '';
    } else {
      field += c;
    }
  }
  fields.push(field);
  return fields;
}

const lines = readFileSync(input, 'utf8').split(/\r?\n/).filter((l) => l.trim() !== '');
const header = splitCsvLine(lines[0] ?? '');
const codeColumn = header.indexOf('lsoa21_code');
const decileColumn = header.indexOf('IMD_decile');
if (codeColumn < 0 || decileColumn < 0) {
  throw new Error(`${input} has no "lsoa21_code" and "IMD_decile" columns`);
}

const deciles = new Map();
for (const [n, line] of lines.slice(1).entries()) {
  const fields = splitCsvLine(line);
  const code = (fields[codeColumn] ?? '').trim();
  const decile = Number(fields[decileColumn]);
  if (!/^E010\d{5}$/.test(code)) throw new Error(`Line ${n + 2}: "${code}" is not an English LSOA 2021 code`);
  if (!Number.isInteger(decile) || decile < 1 || decile > 10) throw new Error(`Line ${n + 2}: decile "${fields[decileColumn]}" is not 1 to 10`);
  if (deciles.has(code)) throw new Error(`Line ${n + 2}: ${code} appears twice`);
  deciles.set(code, decile);
}

const rows = [...deciles.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
writeFileSync(output, ['lsoa21,imd_decile', ...rows.map(([code, decile]) => `${code},${decile}`)].join('\n') + '\n');
console.log(`Wrote ${rows.length} LSOAs to ${output}`);
