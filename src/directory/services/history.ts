import type { ChangeList } from '../../contracts/directory.js';
import type { SchemeScope } from '../../data/access.js';
import { notFound } from '../../errors.js';

/** A listing's history, newest first: who changed what, from what, to what. */

function isFieldChange(value: unknown): value is { from: unknown; to: unknown } {
  return typeof value === 'object' && value !== null && 'from' in value && 'to' in value;
}

/** Stored as { field: { from, to } }; anything else a writer stored is shown as a new value. */
function changesOf(stored: Record<string, unknown>): ChangeList[number]['changes'] {
  return Object.entries(stored).map(([field, value]) =>
    isFieldChange(value) ? { field, from: value.from ?? null, to: value.to ?? null } : { field, from: null, to: value ?? null },
  );
}

export async function listChanges(scope: SchemeScope, entityType: 'service' | 'organization', id: string): Promise<ChangeList> {
  scope.authorize(entityType === 'service' ? 'directory_service' : 'directory_organization', 'read');
  const table = entityType === 'service' ? 'directory_services' : 'directory_organizations';
  const exists = await scope.db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
  if (!exists) throw notFound(entityType === 'service' ? 'The service' : 'The organisation');
  const rows = await scope.db
    .selectFrom('directory_changes')
    .select(['version', 'kind', 'changed_at', 'changed_by_label', 'changes', 'note'])
    .where('entity_type', '=', entityType)
    .where('entity_id', '=', id)
    .orderBy('id', 'desc')
    .limit(500)
    .execute();
  return rows.map((r) => ({
    version: r.version,
    kind: r.kind,
    changedAt: r.changed_at.toISOString(),
    changedBy: r.changed_by_label,
    changes: changesOf(r.changes),
    note: r.note,
  }));
}
