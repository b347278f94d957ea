import { describe, expect, it } from 'vitest';
import { dateTime, email, numberOf, present, text, timeOfDay, uri } from './fields.js';
import { pageOf } from './paging.js';

describe('ORUK field rules', () => {
  it('leaves out null and undefined, keeps falsy values that mean something', () => {
    expect(present({ a: null, b: undefined, c: 0, d: false, e: '', f: 'x' })).toEqual({ c: 0, d: false, e: '', f: 'x' });
  });

  it('reads blank text as absent', () => {
    expect(text('  ')).toBeUndefined();
    expect(text(null)).toBeUndefined();
    expect(text(' Walks ')).toBe(' Walks ');
  });

  it('sends only absolute URIs', () => {
    expect(uri('https://example.org/a?b=c')).toBe('https://example.org/a?b=c');
    expect(uri('mailto:someone@example.org')).toBe('mailto:someone@example.org');
    expect(uri('www.example.org')).toBeUndefined();
    expect(uri('https://exa mple.org')).toBeUndefined();
    expect(uri('')).toBeUndefined();
  });

  it('sends only addresses that look like email addresses', () => {
    expect(email('sue@example.org')).toBe('sue@example.org');
    expect(email('sue at example.org')).toBeUndefined();
    expect(email('sue@localhost')).toBeUndefined();
  });

  it('turns numeric strings into numbers', () => {
    expect(numberOf('12.50')).toBe(12.5);
    expect(numberOf('0')).toBe(0);
    expect(numberOf(7)).toBe(7);
    expect(numberOf(null)).toBeUndefined();
    expect(numberOf('NaN')).toBeUndefined();
  });

  it('writes timestamps as UTC date-times and times as HH:MM:SS', () => {
    expect(dateTime(new Date('2026-03-01T10:30:00+01:00'))).toBe('2026-03-01T09:30:00.000Z');
    expect(dateTime('not a date')).toBeUndefined();
    expect(timeOfDay('10:00:00')).toBe('10:00:00');
    expect(timeOfDay('10:00:00.123456')).toBe('10:00:00');
  });
});

describe('ORUK paging envelope', () => {
  const items = (n: number) => Array.from({ length: n }, (_, i) => ({ id: String(i) }));

  it('describes a first, a middle and a last page', () => {
    expect(pageOf({ page: 1, per_page: 2 }, 5, items(2))).toMatchObject({ total_items: 5, total_pages: 3, page_number: 1, size: 2, first_page: true, last_page: false, empty: false });
    expect(pageOf({ page: 2, per_page: 2 }, 5, items(2))).toMatchObject({ page_number: 2, first_page: false, last_page: false });
    expect(pageOf({ page: 3, per_page: 2 }, 5, items(1))).toMatchObject({ page_number: 3, size: 1, first_page: false, last_page: true, empty: false });
  });

  it('describes an empty page, past the end or of nothing', () => {
    expect(pageOf({ page: 4, per_page: 2 }, 5, [])).toEqual({ total_items: 5, total_pages: 3, page_number: 4, size: 0, first_page: false, last_page: true, empty: true, contents: [] });
    expect(pageOf({ page: 1, per_page: 50 }, 0, [])).toEqual({ total_items: 0, total_pages: 0, page_number: 1, size: 0, first_page: true, last_page: true, empty: true, contents: [] });
  });
});
