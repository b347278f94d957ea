/**
 * A small RFC 4180 reader: quoted fields, doubled quotes, commas and line breaks inside quotes,
 * CRLF or LF line ends, a byte-order mark. Enough for spreadsheets saved as CSV.
 */
export function parseCsv(text: string): string[][] {
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
  // Blank lines (a trailing newline, gaps between rows) are not records.
  return rows.filter((r) => r.some((cell) => cell.trim() !== ''));
}

/** Rows as objects keyed by the header's names (trimmed, lower case). */
export function csvRecords(text: string): { header: string[]; records: { line: number; values: Record<string, string> }[] } {
  const [head, ...body] = parseCsv(text);
  const header = (head ?? []).map((h) => h.trim().toLowerCase());
  return {
    header,
    records: body.map((cells, index) => ({
      line: index + 2,
      values: Object.fromEntries(header.map((name, column) => [name, (cells[column] ?? '').trim()])),
    })),
  };
}
