import { randomUUID } from 'node:crypto';
import { publicUrl, type Config } from '../../config/index.js';
import type { ShareField } from '../../contracts/casework-codes.js';
import type { OnwardPreview, OnwardReferral, OnwardReferralInput, SharedDetails } from '../../contracts/onward.js';
import { roleOf, type SchemeScope } from '../../data/access.js';
import { AppError, notFound, validationError } from '../../errors.js';
import type { JobQueue } from '../../jobs/queue.js';
import { queueNotification } from '../../notifications/outbox.js';
import { currentConsent } from '../../referrals/consent.js';
import { londonDate } from '../../referrals/domain/working-days.js';
import { actorName, actorUserId, loadCase, loadOpenCase, type CaseRow } from '../case-row.js';
import { dayMonth, isoDayNumber } from '../domain/dates.js';
import { isLiveOnward } from '../domain/onward-lifecycle.js';
import { responseWindow } from '../domain/response-window.js';
import { loadCaseworkSettings, shareFieldsFor } from '../settings.js';
import { presentOnward } from './present.js';
import { newOnwardReference } from './reference.js';
import { sharedSnapshot } from './shared-snapshot.js';

/**
 * Making an onward referral: the checks (consent, the service takes referrals, no duplicate, the
 * goals are the case's), the minimum set as a snapshot, the response window, and the provider's
 * email, which names no one. The preview runs the same checks and writes nothing.
 */

export interface OnwardDeps {
  jobs: JobQueue;
  config: Pick<Config, 'PUBLIC_URL' | 'HOST' | 'PORT'>;
}

interface ServiceToRefer {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
  providerEmail: string | null;
}

/** The link worker's side is for caseworkers: a provider holds onward_referral rights only through its own routes. */
export function authorizeCaseworker(scope: SchemeScope): void {
  scope.authorize('onward_referral', 'create');
}

/** Refuses when the person's consent to the referral is missing or withdrawn: nothing may be shared further. */
async function assertConsentStands(scope: SchemeScope, referralId: string): Promise<void> {
  const consent = await currentConsent(scope, referralId);
  const reason =
    consent === null
      ? 'No consent is recorded for this referral. Record the person’s consent on the referral page first.'
      : consent.withdrawn_at !== null
        ? 'The person withdrew their consent, so nothing about them may be shared.'
        : null;
  if (reason !== null) throw new AppError('conflict', `This referral cannot be sent. ${reason}`, { code: 'consent-blocks-sharing' });
}

async function serviceToRefer(scope: SchemeScope, serviceId: string, today: string): Promise<ServiceToRefer> {
  const service = await scope.db
    .selectFrom('directory_services as s')
    .innerJoin('directory_organizations as o', 'o.id', 's.organization_id')
    .select(['s.id', 's.name', 's.status', 's.referral_mode', 's.not_taking_until', 's.named_contact_email', 's.organization_id', 'o.name as organization_name', 'o.email as organization_email'])
    .where('s.id', '=', serviceId)
    .executeTakeFirst();
  if (!service) throw notFound('The service');
  if (service.status !== 'active') {
    throw new AppError('conflict', `${service.name} is not running at the moment, so it cannot take referrals. Choose another service.`, { code: 'service-not-active' });
  }
  if (service.referral_mode !== 'referrals') {
    throw new AppError('conflict', `${service.name} does not take referrals: people contact it themselves. Record it as signposting instead.`, { code: 'service-signposting-only' });
  }
  if (service.not_taking_until !== null && isoDayNumber(service.not_taking_until) > isoDayNumber(today)) {
    throw new AppError('conflict', `${service.name} is not taking referrals until ${dayMonth(service.not_taking_until, true)}. Choose another service or refer them after then.`, {
      code: 'service-not-taking-referrals',
    });
  }
  return {
    id: service.id,
    name: service.name,
    organizationId: service.organization_id,
    organizationName: service.organization_name,
    providerEmail: service.named_contact_email ?? service.organization_email,
  };
}

async function assertNotAlreadyLive(scope: SchemeScope, referralId: string, service: ServiceToRefer): Promise<void> {
  const existing = await scope.db
    .selectFrom('onward_referrals')
    .select(['reference', 'status'])
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', referralId)
    .where('service_id', '=', service.id)
    .execute();
  const live = existing.find((r) => isLiveOnward(r.status));
  if (live) {
    throw new AppError('conflict', `The person is already referred to ${service.name} (${live.reference}). Withdraw that referral before sending another.`, { code: 'already-referred' });
  }
}

/** The titles of the chosen goals, in the order given; every one must be an open goal of this case. */
async function chosenGoals(scope: SchemeScope, referralId: string, goalIds: readonly string[]): Promise<string[]> {
  const unique = [...new Set(goalIds)];
  if (unique.length === 0) return [];
  const rows = await scope.db
    .selectFrom('goals')
    .select(['id', 'title'])
    .where('scheme_id', '=', scope.schemeId)
    .where('referral_id', '=', referralId)
    .where('status', 'in', ['not_started', 'in_progress'])
    .where('id', 'in', unique)
    .execute();
  const titles = new Map(rows.map((r) => [r.id, r.title]));
  if (unique.some((id) => !titles.has(id))) {
    throw validationError([{ field: 'body.goalIds', message: 'Choose from the person’s current goals in their plan' }]);
  }
  return unique.map((id) => titles.get(id) ?? '');
}

