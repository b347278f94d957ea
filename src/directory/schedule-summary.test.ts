import { describe, expect, it } from 'vitest';
import { hoursMinutes, scheduleSummary } from './schedule-summary.js';

const at = (byday: string | null, opensAt: string | null, closesAt: string | null, description: string | null = null) => scheduleSummary({ byday, opensAt, closesAt, description });

describe('scheduleSummary', () => {
  it('says a weekly session the way a person would', () => {
    expect(at('TU', '10:00:00', '11:30:00')).toBe('Tuesdays 10:00–11:30');
    expect(at('MO,TH', '14:00', '16:00')).toBe('Mondays and Thursdays 14:00–16:00');
    expect(at('MO,TU,WE,TH,FR', '10:00', '16:00')).toBe('Mondays, Tuesdays, Wednesdays, Thursdays and Fridays 10:00–16:00');
  });

  it('reads monthly BYDAY with an ordinal', () => {
    expect(at('1WE', '14:00', '16:00')).toBe('First Wednesday of the month 14:00–16:00');
    expect(at('-1FR', '19:00', null)).toBe('Last Friday of the month from 19:00');
    expect(at('+2SA', null, null)).toBe('Second Saturday of the month');
  });

  it('falls back to the description when BYDAY cannot be read or is missing', () => {
    expect(at('XX', '10:00', '11:00', 'Every other week')).toBe('Every other week 10:00–11:00');
    expect(at(null, null, null, 'By appointment')).toBe('By appointment');
    expect(at(null, '09:00', '17:00')).toBe('09:00–17:00');
    expect(at(null, null, '17:00')).toBe('Until 17:00');
    expect(at(null, null, null)).toBe('Times not given');
  });

  it('trims seconds from database times', () => {
    expect(hoursMinutes('07:05:00')).toBe('07:05');
    expect(hoursMinutes(null)).toBeNull();
    expect(hoursMinutes('soon')).toBeNull();
  });
});
