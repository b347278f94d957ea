import { randomUUID } from 'node:crypto';
import type { Concern, ConcernInput } from '../../contracts/onward.js';
import { publicUrl, type Config } from '../../config/index.js';
import { roleOf, type SchemeScope } from '../../data/access.js';
import { listingTarget } from '../../directory/access.js';
import { notFound } from '../../errors.js';
import type { JobQueue } from '../../jobs/queue.js';
import { queueNotification } from '../../notifications/outbox.js';
import { raiseAlert } from '../alerts/raise.js';
import { actorName, actorUserId, loadCase } from '../case-row.js';
import { MINUTE_MS } from '../domain/dates.js';
import { providerMaySee } from '../domain/provider-access.js';
import { loadCaseworkSettings } from '../settings.js';

/**
 * "Raise a concern": a provider (or a caseworker) worried about someone they were referred.
 * It reaches the case's link worker and every safeguarding lead of the scheme at once, by an
 * alert on the caseload and by email. The email only says where to look: it names nobody and
 * does not quote the concern, because email leaves the system.
 */

export interface ConcernDeps {
  jobs: JobQueue;
  config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>;
}

type ConcernRow = {
  id: string;
  onward_referral_id: string;
  referral_id: string;
  urgency: Concern['urgency'];
  concern: string;
  raised_by_label: string;
  raised_by_organisation: string | null;
  raised_at: Date;
};

function present(row: ConcernRow): Concern {
  return {
    id: row.id,
    onwardReferralId: row.onward_referral_id,
    referralId: row.referral_id,
    urgency: row.urgency,
    concern: row.concern,
    raisedBy: row.raised_by_label,
    raisedByOrganisation: row.raised_by_organisation,
    raisedAt: row.raised_at.toISOString(),
  };
}

/** Who raised it, as the link worker knows them: the provider organisation, or the caller's own. */
async function raisingOrganisation(scope: SchemeScope, isProvider: boolean, directoryOrganizationId: string): Promise<string | null> {
  if (isProvider) {
    const org = await scope.db.selectFrom('directory_organizations').select('name').where('id', '=', directoryOrganizationId).executeTakeFirst();
    return org?.name ?? null;
  }
  const actor = scope.actor;
  if (actor.type !== 'user' && actor.type !== 'client') return null;
  const own = await scope.db
    .selectFrom('organisations')
    .select('name')
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', actor.organisationId)
    .executeTakeFirst();
  return own?.name ?? null;
}

