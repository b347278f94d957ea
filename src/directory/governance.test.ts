import { describe, expect, it } from 'vitest';
import { dateInWords, governanceWarnings } from './governance.js';

const TODAY = '2026-11-21';

describe('governanceWarnings', () => {
  it('says when insurance has lapsed or is about to', () => {
    expect(governanceWarnings({ insuranceExpiresOn: '2026-03-01', safeguardingPolicyReviewedOn: null }, TODAY)).toEqual(['Insurance expired on 1 March 2026']);
    expect(governanceWarnings({ insuranceExpiresOn: '2026-11-20', safeguardingPolicyReviewedOn: null }, TODAY)).toEqual(['Insurance expired on 20 November 2026']);
    expect(governanceWarnings({ insuranceExpiresOn: '2026-12-21', safeguardingPolicyReviewedOn: null }, TODAY)).toEqual(['Insurance expires on 21 December 2026']);
    expect(governanceWarnings({ insuranceExpiresOn: '2026-12-22', safeguardingPolicyReviewedOn: null }, TODAY)).toEqual([]);
    expect(governanceWarnings({ insuranceExpiresOn: TODAY, safeguardingPolicyReviewedOn: null }, TODAY)).toEqual(['Insurance expires on 21 November 2026']);
  });

  it('says when the safeguarding policy has not been reviewed for over a year', () => {
    expect(governanceWarnings({ insuranceExpiresOn: null, safeguardingPolicyReviewedOn: '2025-11-21' }, TODAY)).toEqual([]);
    expect(governanceWarnings({ insuranceExpiresOn: null, safeguardingPolicyReviewedOn: '2025-11-20' }, TODAY)).toEqual(['Safeguarding policy not reviewed for over a year']);
  });

  it('does not warn about what was never recorded', () => {
    expect(governanceWarnings({ insuranceExpiresOn: null, safeguardingPolicyReviewedOn: null }, TODAY)).toEqual([]);
  });

  it('writes dates in words', () => {
    expect(dateInWords('2026-01-05')).toBe('5 January 2026');
    expect(dateInWords('not a date')).toBe('not a date');
  });
});
