import { describe, expect, it } from 'vitest';
import { agesText, capacityText, changeLine, changeValue, checkedText, distanceText, fieldLabel, isFull, listingStatusTag, listingTags, staleTag } from './labels.js';

const open = { places: null, waitlist: null, notTakingUntil: null, available: true };

describe('listing words', () => {
  it('names each status in plain words', () => {
    expect(listingStatusTag('active')).toEqual({ label: 'Running', colour: 'green' });
    expect(listingStatusTag('paused')).toEqual({ label: 'Paused for now', colour: 'yellow' });
    expect(listingStatusTag('closed')).toEqual({ label: 'Closed', colour: 'grey' });
    expect(listingStatusTag('mystery')).toEqual({ label: 'mystery', colour: 'grey' });
  });

  it('says how many places there are, or until when none are taken', () => {
    expect(capacityText(open)).toBeNull();
    expect(capacityText({ ...open, places: 12 })).toBe('12 places free');
    expect(capacityText({ ...open, places: 1, waitlist: 3 })).toBe('1 place free, 3 people waiting');
    expect(capacityText({ ...open, places: 0 })).toBe('No places free');
    expect(capacityText({ ...open, places: 5, notTakingUntil: '2027-01-03' })).toBe('Not taking referrals until 3 January 2027');
  });

  it('calls a listing full only when its figures say so', () => {
    expect(isFull(open)).toBe(false);
    expect(isFull({ ...open, places: 0 })).toBe(true);
    expect(isFull({ ...open, places: 4, waitlist: 2 })).toBe(true);
    expect(isFull({ ...open, notTakingUntil: '2027-01-03' })).toBe(true);
  });

  it('says when and by whom it was last checked', () => {
    expect(checkedText('2026-03-12T10:00:00Z', 'Jo Bennett')).toBe('Last checked 12 March 2026 by Jo Bennett');
    expect(checkedText('2026-03-12T10:00:00Z', null)).toBe('Last checked 12 March 2026');
    expect(checkedText(null, null)).toBe('Never checked by a link worker');
    expect(staleTag('2025-01-05T12:00:00Z')).toEqual({ label: 'Not checked since 5 January 2025', colour: 'orange' });
    expect(staleTag(null).label).toBe('Never checked');
  });

  it('puts the tags in order of importance', () => {
    const labels = listingTags({ status: 'paused', free: true, stale: true, verifiedAt: null, referralMode: 'signposting', capacity: { ...open, places: 0 } }).map((t) => t.label);
    expect(labels).toEqual(['Paused for now', 'Never checked', 'Full', 'Signposting only', 'Free']);
    expect(listingTags({ status: 'active', free: false, stale: false, verifiedAt: null, referralMode: 'referrals', capacity: open })).toEqual([]);
  });

  it('reads distances and ages', () => {
    expect(distanceText(0.84)).toBe('800 m away');
    expect(distanceText(0.04)).toBe('100 m away');
    expect(distanceText(1.26)).toBe('1.3 km away');
    expect(distanceText(12.6)).toBe('13 km away');
    expect(distanceText(null)).toBeNull();
    expect(agesText(18, 65)).toBe('For ages 18 to 65');
    expect(agesText(50, null)).toBe('For ages 50 and over');
    expect(agesText(null, 25)).toBe('For ages up to 25');
    expect(agesText(null, null)).toBeNull();
  });

  it('names changed fields and values for the history', () => {
    expect(fieldLabel('schedules')).toBe('Sessions');
    expect(fieldLabel('minimum_age')).toBe('Youngest age');
    expect(fieldLabel('someNewField')).toBe('Some new field');
    expect(changeValue(null)).toBe('nothing');
    expect(changeValue([])).toBe('nothing');
    expect(changeValue(true)).toBe('yes');
    expect(changeValue('active')).toBe('active');
    expect(changeValue('2026-11-21T17:27:51.520Z')).toBe('21 Nov 2026, 17:27');
    expect(changeValue('2027-06-09')).toBe('9 June 2027');
    expect(changeValue(12)).toBe('12');
    expect(changeValue([{ byday: 'TU' }])).toBe('[{"byday":"TU"}]');
    expect(changeValue('x'.repeat(200))).toHaveLength(118);
  });

  it('writes history lines, counting lists and hiding bookkeeping', () => {
    expect(changeLine({ field: 'schedules', from: 1, to: 1 })).toBe('Sessions changed');
    expect(changeLine({ field: 'schedules', from: 1, to: 2 })).toBe('Sessions changed (1 before, 2 now)');
    expect(changeLine({ field: 'status', from: 'active', to: 'inactive' })).toBe('Status: active → inactive');
    expect(changeLine({ field: 'extra', from: null, to: {} })).toBeNull();
    expect(changeLine({ field: 'verified_by', from: null, to: 'f7563f58-05b2-4c68-a6ca-6adca847b623' })).toBeNull();
  });
});
