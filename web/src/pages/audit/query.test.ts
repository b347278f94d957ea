import { describe, expect, it } from 'vitest';
import { AUDIT_ACTIONS, filterErrors, filterQuery, readFilters, readPage, withQuery } from './query.js';

describe('audit filters in the address', () => {
  it('reads filters and ignores blanks and unknown keys', () => {
    const params = new URLSearchParams('action=read&entityType=&from=2026-01-01&colour=blue');
    expect(readFilters(params)).toEqual({ action: 'read', from: '2026-01-01' });
  });
  it('builds a query string without empty values', () => {
    expect(filterQuery({ action: 'export', entityType: ' ', to: '2026-02-01' })).toBe('action=export&to=2026-02-01');
  });
  it('adds the page only after the first', () => {
    expect(filterQuery({ action: 'read' }, 1)).toBe('action=read');
    expect(filterQuery({ action: 'read' }, 3)).toBe('action=read&page=3');
    expect(filterQuery({}, 2, 50)).toBe('page=2&pageSize=50');
  });
  it('reads the page number defensively', () => {
    expect(readPage(new URLSearchParams('page=4'))).toBe(4);
    expect(readPage(new URLSearchParams('page=-1'))).toBe(1);
    expect(readPage(new URLSearchParams('page=abc'))).toBe(1);
    expect(readPage(new URLSearchParams(''))).toBe(1);
  });
  it('joins a path and a query', () => {
    expect(withQuery('/api/audit-events/export', '')).toBe('/api/audit-events/export');
    expect(withQuery('/api/audit-events/export', 'action=read')).toBe('/api/audit-events/export?action=read');
  });
  it('offers the actions the API accepts', () => {
    expect(AUDIT_ACTIONS).toContain('sign-in');
  });
});

describe('filterErrors', () => {
  it('accepts good filters', () => {
    expect(filterErrors({ entityType: 'api_client', from: '2026-01-01', to: '2026-01-01' })).toEqual({});
  });
  it('rejects a bad entity type and impossible dates', () => {
    const errors = filterErrors({ entityType: 'Referral!', from: '2026-02-30' });
    expect(Object.keys(errors).sort()).toEqual(['entityType', 'from']);
  });
  it('rejects an end before the start', () => {
    expect(filterErrors({ from: '2026-03-02', to: '2026-03-01' }).to).toMatch(/after the start/);
  });
});
