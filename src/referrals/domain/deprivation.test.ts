import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { imdDecileFor, imdDecilesPath, isValidLsoa21, parseImdDeciles } from './deprivation.js';

describe('isValidLsoa21', () => {
  it.each(['E01000001', 'E01035000', 'W01000001', 'W01002000'])('accepts %s', (code) => {
    expect(isValidLsoa21(code)).toBe(true);
  });

  it.each(['e01000001', 'E0100000', 'E010000011', 'E02000001', 'E01100001', 'S01000001', ' E01000001', 'E01-00001', ''])('rejects %j', (code) => {
    expect(isValidLsoa21(code)).toBe(false);
  });
});

describe('imdDecileFor', () => {
  it('finds the decile of an LSOA (E01000001, City of London, is in decile 8)', () => {
    expect(imdDecileFor('E01000001')).toBe(8);
    expect(imdDecileFor('E01000002')).toBe(10);
  });

  it('tolerates lower case and surrounding spaces', () => {
    expect(imdDecileFor(' e01000001 ')).toBe(8);
  });

  it('gives null for a well-formed code that is not in the file', () => {
    expect(imdDecileFor('E01099999')).toBeNull();
    expect(imdDecileFor('W01000001')).toBeNull();
  });

  it('gives null for a malformed code', () => {
    expect(imdDecileFor('not a code')).toBeNull();
    expect(imdDecileFor('')).toBeNull();
  });
});

describe('the deciles file', () => {
  const deciles = parseImdDeciles(readFileSync(imdDecilesPath(), 'utf8'));

  it('is found beside the source', () => {
    expect(imdDecilesPath()).toMatch(/src[\\/]referrals[\\/]data[\\/]imd2025-deciles\.csv$/);
  });

  it('holds all 33,755 English LSOAs, a tenth in each decile', () => {
    expect(deciles.size).toBe(33_755);
    for (let decile = 1; decile <= 10; decile++) {
      const count = [...deciles.values()].filter((d) => d === decile).length;
      expect(count === 3375 || count === 3376, `decile ${decile}: ${count}`).toBe(true);
    }
  });
});

describe('parseImdDeciles', () => {
  it('reads lines after the header and skips blank lines', () => {
    expect(parseImdDeciles('lsoa21,imd_decile\r\nE01000001,8\n\nE01000002,1\n')).toEqual(
      new Map([
        ['E01000001', 8],
        ['E01000002', 1],
      ]),
    );
  });

  it.each([
    ['code,decile\nE01000001,8', 'wrong header'],
    ['lsoa21,imd_decile\nE01000001,11', 'decile out of range'],
    ['lsoa21,imd_decile\nE01000001,0', 'decile out of range'],
    ['lsoa21,imd_decile\nE01000001,', 'missing decile'],
    ['lsoa21,imd_decile\nX,5', 'bad code'],
  ])('refuses a file with a %s', (csv) => {
    expect(() => parseImdDeciles(csv)).toThrow();
  });
});
