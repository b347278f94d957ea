import type { ReferralDetail } from '../contracts/referrals.js';
import type { SchemeScope } from '../data/access.js';
import { createTestDirectoryOrganization, createTestDirectoryService, linkSchemeOrganisation } from '../directory/test-fixtures.js';
import { createTestScheme, createTestUser, signInAs, type SignedIn, type TestApp, type TestScheme } from '../testing/app.js';
import { referralBody } from '../testing/referrals.js';

/**
 * Factories for casework integration tests: a scheme of its own with a link worker, a manager,
 * a referrer and a safeguarding lead; a referred person whose referral is allocated (a case);
 * and a directory service run by a VCSE organisation whose provider user stands for it.
 */

export interface CaseworkScheme {
  scheme: TestScheme;
  worker: SignedIn;
  workerId: string;
  manager: SignedIn;
  managerId: string;
  referrer: SignedIn;
  safeguarding: SignedIn;
  /** A VCSE provider of the organisation that runs `serviceId`. */
  provider: SignedIn;
  providerId: string;
  /** A VCSE provider of another organisation: must see none of this scheme's onward referrals. */
  otherProvider: SignedIn;
  directoryOrganizationId: string;
  serviceId: string;
  personId: string;
  referralId: string;
}

export interface CaseworkSchemeOptions {
  person?: Record<string, unknown>;
  /** The referral consent's scopes; the default includes sharing with partners. */
  consentScopes?: string[];
  /** Leave the referral in triage instead of allocating it. */
  unallocated?: boolean;
}

export async function caseworkScheme(t: TestApp, options: CaseworkSchemeOptions = {}): Promise<CaseworkScheme> {
  const data = t.ctx.data;
  const scheme = await createTestScheme(data);
  const workerUser = await createTestUser(data, scheme, 'link_worker');
  const managerUser = await createTestUser(data, scheme, 'scheme_manager');
  const providerUser = await createTestUser(data, scheme, 'vcse_provider');
  const directoryOrganizationId = await createTestDirectoryOrganization(data, { name: 'Test walking group' });
  await linkSchemeOrganisation(data, scheme.schemeId, scheme.organisations.vcse, directoryOrganizationId);
  const serviceId = await createTestDirectoryService(data, directoryOrganizationId, { name: 'Test Tuesday walk' });
  const otherOrganisation = await data.inScheme({ type: 'system', schemeId: scheme.schemeId, label: 'test' }, {}, (scope) =>
    scope.db
      .insertInto('organisations')
      .values({ scheme_id: scheme.schemeId, id: crypto.randomUUID(), kind: 'vcse', name: 'Another group' })
      .returning('id')
      .executeTakeFirstOrThrow(),
  );
  const otherUser = await createTestUser(data, scheme, 'vcse_provider', { organisationId: otherOrganisation.id });
  const [worker, manager, referrer, safeguarding, provider, otherProvider] = await Promise.all([
    signInAs(t.app, workerUser),
    signInAs(t.app, managerUser),
    signInAs(t.app, await createTestUser(data, scheme, 'referrer')),
    signInAs(t.app, await createTestUser(data, scheme, 'safeguarding_lead')),
    signInAs(t.app, providerUser),
    signInAs(t.app, otherUser),
  ]);
  const consent = { scopes: options.consentScopes ?? ['referral', 'contact', 'share-with-partners'] };
  const made = await t.app.inject({ method: 'POST', url: '/api/referrals', headers: referrer.headers, payload: referralBody({ person: options.person ?? {}, consent }) });
  if (made.statusCode !== 201) throw new Error(`referral failed: ${made.statusCode} ${made.body}`);
  const detail = made.json<ReferralDetail>();
  if (!options.unallocated) {
    const allocated = await t.app.inject({
      method: 'POST',
      url: `/api/referrals/${detail.id}/events`,
      headers: manager.headers,
      payload: { type: 'allocate', linkWorkerId: workerUser.userId },
    });
    if (allocated.statusCode !== 200) throw new Error(`allocation failed: ${allocated.statusCode} ${allocated.body}`);
  }
  return {
    scheme,
    worker,
    workerId: workerUser.userId,
    manager,
    managerId: managerUser.userId,
    referrer,
    safeguarding,
    provider,
    providerId: providerUser.userId,
    otherProvider,
    directoryOrganizationId,
    serviceId,
    personId: detail.person.id,
    referralId: detail.id,
  };
}

/** Runs `work` as the system inside the scheme: for reading tables a test checks directly. */
export function asSystem<T>(t: TestApp, schemeId: string, work: (scope: SchemeScope) => Promise<T>): Promise<T> {
  return t.ctx.data.inScheme({ type: 'system', schemeId, label: 'test' }, {}, work);
}

/** The If-Match header for a version. */
export const ifMatch = (version: number): { 'if-match': string } => ({ 'if-match': `W/"${version}"` });
