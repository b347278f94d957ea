/**
 * Reading one HSDS record (an ORUK JSON object or a CSV row) into the columns of one table:
 * values are checked against the column's type and allowed values, so a bad record is refused
 * with a reason that names the field, before the database sees it. Fields the table has no
 * column for are handed back, for the caller to keep in `extra`.
 */

export type HsdsTable =
  | 'organization' | 'organization_identifier' | 'program' | 'service' | 'location' | 'address' | 'service_at_location'
  | 'schedule' | 'cost_option' | 'contact' | 'phone' | 'accessibility' | 'language' | 'service_area' | 'funding'
  | 'required_document' | 'taxonomy' | 'taxonomy_term' | 'attribute';

const COLUMNS: Record<HsdsTable, readonly string[]> = {
  organization: ['id', 'name', 'alternate_name', 'description', 'email', 'website', 'tax_status', 'tax_id', 'year_incorporated', 'legal_status', 'logo', 'uri', 'parent_organization_id'],
  organization_identifier: ['id', 'organization_id', 'identifier_scheme', 'identifier_type', 'identifier'],
  program: ['id', 'organization_id', 'name', 'alternate_name', 'description'],
  service: [
    'id', 'organization_id', 'program_id', 'name', 'alternate_name', 'description', 'url', 'email', 'status', 'interpretation_services',
    'application_process', 'fees_description', 'wait_time', 'fees', 'accreditations', 'eligibility_description', 'minimum_age',
    'maximum_age', 'assured_date', 'assurer_email', 'licenses', 'alert', 'last_modified',
  ],
  location: [
    'id', 'location_type', 'url', 'organization_id', 'name', 'alternate_name', 'description', 'transportation', 'latitude', 'longitude',
    'external_identifier', 'external_identifier_type',
  ],
  address: ['id', 'location_id', 'attention', 'address_1', 'address_2', 'city', 'region', 'state_province', 'postal_code', 'country', 'address_type'],
  service_at_location: ['id', 'service_id', 'location_id', 'description'],
  schedule: [
    'id', 'service_id', 'location_id', 'service_at_location_id', 'valid_from', 'valid_to', 'dtstart', 'timezone', 'until', 'count', 'wkst',
    'freq', 'interval', 'byday', 'byweekno', 'bymonthday', 'byyearday', 'description', 'opens_at', 'closes_at', 'schedule_link',
    'attending_type', 'notes',
  ],
  cost_option: ['id', 'service_id', 'valid_from', 'valid_to', 'option', 'currency', 'amount', 'amount_description'],
  contact: ['id', 'organization_id', 'service_id', 'service_at_location_id', 'location_id', 'name', 'title', 'department', 'email'],
  phone: ['id', 'location_id', 'service_id', 'organization_id', 'contact_id', 'service_at_location_id', 'number', 'extension', 'type', 'description'],
  accessibility: ['id', 'location_id', 'description', 'details', 'url'],
  language: ['id', 'service_id', 'location_id', 'phone_id', 'name', 'code', 'note'],
  service_area: ['id', 'service_id', 'name', 'description', 'extent', 'extent_type', 'uri'],
  funding: ['id', 'organization_id', 'service_id', 'source'],
  required_document: ['id', 'service_id', 'document', 'uri'],
  taxonomy: ['id', 'name', 'description', 'uri', 'version'],
  taxonomy_term: ['id', 'code', 'name', 'description', 'parent_id', 'taxonomy', 'language', 'taxonomy_id', 'term_uri'],
  attribute: ['id', 'link_id', 'taxonomy_term_id', 'link_type', 'link_entity', 'value'],
};

/** Columns that must hold a value. */
const REQUIRED: Partial<Record<HsdsTable, readonly string[]>> = {
  organization: ['id', 'name'],
  organization_identifier: ['id', 'identifier_type', 'identifier'],
  program: ['id', 'name'],
  service: ['id', 'name', 'status'],
  location: ['id'],
  address: ['id', 'address_1', 'city', 'postal_code'],
  phone: ['id', 'number'],
  taxonomy: ['id', 'name'],
  taxonomy_term: ['id', 'name'],
};

const UUID_COLUMNS = new Set([
  'id', 'organization_id', 'program_id', 'service_id', 'location_id', 'service_at_location_id', 'contact_id', 'phone_id',
  'parent_organization_id', 'parent_id', 'taxonomy_id', 'taxonomy_term_id', 'link_id',
]);
const NUMERIC = new Set(['minimum_age', 'maximum_age', 'timezone', 'amount', 'extension']);
const INTEGER = new Set(['year_incorporated', 'count', 'interval']);
const FLOAT = new Set(['latitude', 'longitude']);
const DATE = new Set(['valid_from', 'valid_to', 'dtstart', 'until', 'assured_date']);
const TIME = new Set(['opens_at', 'closes_at']);
const TIMESTAMP = new Set(['last_modified']);
const ENUMS: Record<string, readonly string[]> = {
  status: ['active', 'inactive', 'defunct', 'temporarily closed'],
  location_type: ['physical', 'postal', 'virtual'],
  address_type: ['physical', 'postal', 'virtual'],
  freq: ['WEEKLY', 'MONTHLY'],
  wkst: ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'],
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
  return typeof value === 'string' && UUID.test(value);
}

