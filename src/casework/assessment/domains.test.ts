import { describe, expect, it } from 'vitest';
import { domainProblems } from './domains.js';

const domains = [
  { code: 'loneliness', label: 'Loneliness and isolation' },
  { code: 'housing', label: 'Housing' },
];

describe('domainProblems', () => {
  it('accepts no answers, and answers each for a different known domain', () => {
    expect(domainProblems([], domains)).toEqual([]);
    expect(domainProblems([{ domain: 'housing' }, { domain: 'loneliness' }], domains)).toEqual([]);
  });

  it('names the answer whose domain the scheme does not have', () => {
    expect(domainProblems([{ domain: 'housing' }, { domain: 'gardening' }], domains)).toEqual([
      { field: 'body.domains.1.domain', message: 'Choose one of the scheme’s need domains' },
    ]);
  });

  it('names the second answer for the same domain, not the first', () => {
    expect(domainProblems([{ domain: 'loneliness' }, { domain: 'housing' }, { domain: 'loneliness' }], domains)).toEqual([
      { field: 'body.domains.2.domain', message: 'This need is already in the assessment: give it once' },
    ]);
  });

  it('reports every problem at once', () => {
    expect(domainProblems([{ domain: 'x' }, { domain: 'x' }], domains).map((p) => p.field)).toEqual(['body.domains.0.domain', 'body.domains.1.domain']);
  });
});
