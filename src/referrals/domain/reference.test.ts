import { describe, it, expect } from 'vitest';
import {
  REFERENCE_ALPHABET,
  isValidReferralReference,
  newReferralReference,
  normaliseReferralReference,
  referenceCheckCharacter,
} from './reference.js';

/** A fake random source that hands out the given bytes in order, then zeros. */
function bytesFrom(values: number[]): (bytes: Uint8Array) => Uint8Array {
  const queue = [...values];
  return (bytes) => {
    for (let i = 0; i < bytes.length; i++) bytes[i] = queue.shift() ?? 0;
    return bytes;
  };
}

describe('REFERENCE_ALPHABET', () => {
  it('has 30 distinct characters and none that are easily confused', () => {
    expect(REFERENCE_ALPHABET).toHaveLength(30);
    expect(new Set(REFERENCE_ALPHABET).size).toBe(30);
    for (const c of '01OILU') expect(REFERENCE_ALPHABET).not.toContain(c);
  });
});

describe('referenceCheckCharacter', () => {
  it('weights the characters by position', () => {
    // indices 0..6 of "2345678" are 0..6; weights 1,7,11,13,17,19,23:
    // 0×1 + 1×7 + 2×11 + 3×13 + 4×17 + 5×19 + 6×23 = 369; 369 mod 30 = 9 → "B"
    expect(referenceCheckCharacter('2345678')).toBe('B');
    expect(referenceCheckCharacter('2222222')).toBe('2');
    // "3" is index 1: weight 1 → index 1 → "3"
    expect(referenceCheckCharacter('3222222')).toBe('3');
    // "3" in second place: weight 7 → "9"
    expect(referenceCheckCharacter('2322222')).toBe('9');
  });

  it('refuses characters outside the alphabet and the wrong length', () => {
    expect(() => referenceCheckCharacter('234567O')).toThrow(RangeError);
    expect(() => referenceCheckCharacter('234567')).toThrow(RangeError);
  });
});

describe('newReferralReference', () => {
  it('makes references in the LW-XXXX-XXXX format that pass the check', () => {
    for (let i = 0; i < 500; i++) {
      const ref = newReferralReference();
      expect(ref).toMatch(/^LW-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}-[23456789ABCDEFGHJKMNPQRSTVWXYZ]{4}$/);
      expect(isValidReferralReference(ref)).toBe(true);
    }
  });

  it('makes different references each time', () => {
    const refs = new Set(Array.from({ length: 200 }, () => newReferralReference()));
    expect(refs.size).toBe(200);
  });

  it('maps random bytes onto the alphabet', () => {
    // 0..6 → "2345678", check "B" (worked above)
    expect(newReferralReference(bytesFrom([0, 1, 2, 3, 4, 5, 6]))).toBe('LW-2345-678B');
    // 30 wraps to index 0, 59 to 29 ("Z")
    expect(newReferralReference(bytesFrom([30, 59, 0, 0, 0, 0, 0]))).toBe(`LW-2Z22-222${referenceCheckCharacter('2Z22222')}`);
  });

  it('discards bytes of 240 and above, so every character is equally likely', () => {
    expect(newReferralReference(bytesFrom([240, 255, 0, 1, 2, 3, 4, 5, 6]))).toBe('LW-2345-678B');
    expect(newReferralReference(bytesFrom([239, 0, 0, 0, 0, 0, 0]))).toBe(newReferralReference(bytesFrom([29, 0, 0, 0, 0, 0, 0])));
  });

  it('asks for more random bytes when a batch is not enough', () => {
    const batch = Array.from({ length: 16 }, () => 250);
    expect(newReferralReference(bytesFrom([...batch, ...batch, 0, 1, 2, 3, 4, 5, 6]))).toBe('LW-2345-678B');
  });

  it('gives up on a random source that never produces usable bytes', () => {
    expect(() => newReferralReference((bytes) => bytes.fill(255))).toThrow(/random source/);
  });

  it('uses every character of the alphabet in every position', () => {
    const seen = Array.from({ length: 8 }, () => new Set<string>());
    for (let i = 0; i < 3000; i++) {
      const chars = newReferralReference().replace(/^LW-|-/g, '');
      for (let p = 0; p < chars.length; p++) seen[p]!.add(chars.charAt(p));
    }
    for (const set of seen) expect(set.size).toBe(30);
  });
});

describe('isValidReferralReference', () => {
  const VALID = 'LW-2345-678B';

  it('accepts a reference with the right check character', () => {
    expect(isValidReferralReference(VALID)).toBe(true);
  });

  it('rejects every single-character change', () => {
    let changes = 0;
    for (const position of [3, 4, 5, 6, 8, 9, 10, 11]) {
      for (const c of REFERENCE_ALPHABET) {
        if (c === VALID[position]) continue;
        const changed = VALID.slice(0, position) + c + VALID.slice(position + 1);
        expect(isValidReferralReference(changed), changed).toBe(false);
        changes++;
      }
    }
    expect(changes).toBe(8 * 29);
  });

  it.each([
    ['lw-2345-678b', 'lower case'],
    ['LW-2345678B', 'missing hyphen'],
    ['LW 2345 678B', 'spaces'],
    ['LW-2345-678B ', 'trailing space'],
    ['XX-2345-678B', 'wrong prefix'],
    ['LW-2345-67B', 'too short'],
    ['LW-23456-78B', 'misplaced hyphen'],
    ['LW-0345-678B', 'zero'],
    ['LW-O345-678B', 'letter O'],
    ['LW-I345-678B', 'letter I'],
    ['LW-2345-678U', 'letter U'],
    ['', 'empty'],
  ])('rejects %j (%s)', (s) => {
    expect(isValidReferralReference(s)).toBe(false);
  });
});

describe('normaliseReferralReference', () => {
  it.each([
    ['LW-2345-678B', 'LW-2345-678B'],
    ['lw-2345-678b', 'LW-2345-678B'],
    ['LW2345678B', 'LW-2345-678B'],
    [' lw 2345 678b ', 'LW-2345-678B'],
  ])('%j → %s', (input, expected) => {
    expect(normaliseReferralReference(input)).toBe(expected);
  });

  it.each(['LW-2345-678C', 'LW-2345-678', 'LX-2345-678B', 'LW-2345-678BB', ''])('rejects %j', (input) => {
    expect(normaliseReferralReference(input)).toBeNull();
  });
});
