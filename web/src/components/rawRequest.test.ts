import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../api/problem.js';
import { parseRetryAfter, RetryLaterProblem } from './rawRequest.js';

describe('parseRetryAfter', () => {
  it('reads seconds', () => {
    expect(parseRetryAfter('120')).toBe(120);
    expect(parseRetryAfter(' 5 ')).toBe(5);
  });
  it('reads an HTTP date as seconds from now', () => {
    const now = Date.parse('2026-01-01T12:00:00Z');
    expect(parseRetryAfter('Thu, 01 Jan 2026 12:05:00 GMT', now)).toBe(300);
    expect(parseRetryAfter('Thu, 01 Jan 2026 11:00:00 GMT', now)).toBe(0);
  });
  it('gives null when missing or unreadable', () => {
    expect(parseRetryAfter(null)).toBeNull();
    expect(parseRetryAfter('')).toBeNull();
    expect(parseRetryAfter('soon')).toBeNull();
  });
});

describe('RetryLaterProblem', () => {
  it('is still an ApiProblem', () => {
    const problem = new RetryLaterProblem(new ApiProblem(429, 'Too many', 'Wait'), 60);
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem.status).toBe(429);
    expect(problem.retryAfterSeconds).toBe(60);
  });
});
