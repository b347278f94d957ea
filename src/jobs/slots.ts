/**
 * Time slots of a recurring job. Every instance computes the same slot for the same moment
 * (the clock is the database's), and the slot names the job's singleton key, so however many
 * instances tick, each slot becomes one job.
 */
export function slotStart(now: Date, everySeconds: number): Date {
  const periodMs = Math.max(1, Math.floor(everySeconds)) * 1000;
  return new Date(Math.floor(now.getTime() / periodMs) * periodMs);
}

export function scheduleKey(name: string, slot: Date): string {
  return `schedule:${name}:${slot.toISOString()}`;
}
