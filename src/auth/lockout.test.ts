import { describe, expect, it } from 'vitest';
import { afterFailure, lockedFor, type ThrottleState } from './lockout.js';

const policy = { maxFailures: 3, windowMinutes: 15, lockMinutes: 10 };
const t0 = new Date('2026-11-21T10:00:00Z');
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

describe('sign-in lockout', () => {
  it('is not locked with no history', () => {
    expect(lockedFor(undefined, t0)).toBe(0);
  });

  it('counts failures and locks at the limit for the lock period', () => {
    let state: ThrottleState | undefined;
    state = afterFailure(state, t0, policy);
    expect(state).toEqual({ failures: 1, windowStartedAt: t0, lockedUntil: null });
    state = afterFailure(state, at(1), policy);
    expect(lockedFor(state, at(1))).toBe(0);
    state = afterFailure(state, at(2), policy);
    expect(state.lockedUntil).toEqual(at(12));
    expect(lockedFor(state, at(2))).toBe(600);
    expect(lockedFor(state, at(11.5))).toBe(30);
    expect(lockedFor(state, at(12))).toBe(0);
  });

  it('starts a new window when the old one has passed', () => {
    const state = afterFailure(afterFailure(undefined, t0, policy), at(1), policy);
    expect(afterFailure(state, at(16), policy)).toEqual({ failures: 1, windowStartedAt: at(16), lockedUntil: null });
  });

  it('starts counting afresh once a lock has expired', () => {
    let state = afterFailure(undefined, t0, policy);
    state = afterFailure(state, at(1), policy);
    state = afterFailure(state, at(2), policy);
    const next = afterFailure(state, at(13), policy);
    expect(next).toEqual({ failures: 1, windowStartedAt: at(13), lockedUntil: null });
  });

  it('a failure during a lock extends it', () => {
    let state = afterFailure(undefined, t0, policy);
    state = afterFailure(state, at(1), policy);
    state = afterFailure(state, at(2), policy);
    const next = afterFailure(state, at(5), policy);
    expect(next.failures).toBe(4);
    expect(next.lockedUntil).toEqual(at(15));
  });
});
