/**
 * A small RFC 4180 reader: quoted fields, doubled quotes, commas and line breaks inside quotes,
 * CRLF or LF line ends, a byte-order mark. Enough for spreadsheets saved as CSV.
 */
export function parseCsv(text: string): string[][] {
  return parseCsvRows(text).filter(isFilled);
}

/** Blank lines (a trailing newline, gaps between rows) are not records. */
const isFilled = (row: string[]): boolean => row.some((cell) => cell.trim() !== '');

/** Every row, blank ones included, so that a record keeps its row number in the spreadsheet. */
function parseCsvRows(text: string): string[][] {
  const input = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  while (i < input.length) {
    const c = input.charAt(i);
    if (quoted) {
      if (c === '"' && input[i + 1] === '"') {
        field += '"';
        i += 2;
        continue;
      }
      if (c === '"') quoted = false;
      else field += c;
      i += 1;
      continue;
    }
    if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      if (c === '\r' && input[i + 1] === '\n') i += 1;
    } else field += c;
    i += 1;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/**
 * Rows as objects keyed by the header's names (trimmed, lower case). `line` is the row number a
 * spreadsheet shows (the header is row 1): blank rows are skipped but still counted, and a cell
 * with line breaks inside it does not push the numbers on.
 */
export function csvRecords(text: string): { header: string[]; records: { line: number; values: Record<string, string> }[] } {
  const numbered = parseCsvRows(text).map((cells, index) => ({ cells, line: index + 1 }));
  const headerIndex = numbered.findIndex((r) => isFilled(r.cells));
  const header = (numbered[headerIndex]?.cells ?? []).map((h) => h.trim().toLowerCase());
  return {
    header,
    records: (headerIndex < 0 ? [] : numbered.slice(headerIndex + 1))
      .filter((r) => isFilled(r.cells))
      .map(({ cells, line }) => ({
        line,
        values: Object.fromEntries(header.map((name, column) => [name, (cells[column] ?? '').trim()])),
      })),
  };
}
