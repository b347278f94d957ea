import { describe, it, expect } from 'vitest';
import { formatNhsNumber, isValidNhsNumber, nhsCheckDigit, normaliseNhsNumber } from './nhs-number.js';

/*
 * Worked by hand: weights 10..2 on the first nine digits, check = 11 - (sum mod 11), 11 → 0.
 *  9434765919: 9×10+4×9+3×8+4×7+7×6+6×5+5×4+9×3+1×2 = 299; 299 mod 11 = 2; 11-2 = 9 ✓ (last digit 9)
 *  9434765870: 9×10+4×9+3×8+4×7+7×6+6×5+5×4+8×3+7×2 = 308; 308 mod 11 = 0; 11-0 = 11 → 0 ✓
 *  4010232137: 4×10+0×9+1×8+0×7+2×6+3×5+2×4+1×3+3×2 = 92; 92 mod 11 = 4; 11-4 = 7 ✓
 *  9999999999: 9×54 = 486; 486 mod 11 = 2; 11-2 = 9 ✓
 *  0000000000: sum 0; 0 mod 11 = 0; 11 → 0 ✓ (passes the algorithm, so it is accepted)
 *  1111111111: sum 54; 54 mod 11 = 10; 11-10 = 1 ✓
 *  100000001x: 1×10+1×2 = 12; 12 mod 11 = 1; 11-1 = 10 → no valid check digit exists
 */
const VALID = ['9434765919', '9434765870', '4010232137', '9999999999', '0000000000', '1111111111'];

describe('normaliseNhsNumber', () => {
  it.each([
    ['9434765919', '9434765919'],
    ['943 476 5919', '9434765919'],
    ['943-476-5919', '9434765919'],
    ['  943 476-5919 ', '9434765919'],
    ['943\t476\n5919', '9434765919'],
  ])('%j → %s', (input, expected) => {
    expect(normaliseNhsNumber(input)).toBe(expected);
  });

  it.each(['', '943476591', '94347659190', '943476591A', '943.476.5919', '９４３４７６５９１９', '+943476591'])(
    'rejects %j',
    (input) => {
      expect(normaliseNhsNumber(input)).toBeNull();
    },
  );
});

describe('nhsCheckDigit', () => {
  it('gives the check digit worked out above', () => {
    expect(nhsCheckDigit('943476591')).toBe(9);
    expect(nhsCheckDigit('943476587')).toBe(0);
    expect(nhsCheckDigit('401023213')).toBe(7);
    expect(nhsCheckDigit('111111111')).toBe(1);
  });

  it('returns null when the remainder calls for 10', () => {
    expect(nhsCheckDigit('100000001')).toBeNull();
  });

  it('refuses anything but nine digits', () => {
    expect(() => nhsCheckDigit('12345678')).toThrow(RangeError);
    expect(() => nhsCheckDigit('12345678A')).toThrow(RangeError);
  });
});

describe('isValidNhsNumber', () => {
  it.each(VALID)('accepts %s', (n) => {
    expect(isValidNhsNumber(n)).toBe(true);
  });

  it('accepts valid numbers written with spaces or hyphens', () => {
    expect(isValidNhsNumber('943 476 5919')).toBe(true);
    expect(isValidNhsNumber('401-023-2137')).toBe(true);
  });

  it.each([
    ['9434765918', 'wrong check digit'],
    ['9434765871', 'wrong check digit (should be 0)'],
    ['4010232136', 'wrong check digit'],
    ['1000000010', 'check would be 10'],
    ['1000000011', 'check would be 10'],
    ['943476591', 'nine digits'],
    ['94347659190', 'eleven digits'],
    ['94347659I9', 'a letter'],
    ['abcdefghij', 'letters'],
    ['', 'empty'],
  ])('rejects %s (%s)', (n) => {
    expect(isValidNhsNumber(n)).toBe(false);
  });

  it('rejects every number beginning 100000001, whatever the last digit', () => {
    for (let d = 0; d <= 9; d++) expect(isValidNhsNumber(`100000001${d}`)).toBe(false);
  });

  it('accepts exactly one check digit for each of a run of prefixes', () => {
    for (let prefix = 943476500; prefix < 943476600; prefix++) {
      const nine = String(prefix);
      const passing = Array.from({ length: 10 }, (_, d) => String(d)).filter((d) => isValidNhsNumber(nine + d));
      const expected = nhsCheckDigit(nine);
      expect(passing).toEqual(expected === null ? [] : [String(expected)]);
    }
  });

  it.each(VALID)('rejects every single-digit corruption of %s', (valid) => {
    let corruptions = 0;
    for (let i = 0; i < 10; i++) {
      for (const d of '0123456789') {
        if (d === valid[i]) continue;
        const corrupted = valid.slice(0, i) + d + valid.slice(i + 1);
        expect(isValidNhsNumber(corrupted), corrupted).toBe(false);
        corruptions++;
      }
    }
    expect(corruptions).toBe(90);
  });
});

describe('formatNhsNumber', () => {
  it('groups the digits 3-3-4', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
    expect(formatNhsNumber('943-476-5919')).toBe('943 476 5919');
    expect(formatNhsNumber(' 9434765870 ')).toBe('943 476 5870');
  });

  it('leaves anything that is not ten digits as it was', () => {
    expect(formatNhsNumber('12345')).toBe('12345');
    expect(formatNhsNumber('')).toBe('');
  });
});
