import { describe, it, expect } from 'vitest';
import type { ContactStatus } from '../../contracts/casework-codes.js';
import { dnaStreak, repeatedDna } from './repeated-dna.js';

describe('dnaStreak (newest first)', () => {
  const cases: [ContactStatus[], number][] = [
    [[], 0],
    [['attended'], 0],
    [['did_not_attend'], 1],
    [['did_not_attend', 'did_not_attend'], 2],
    [['did_not_attend', 'did_not_attend', 'attended', 'did_not_attend'], 2],
    [['attended', 'did_not_attend', 'did_not_attend'], 0],
    // Bookings still to come and cancellations are passed over, wherever they fall.
    [['booked', 'did_not_attend', 'cancelled', 'did_not_attend', 'attended'], 2],
    [['booked', 'booked', 'cancelled'], 0],
    [['cancelled', 'did_not_attend', 'booked', 'did_not_attend', 'cancelled', 'did_not_attend'], 3],
    [['booked', 'attended', 'did_not_attend', 'did_not_attend', 'did_not_attend'], 0],
  ];

  it.each(cases)('%j → %d', (statuses, expected) => {
    expect(dnaStreak(statuses)).toBe(expected);
  });
});

describe('repeatedDna', () => {
  it('alerts at two in a row by default', () => {
    expect(repeatedDna(['did_not_attend'])).toBe(false);
    expect(repeatedDna(['did_not_attend', 'did_not_attend'])).toBe(true);
    expect(repeatedDna(['did_not_attend', 'cancelled', 'did_not_attend', 'attended'])).toBe(true);
    expect(repeatedDna(['did_not_attend', 'attended', 'did_not_attend'])).toBe(false);
  });

  it('takes a threshold', () => {
    const three: ContactStatus[] = ['did_not_attend', 'did_not_attend', 'did_not_attend'];
    expect(repeatedDna(three, 3)).toBe(true);
    expect(repeatedDna(three, 4)).toBe(false);
    expect(repeatedDna(['did_not_attend'], 1)).toBe(true);
  });

  it.each([0, -1, Number.NaN])('is switched off by threshold %d', (threshold) => {
    expect(repeatedDna(['did_not_attend', 'did_not_attend', 'did_not_attend'], threshold)).toBe(false);
  });
});
