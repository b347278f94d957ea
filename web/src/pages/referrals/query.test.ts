import { describe, expect, it } from 'vitest';
import { listQuery, readPage, readStatus, withQuery } from './query.js';

describe('referral list query', () => {
  it('reads a known status and ignores anything else', () => {
    expect(readStatus(new URLSearchParams('status=triaged'))).toBe('triaged');
    expect(readStatus(new URLSearchParams('status=lost'))).toBeNull();
    expect(readStatus(new URLSearchParams(''))).toBeNull();
  });
  it('reads a page number, defaulting to 1', () => {
    expect(readPage(new URLSearchParams('page=3'))).toBe(3);
    expect(readPage(new URLSearchParams('page=0'))).toBe(1);
    expect(readPage(new URLSearchParams('page=x'))).toBe(1);
  });
  it('writes the query, leaving out defaults', () => {
    expect(listQuery(null)).toBe('');
    expect(listQuery('closed', 2, 25)).toBe('status=closed&page=2&pageSize=25');
    expect(withQuery('/referrals', '')).toBe('/referrals');
    expect(withQuery('/referrals', 'page=2')).toBe('/referrals?page=2');
  });
});
