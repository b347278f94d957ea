import { describe, expect, it } from 'vitest';
import { csvCell, csvRow } from './csv.js';

describe('CSV export cells', () => {
  it('quotes every field and doubles inner quotes', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('say "hi", then go')).toBe('"say ""hi"", then go"');
    expect(csvCell(42)).toBe('"42"');
    expect(csvCell(null)).toBe('""');
  });
  it('defuses formula injection', () => {
    for (const risky of ['=SUM(A1)', '+1', '-1', '@cmd', '\tx', '\rx']) {
      expect(csvCell(risky).startsWith(`"'`)).toBe(true);
    }
  });
  it('keeps new lines inside quotes and ends rows with CRLF', () => {
    expect(csvRow(['a', 'b\nc'])).toBe('"a","b\nc"\r\n');
  });
});
