import { CONSENT_METHODS, SEXES, URGENCIES } from '../../../../src/contracts/referral-codes.js';

/**
 * The bulk import's file format: the columns (with what to put in each), a template to start
 * from, and the checks made on the chosen file before it is sent. Pure, so it is unit tested.
 */
export interface ImportColumn {
  name: string;
  required: boolean;
  help: string;
  example: string;
}

const oneOf = (values: readonly string[]): string => `One of: ${values.join(', ')}`;

export const IMPORT_COLUMNS: readonly ImportColumn[] = [
  { name: 'nhs_number', required: false, help: '10 digits, spaces allowed', example: '943 476 5919' },
  { name: 'given_name', required: true, help: 'First name', example: 'Ada' },
  { name: 'family_name', required: true, help: 'Last name', example: 'Lovelace' },
  { name: 'date_of_birth', required: true, help: 'Year, month and day: YYYY-MM-DD', example: '1956-03-14' },
  { name: 'sex', required: false, help: oneOf(SEXES), example: 'female' },
  { name: 'postcode', required: false, help: 'A full UK postcode', example: 'LS1 4AP' },
  { name: 'gp_practice_ods', required: false, help: 'The GP practice’s ODS code', example: 'Y99001' },
  { name: 'phone', required: false, help: 'Phone number', example: '07700 900123' },
  { name: 'email', required: false, help: 'Email address', example: 'ada@example.com' },
  { name: 'needs', required: true, help: 'Need codes (listed below), separated by semicolons', example: 'loneliness;physical-activity' },
  { name: 'reason', required: true, help: 'Why they are being referred', example: 'Lives alone since her husband died, and would like to get out more.' },
  { name: 'urgency', required: false, help: `${oneOf(URGENCIES)}. Routine if blank`, example: 'routine' },
  { name: 'consent_method', required: true, help: `How they agreed to the referral. ${oneOf(CONSENT_METHODS)}`, example: 'verbal' },
  { name: 'consent_given_at', required: true, help: 'The date they agreed: YYYY-MM-DD', example: '2026-01-12' },
  { name: 'referrer_name', required: false, help: 'Who referred them. If blank, you are recorded as the referrer', example: 'Dr Priya Shah' },
  { name: 'referrer_role', required: false, help: 'The referrer’s job', example: 'GP' },
];

export const HEADER_ROW = IMPORT_COLUMNS.map((c) => c.name).join(',');

/** A CSV cell, quoted when it holds a comma, quote or line break. */
export function csvCell(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export const TEMPLATE_CSV = `${HEADER_ROW}\r\n${IMPORT_COLUMNS.map((c) => csvCell(c.example)).join(',')}\r\n`;

/** The server's limit for an import. */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/** What is wrong with the chosen file, or null. Excel calls CSV files many types, so the name decides. */
export function fileProblem(file: { name: string; size: number; type: string } | null): string | null {
  if (file === null || file.name === '') return 'Select a CSV file';
  if (!/\.csv$/i.test(file.name) && file.type !== 'text/csv') return 'The selected file must be a CSV';
  if (file.size === 0) return 'The selected file is empty';
  if (file.size > MAX_FILE_BYTES) return 'The selected file must be smaller than 5 MB. Split it into smaller files';
  return null;
}

/** Spreadsheet programs may start a UTF-8 file with a byte order mark; the header must not. */
export function csvText(raw: string): string {
  return raw.replace(/^\uFEFF/, '');
}
