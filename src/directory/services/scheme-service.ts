import type { SchemeScope } from '../../data/access.js';
import { notFound } from '../../errors.js';

/** What this scheme keeps about a shared listing: its note, its preference, whether it lists it publicly. */

async function requireService(scope: SchemeScope, serviceId: string): Promise<void> {
  const row = await scope.db.selectFrom('directory_services').select('id').where('id', '=', serviceId).executeTakeFirst();
  if (!row) throw notFound('The service');
}

type SchemeServiceChange = { note: string | null; preferred: boolean } | { public: boolean };

async function upsert(scope: SchemeScope, serviceId: string, change: SchemeServiceChange): Promise<void> {
  const updatedBy = scope.actor.type === 'user' ? scope.actor.userId : null;
  const values = { ...change, updated_by: updatedBy, updated_at: new Date() };
  await scope.db
    .insertInto('directory_scheme_services')
    .values({ scheme_id: scope.schemeId, service_id: serviceId, ...values })
    .onConflict((oc) => oc.columns(['scheme_id', 'service_id']).doUpdateSet(values))
    .execute();
}

export async function setSchemeNote(scope: SchemeScope, serviceId: string, change: { note: string | null; preferred: boolean }): Promise<void> {
  scope.authorize('directory_note', 'update');
  await requireService(scope, serviceId);
  const note = change.note === null || change.note.trim() === '' ? null : change.note;
  await upsert(scope, serviceId, { note, preferred: change.preferred });
  await scope.audit({ action: 'update', entityType: 'directory_note', entityId: serviceId, detail: { preferred: change.preferred, hasNote: note !== null } });
}

export async function setPublic(scope: SchemeScope, serviceId: string, isPublic: boolean): Promise<void> {
  scope.authorize('directory_service', 'publish');
  await requireService(scope, serviceId);
  await upsert(scope, serviceId, { public: isPublic });
  await scope.audit({ action: 'update', entityType: 'directory_service', entityId: serviceId, reason: isPublic ? 'listed publicly' : 'withdrawn from the public list' });
}
