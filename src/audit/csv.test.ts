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
    for (const risky of ['=SUM(A1)', '+1', '@cmd', '\tx', '\rx', '-A1', "-2+3+cmd|' /C calc'!A0", '-1.5e3', '-1.', '-.5', '- 1', '-1\n=A1']) {
      expect(csvCell(risky).startsWith(`"'`), risky).toBe(true);
    }
    expect(csvCell("-2+3+cmd|' /C calc'!A0")).toBe(`"'-2+3+cmd|' /C calc'!A0"`);
  });
  it('leaves plain numbers alone, negative ones included', () => {
    expect(csvCell(-1.53399)).toBe('"-1.53399"');
    expect(csvCell(-7)).toBe('"-7"');
    expect(csvCell(0)).toBe('"0"');
    expect(csvCell('-1.5')).toBe('"-1.5"');
    expect(csvCell('-12')).toBe('"-12"');
    expect(csvCell('53.81506')).toBe('"53.81506"');
  });
  it('defuses numbers that are not finite', () => {
    expect(csvCell(Number.NEGATIVE_INFINITY)).toBe(`"'-Infinity"`);
  });
  it('keeps new lines inside quotes and ends rows with CRLF', () => {
    expect(csvRow(['a', 'b\nc'])).toBe('"a","b\nc"\r\n');
    expect(csvRow(['x', -0.25, '-3'])).toBe('"x","-0.25","-3"\r\n');
  });
});
