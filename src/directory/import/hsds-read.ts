import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { checkCoordinates, readRow, type HsdsTable } from './fields.js';
import { fileSize, readCsv } from './csv.js';
import type { ImportRejection } from './run.js';

/**
 * Reading an HSDS 3.0 tabular data package: every CSV file, parents before children, each row
 * checked for its types and for the rows it refers to. A row that refers to a row that is
 * missing (or was itself refused) is refused with the file, the line and the reason; the rest
 * are held in memory for assembly into services.
 */

export interface HeldRow {
  row: Record<string, unknown>;
  unknown: Record<string, unknown>;
  file: string;
  line: number;
}

export type Tables = Record<HsdsTable, Map<string, HeldRow>>;

/** Tables in the order they are read: every table after the ones it refers to. */
const ORDER: readonly [HsdsTable, string][] = [
  ['organization', 'organizations'], ['organization_identifier', 'organization_identifiers'], ['program', 'programs'],
  ['taxonomy', 'taxonomies'], ['taxonomy_term', 'taxonomy_terms'], ['location', 'locations'], ['address', 'addresses'],
  ['accessibility', 'accessibility'], ['service', 'services'], ['service_at_location', 'service_at_location'],
  ['contact', 'contacts'], ['phone', 'phones'], ['schedule', 'schedules'], ['cost_option', 'cost_options'],
  ['language', 'languages'], ['service_area', 'service_areas'], ['funding', 'funding'],
  ['required_document', 'required_documents'], ['attribute', 'attributes'],
];

/** Files of the standard that Linkwell has no table for. */
const NOT_KEPT: Readonly<Record<string, string>> = {
  metadata: 'Linkwell keeps its own change history',
  meta_table_descriptions: 'Linkwell does not use table descriptions',
};

/** [column, table it refers to, whether it must be set]. */
const REFERENCES: Partial<Record<HsdsTable, readonly [string, HsdsTable, boolean][]>> = {
  organization_identifier: [['organization_id', 'organization', true]],
  program: [['organization_id', 'organization', true]],
  taxonomy_term: [['taxonomy_id', 'taxonomy', false]],
  location: [['organization_id', 'organization', false]],
  address: [['location_id', 'location', true]],
  accessibility: [['location_id', 'location', true]],
  service: [['organization_id', 'organization', true], ['program_id', 'program', false]],
  service_at_location: [['service_id', 'service', true], ['location_id', 'location', true]],
  contact: [['organization_id', 'organization', false], ['service_id', 'service', false], ['service_at_location_id', 'service_at_location', false], ['location_id', 'location', false]],
  phone: [
    ['location_id', 'location', false], ['service_id', 'service', false], ['organization_id', 'organization', false],
    ['contact_id', 'contact', false], ['service_at_location_id', 'service_at_location', false],
  ],
  schedule: [['service_id', 'service', false], ['location_id', 'location', false], ['service_at_location_id', 'service_at_location', false]],
  cost_option: [['service_id', 'service', true]],
  language: [['service_id', 'service', false], ['location_id', 'location', false], ['phone_id', 'phone', false]],
  service_area: [['service_id', 'service', true]],
  funding: [['organization_id', 'organization', false], ['service_id', 'service', false]],
  required_document: [['service_id', 'service', true]],
  attribute: [['taxonomy_term_id', 'taxonomy_term', true]],
};

/** Entities an attribute may be attached to. */
const LINKABLE: readonly HsdsTable[] = ['service', 'location', 'service_at_location', 'organization'];

export interface ReadPackage {
  tables: Tables;
  rejected: ImportRejection[];
  warnings: string[];
  rowsRead: number;
}

