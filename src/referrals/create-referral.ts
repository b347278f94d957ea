import { randomUUID } from 'node:crypto';
import { ROLE_LABELS } from '../auth/roles.js';
import type { PersonInput } from '../contracts/people.js';
import type { FeedbackChannel, FeedbackMilestone, ReferralSource, Urgency } from '../contracts/referral-codes.js';
import type { ConsentInput, ReferralInput } from '../contracts/referrals.js';
import type { SchemeScope } from '../data/access.js';
import type { PersonRow, ReferralRow } from '../db/schema.js';
import { validationError } from '../errors.js';
import { codingFor } from './domain/coding.js';
import { screen } from './domain/eligibility.js';
import { newReferralReference } from './domain/reference.js';
import { ENGLAND_WALES_BANK_HOLIDAYS, firstContactDue, londonDate } from './domain/working-days.js';
import { nowFrom, sendFeedback, type ReferralDeps } from './feedback.js';
import { recordConsent } from './consent.js';
import { createPerson, getPerson } from './people.js';
import { loadReferralSettings } from './settings.js';
import { recordEvent } from './timeline.js';
import { reopenOnReReferral } from './transition-referral.js';

export interface CreateReferralCommand {
  person: { kind: 'new'; input: PersonInput } | { kind: 'existing'; personId: string };
  /** null: consent was not sent (some integrations); the referral is flagged until it is recorded. */
  consent: ConsentInput | null;
  reason: string;
  needs: string[];
  personView?: string | undefined;
  riskInfo?: string | undefined;
  urgency: Urgency;
  leadOn?: string | undefined;
  feedback: { milestones: FeedbackMilestone[]; channel: FeedbackChannel };
  exclusionsFlagged: string[];
  referrer?: { name: string; role?: string | undefined; email?: string | undefined; phone?: string | undefined } | undefined;
  source: ReferralSource;
}

export interface CreatedReferral {
  referralId: string;
  taskId: string;
  personId: string;
  reference: string;
  /** True when the person's recently closed referral was reopened instead of a new one made. */
  reopened: boolean;
}

type ReferrerColumns = Pick<
  ReferralRow,
  'referrer_user_id' | 'referrer_organisation_id' | 'referrer_api_client_id' | 'referrer_name' | 'referrer_role' | 'referrer_email' | 'referrer_phone'
>;

/** Who referred, from the caller: the signed-in professional, the integration, or the person. */
async function referrerOf(scope: SchemeScope, given: CreateReferralCommand['referrer']): Promise<ReferrerColumns> {
  const actor = scope.actor;
  switch (actor.type) {
    case 'user': {
      const user = await scope.db.selectFrom('users').select(['email', 'display_name']).where('id', '=', actor.userId).executeTakeFirstOrThrow();
      return {
        referrer_user_id: actor.userId,
        referrer_organisation_id: actor.organisationId,
        referrer_api_client_id: null,
        referrer_name: given?.name ?? user.display_name,
        referrer_role: given?.role ?? (actor.role === 'api_client' ? null : ROLE_LABELS[actor.role]),
        referrer_email: given?.email ?? user.email,
        referrer_phone: given?.phone ?? null,
      };
    }
    case 'client':
      return {
        referrer_user_id: null,
        referrer_organisation_id: actor.organisationId,
        referrer_api_client_id: actor.apiClientId,
        referrer_name: given?.name ?? null,
        referrer_role: given?.role ?? null,
        referrer_email: given?.email ?? null,
        referrer_phone: given?.phone ?? null,
      };
    case 'system':
    case 'anonymous':
      return {
        referrer_user_id: null,
        referrer_organisation_id: null,
        referrer_api_client_id: null,
        referrer_name: given?.name ?? (actor.type === 'anonymous' ? 'Self-referral' : null),
        referrer_role: given?.role ?? null,
        referrer_email: given?.email ?? null,
        referrer_phone: given?.phone ?? null,
      };
    default: {
      const unreachable: never = actor;
      return unreachable;
    }
  }
}

async function resolvePerson(scope: SchemeScope, person: CreateReferralCommand['person']): Promise<{ row: PersonRow; matchedExisting: boolean }> {
  if (person.kind === 'existing') return { row: await getPerson(scope, person.personId), matchedExisting: true };
  const created = await createPerson(scope, person.input);
  return { row: created.row, matchedExisting: created.matchedExisting };
}

