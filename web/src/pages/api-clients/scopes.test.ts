import { describe, expect, it } from 'vitest';
import { SCOPES, scopeLabel } from './scopes.js';

describe('scopes', () => {
  it('lists the scopes the API accepts', () => {
    expect([...SCOPES].sort()).toEqual(['directory.read', 'referrals.read', 'referrals.write']);
  });
  it('describes known scopes and shows unknown ones as they are', () => {
    expect(scopeLabel('referrals.write')).toBe('Send referrals (referrals.write)');
    expect(scopeLabel('fhir.admin')).toBe('fhir.admin');
  });
});
