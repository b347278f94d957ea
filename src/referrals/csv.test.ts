import { describe, expect, it } from 'vitest';
import { csvRecords, parseCsv } from './csv.js';

describe('parseCsv', () => {
  it('reads plain rows with LF or CRLF line ends', () => {
    expect(parseCsv('a,b\n1,2\n')).toEqual([['a', 'b'], ['1', '2']]);
    expect(parseCsv('a,b\r\n1,2\r\n')).toEqual([['a', 'b'], ['1', '2']]);
  });
  it('keeps commas, quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('x,y\n"Smith, Jo","said ""hi""\nthen left"\n')).toEqual([
      ['x', 'y'],
      ['Smith, Jo', 'said "hi"\nthen left'],
    ]);
  });
  it('keeps empty fields and drops blank lines', () => {
    expect(parseCsv('a,b,c\n1,,3\n\n\n4,5,\n')).toEqual([['a', 'b', 'c'], ['1', '', '3'], ['4', '5', '']]);
  });
  it('ignores a byte-order mark and reads a last line without a newline', () => {
    expect(parseCsv('\uFEFFa\n1')).toEqual([['a'], ['1']]);
  });
});

describe('csvRecords', () => {
  it('keys values by the lower-cased header and numbers lines as a spreadsheet does', () => {
    const { header, records } = csvRecords('Given_Name,FAMILY_NAME\nAda,Lovelace\nAlan\n');
    expect(header).toEqual(['given_name', 'family_name']);
    expect(records).toEqual([
      { line: 2, values: { given_name: 'Ada', family_name: 'Lovelace' } },
      { line: 3, values: { given_name: 'Alan', family_name: '' } },
    ]);
  });
  it('counts blank rows but skips them, and a cell with a line break stays one row', () => {
    const { records } = csvRecords('a,b\n1,"x\ny"\n,\n\n2,z\n');
    expect(records).toEqual([
      { line: 2, values: { a: '1', b: 'x\ny' } },
      { line: 5, values: { a: '2', b: 'z' } },
    ]);
  });
});
