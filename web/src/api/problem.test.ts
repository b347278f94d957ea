import { describe, expect, it } from 'vitest';
import { ApiProblem, asProblem } from './problem.js';

describe('asProblem', () => {
  it('keeps an ApiProblem as it is', () => {
    const problem = new ApiProblem(409, 'Conflict', 'Already on');
    expect(asProblem(problem)).toBe(problem);
  });
  it('reads anything else as a network failure', () => {
    const problem = asProblem(new TypeError('Failed to fetch'));
    expect(problem).toBeInstanceOf(ApiProblem);
    expect(problem.status).toBe(0);
    expect(problem.title).toBe('Cannot reach Linkwell');
  });
});
