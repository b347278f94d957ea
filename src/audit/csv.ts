/**
 * CSV for spreadsheet users (RFC 4180): quote every field, double inner quotes, and defuse cells
 * that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return).
 */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '""';
  let text = String(value);
  if (/^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

export function csvRow(values: (string | number | null | undefined)[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}
