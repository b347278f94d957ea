import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../db/connect.js';
import type { DB } from '../db/schema.js';
import { can, type Action, type Resource, type Target } from '../auth/policy.js';
import type { PrincipalRole } from '../auth/roles.js';
import { forbidden, notFound } from '../errors.js';

/** Who is acting. Every read or write of scheme data happens on behalf of one of these. */
export type Actor =
  | {
      type: 'user';
      schemeId: string;
      userId: string;
      label: string;
      role: PrincipalRole;
      membershipId: string;
      organisationId: string;
    }
  | {
      type: 'client';
      schemeId: string;
      apiClientId: string;
      label: string;
      organisationId: string;
      scopes: string[];
    }
  | { type: 'system'; schemeId: string; label: string }
  | { type: 'anonymous'; schemeId: string };

/** Facts about the request that go into the audit trail. */
export interface RequestMeta {
  ip?: string | undefined;
  requestId?: string | undefined;
}

export type AuditAction =
  | 'read'
  | 'create'
  | 'update'
  | 'delete'
  | 'export'
  | 'sign-in'
  | 'sign-in-failed'
  | 'sign-out'
  | 'mfa'
  | 'password-reset'
  | 'token-issued';

export interface AuditEntry {
  action: AuditAction;
  entityType: string;
  entityId?: string | undefined;
  reason?: string | undefined;
  detail?: Record<string, unknown>;
}

export type Tx = Transaction<DB>;

/** One transaction inside one scheme, on behalf of one actor. */
export interface SchemeScope {
  readonly db: Tx;
  readonly schemeId: string;
  readonly actor: Actor;
  /** Appends to the audit trail in this same transaction: the record and the change stand or fall together. */
  audit(entry: AuditEntry): Promise<void>;
  /**
   * Throws unless the actor may take the action. A relationship rule that fails on a known
   * record reads as "not found", so that a caller learns nothing about records it cannot see.
   */
  authorize(resource: Resource, action: Action, target?: Target): void;
}

export function roleOf(actor: Actor): PrincipalRole | undefined {
  switch (actor.type) {
    case 'user':
      return actor.role;
    case 'client':
      return 'api_client';
    case 'system':
    case 'anonymous':
      return undefined;
    default: {
      const unreachable: never = actor;
      return unreachable;
    }
  }
}

function actorColumns(actor: Actor) {
  switch (actor.type) {
    case 'user':
      return { actor_type: 'user' as const, actor_id: actor.userId, actor_label: actor.label, actor_role: actor.role };
    case 'client':
      return { actor_type: 'client' as const, actor_id: actor.apiClientId, actor_label: actor.label, actor_role: 'api_client' };
    case 'system':
      return { actor_type: 'system' as const, actor_id: null, actor_label: actor.label, actor_role: null };
    case 'anonymous':
      return { actor_type: 'anonymous' as const, actor_id: null, actor_label: null, actor_role: null };
    default: {
      const unreachable: never = actor;
      return unreachable;
    }
  }
}

/**
 * The one way into the data. inScheme() opens a transaction, sets linkwell.scheme_id for it
 * (row-level security keys on that setting, so a query that forgets its scheme filter still
 * sees only this scheme), and gives the caller policy checks and the audit writer.
 */
export class DataAccess {
  constructor(readonly database: Database) {}

  get db(): Kysely<DB> {
    return this.database.db;
  }

  async inScheme<T>(actor: Actor, meta: RequestMeta, work: (scope: SchemeScope) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (tx) => {
      await sql`select set_config('linkwell.scheme_id', ${actor.schemeId}, true)`.execute(tx);
      const scope: SchemeScope = {
        db: tx,
        schemeId: actor.schemeId,
        actor,
        audit: (entry) => writeAudit(tx, actor, meta, entry),
        authorize: (resource, action, target) => authorizeActor(actor, resource, action, target),
      };
      return work(scope);
    });
  }

  /** Platform tables (identities, sessions, tokens, jobs): no scheme content lives there. */
  async platform<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(work);
  }
}

async function writeAudit(tx: Tx, actor: Actor, meta: RequestMeta, entry: AuditEntry): Promise<void> {
  await tx
    .insertInto('audit_events')
    .values({
      scheme_id: actor.schemeId,
      ...actorColumns(actor),
      action: entry.action,
      entity_type: entry.entityType,
      entity_id: entry.entityId ?? null,
      ip: meta.ip ?? null,
      request_id: meta.requestId ?? null,
      reason: entry.reason ?? null,
      detail: JSON.stringify(entry.detail ?? {}),
    })
    .execute();
}

function authorizeActor(actor: Actor, resource: Resource, action: Action, target?: Target): void {
  const role = roleOf(actor);
  if (role === undefined) throw forbidden();
  const principal = {
    role,
    userId: actor.type === 'user' ? actor.userId : undefined,
    organisationId: actor.type === 'user' || actor.type === 'client' ? actor.organisationId : undefined,
  };
  if (can(principal, resource, action, target)) return;
  // The role may act on some records of this kind but not this one: say "not found".
  if (target !== undefined && can(principal, resource, action)) throw notFound('The record');
  throw forbidden();
}
