import { randomBytes, randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { apiClient, createApiClientRequest } from '../contracts/admin.js';
import type { SchemeScope } from '../data/access.js';
import { hashSecret, newSecret } from '../auth/tokens.js';
import { notFound, validationError } from '../errors.js';

type ApiClientView = z.infer<typeof apiClient>;

const present = (row: {
  id: string;
  name: string;
  client_id: string;
  organisation_id: string;
  scopes: string[];
  created_at: Date;
  revoked_at: Date | null;
}): ApiClientView => ({
  id: row.id,
  name: row.name,
  clientId: row.client_id,
  organisationId: row.organisation_id,
  scopes: row.scopes,
  createdAt: row.created_at.toISOString(),
  revokedAt: row.revoked_at?.toISOString() ?? null,
});

export async function listApiClients(scope: SchemeScope): Promise<ApiClientView[]> {
  scope.authorize('api_client', 'list');
  const rows = await scope.db.selectFrom('api_clients').selectAll().where('scheme_id', '=', scope.schemeId).orderBy('created_at', 'desc').execute();
  return rows.map(present);
}

/** Creates a client; its secret is returned once and only its hash is kept. */
export async function createApiClient(
  scope: SchemeScope,
  input: z.infer<typeof createApiClientRequest>,
): Promise<ApiClientView & { clientSecret: string }> {
  scope.authorize('api_client', 'create');
  const org = await scope.db
    .selectFrom('organisations')
    .select('id')
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', input.organisationId)
    .executeTakeFirst();
  if (!org) throw validationError([{ field: 'body.organisationId', message: 'Choose an organisation in this scheme' }]);
  const clientSecret = newSecret();
  const row = await scope.db
    .insertInto('api_clients')
    .values({
      scheme_id: scope.schemeId,
      id: randomUUID(),
      organisation_id: input.organisationId,
      name: input.name,
      client_id: `lw_${randomBytes(16).toString('hex')}`,
      secret_hash: hashSecret(clientSecret),
      scopes: input.scopes,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await scope.audit({ action: 'create', entityType: 'api_client', entityId: row.id, detail: { scopes: input.scopes } });
  return { ...present(row), clientSecret };
}

/** Revoking also ends the client's live tokens at once. */
export async function revokeApiClient(scope: SchemeScope, id: string): Promise<void> {
  scope.authorize('api_client', 'delete');
  const row = await scope.db
    .updateTable('api_clients')
    .set({ revoked_at: new Date() })
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .returning('id')
    .executeTakeFirst();
  if (!row) throw notFound('The API client');
  await scope.db.deleteFrom('api_tokens').where('api_client_id', '=', id).execute();
  await scope.audit({ action: 'delete', entityType: 'api_client', entityId: id, detail: { revoked: true } });
}
