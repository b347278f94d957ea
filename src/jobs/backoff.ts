/**
 * How long a failed job waits before its next attempt: 5 s × 2^attempt, capped at an hour.
 * A provider outage fails many jobs in the same second; an optional seed (the job id) spreads
 * their retries over up to a fifth more delay, deterministically so that tests can predict it.
 */
export const BACKOFF_BASE_SECONDS = 5;
export const BACKOFF_CAP_SECONDS = 3600;
const JITTER_FRACTION = 0.2;

export function backoffSeconds(attempt: number, seed?: string): number {
  // 2^30 × 5 s is far past the cap already; stop there so the power never overflows.
  const n = Number.isNaN(attempt) ? 1 : Math.max(1, Math.floor(Math.min(attempt, 30)));
  const raw = BACKOFF_BASE_SECONDS * 2 ** n;
  const base = Math.min(raw, BACKOFF_CAP_SECONDS);
  if (seed === undefined) return base;
  const jitter = Math.floor(base * JITTER_FRACTION * unitHash(seed));
  return Math.min(base + jitter, BACKOFF_CAP_SECONDS);
}

/** FNV-1a of the seed, mapped into [0, 1). */
function unitHash(seed: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < seed.length; i += 1) {
    hash ^= seed.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash / 0x100000000;
}
