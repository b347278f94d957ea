import { randomUUID } from 'node:crypto';
import type { DataAccess } from '../data/access.js';
import { saveOrganization, saveService, type ServiceGraphInput } from './store/write.js';

/** Factories for directory tests: an organisation and a service, written through the real writer. */

export async function createTestDirectoryOrganization(data: DataAccess, overrides: { name?: string; insuranceExpiresOn?: string | null } = {}): Promise<string> {
  const id = randomUUID();
  await data.platform((tx) =>
    saveOrganization(
      tx,
      { organization: { id, name: overrides.name ?? `Test group ${id.slice(0, 8)}`, insurance_expires_on: overrides.insuranceExpiresOn ?? null } },
      { userId: null, label: 'test' },
      { kind: 'create' },
    ),
  );
  return id;
}

export async function createTestDirectoryService(
  data: DataAccess,
  organizationId: string,
  overrides: Partial<ServiceGraphInput['service']> & Omit<ServiceGraphInput, 'service'> = {},
): Promise<string> {
  const id = randomUUID();
  const { schedules, costOptions, serviceAtLocations, attributes, languages, ...service } = overrides;
  await data.platform((tx) =>
    saveService(
      tx,
      {
        service: { id, organization_id: organizationId, name: `Test service ${id.slice(0, 8)}`, status: 'active', ...service },
        ...(schedules ? { schedules } : {}),
        ...(costOptions ? { costOptions } : {}),
        ...(serviceAtLocations ? { serviceAtLocations } : {}),
        ...(attributes ? { attributes } : {}),
        ...(languages ? { languages } : {}),
      },
      { userId: null, label: 'test' },
      { kind: 'create' },
    ),
  );
  return id;
}

/** Makes a scheme organisation stand for a directory organisation (its VCSE members then maintain it). */
export async function linkSchemeOrganisation(data: DataAccess, schemeId: string, organisationId: string, directoryOrganizationId: string): Promise<void> {
  await data.inScheme({ type: 'system', schemeId, label: 'test' }, {}, (scope) =>
    scope.db.updateTable('organisations').set({ directory_organization_id: directoryOrganizationId }).where('id', '=', organisationId).execute(),
  );
}
