import { describe, expect, it } from 'vitest';
import { BACKOFF_CAP_SECONDS, backoffSeconds } from './backoff.js';

describe('backoffSeconds', () => {
  it('doubles from 10 s on the first failure', () => {
    expect([1, 2, 3, 4, 5].map((a) => backoffSeconds(a))).toEqual([10, 20, 40, 80, 160]);
  });

  it('never waits more than an hour, however many attempts', () => {
    expect(backoffSeconds(10)).toBe(BACKOFF_CAP_SECONDS);
    expect(backoffSeconds(1_000)).toBe(BACKOFF_CAP_SECONDS);
    expect(backoffSeconds(Number.POSITIVE_INFINITY)).toBe(BACKOFF_CAP_SECONDS);
  });

  it('treats nonsense attempts as the first', () => {
    expect(backoffSeconds(0)).toBe(10);
    expect(backoffSeconds(-3)).toBe(10);
    expect(backoffSeconds(Number.NaN)).toBe(10);
  });

  it('jitters by at most a fifth, the same way every time for the same seed', () => {
    for (const seed of ['1', '2', '42', 'job-9001']) {
      const value = backoffSeconds(3, seed);
      expect(value).toBeGreaterThanOrEqual(40);
      expect(value).toBeLessThanOrEqual(48);
      expect(backoffSeconds(3, seed)).toBe(value);
    }
    const spread = new Set(Array.from({ length: 50 }, (_, i) => backoffSeconds(5, String(i))));
    expect(spread.size).toBeGreaterThan(5);
    expect(backoffSeconds(20, 'x')).toBe(BACKOFF_CAP_SECONDS);
  });
});