interface Prepared {
  caseRow: CaseRow;
  service: ServiceToRefer;
  fields: ShareField[];
  shared: SharedDetails;
  respondBy: string;
  reminderOn: string;
}

type PrepareInput = Pick<OnwardReferralInput, 'serviceId' | 'goalIds' | 'needSummary' | 'risks'>;

async function prepare(scope: SchemeScope, referralId: string, input: PrepareInput, now: Date, write: boolean): Promise<Prepared> {
  authorizeCaseworker(scope);
  // Consent is checked before the open-case check, so that a withdrawal reads as what it blocks: sharing.
  await loadCase(scope, referralId);
  await assertConsentStands(scope, referralId);
  const caseRow = write ? await loadOpenCase(scope, referralId) : await loadCase(scope, referralId);
  if (caseRow.status === 'closed') {
    throw new AppError('conflict', 'This case is closed. Reopen it from the referral page before referring the person on.', { code: 'case-closed' });
  }
  const today = londonDate(now);
  const service = await serviceToRefer(scope, input.serviceId, today);
  await assertNotAlreadyLive(scope, referralId, service);
  const goals = await chosenGoals(scope, referralId, input.goalIds);
  const settings = await loadCaseworkSettings(scope);
  const fields = shareFieldsFor(settings, service.organizationId);
  const person = await scope.db
    .selectFrom('people')
    .selectAll()
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', caseRow.personId)
    .executeTakeFirstOrThrow();
  const shared = sharedSnapshot({
    person: {
      givenName: person.given_name,
      familyName: person.family_name,
      preferredName: person.preferred_name,
      phone: person.phone,
      email: person.email,
      preferredContactMethod: person.preferred_contact_method,
      contactTimes: person.contact_times,
      language: person.language,
      interpreterNeeded: person.interpreter_needed,
      accessibleFormats: person.accessible_formats,
      dateOfBirth: person.date_of_birth,
      addressLine1: person.address_line1,
      addressLine2: person.address_line2,
      town: person.town,
      postcode: person.postcode,
    },
    needSummary: input.needSummary,
    risks: input.risks,
    goals,
    fields,
  });
  const window = responseWindow(now, settings.responseWindowWorkingDays);
  return { caseRow, service, fields, shared, respondBy: window.respondBy, reminderOn: window.reminderOn };
}


export async function previewOnwardReferral(scope: SchemeScope, referralId: string, input: PrepareInput, now: Date = new Date()): Promise<OnwardPreview> {
  const prepared = await prepare(scope, referralId, input, now, false);
  await scope.audit({ action: 'read', entityType: 'person', entityId: prepared.caseRow.personId, detail: { referralId, onwardPreview: input.serviceId } });
  return {
    sharedFields: prepared.fields,
    shared: prepared.shared,
    serviceName: prepared.service.name,
    organisationName: prepared.service.organizationName,
    respondBy: prepared.respondBy,
  };
}

export async function createOnwardReferral(scope: SchemeScope, deps: OnwardDeps, referralId: string, input: OnwardReferralInput, now: Date = new Date()): Promise<OnwardReferral> {
  const prepared = await prepare(scope, referralId, input, now, true);
  const { service } = prepared;
  const id = randomUUID();
  const reference = newOnwardReference();
  const label = actorName(scope);
  const row = await scope.db
    .insertInto('onward_referrals')
    .values({
      scheme_id: scope.schemeId,
      id,
      reference,
      referral_id: referralId,
      person_id: prepared.caseRow.personId,
      service_id: service.id,
      directory_organization_id: service.organizationId,
      consent_given_by: input.consent.givenBy,
      consent_given_by_name: input.consent.givenByName ?? null,
      consent_method: input.consent.method,
      consent_given_at: input.consent.givenAt,
      consent_recorded_by: label,
      shared_fields: prepared.fields,
      shared: JSON.stringify(prepared.shared),
      first_contact_by: input.handover.firstContactBy,
      link_worker_stays_involved: input.handover.linkWorkerStaysInvolved,
      may_return: input.handover.mayReturn,
      return_until: input.handover.mayReturn ? input.handover.returnUntil : null,
      report_non_attendance: input.handover.reportNonAttendance,
      handover_note: input.handover.note ?? null,
      respond_by: prepared.respondBy,
      remind_on: prepared.reminderOn,
      sent_by: actorUserId(scope),
      sent_by_label: label,
      created_at: now,
      updated_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await scope.db
    .insertInto('onward_referral_events')
    .values({ scheme_id: scope.schemeId, onward_referral_id: id, occurred_at: now, kind: 'sent', from_status: null, to_status: 'sent', reason_code: null, note: null, actor_label: label, actor_role: roleOf(scope.actor) ?? null })
    .execute();
  await scope.audit({ action: 'create', entityType: 'onward_referral', entityId: id, detail: { referralId, serviceId: service.id, sharedFields: prepared.fields } });
  if (service.providerEmail) {
    await queueNotification(scope, deps.jobs, {
      channel: 'email',
      template: 'onward-referral-sent',
      recipient: service.providerEmail,
      subject: `New referral ${reference} to ${service.name}`,
      body: [
        `A new referral ${reference} to ${service.name} is waiting: sign in at ${publicUrl(deps.config)}/provider/referrals/${id}`,
        '',
        `Please reply by the end of ${dayMonth(prepared.respondBy, true)}.`,
      ].join('\n'),
      entityType: 'onward_referral',
      entityId: id,
    });
  }
  return presentOnward(scope, row);
}