export interface ReadRow {
  /** Column → value, in the form the writer takes (numbers of numeric columns as strings). */
  row: Record<string, unknown>;
  /** Fields with no column, kept as sent. */
  unknown: Record<string, unknown>;
}

/**
 * Reads the table's columns from `source`. `skip` names fields the caller reads itself
 * (nested objects and lists). Problems are appended as "<where>: <field> …".
 */
export function readRow(
  table: HsdsTable,
  source: Record<string, unknown>,
  where: string,
  problems: string[],
  skip: readonly string[] = [],
  options: { leaveOutAbsent?: boolean } = {},
): ReadRow {
  const columns = COLUMNS[table];
  const row: Record<string, unknown> = {};
  const unknown: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(source)) {
    if (skip.includes(key)) continue;
    if (!columns.includes(key)) unknown[key] = value;
  }
  for (const column of columns) {
    const raw = source[column];
    // A summary (an organisation inside a service) says nothing about the fields it leaves out.
    if (raw === undefined && options.leaveOutAbsent) continue;
    const value = raw === '' || raw === undefined ? null : raw;
    if (value === null) {
      if (REQUIRED[table]?.includes(column)) problems.push(`${where}: ${column} is missing`);
      row[column] = null;
      continue;
    }
    const converted = convert(column, value);
    if (converted.ok) row[column] = converted.value;
    else {
      problems.push(`${where}: ${column} ${converted.message}`);
      row[column] = null;
    }
  }
  return { row, unknown };
}

type Converted = { ok: true; value: unknown } | { ok: false; message: string };

function convert(column: string, value: unknown): Converted {
  const text = typeof value === 'string' ? value.trim() : value;
  if (UUID_COLUMNS.has(column)) return isUuid(text) ? { ok: true, value: text.toLowerCase() } : { ok: false, message: 'is not a UUID' };
  if (NUMERIC.has(column) || INTEGER.has(column) || FLOAT.has(column)) {
    const n = typeof text === 'number' ? text : typeof text === 'string' && text !== '' ? Number(text) : NaN;
    if (!Number.isFinite(n)) return { ok: false, message: 'is not a number' };
    if (INTEGER.has(column) && !Number.isInteger(n)) return { ok: false, message: 'is not a whole number' };
    return { ok: true, value: NUMERIC.has(column) ? String(n) : n };
  }
  if (typeof text !== 'string' && typeof text !== 'number' && typeof text !== 'boolean') return { ok: false, message: 'is not text' };
  const s = String(text);
  if (DATE.has(column)) return /^\d{4}-\d{2}-\d{2}/.test(s) ? { ok: true, value: s.slice(0, 10) } : { ok: false, message: 'is not a date (YYYY-MM-DD)' };
  if (TIME.has(column)) return /^\d{2}:\d{2}(:\d{2})?/.test(s) ? { ok: true, value: s.slice(0, 8) } : { ok: false, message: 'is not a time (HH:MM)' };
  if (TIMESTAMP.has(column)) return Number.isNaN(Date.parse(s)) ? { ok: false, message: 'is not a date and time' } : { ok: true, value: s };
  const allowed = ENUMS[column];
  if (allowed && !allowed.includes(s)) return { ok: false, message: `must be one of ${allowed.join(', ')}` };
  return { ok: true, value: s };
}

/** Keeps coordinates a database would refuse out of the columns, and says so. */
export function checkCoordinates(row: Record<string, unknown>, unknown: Record<string, unknown>, where: string, warnings: string[]): void {
  const lat = row.latitude;
  const lon = row.longitude;
  const badLat = typeof lat === 'number' && (lat < -90 || lat > 90);
  const badLon = typeof lon === 'number' && (lon < -180 || lon > 180);
  if (!badLat && !badLon) return;
  // One bad half makes the point meaningless: keep both as sent, use neither.
  unknown.latitude = lat;
  unknown.longitude = lon;
  row.latitude = null;
  row.longitude = null;
  warnings.push(`${where}: latitude ${String(lat)}, longitude ${String(lon)} is not a point on Earth; kept as sent but not used for distance`);
}

/** A table's columns (for CSV headers). */
export function columnsOf(table: HsdsTable): readonly string[] {
  return COLUMNS[table];
}
