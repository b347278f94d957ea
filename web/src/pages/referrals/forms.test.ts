import { describe, expect, it } from 'vitest';
import { referralEventRequest } from '../../../../src/contracts/referrals.js';
import { ApiProblem } from '../../api/problem.js';
import { checkConsentDate, checkRenamed, isStale, optionalText, renameFormErrors, renameProblem } from './forms.js';

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

describe('checkConsentDate', () => {
  const today = '2026-11-21';
  it('accepts a real date up to today', () => {
    expect(checkConsentDate({ day: '21', month: '11', year: '2026' }, today)).toEqual({ ok: true, iso: '2026-11-21' });
    expect(checkConsentDate({ day: '3', month: '2', year: '2026' }, today)).toEqual({ ok: true, iso: '2026-02-03' });
  });
  it('says what is wrong with anything else', () => {
    expect(checkConsentDate({ day: '', month: '', year: '' }, today)).toEqual({ ok: false, message: 'Enter the date consent was given' });
    expect(checkConsentDate({ day: '1', month: '', year: '2026' }, today)).toEqual({ ok: false, message: 'The date consent was given must include a day, month and year' });
    expect(checkConsentDate({ day: '31', month: '2', year: '2026' }, today)).toEqual({ ok: false, message: 'The date consent was given must be a real date' });
    expect(checkConsentDate({ day: '22', month: '11', year: '2026' }, today)).toEqual({ ok: false, message: 'The date consent was given must be today or in the past' });
  });
});
