import type { Kysely } from 'kysely';
import type { DB } from '../../db/schema.js';

/** A field's value before and after a change. */
export interface FieldChange {
  from: unknown;
  to: unknown;
}

export type ChangeKind = 'create' | 'update' | 'verify' | 'status' | 'import';

/** Comparable form of a value: dates as ISO strings, numeric strings as numbers, arrays and objects by content. */
function comparable(value: unknown): unknown {
  if (value instanceof Date) return value.toISOString();
  if (value === undefined) return null;
  return value;
}

function same(a: unknown, b: unknown): boolean {
  const x = comparable(a);
  const y = comparable(b);
  if (x === y) return true;
  if (typeof x === 'number' || typeof y === 'number') return Number(x) === Number(y) && x !== null && y !== null;
  if (typeof x === 'object' && typeof y === 'object' && x !== null && y !== null) return JSON.stringify(x) === JSON.stringify(y);
  return false;
}

/**
 * The fields of `after` whose value differs from `before` (only the keys `after` names).
 * Pure, so that "re-import changes nothing" is decided the same way everywhere.
 */
export function diffFields(before: Record<string, unknown> | null, after: Record<string, unknown>): Record<string, FieldChange> {
  const changes: Record<string, FieldChange> = {};
  for (const [key, to] of Object.entries(after)) {
    const from = before === null ? null : before[key];
    if (!same(from, to)) changes[key] = { from: comparable(from), to: comparable(to) };
  }
  return changes;
}

/** Appends one entry to a listing's history, in the caller's transaction. */
export async function recordChange(
  db: Kysely<DB>,
  entry: {
    entityType: 'organization' | 'service';
    entityId: string;
    version: number;
    kind: ChangeKind;
    changedBy: string | null;
    changedByLabel: string;
    changes: Record<string, FieldChange> | Record<string, unknown>;
    note?: string | null;
  },
): Promise<void> {
  await db
    .insertInto('directory_changes')
    .values({
      entity_type: entry.entityType,
      entity_id: entry.entityId,
      version: entry.version,
      kind: entry.kind,
      changed_by: entry.changedBy,
      changed_by_label: entry.changedByLabel,
      changes: JSON.stringify(entry.changes),
      note: entry.note ?? null,
    })
    .execute();
}
