import type { CaseworkSettings } from '../../contracts/casework.js';
import type { ProviderReferral } from '../../contracts/onward.js';
import type { SchemeScope } from '../../data/access.js';
import type { OnwardReferralRow } from '../../db/schema-casework.js';
import { londonDate } from '../../referrals/domain/working-days.js';
import { allowedOnwardEvents, isLiveOnward } from '../domain/onward-lifecycle.js';
import { accessEndsAt, providerMaySee } from '../domain/provider-access.js';
import { attendanceOf, handoverOf, iso, serviceFacts, sharedOf } from '../onward/present.js';
import { CONSENT_WITHDRAWN_CODE } from '../onward/referral-hooks.js';

/**
 * What a VCSE provider sees of an onward referral to its own organisation: the snapshot it was
 * sent, only while the referral is live and for the scheme's period after it ends, and nothing
 * else about the person. Helper for the provider inbox, the referral page and the registers.
 */

type AccessRow = Pick<OnwardReferralRow, 'status' | 'ended_at' | 'status_reason_code'>;

/** Withdrawn because the person withdrew consent: no days of grace, the sight ends with it. */
const endedByConsent = (row: AccessRow): boolean => row.status === 'withdrawn' && row.status_reason_code === CONSENT_WITHDRAWN_CODE;

/** Whether the provider may still see the shared details at `now`. */
export function providerMaySeeRow(row: AccessRow, settings: Pick<CaseworkSettings, 'providerAccessDaysAfter'>, now: Date): boolean {
  if (endedByConsent(row)) return false;
  return providerMaySee({ status: row.status, endedAt: row.ended_at === null ? null : new Date(row.ended_at), accessDaysAfter: settings.providerAccessDaysAfter, now });
}

/** When the provider's sight of the details ends; null while live (or if the end was never recorded). */
export function providerAccessUntil(row: AccessRow, settings: Pick<CaseworkSettings, 'providerAccessDaysAfter'>): Date | null {
  if (endedByConsent(row)) return row.ended_at === null ? null : new Date(row.ended_at);
  return accessEndsAt({ status: row.status, endedAt: row.ended_at === null ? null : new Date(row.ended_at), accessDaysAfter: settings.providerAccessDaysAfter });
}

/** The person's name as the provider was sent it, while it may still be seen; null otherwise or when names were not shared. */
export function providerPersonName(row: OnwardReferralRow, settings: Pick<CaseworkSettings, 'providerAccessDaysAfter'>, now: Date): string | null {
  if (!providerMaySeeRow(row, settings, now)) return null;
  const shared = sharedOf(row);
  if (shared.name === undefined) return null;
  return shared.preferredName ? `${shared.name} (${shared.preferredName})` : shared.name;
}

/** The events a provider can send from here, as the contract's replies (the register moves people to attending). */
const PROVIDER_EVENTS: ReadonlySet<string> = new Set(['accept', 'decline', 'waitlist', 'complete', 'drop_out']);

async function linkWorkerOf(scope: SchemeScope, referralId: string): Promise<ProviderReferral['linkWorker']> {
  const referral = await scope.db
    .selectFrom('referrals')
    .leftJoin('users', 'users.id', 'referrals.link_worker_id')
    .select(['users.display_name'])
    .where('referrals.scheme_id', '=', scope.schemeId)
    .where('referrals.id', '=', referralId)
    .executeTakeFirst();
  const contact = await scope.db.selectFrom('directory_settings').select(['contact_email', 'contact_phone']).where('scheme_id', '=', scope.schemeId).executeTakeFirst();
  const name = referral?.display_name ?? null;
  if (name === null && !contact) return null;
  return { name: name ?? 'The link worker team', email: contact?.contact_email ?? null, phone: contact?.contact_phone ?? null };
}

/**
 * The provider's view. The caller has authorized the read against the referral's organisation,
 * and audits it when `shared` is not null.
 */
export async function presentProviderReferral(scope: SchemeScope, row: OnwardReferralRow, settings: Pick<CaseworkSettings, 'providerAccessDaysAfter'>, now: Date): Promise<ProviderReferral> {
  const maySee = providerMaySeeRow(row, settings, now);
  const service = await serviceFacts(scope, row.service_id, row.directory_organization_id);
  const until = providerAccessUntil(row, settings);
  return {
    id: row.id,
    reference: row.reference,
    service: { id: service.id, name: service.name },
    status: row.status,
    live: isLiveOnward(row.status),
    shared: maySee ? sharedOf(row) : null,
    detailsRemoved: !maySee,
    accessUntil: until === null ? null : until.toISOString(),
    handover: maySee ? handoverOf(row) : null,
    linkWorker: await linkWorkerOf(scope, row.referral_id),
    respondBy: row.respond_by,
    sentAt: iso(row.created_at),
    allowedEvents: allowedOnwardEvents(row.status, 'provider', { today: londonDate(now), respondBy: row.respond_by }).filter((e) => PROVIDER_EVENTS.has(e)),
    attendance: maySee ? await attendanceOf(scope, row.id) : [],
    version: row.version,
  };
}
