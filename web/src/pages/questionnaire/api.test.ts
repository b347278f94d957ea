import { describe, expect, it } from 'vitest';
import { isGone, problemCode, tokenFromHash } from './api.js';
import { viewOfProblem } from './QuestionnairePage.js';
import { QuestionnaireProblem } from './api.js';

describe('the questionnaire link', () => {
  it('reads the token from the hash only', () => {
    expect(tokenFromHash('#abcDEF0123456789_-xyz')).toBe('abcDEF0123456789_-xyz');
    expect(tokenFromHash('#%61bc')).toBe('abc');
    expect(tokenFromHash('#bad%')).toBe('bad%');
    expect(tokenFromHash('#')).toBeNull();
    expect(tokenFromHash('')).toBeNull();
  });

  it('takes the code from the end of the problem type', () => {
    expect(problemCode('https://linkwell.dev/problems/link-submitted')).toBe('link-submitted');
    expect(problemCode('https://linkwell.dev/problems/link-unknown/')).toBe('link-unknown');
    expect(problemCode(undefined)).toBe('');
    expect(isGone('link-expired')).toBe(true);
    expect(isGone('link-unknown')).toBe(false);
  });

  it('turns each refusal into the page the person sees', () => {
    expect(viewOfProblem(new QuestionnaireProblem(410, 'link-submitted', 'x'))).toEqual({ status: 'gone', code: 'link-submitted' });
    expect(viewOfProblem(new QuestionnaireProblem(410, 'link-revoked', 'x'))).toEqual({ status: 'gone', code: 'link-revoked' });
    expect(viewOfProblem(new QuestionnaireProblem(404, 'link-unknown', 'x'))).toEqual({ status: 'unknown' });
    expect(viewOfProblem(new QuestionnaireProblem(400, 'validation', 'x'))).toEqual({ status: 'unknown' });
    expect(viewOfProblem(new QuestionnaireProblem(429, 'throttled', 'Wait a few minutes'))).toEqual({ status: 'error', detail: 'Wait a few minutes' });
    // Unreachable at first load: no answers are on the page yet, so the page offers to try again rather than reuse the save message.
    expect(viewOfProblem(new QuestionnaireProblem(0, 'network', 'x'))).toEqual({ status: 'offline' });
  });
});