/**
 * Makes a referral: the person (matched on NHS number, else new), consent, eligibility screen,
 * first-contact target, the coded "received" event, and the referrer's first feedback — all in
 * the caller's transaction, so a failure leaves nothing behind. A person whose referral closed
 * within the scheme's window has that referral reopened instead (PRODUCT.md §3.9).
 */
export async function createReferral(scope: SchemeScope, deps: ReferralDeps, command: CreateReferralCommand): Promise<CreatedReferral> {
  if (scope.actor.type !== 'anonymous') scope.authorize('referral', 'create');
  const settings = await loadReferralSettings(scope);
  const known = new Set(settings.needCategories.map((n) => n.code));
  const unknownNeeds = command.needs.filter((n) => !known.has(n));
  if (unknownNeeds.length > 0) {
    throw validationError([{ field: 'body.needs', message: `This scheme does not use the need categories: ${unknownNeeds.join(', ')}` }]);
  }
  const unknownExclusions = command.exclusionsFlagged.filter((id) => !settings.eligibility.exclusions.some((e) => e.id === id));
  if (unknownExclusions.length > 0) {
    throw validationError([{ field: 'body.exclusionsFlagged', message: `Unknown screening questions: ${unknownExclusions.join(', ')}` }]);
  }

  const now = nowFrom(deps);
  const { row: person, matchedExisting } = await resolvePerson(scope, command.person);
  if (matchedExisting) {
    const reopened = await reopenOnReReferral(scope, deps, person.id, command, settings.reopenWindowDays, now);
    if (reopened) return { ...reopened, personId: person.id, reopened: true };
  }

  const eligibility = screen(settings.eligibility, {
    dateOfBirth: person.date_of_birth,
    practiceOds: person.gp_practice_ods,
    needs: command.needs,
    exclusionsFlagged: command.exclusionsFlagged,
    today: londonDate(now),
  });
  const referrer = await referrerOf(scope, command.referrer);
  const id = randomUUID();
  const taskId = randomUUID();
  // References are random; on the rare clash, draw again rather than fail the referral.
  let row: ReferralRow | undefined;
  for (let attempt = 0; attempt < 5 && row === undefined; attempt++) {
    const candidate = newReferralReference();
    row = await scope.db
      .insertInto('referrals')
      .values({
        scheme_id: scope.schemeId,
        id,
        reference: candidate,
        task_id: taskId,
        person_id: person.id,
        source: command.source,
        status: 'received',
        ...referrer,
        reason: command.reason,
        needs: command.needs,
        person_view: command.personView ?? null,
        risk_info: command.riskInfo ?? null,
        urgency: command.urgency,
        lead_on: command.leadOn ?? null,
        feedback_milestones: command.feedback.milestones,
        feedback_channel: command.feedback.channel,
        eligibility: JSON.stringify(eligibility),
        received_at: now,
        first_contact_due: firstContactDue(now, settings.firstContactWorkingDays, ENGLAND_WALES_BANK_HOLIDAYS),
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.columns(['scheme_id', 'reference']).doNothing())
      .returningAll()
      .executeTakeFirst();
  }
  if (row === undefined) throw new Error('could not allocate a referral reference');
  const reference = row.reference;

  await recordEvent(scope, {
    referralId: id,
    kind: 'received',
    toStatus: 'received',
    coding: codingFor('received', settings.codedEvents),
    detail: { source: command.source, eligibility: eligibility.outcome, consentRecorded: command.consent !== null },
    occurredAt: now,
  });
  if (command.consent) await recordConsent(scope, id, person.id, command.consent, now);
  await scope.audit({ action: 'create', entityType: 'referral', entityId: id, detail: { source: command.source } });
  await sendFeedback(scope, deps, row, 'received');
  return { referralId: id, taskId, personId: person.id, reference, reopened: false };
}

/** The referral form's (or REST body's) fields as a command. */
export function commandFromInput(input: ReferralInput, source: CreateReferralCommand['source']): CreateReferralCommand {
  return {
    person: { kind: 'new', input: input.person },
    consent: input.consent,
    reason: input.reason,
    needs: input.needs,
    personView: input.personView,
    riskInfo: input.riskInfo,
    urgency: input.urgency,
    leadOn: input.leadOn,
    feedback: input.feedback,
    exclusionsFlagged: input.exclusionsFlagged,
    referrer: input.referrer,
    source,
  };
}