/** The case's link worker and the scheme's safeguarding leads, each address once. */
async function recipients(scope: SchemeScope, linkWorkerId: string | null): Promise<string[]> {
  const leads = await scope.db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.email')
    .where('m.scheme_id', '=', scope.schemeId)
    .where('m.role', '=', 'safeguarding_lead')
    .where('u.status', '=', 'active')
    .orderBy('u.email')
    .execute();
  const worker = linkWorkerId
    ? await scope.db.selectFrom('users').select('email').where('id', '=', linkWorkerId).where('status', '=', 'active').executeTakeFirst()
    : undefined;
  const all = [...(worker ? [worker.email] : []), ...leads.map((l) => l.email)];
  const seen = new Set<string>();
  return all.filter((email) => {
    const key = email.trim().toLowerCase();
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** A concern as raised, and whether it was one already raised that a second submit of the form found again. */
export interface RaisedConcern {
  concern: Concern;
  replayed: boolean;
}

/** How far back a second submit of the same concern counts as the same one. */
export const CONCERN_REPLAY_WINDOW_MINUTES = 10;

/**
 * The same concern from the same person about the same referral, raised within the window: a
 * double click or a retry after a slow network, not a second worry. Matched word for word, so a
 * concern written again differently is a new one. The caller holds the onward referral's row lock.
 */
async function sameConcernJustRaised(scope: SchemeScope, onward: { id: string; referral_id: string }, input: ConcernInput, now: Date): Promise<ConcernRow | undefined> {
  const userId = actorUserId(scope);
  let query = scope.db
    .selectFrom('provider_concerns')
    .select(['id', 'onward_referral_id', 'referral_id', 'urgency', 'concern', 'raised_by_label', 'raised_by_organisation', 'raised_at'])
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', onward.referral_id)
    .where('onward_referral_id', '=', onward.id)
    .where('urgency', '=', input.urgency)
    .where('concern', '=', input.concern)
    .where('raised_at', '>=', new Date(now.getTime() - CONCERN_REPLAY_WINDOW_MINUTES * MINUTE_MS));
  query = userId === null ? query.where('raised_by', 'is', null).where('raised_by_label', '=', actorName(scope)) : query.where('raised_by', '=', userId);
  return query.orderBy('raised_at', 'desc').orderBy('id').executeTakeFirst();
}

export async function raiseConcern(scope: SchemeScope, deps: ConcernDeps, onwardReferralId: string, input: ConcernInput, now: Date = new Date()): Promise<RaisedConcern> {
  scope.authorize('concern', 'create');
  // The lock comes first so that two submits of one form queue here and the second finds the first.
  const onward = await scope.db
    .selectFrom('onward_referrals as o')
    .innerJoin('referrals as r', (join) => join.onRef('r.scheme_id', '=', 'o.scheme_id').onRef('r.id', '=', 'o.referral_id'))
    .select(['o.id', 'o.reference', 'o.referral_id', 'o.directory_organization_id', 'o.status', 'o.ended_at', 'r.link_worker_id'])
    .where('o.scheme_id', '=', scope.schemeId)
    .where('o.id', '=', onwardReferralId)
    .forUpdate('o')
    .executeTakeFirst();
  if (!onward) throw notFound('The referral');
  scope.authorize('concern', 'create', await listingTarget(scope, onward.directory_organization_id));
  const isProvider = roleOf(scope.actor) === 'vcse_provider';
  if (isProvider) {
    const settings = await loadCaseworkSettings(scope);
    // Once the provider's access has ended the referral is, to them, gone.
    if (!providerMaySee({ status: onward.status, endedAt: onward.ended_at, now, accessDaysAfter: settings.providerAccessDaysAfter })) {
      throw notFound('The referral');
    }
  }

  const shownTo = (row: ConcernRow): Concern => (isProvider ? { ...present(row), referralId: null } : present(row));
  const earlier = await sameConcernJustRaised(scope, onward, input, now);
  if (earlier) {
    // Already sent to the link worker and the leads: a second alert or email would only alarm twice.
    await scope.audit({
      action: 'read',
      entityType: 'concern',
      entityId: earlier.id,
      detail: { onwardReferralId: onward.id, referralId: onward.referral_id, replayed: true },
    });
    return { concern: shownTo(earlier), replayed: true };
  }

  const organisation = await raisingOrganisation(scope, isProvider, onward.directory_organization_id);
  const row: ConcernRow = {
    id: randomUUID(),
    onward_referral_id: onward.id,
    referral_id: onward.referral_id,
    urgency: input.urgency,
    concern: input.concern,
    raised_by_label: actorName(scope),
    raised_by_organisation: organisation,
    raised_at: now,
  };
  await scope.db
    .insertInto('provider_concerns')
    .values({ scheme_id: scope.schemeId, ...row, raised_by: actorUserId(scope) })
    .execute();

  const who = organisation ?? row.raised_by_label;
  await raiseAlert(
    scope,
    {
      referralId: onward.referral_id,
      kind: 'provider_concern',
      key: `concern:${row.id}`,
      message: `Concern raised by ${who} (${input.urgency})`,
      onwardReferralId: onward.id,
      followUp: { title: `Read and act on the concern raised by ${who}`.slice(0, 300), withinWorkingDays: input.urgency === 'urgent' ? 0 : 1 },
    },
    now,
  );

  const subject = input.urgency === 'urgent' ? `Urgent concern raised about referral ${onward.reference}` : `Concern raised about referral ${onward.reference}`;
  const body = `A concern (${input.urgency}) was raised by ${who} about referral ${onward.reference}. Sign in to read it: ${publicUrl(deps.config)}/cases/${onward.referral_id}`;
  for (const recipient of await recipients(scope, onward.link_worker_id)) {
    await queueNotification(scope, deps.jobs, {
      channel: 'email',
      template: 'provider-concern',
      recipient,
      subject,
      body,
      entityType: 'provider_concern',
      entityId: row.id,
    });
  }
  await scope.audit({
    action: 'create',
    entityType: 'concern',
    entityId: row.id,
    detail: { onwardReferralId: onward.id, referralId: onward.referral_id, urgency: input.urgency },
  });
  return { concern: shownTo(row), replayed: false };
}

export async function listConcerns(scope: SchemeScope, referralId: string): Promise<{ concerns: Concern[] }> {
  scope.authorize('concern', 'list');
  const found = await loadCase(scope, referralId);
  const rows = await scope.db
    .selectFrom('provider_concerns')
    .select(['id', 'onward_referral_id', 'referral_id', 'urgency', 'concern', 'raised_by_label', 'raised_by_organisation', 'raised_at'])
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', found.id)
    .orderBy('raised_at', 'desc')
    .orderBy('id')
    .execute();
  await scope.audit({ action: 'read', entityType: 'concern', entityId: found.id, detail: { referralId: found.id, count: rows.length } });
  return { concerns: rows.map(present) };
}
