import { randomBytes, randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { DataAccess, SchemeScope } from '../data/access.js';
import type { OrganisationKind } from '../db/schema.js';
import { hashPassword } from '../auth/passwords.js';
import type { Role } from '../auth/roles.js';
import { hashSecret, newSecret } from '../auth/tokens.js';
import { AppError } from '../errors.js';

/**
 * Creating tenants, organisations, accounts and integration clients: used by the CLI and the
 * demo seed. Each write is audited as the system actor in the scheme it touches.
 */
const systemActor = (schemeId: string, label: string) => ({ type: 'system' as const, schemeId, label });

export async function createScheme(data: DataAccess, input: { slug: string; name: string; requireMfa?: boolean }, label = 'cli'): Promise<string> {
  const id = randomUUID();
  await data.inScheme(systemActor(id, label), {}, async (scope) => {
    await scope.db.insertInto('schemes').values({ id, slug: input.slug, name: input.name, require_mfa: input.requireMfa ?? false }).execute();
    await scope.audit({ action: 'create', entityType: 'scheme', entityId: id });
  });
  return id;
}

export async function findSchemeBySlug(data: DataAccess, slug: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`select id from linkwell_scheme_directory() where slug = ${slug}`.execute(data.db);
  const id = rows[0]?.id;
  if (!id) throw new AppError('not-found', `There is no scheme "${slug}".`);
  return id;
}

export async function addOrganisation(
  scope: SchemeScope,
  input: { kind: OrganisationKind; name: string; odsCode?: string; parentId?: string },
): Promise<string> {
  const id = randomUUID();
  await scope.db
    .insertInto('organisations')
    .values({ scheme_id: scope.schemeId, id, kind: input.kind, name: input.name, ods_code: input.odsCode ?? null, parent_id: input.parentId ?? null })
    .execute();
  await scope.audit({ action: 'create', entityType: 'organisation', entityId: id });
  return id;
}

/** Creates the account if the email is new, then gives it the role in the scheme. */
export async function addMember(
  data: DataAccess,
  schemeId: string,
  input: { email: string; displayName: string; password: string; role: Role; organisationId: string },
  label = 'cli',
): Promise<{ userId: string; membershipId: string }> {
  const passwordHash = await hashPassword(input.password);
  const userId = await data.platform(async (tx) => {
    const existing = await tx
      .selectFrom('users')
      .select('id')
      .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.toLowerCase()))
      .executeTakeFirst();
    if (existing) return existing.id;
    const id = randomUUID();
    await tx
      .insertInto('users')
      .values({ id, email: input.email, display_name: input.displayName, password_hash: passwordHash, password_changed_at: new Date() })
      .execute();
    return id;
  });
  const membershipId = randomUUID();
  await data.inScheme(systemActor(schemeId, label), {}, async (scope) => {
    await scope.db
      .insertInto('memberships')
      .values({ scheme_id: schemeId, id: membershipId, user_id: userId, organisation_id: input.organisationId, role: input.role })
      .execute();
    await scope.audit({ action: 'create', entityType: 'membership', entityId: membershipId, detail: { role: input.role } });
  });
  return { userId, membershipId };
}

export async function addApiClient(
  data: DataAccess,
  schemeId: string,
  input: { name: string; organisationId: string; scopes: string[] },
  label = 'cli',
): Promise<{ clientId: string; clientSecret: string }> {
  const clientId = `lw_${randomBytes(16).toString('hex')}`;
  const clientSecret = newSecret();
  await data.inScheme(systemActor(schemeId, label), {}, async (scope) => {
    const id = randomUUID();
    await scope.db
      .insertInto('api_clients')
      .values({ scheme_id: schemeId, id, organisation_id: input.organisationId, name: input.name, client_id: clientId, secret_hash: hashSecret(clientSecret), scopes: input.scopes })
      .execute();
    await scope.audit({ action: 'create', entityType: 'api_client', entityId: id });
  });
  return { clientId, clientSecret };
}
