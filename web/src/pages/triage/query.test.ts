import { describe, expect, it } from 'vitest';
import { allocatedMessage, caseloadOption, hasFilters, readTriageFilters, triageQuery } from './query.js';

describe('triage filters', () => {
  it('reads valid filters and drops values that could never match', () => {
    expect(readTriageFilters(new URLSearchParams('practice=y99001&need=housing&urgency=urgent'))).toEqual({
      practice: 'Y99001',
      need: 'housing',
      urgency: 'urgent',
    });
    expect(readTriageFilters(new URLSearchParams('practice=!&need=Housing Help&urgency=now'))).toEqual({});
  });
  it('writes them in a fixed order', () => {
    expect(triageQuery({ urgency: 'soon', practice: 'Y99001' })).toBe('practice=Y99001&urgency=soon');
    expect(triageQuery({})).toBe('');
    expect(hasFilters({})).toBe(false);
    expect(hasFilters({ need: 'food' })).toBe(true);
  });
});

describe('allocation wording', () => {
  it('shows each link worker’s caseload', () => {
    expect(caseloadOption({ name: 'Sam Patel', caseload: 1 })).toBe('Sam Patel (1 case)');
    expect(caseloadOption({ name: 'Ali Khan', caseload: 12 })).toBe('Ali Khan (12 cases)');
  });
  it('confirms how many were allocated to whom', () => {
    expect(allocatedMessage(1, 'Sam Patel')).toBe('Allocated 1 referral to Sam Patel');
    expect(allocatedMessage(3, 'Sam Patel')).toBe('Allocated 3 referrals to Sam Patel');
  });
});
