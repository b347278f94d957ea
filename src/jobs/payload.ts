/**
 * Job payloads are stored in a platform table without row-level security and stay there for a
 * week after the job completes, so they carry ids and small flags only, never a person's
 * details. This check catches the obvious mistakes (an object, an address, a message body)
 * at enqueue time, in the code that made them.
 */
const MAX_STRING = 200;

function checkFlat(key: string, value: unknown): void {
  if (value === null || typeof value === 'number' || typeof value === 'boolean') return;
  if (typeof value === 'string') {
    if (value.length > MAX_STRING || value.includes('@') || /\s/.test(value)) {
      throw new TypeError(`Job payload field "${key}" must be an id, not free text`);
    }
    return;
  }
  throw new TypeError(`Job payload field "${key}" must be a string, number, boolean or null`);
}

export function assertIdsOnly(payload: Record<string, unknown>): void {
  for (const [key, value] of Object.entries(payload)) {
    if (Array.isArray(value)) {
      for (const item of value as unknown[]) checkFlat(key, item);
    } else {
      checkFlat(key, value);
    }
  }
}

