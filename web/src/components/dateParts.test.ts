import { describe, expect, it } from 'vitest';
import { checkDateOfBirth, isoToParts, partsOf, partsToIso, todayIso } from './dateParts.js';

describe('partsToIso', () => {
  it('builds an ISO date with leading zeros', () => {
    expect(partsToIso({ day: '3', month: '1', year: '1956' })).toEqual({ ok: true, iso: '1956-01-03' });
    expect(partsToIso({ day: ' 31 ', month: '12', year: '2001' })).toEqual({ ok: true, iso: '2001-12-31' });
  });
  it('tells empty, incomplete and impossible dates apart', () => {
    expect(partsToIso({ day: '', month: ' ', year: '' })).toEqual({ ok: false, problem: 'empty' });
    expect(partsToIso({ day: '1', month: '', year: '1990' })).toEqual({ ok: false, problem: 'incomplete' });
    expect(partsToIso({ day: '31', month: '2', year: '1990' })).toEqual({ ok: false, problem: 'invalid' });
    expect(partsToIso({ day: '1', month: '13', year: '1990' })).toEqual({ ok: false, problem: 'invalid' });
    expect(partsToIso({ day: '1', month: '1', year: '90' })).toEqual({ ok: false, problem: 'invalid' });
    expect(partsToIso({ day: 'x', month: '1', year: '1990' })).toEqual({ ok: false, problem: 'invalid' });
  });
  it('accepts 29 February only in a leap year', () => {
    expect(partsToIso({ day: '29', month: '2', year: '2000' }).ok).toBe(true);
    expect(partsToIso({ day: '29', month: '2', year: '1900' }).ok).toBe(false);
  });
});

describe('isoToParts and partsOf', () => {
  it('round-trips', () => {
    expect(isoToParts('1956-03-04')).toEqual({ day: '4', month: '3', year: '1956' });
    expect(isoToParts('nonsense')).toEqual({ day: '', month: '', year: '' });
  });
  it('reads the three boxes from form values', () => {
    expect(partsOf({ 'dob-day': '1', 'dob-month': '2', 'dob-year': '1970', other: 'x' }, 'dob')).toEqual({ day: '1', month: '2', year: '1970' });
    expect(partsOf({ 'dob-day': ['1'] }, 'dob')).toEqual({ day: '', month: '', year: '' });
  });
});

describe('checkDateOfBirth', () => {
  const today = '2026-05-01';
  it('words each problem for the person filling in the form', () => {
    expect(checkDateOfBirth({ day: '', month: '', year: '' }, today, 'your')).toEqual({ ok: false, message: 'Enter your date of birth' });
    expect(checkDateOfBirth({ day: '', month: '', year: '' }, today, 'their')).toEqual({ ok: false, message: 'Enter their date of birth' });
    expect(checkDateOfBirth({ day: '1', month: '', year: '' }, today, 'their')).toEqual({ ok: false, message: 'Date of birth must include a day, month and year' });
    expect(checkDateOfBirth({ day: '30', month: '2', year: '1980' }, today, 'their')).toEqual({ ok: false, message: 'Date of birth must be a real date' });
    expect(checkDateOfBirth({ day: '1', month: '5', year: '2026' }, today, 'their')).toEqual({ ok: false, message: 'Date of birth must be in the past' });
    expect(checkDateOfBirth({ day: '1', month: '5', year: '1899' }, today, 'their')).toEqual({ ok: false, message: 'Date of birth must be after 1900' });
  });
  it('passes a real past date', () => {
    expect(checkDateOfBirth({ day: '14', month: '3', year: '1956' }, today, 'their')).toEqual({ ok: true, iso: '1956-03-14' });
  });
});

describe('todayIso', () => {
  it('formats the local date', () => {
    expect(todayIso(new Date(2026, 0, 5, 12))).toBe('2026-01-05');
  });
});
