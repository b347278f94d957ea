import { sql } from 'kysely';
import type { SchemeScope } from '../../data/access.js';
import { notFound } from '../../errors.js';
import { changedBy } from '../access.js';
import { recordChange } from '../store/changes.js';

/**
 * A link worker or manager confirms a listing is still right. The content is unchanged, so
 * last_modified stays; the version moves on, because what the page shows (the stale flag) did.
 */
export async function verifyService(scope: SchemeScope, serviceId: string, note: string | undefined): Promise<void> {
  scope.authorize('directory_service', 'verify');
  const who = changedBy(scope);
  const before = await scope.db
    .selectFrom('directory_services')
    .select(['verified_at', 'verified_by_name'])
    .where('id', '=', serviceId)
    .forUpdate()
    .executeTakeFirst();
  if (!before) throw notFound('The service');
  const now = new Date();
  const updated = await scope.db
    .updateTable('directory_services')
    .set({ verified_at: now, verified_by: who.userId, verified_by_name: who.label, version: sql<number>`version + 1`, updated_at: now })
    .where('id', '=', serviceId)
    .returning('version')
    .executeTakeFirstOrThrow();
  await recordChange(scope.db, {
    entityType: 'service',
    entityId: serviceId,
    version: updated.version,
    kind: 'verify',
    changedBy: who.userId,
    changedByLabel: who.label,
    changes: { verified_at: { from: before.verified_at?.toISOString() ?? null, to: now.toISOString() }, verified_by_name: { from: before.verified_by_name, to: who.label } },
    note: note ?? null,
  });
  await scope.audit({ action: 'update', entityType: 'directory_service', entityId: serviceId, reason: 'verified' });
}
