import { describe, expect, it } from 'vitest';
import { firstOfStreak } from './dna.js';

describe('firstOfStreak: the miss that began the latest run', () => {
  it('is the oldest miss before the last attended contact, passing over bookings and cancellations', () => {
    expect(
      firstOfStreak([
        { id: 'e', status: 'booked' },
        { id: 'd', status: 'did_not_attend' },
        { id: 'c', status: 'cancelled' },
        { id: 'b', status: 'did_not_attend' },
        { id: 'a', status: 'attended' },
        { id: 'z', status: 'did_not_attend' },
      ]),
    ).toBe('b');
  });

  it('runs to the oldest contact when nothing was attended', () => {
    expect(firstOfStreak([{ id: 'b', status: 'did_not_attend' }, { id: 'a', status: 'did_not_attend' }])).toBe('a');
  });

  it('is null when the latest contact that happened was attended, or there are none', () => {
    expect(firstOfStreak([{ id: 'b', status: 'attended' }, { id: 'a', status: 'did_not_attend' }])).toBeNull();
    expect(firstOfStreak([])).toBeNull();
  });
});
