import { describe, expect, it } from 'vitest';
import { referralEventRequest } from '../../../../src/contracts/referrals.js';
import { ApiProblem } from '../../api/problem.js';
import { checkRenamed, isStale, optionalText, renameFormErrors, renameProblem } from './forms.js';

describe('checkRenamed', () => {
  it('puts the contract’s errors under the form’s own ids', () => {
    const checked = checkRenamed(referralEventRequest, { type: 'decline', reasonCode: '' }, { reasonCode: 'declineReason' });
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.errors.fields).toEqual({ declineReason: 'Choose a reason' });
  });
  it('passes valid values through', () => {
    const checked = checkRenamed(referralEventRequest, { type: 'mark_not_eligible', reason: ' Lives out of area ' }, { reason: 'notEligibleReason' });
    expect(checked).toEqual({ ok: true, value: { type: 'mark_not_eligible', reason: 'Lives out of area' } });
  });
});

describe('renameProblem and renameFormErrors', () => {
  it('renames server field errors by their last segment and keeps the rest', () => {
    const problem = new ApiProblem(400, 'Bad request', 'Invalid', [
      { field: 'body.reasonCode', message: 'Choose a reason' },
      { field: 'body.other', message: 'Something else' },
    ]);
    const renamed = renameProblem(problem, { reasonCode: 'closeReason' });
    expect(renamed.errors).toEqual([
      { field: 'closeReason', message: 'Choose a reason' },
      { field: 'other', message: 'Something else' },
    ]);
    expect(renamed.status).toBe(400);
    expect(renamed.detail).toBe('Invalid');
  });
  it('renames form errors', () => {
    expect(renameFormErrors({ detail: 'x', fields: { note: 'Too long' } }, { note: 'reopenNote' })).toEqual({ detail: 'x', fields: { reopenNote: 'Too long' } });
  });
});

describe('optionalText and isStale', () => {
  it('leaves blank text out', () => {
    expect(optionalText('   ')).toBeUndefined();
    expect(optionalText(' Called twice ')).toBe('Called twice');
  });
  it('treats 412 as a stale version, and 409 as not', () => {
    expect(isStale(new ApiProblem(412, 'Precondition failed', 'Changed'))).toBe(true);
    expect(isStale(new ApiProblem(409, 'Conflict', 'Illegal'))).toBe(false);
  });
});
