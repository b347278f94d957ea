/**
 * The name a provider ticks against on a register: from the snapshot it was sent with the
 * referral, never from the person's record. Pure.
 */
export function snapshotName(shared: Record<string, unknown>): string {
  const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value.trim() : null);
  const name = text(shared.name);
  const preferred = text(shared.preferredName);
  if (name !== null && preferred !== null && preferred !== name) return `${name} (${preferred})`;
  return name ?? preferred ?? 'Name not shared';
}
