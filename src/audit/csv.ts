/**
 * CSV for spreadsheet users (RFC 4180): quote every field, double inner quotes, and defuse cells
 * that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return).
 *
 * A plain number is left alone, so that a longitude of -1.5 stays a number a spreadsheet can sort
 * and sum: nothing that is only digits with an optional sign and decimal part can be a formula.
 */

const PLAIN_DECIMAL = /^-?\d+(\.\d+)?$/;

function isPlainNumber(value: string | number): boolean {
  return typeof value === 'number' ? Number.isFinite(value) : PLAIN_DECIMAL.test(value);
}

export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '""';
  let text = String(value);
  if (!isPlainNumber(value) && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvRow(values: (string | number | null | undefined)[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}
