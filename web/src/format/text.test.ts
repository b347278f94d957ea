import { describe, expect, it } from 'vitest';
import { formatDateTime, groupSecret, isAppPath } from './text.js';

describe('groupSecret', () => {
  it('splits a base32 key into groups of 4', () => {
    expect(groupSecret('JBSWY3DPEHPK3PXP')).toBe('JBSW Y3DP EHPK 3PXP');
  });
  it('keeps a short last group and ignores existing spaces', () => {
    expect(groupSecret('ABCD EFGH IJ')).toBe('ABCD EFGH IJ');
    expect(groupSecret('ABCDEF')).toBe('ABCD EF');
  });
  it('returns an empty string for an empty key', () => {
    expect(groupSecret('')).toBe('');
  });
});

describe('formatDateTime', () => {
  it('shows UK time (BST in summer)', () => {
    expect(formatDateTime('2026-07-01T12:30:00Z')).toBe('1 Jul 2026, 13:30');
  });
  it('shows GMT in winter', () => {
    expect(formatDateTime('2026-11-21T09:05:00Z')).toBe('21 Nov 2026, 09:05');
  });
  it('shows an unreadable value unchanged', () => {
    expect(formatDateTime('not a date')).toBe('not a date');
  });
});

describe('isAppPath', () => {
  it('treats app routes as in-app', () => {
    expect(isAppPath('/admin/audit')).toBe(true);
    expect(isAppPath('/')).toBe(true);
    expect(isAppPath('/apiary')).toBe(true);
  });
  it('treats server paths and other sites as outside', () => {
    expect(isAppPath('/api/docs')).toBe(false);
    expect(isAppPath('/fhir/ServiceRequest')).toBe(false);
    expect(isAppPath('https://example.org/')).toBe(false);
    expect(isAppPath('//example.org/')).toBe(false);
  });
});
