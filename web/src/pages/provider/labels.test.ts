import { describe, expect, it } from 'vitest';
import { detailsRemovedText, sharedFieldsOf } from './labels.js';

describe('sharedFieldsOf', () => {
  it('lists the fields present in what was sent, in the usual order, counting a shared empty value', () => {
    expect(sharedFieldsOf({ risks: null, name: 'Grace Kim', goals: [] })).toEqual(['name', 'goals', 'risks']);
    expect(sharedFieldsOf({})).toEqual([]);
  });
});

describe('detailsRemovedText', () => {
  it('says the details are gone, and when, without anything about the person', () => {
    expect(detailsRemovedText('2027-01-10')).toBe("This referral has ended. Its details were removed on 10 January 2027. The person's details are no longer shown.");
    expect(detailsRemovedText(null)).toBe("This referral has ended. The person's details are no longer shown.");
  });
});
