import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime } from './dates.js';

describe('dates the person reads, in UK time', () => {
  it('writes the day in words', () => {
    expect(formatDate('2026-12-05T14:00:00Z')).toBe('Saturday 5 December 2026');
  });

  it('gives the time a link stops working, in UK time whatever the season', () => {
    // December is GMT: 14:00 UTC is 2pm. July is BST: 13:30 UTC is 2:30pm.
    expect(formatDateTime('2026-12-05T14:00:00Z')).toBe('2:00pm on Saturday 5 December 2026');
    expect(formatDateTime('2026-07-01T13:30:00Z')).toBe('2:30pm on Wednesday 1 July 2026');
    expect(formatDateTime('2026-12-05T09:05:00Z')).toBe('9:05am on Saturday 5 December 2026');
    // 00:30 in London is 12:30am, not "0:30 am".
    expect(formatDateTime('2026-12-05T00:30:00Z')).toBe('12:30am on Saturday 5 December 2026');
  });

  it('says midday and midnight in words, midnight as the end of the day before', () => {
    expect(formatDateTime('2026-12-05T12:00:00Z')).toBe('midday on Saturday 5 December 2026');
    // Midnight starting Sunday 29 March 2026 in London (still GMT) ends Saturday 28 March.
    expect(formatDateTime('2026-03-29T00:00:00Z')).toBe('midnight at the end of Saturday 28 March 2026');
  });

  it('leaves something that is not a date as it is', () => {
    expect(formatDateTime('soon')).toBe('soon');
  });
});
