import { describe, expect, it } from 'vitest';
import { isValidNhsNumber } from '../../../../src/referrals/domain/nhs-number.js';
import { csvCell, csvText, fileProblem, HEADER_ROW, IMPORT_COLUMNS, TEMPLATE_CSV } from './importFile.js';

describe('the import columns', () => {
  it('are the ones the server reads, in order', () => {
    expect(HEADER_ROW).toBe(
      'nhs_number,given_name,family_name,date_of_birth,sex,postcode,gp_practice_ods,phone,email,needs,reason,urgency,consent_method,consent_given_at,referrer_name,referrer_role',
    );
  });
  it('come with a template whose example row has a cell for each column', () => {
    const [header, example, rest] = TEMPLATE_CSV.split('\r\n');
    expect(header).toBe(HEADER_ROW);
    expect(rest).toBe('');
    // The example reason has a comma, so it is quoted: count cells outside quotes.
    const cells = example?.match(/("([^"]|"")*"|[^,]*)(,|$)/g)?.filter((c) => c !== '') ?? [];
    expect(cells).toHaveLength(IMPORT_COLUMNS.length);
  });
  it('have an example NHS number that passes the check', () => {
    const nhs = IMPORT_COLUMNS.find((c) => c.name === 'nhs_number');
    expect(isValidNhsNumber(nhs?.example ?? '')).toBe(true);
  });
});

describe('csvCell', () => {
  it('quotes only when it must', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a, b')).toBe('"a, b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
  });
});

describe('fileProblem', () => {
  it('needs a CSV file with something in it, not too big', () => {
    expect(fileProblem(null)).toBe('Select a CSV file');
    expect(fileProblem({ name: '', size: 0, type: '' })).toBe('Select a CSV file');
    expect(fileProblem({ name: 'list.xlsx', size: 10, type: 'application/vnd.ms-excel' })).toBe('The selected file must be a CSV');
    expect(fileProblem({ name: 'list.CSV', size: 0, type: '' })).toBe('The selected file is empty');
    expect(fileProblem({ name: 'list.csv', size: 6_000_000, type: 'text/csv' })).toMatch(/smaller than 5 MB/);
    expect(fileProblem({ name: 'list.csv', size: 200, type: 'application/vnd.ms-excel' })).toBeNull();
  });
});

describe('csvText', () => {
  it('drops a byte order mark', () => {
    expect(csvText('\uFEFFnhs_number')).toBe('nhs_number');
    expect(csvText('nhs_number')).toBe('nhs_number');
  });
});
