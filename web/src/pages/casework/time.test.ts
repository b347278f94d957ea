import { describe, expect, it } from 'vitest';
import { formatMinutes, formatTime, londonToday, londonToIso, londonWall, readTime } from './time.js';

describe('London times', () => {
  it('gives a winter time with no offset and a summer time with +01:00', () => {
    expect(londonToIso('2026-12-03', '14:30')).toBe('2026-12-03T14:30:00+00:00');
    expect(londonToIso('2026-07-01', '09:05')).toBe('2026-07-01T09:05:00+01:00');
  });

  it('uses the offset on each side of the spring and autumn clock changes', () => {
    // Clocks went forward at 01:00 UTC on 29 March 2026 and go back at 01:00 UTC on 25 October 2026.
    expect(londonToIso('2026-03-29', '00:30')).toBe('2026-03-29T00:30:00+00:00');
    expect(londonToIso('2026-03-29', '03:00')).toBe('2026-03-29T03:00:00+01:00');
    expect(londonToIso('2026-10-25', '00:30')).toBe('2026-10-25T00:30:00+01:00');
    expect(londonToIso('2026-10-25', '03:00')).toBe('2026-10-25T03:00:00+00:00');
  });

  it('gives London’s date as today, which is a day ahead of UTC late on a summer evening', () => {
    expect(londonToday(new Date('2026-07-01T23:30:00Z'))).toBe('2026-07-02');
    expect(londonToday(new Date('2026-12-01T23:30:00Z'))).toBe('2026-12-01');
    expect(londonToday(new Date('2026-03-28T23:59:00Z'))).toBe('2026-03-28');
  });

  it('reads an instant back as London date and time', () => {
    expect(londonWall(new Date('2026-07-01T08:05:00Z'))).toEqual({ date: '2026-07-01', time: '09:05' });
    expect(londonWall(new Date('2026-12-31T23:59:00Z'))).toEqual({ date: '2026-12-31', time: '23:59' });
    expect(formatTime('2026-07-01T13:30:00Z')).toBe('14:30');
  });

  it('reads times typed in the usual ways and refuses others', () => {
    expect(readTime('14:30')).toBe('14:30');
    expect(readTime(' 9.05 ')).toBe('09:05');
    expect(readTime('0930')).toBe('09:30');
    expect(readTime('24:00')).toBeNull();
    expect(readTime('12:60')).toBeNull();
    expect(readTime('half two')).toBeNull();
    expect(readTime('')).toBeNull();
  });
});

describe('minutes in words', () => {
  it('shows hours and minutes', () => {
    expect(formatMinutes(750)).toBe('12 h 30 min');
    expect(formatMinutes(60)).toBe('1 h');
    expect(formatMinutes(45)).toBe('45 min');
    expect(formatMinutes(0)).toBe('0 min');
    expect(formatMinutes(61)).toBe('1 h 1 min');
  });
});
