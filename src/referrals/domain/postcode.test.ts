import { describe, it, expect } from 'vitest';
import { isValidPostcode, normalisePostcode, postcodeOutward } from './postcode.js';

const REAL = [
  ['SW1A 1AA', 'SW1A', 'AA9A'],
  ['M1 1AE', 'M1', 'A9'],
  ['B33 8TH', 'B33', 'A99'],
  ['CR2 6XH', 'CR2', 'AA9'],
  ['DN55 1PT', 'DN55', 'AA99'],
  ['EC1A 1BB', 'EC1A', 'AA9A'],
  ['W1A 0AX', 'W1A', 'A9A'],
  ['LS1 4AP', 'LS1', 'AA9'],
] as const;

describe('normalisePostcode', () => {
  it.each(REAL)('keeps %s as it is (outward %s, shape %s)', (pc) => {
    expect(normalisePostcode(pc)).toBe(pc);
  });

  it.each(REAL)('restores %s from lower case without a space', (pc) => {
    expect(normalisePostcode(pc.replace(' ', '').toLowerCase())).toBe(pc);
  });

  it.each([
    ['  sw1a   1aa ', 'SW1A 1AA'],
    ['Sw1A1aA', 'SW1A 1AA'],
    ['m11ae', 'M1 1AE'],
    ['B 3 3 8 T H', 'B33 8TH'],
    ['dn55\t1pt', 'DN55 1PT'],
    ['ec1a\n1bb', 'EC1A 1BB'],
    ['gir0aa', 'GIR 0AA'],
    ['GIR 0AA', 'GIR 0AA'],
  ])('%j → %s', (input, expected) => {
    expect(normalisePostcode(input)).toBe(expected);
  });

  it.each([
    ['', 'empty'],
    ['   ', 'only spaces'],
    ['SW1A', 'outward code only'],
    ['1AA', 'inward code only'],
    ['SW1A 1AAA', 'too long'],
    ['SW1AB 1AA', 'outward too long'],
    ['1W1A 1AA', 'outward starts with a digit'],
    ['SWA 1AA', 'outward has no digit'],
    ['S1AA 1AA', 'letter-digit-letter-letter outward'],
    ['SW123 1AA', 'three digits in the outward code'],
    ['SW1A AAA', 'inward starts with a letter'],
    ['SW1A 11A', 'inward has two digits'],
    ['SW1A 1A1', 'inward ends with a digit'],
    ['SW1A-1AA', 'hyphen'],
    ['SW1A.1AA', 'full stop'],
    ['GIR 0AB', 'not the special GIR code'],
    ['M1  1Æ', 'non-ASCII letter'],
  ])('rejects %j (%s)', (input) => {
    expect(normalisePostcode(input)).toBeNull();
    expect(isValidPostcode(input)).toBe(false);
  });
});

describe('isValidPostcode', () => {
  it.each(REAL)('accepts %s', (pc) => {
    expect(isValidPostcode(pc)).toBe(true);
    expect(isValidPostcode(pc.toLowerCase())).toBe(true);
  });
});

describe('postcodeOutward', () => {
  it.each(REAL)('%s → %s', (pc, outward) => {
    expect(postcodeOutward(pc)).toBe(outward);
    expect(postcodeOutward(pc.replace(' ', '').toLowerCase())).toBe(outward);
  });

  it('gives GIR for GIR 0AA', () => {
    expect(postcodeOutward('gir0aa')).toBe('GIR');
  });

  it('gives null for an invalid postcode', () => {
    expect(postcodeOutward('not a postcode')).toBeNull();
    expect(postcodeOutward('')).toBeNull();
  });
});
