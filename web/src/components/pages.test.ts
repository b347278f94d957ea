import { describe, expect, it } from 'vitest';
import { pageItems, totalPages } from './pages.js';

describe('totalPages', () => {
  it('rounds up and never goes below one', () => {
    expect(totalPages(0, 50)).toBe(1);
    expect(totalPages(50, 50)).toBe(1);
    expect(totalPages(51, 50)).toBe(2);
  });
});

describe('pageItems', () => {
  it('lists every page when there are few', () => {
    expect(pageItems(1, 1)).toEqual([1]);
    expect(pageItems(2, 3)).toEqual([1, 2, 3]);
  });
  it('fills a gap of one page instead of showing an ellipsis', () => {
    expect(pageItems(3, 5)).toEqual([1, 2, 3, 4, 5]);
  });
  it('shows gaps around the current page in a long list', () => {
    expect(pageItems(10, 40)).toEqual([1, 'gap', 9, 10, 11, 'gap', 40]);
  });
  it('handles the ends', () => {
    expect(pageItems(1, 40)).toEqual([1, 2, 'gap', 40]);
    expect(pageItems(40, 40)).toEqual([1, 'gap', 39, 40]);
  });
});
