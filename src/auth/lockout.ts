/**
 * Sign-in throttling as pure rules. Failures are counted per key (the email address, hashed,
 * and separately the caller's address) within a window; past the limit the key is locked for a
 * while. A success clears the email key. The same lock applies whether or not the account
 * exists, so the lock itself reveals nothing.
 */
export interface ThrottleState {
  failures: number;
  windowStartedAt: Date;
  lockedUntil: Date | null;
}

export interface ThrottlePolicy {
  maxFailures: number;
  windowMinutes: number;
  lockMinutes: number;
}

export function lockedFor(state: ThrottleState | undefined, now: Date): number {
  if (!state?.lockedUntil) return 0;
  const ms = state.lockedUntil.getTime() - now.getTime();
  return ms > 0 ? Math.ceil(ms / 1000) : 0;
}

export function afterFailure(state: ThrottleState | undefined, now: Date, policy: ThrottlePolicy): ThrottleState {
  const windowOver =
    !state ||
    now.getTime() - state.windowStartedAt.getTime() >= policy.windowMinutes * 60_000 ||
    (state.lockedUntil !== null && lockedFor(state, now) === 0);
  const failures = windowOver ? 1 : state.failures + 1;
  const windowStartedAt = windowOver ? now : state.windowStartedAt;
  const lockedUntil = failures >= policy.maxFailures ? new Date(now.getTime() + policy.lockMinutes * 60_000) : null;
  return { failures, windowStartedAt, lockedUntil };
}
