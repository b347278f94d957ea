import { can, type Action, type Resource, type Target } from '../auth/policy.js';
import { roleOf, type SchemeScope } from '../data/access.js';

/**
 * Who maintains a listing. The directory is shared by every scheme, so a listing has no scheme
 * organisation of its own: a VCSE provider maintains the listings of the directory organisation
 * that their scheme organisation stands for (organisations.directory_organization_id).
 */

/** The directory organisation the caller's organisation stands for, if any (once per transaction). */
const linkedPerTransaction = new WeakMap<SchemeScope['db'], Promise<string | null>>();

export function callerDirectoryOrganization(scope: SchemeScope): Promise<string | null> {
  let linked = linkedPerTransaction.get(scope.db);
  if (!linked) {
    linked = readLinked(scope);
    linkedPerTransaction.set(scope.db, linked);
  }
  return linked;
}

async function readLinked(scope: SchemeScope): Promise<string | null> {
  const actor = scope.actor;
  if (actor.type !== 'user' && actor.type !== 'client') return null;
  const row = await scope.db
    .selectFrom('organisations')
    .select('directory_organization_id')
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', actor.organisationId)
    .executeTakeFirst();
  return row?.directory_organization_id ?? null;
}

/**
 * The policy target for a listing of `directoryOrganizationId`: the caller's own organisation
 * when theirs stands for it, otherwise a value no caller's organisation id can equal, so that an
 * 'own_organisation' rule fails and the listing reads as not found.
 */
export async function listingTarget(scope: SchemeScope, directoryOrganizationId: string): Promise<Target> {
  const actor = scope.actor;
  const linked = await callerDirectoryOrganization(scope);
  if ((actor.type === 'user' || actor.type === 'client') && linked === directoryOrganizationId) {
    return { organisationId: actor.organisationId };
  }
  return { organisationId: `directory:${directoryOrganizationId}` };
}

/** Whether the caller may take an action, without throwing: for the permissions a page shows. */
export function may(scope: SchemeScope, resource: Resource, action: Action, target?: Target): boolean {
  const actor = scope.actor;
  const role = roleOf(actor);
  if (role === undefined) return false;
  const principal = {
    role,
    userId: actor.type === 'user' ? actor.userId : undefined,
    organisationId: actor.type === 'user' || actor.type === 'client' ? actor.organisationId : undefined,
  };
  return can(principal, resource, action, target);
}

/** What goes into a listing's history as "changed by". */
export function changedBy(scope: SchemeScope): { userId: string | null; label: string } {
  const actor = scope.actor;
  switch (actor.type) {
    case 'user':
      return { userId: actor.userId, label: actor.label };
    case 'client':
      return { userId: null, label: actor.label };
    case 'system':
      return { userId: null, label: actor.label };
    case 'anonymous':
      return { userId: null, label: 'Anonymous' };
    default: {
      const unreachable: never = actor;
      return unreachable;
    }
  }
}
