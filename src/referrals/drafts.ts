import { randomUUID } from 'node:crypto';
import type { SchemeScope } from '../data/access.js';
import { forbidden, notFound } from '../errors.js';

/**
 * A referral form saved part-way. Only its author can see it; it may hold personal data, so it
 * lives in the scheme under row-level security and every read and write is audited.
 */

function authorOf(scope: SchemeScope): string {
  if (scope.actor.type !== 'user') throw forbidden('Drafts belong to people, not integrations.');
  scope.authorize('referral', 'create');
  return scope.actor.userId;
}

export interface DraftView {
  id: string;
  data: Record<string, unknown>;
  updatedAt: string;
}

const present = (row: { id: string; data: Record<string, unknown>; updated_at: Date | string }): DraftView => ({
  id: row.id,
  data: row.data,
  updatedAt: new Date(row.updated_at).toISOString(),
});

export async function saveDraft(scope: SchemeScope, id: string | null, data: Record<string, unknown>): Promise<DraftView> {
  const author = authorOf(scope);
  const now = new Date();
  if (id === null) {
    const row = await scope.db
      .insertInto('referral_drafts')
      .values({ scheme_id: scope.schemeId, id: randomUUID(), author_user_id: author, data: JSON.stringify(data), updated_at: now })
      .returning(['id', 'data', 'updated_at'])
      .executeTakeFirstOrThrow();
    await scope.audit({ action: 'create', entityType: 'referral_draft', entityId: row.id });
    return present(row);
  }
  const row = await scope.db
    .updateTable('referral_drafts')
    .set({ data: JSON.stringify(data), updated_at: now })
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', id)
    .where('author_user_id', '=', author)
    .returning(['id', 'data', 'updated_at'])
    .executeTakeFirst();
  if (!row) throw notFound('The draft');
  await scope.audit({ action: 'update', entityType: 'referral_draft', entityId: id });
  return present(row);
}

export async function getDraft(scope: SchemeScope, id: string): Promise<DraftView> {
  const author = authorOf(scope);
  const row = await scope.db
    .selectFrom('referral_drafts')
    .select(['id', 'data', 'updated_at'])
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', id)
    .where('author_user_id', '=', author)
    .executeTakeFirst();
  if (!row) throw notFound('The draft');
  await scope.audit({ action: 'read', entityType: 'referral_draft', entityId: id });
  return present(row);
}

/** The author's drafts, labelled by the name typed so far (shown only to them). */
export async function listDrafts(scope: SchemeScope): Promise<{ id: string; label: string; updatedAt: string }[]> {
  const author = authorOf(scope);
  const rows = await scope.db
    .selectFrom('referral_drafts')
    .select(['id', 'data', 'updated_at'])
    .where('scheme_id', '=', scope.schemeId)
    .where('author_user_id', '=', author)
    .orderBy('updated_at', 'desc')
    .limit(50)
    .execute();
  await scope.audit({ action: 'read', entityType: 'referral_draft', detail: { list: true, count: rows.length } });
  return rows.map((row) => {
    const person = (row.data as { person?: { givenName?: unknown; familyName?: unknown } }).person;
    const name = [person?.givenName, person?.familyName].filter((v): v is string => typeof v === 'string' && v.trim() !== '').join(' ');
    return { id: row.id, label: name || 'Unnamed draft', updatedAt: new Date(row.updated_at).toISOString() };
  });
}

export async function deleteDraft(scope: SchemeScope, id: string): Promise<void> {
  const author = authorOf(scope);
  const deleted = await scope.db
    .deleteFrom('referral_drafts')
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', id)
    .where('author_user_id', '=', author)
    .returning('id')
    .executeTakeFirst();
  if (!deleted) throw notFound('The draft');
  await scope.audit({ action: 'delete', entityType: 'referral_draft', entityId: id });
}

/** Submitting the form completes its draft; a draft already gone is not an error then. */
export async function deleteDraftAfterSubmit(scope: SchemeScope, id: string): Promise<void> {
  if (scope.actor.type !== 'user') return;
  await scope.db
    .deleteFrom('referral_drafts')
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', id)
    .where('author_user_id', '=', scope.actor.userId)
    .execute();
}
