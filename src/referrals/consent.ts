import { randomUUID } from 'node:crypto';
import type { ConsentInput } from '../contracts/referrals.js';
import type { SchemeScope } from '../data/access.js';
import type { ConsentRow } from '../db/schema.js';
import { AppError } from '../errors.js';
import { endOnwardOnConsentWithdrawn } from '../casework/onward/referral-hooks.js';
import { lockUpdatableReferral } from './referral-row.js';
import { actorLabel, recordEvent } from './timeline.js';

/**
 * Consent to the referral: who gave it, how, to what, and who recorded it. Withdrawal is
 * recorded, never deleted, and from then on the referral can only be ended and nothing about
 * the person may be shared further (see assertMayShareOnward).
 */

export async function recordConsent(scope: SchemeScope, referralId: string, personId: string, consent: ConsentInput, now: Date = new Date()): Promise<string> {
  const id = randomUUID();
  await scope.db
    .insertInto('consents')
    .values({
      scheme_id: scope.schemeId,
      id,
      referral_id: referralId,
      person_id: personId,
      given_by: consent.givenBy,
      given_by_name: consent.givenByName ?? null,
      method: consent.method,
      scopes: consent.scopes,
      given_at: consent.givenAt,
      recorded_by: actorLabel(scope.actor),
      recorded_at: now,
    })
    .execute();
  await recordEvent(scope, { referralId, kind: 'consent-recorded', detail: { method: consent.method, scopes: consent.scopes }, occurredAt: now });
  await scope.audit({ action: 'create', entityType: 'consent', entityId: id, detail: { referralId } });
  return id;
}

/** The consent that stands for the referral: the latest recorded. */
export async function currentConsent(scope: SchemeScope, referralId: string): Promise<ConsentRow | null> {
  const row = await scope.db
    .selectFrom('consents')
    .selectAll()
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', referralId)
    .orderBy('recorded_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ?? null;
}

export async function consentWithdrawn(scope: SchemeScope, referralId: string): Promise<boolean> {
  const consent = await currentConsent(scope, referralId);
  return consent?.withdrawn_at != null;
}

/**
 * Records consent for a referral that arrived without it (a link worker, or the referrer). A
 * withdrawal stands: recording consent over it would quietly let the referral go on and its
 * details be shared again, so the person is referred afresh instead.
 */
export async function addConsent(scope: SchemeScope, referralId: string, consent: ConsentInput): Promise<void> {
  const row = await lockUpdatableReferral(scope, referralId);
  if (await consentWithdrawn(scope, row.id)) {
    throw new AppError('conflict', 'The person withdrew their consent to this referral. If they now agree, make a new referral.', { code: 'consent-withdrawn' });
  }
  await recordConsent(scope, row.id, row.person_id, consent);
}

/** Records a withdrawal, if the caller may change the referral (a referrer: their own). */
export async function withdrawConsent(scope: SchemeScope, referralId: string, reason: string | undefined, now: Date = new Date()): Promise<void> {
  await lockUpdatableReferral(scope, referralId);
  const consent = await currentConsent(scope, referralId);
  if (!consent) throw new AppError('conflict', 'No consent is recorded for this referral, so there is nothing to withdraw.', { code: 'no-consent' });
  if (consent.withdrawn_at) throw new AppError('conflict', 'Consent was already withdrawn.', { code: 'already-withdrawn' });
  await scope.db
    .updateTable('consents')
    .set({ withdrawn_at: now, withdrawn_reason: reason ?? null, withdrawal_recorded_by: actorLabel(scope.actor) })
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', consent.id)
    .execute();
  await recordEvent(scope, { referralId, kind: 'consent-withdrawn', reason: reason ?? null, occurredAt: now });
  await scope.audit({ action: 'update', entityType: 'consent', entityId: consent.id, reason, detail: { withdrawn: true } });
  // Nothing more may be shared: every group the person was referred on to loses sight of them now.
  await endOnwardOnConsentWithdrawn(scope, referralId, now);
}

/**
 * The guard for any onward sharing of the person's details (to a partner, another scheme or
 * an integration other than the referrer): consent must be recorded, include sharing with
 * partners, and not be withdrawn.
 */
export function mayShareOnward(consent: Pick<ConsentRow, 'withdrawn_at' | 'scopes'> | null): { allowed: boolean; reason: string | null } {
  if (!consent) return { allowed: false, reason: 'No consent is recorded for this referral.' };
  if (consent.withdrawn_at) return { allowed: false, reason: 'The person withdrew their consent.' };
  if (!consent.scopes.includes('share-with-partners')) return { allowed: false, reason: 'The person has not agreed to their details being shared with partners.' };
  return { allowed: true, reason: null };
}

export async function assertMayShareOnward(scope: SchemeScope, referralId: string): Promise<void> {
  const verdict = mayShareOnward(await currentConsent(scope, referralId));
  if (!verdict.allowed) throw new AppError('conflict', `Nothing about this person may be shared further. ${verdict.reason ?? ''}`.trim(), { code: 'consent-blocks-sharing' });
}
