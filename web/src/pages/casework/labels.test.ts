import { describe, expect, it } from 'vitest';
import { caseloadCaption, countsText, dnaStreakText, levelText, loneStateText, needsAcknowledging, RATING_CHOICES, ratingLabel, roomText } from './labels.js';

describe('casework words', () => {
  it('lists counts by status in lifecycle order and leaves out zeros', () => {
    expect(countsText({ active: 5, accepted: 2, first_contact: 0 })).toBe('Accepted: 2, Receiving support: 5');
    expect(countsText({})).toBe('No open cases');
    expect(countsText({ active: 0 })).toBe('No open cases');
  });

  it('labels the ends of the rating scale', () => {
    expect(ratingLabel(0)).toBe('0 – not started');
    expect(ratingLabel(5)).toBe('5');
    expect(ratingLabel(10)).toBe('10 – done');
    expect(RATING_CHOICES).toHaveLength(11);
  });

  it('puts lone-working states and levels in words', () => {
    expect(loneStateText('overdue')).toBe('Check-in overdue');
    expect(loneStateText('needs_help')).toBe('Asked for help');
    expect(levelText(0)).toBe('No alert sent');
    expect(levelText(1)).toBe('Managers alerted');
    expect(levelText(3)).toBe('Managers and named contacts alerted');
    expect(needsAcknowledging('overdue')).toBe(true);
    expect(needsAcknowledging('needs_help')).toBe(true);
    expect(needsAcknowledging('checked_in_safe')).toBe(false);
    expect(needsAcknowledging('acknowledged')).toBe(false);
  });

  it('says how much room a caseload has', () => {
    expect(roomText({ room: 5, maxCaseload: 40 })).toBe('5 of 40');
    expect(roomText({ room: 0, maxCaseload: 40 })).toBe('Full (most 40)');
    expect(roomText({ room: -2, maxCaseload: 40 })).toBe('Full (most 40)');
  });
});

describe('caseload words', () => {
  it('shows any run of missed appointments, even one', () => {
    expect(dnaStreakText(0)).toBe('None');
    expect(dnaStreakText(1)).toBe('1 in a row');
    expect(dnaStreakText(3)).toBe('3 in a row');
  });

  it('captions a chosen worker’s cases, a worker’s own, and the whole scheme’s for a manager who chose no one', () => {
    expect(caseloadCaption({ name: 'Priya Shah' }, true)).toBe('Priya Shah’s open cases');
    expect(caseloadCaption(null, false)).toBe('Your open cases');
    expect(caseloadCaption(null, true)).toBe('Open cases in the scheme');
  });
});