async function resourcePaths(dir: string, warnings: string[]): Promise<Map<string, string>> {
  const paths = new Map<string, string>();
  const file = join(dir, 'datapackage.json');
  if (!existsSync(file)) return paths;
  try {
    const pkg = JSON.parse(await readFile(file, 'utf8')) as { resources?: { name?: unknown; path?: unknown }[] };
    for (const r of pkg.resources ?? []) {
      if (typeof r.name === 'string' && typeof r.path === 'string' && !r.path.includes('..')) paths.set(r.name, r.path);
    }
  } catch {
    warnings.push('datapackage.json is not valid JSON; the standard file names were used');
  }
  return paths;
}

export async function readPackage(dir: string, onProgress: (rows: number, fraction: number) => void): Promise<ReadPackage> {
  const warnings: string[] = [];
  const rejected: ImportRejection[] = [];
  const paths = await resourcePaths(dir, warnings);
  const fileOf = (table: HsdsTable, name: string): string => paths.get(table) ?? paths.get(name) ?? `${name}.csv`;
  const present = ORDER.filter(([table, name]) => existsSync(join(dir, fileOf(table, name))));
  const sizes = await Promise.all(present.map(([table, name]) => fileSize(join(dir, fileOf(table, name)))));
  const totalBytes = Math.max(1, sizes.reduce((a, b) => a + b, 0));

  const tables = Object.fromEntries(ORDER.map(([table]) => [table, new Map<string, HeldRow>()])) as Tables;
  const refused = new Map<string, string>(); // id → "locations.csv line 2"
  let rowsRead = 0;
  let bytesBefore = 0;
  for (const [i, [table, name]] of present.entries()) {
    const file = fileOf(table, name);
    for await (const { values, line } of readCsv(join(dir, file), (bytes) => onProgress(rowsRead, (bytesBefore + bytes) / totalBytes))) {
      rowsRead += 1;
      const problems: string[] = [];
      const { row, unknown } = readRow(table, values, `${file} line ${line}`, problems);
      const id = typeof row.id === 'string' ? row.id : undefined;
      if (problems.length === 0) problems.push(...referenceProblems(table, row, tables, refused));
      if (id && tables[table].has(id)) problems.push(`repeats the id of line ${tables[table].get(id)?.line ?? 0}`);
      if (problems.length > 0) {
        rejected.push({ record: line, file, ...(id ? { id } : {}), reason: problems.map((p) => p.replace(`${file} line ${line}: `, '')).join('; ') });
        if (id) refused.set(id, `${file} line ${line}`);
        continue;
      }
      if (table === 'location') checkCoordinates(row, unknown, `${file} line ${line}`, warnings);
      tables[table].set(String(id), { row, unknown, file, line });
    }
    bytesBefore += sizes[i] ?? 0;
    onProgress(rowsRead, bytesBefore / totalBytes);
  }
  for (const [name, why] of Object.entries(NOT_KEPT)) {
    if (existsSync(join(dir, `${name}.csv`))) warnings.push(`${name}.csv was not imported: ${why}`);
  }
  return { tables, rejected, warnings, rowsRead };
}

function referenceProblems(table: HsdsTable, row: Record<string, unknown>, tables: Tables, refused: Map<string, string>): string[] {
  const problems: string[] = [];
  const describe = (column: string, target: HsdsTable, value: string): string => {
    const where = refused.get(value);
    const noun = target.replace(/_/g, ' ');
    return where ? `${column} ${value}: that ${noun} was refused (${where})` : `${column} ${value}: no ${noun} with this id in the package`;
  };
  for (const [column, target, required] of REFERENCES[table] ?? []) {
    const value = row[column];
    if (typeof value !== 'string') {
      if (required) problems.push(`${column} is missing`);
      continue;
    }
    if (!tables[target].has(value)) problems.push(describe(column, target, value));
  }
  if (table === 'attribute' && typeof row.link_id === 'string') {
    const linkId = row.link_id;
    if (!LINKABLE.some((t) => tables[t].has(linkId))) problems.push(`link_id ${linkId}: no service, location, service at location or organization with this id in the package`);
  }
  return problems;
}
