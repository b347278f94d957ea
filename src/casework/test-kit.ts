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
  const detail = await referredCase(t, { referrer, manager }, referralBody({ person: options.person ?? {}, consent }), options.unallocated ? null : workerUser.userId);
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

/**
 * A referral sent by `referrer` with this body and, unless `linkWorkerId` is null, allocated to
 * that link worker by `manager`, as the referral pages do; fails the test when either is refused.
 */
export async function referredCase(
  t: TestApp,
  as: { referrer: SignedIn; manager: SignedIn },
  body: Record<string, unknown>,
  linkWorkerId: string | null,
): Promise<ReferralDetail> {
  const made = await t.app.inject({ method: 'POST', url: '/api/referrals', headers: as.referrer.headers, payload: body });
  if (made.statusCode !== 201) throw new Error(`referral failed: ${made.statusCode} ${made.body}`);
  const detail = made.json<ReferralDetail>();
  if (linkWorkerId !== null) {
    const allocated = await t.app.inject({
      method: 'POST',
      url: `/api/referrals/${detail.id}/events`,
      headers: as.manager.headers,
      payload: { type: 'allocate', linkWorkerId },
    });
    if (allocated.statusCode !== 200) throw new Error(`allocation failed: ${allocated.statusCode} ${allocated.body}`);
  }
  return detail;
}

/** Runs `work` as the system inside the scheme: for reading tables a test checks directly. */
export function asSystem<T>(t: TestApp, schemeId: string, work: (scope: SchemeScope) => Promise<T>): Promise<T> {
  return t.ctx.data.inScheme({ type: 'system', schemeId, label: 'test' }, {}, work);
}

/** The If-Match header for a version. */
export const ifMatch = (version: number): { 'if-match': string } => ({ 'if-match': `W/"${version}"` });

/** The code of a problem answer: the last part of its type URI. */
export function problemCode(res: { body: string }): string | undefined {
  const problem = JSON.parse(res.body) as { type?: unknown };
  return typeof problem.type === 'string' ? problem.type.split('/').pop() : undefined;
}

/** The audit actions recorded against one entity, oldest first. */
export function auditActions(t: TestApp, cw: CaseworkScheme, entityType: string, entityId: string): Promise<string[]> {
  return asSystem(t, cw.scheme.schemeId, async (scope) =>
    (
      await scope.db
        .selectFrom('audit_events')
        .select('action')
        .where('scheme_id', '=', scope.schemeId)
        .where('entity_type', '=', entityType)
        .where('entity_id', '=', entityId)
        .orderBy('id')
        .execute()
    ).map((row) => row.action),
  );
}
