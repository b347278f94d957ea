import { ONWARD_STATUSES, SHARE_FIELDS, type AttendanceMark, type OnwardStatus, type ShareField } from '../../contracts/casework-codes.js';
import { sharedDetails, type OnwardReferral, type SharedDetails } from '../../contracts/onward.js';
import type { SchemeScope } from '../../data/access.js';
import type { OnwardReferralRow } from '../../db/schema-casework.js';
import { notFound } from '../../errors.js';
import { isLiveOnward } from '../domain/onward-lifecycle.js';

/** Reading onward referrals back: the row, its service, timeline and register, and the link worker's view of it. */

export interface ServiceFacts {
  id: string;
  name: string;
  organizationId: string;
  organizationName: string;
}

const isShareField = (value: string): value is ShareField => (SHARE_FIELDS as readonly string[]).includes(value);
const isStatus = (value: string | null): value is OnwardStatus => value !== null && (ONWARD_STATUSES as readonly string[]).includes(value);

export const sharedFieldsOf = (row: Pick<OnwardReferralRow, 'shared_fields'>): ShareField[] => row.shared_fields.filter(isShareField);

/** The snapshot as stored; a stored value that no longer parses shares nothing rather than something unchecked. */
export function sharedOf(row: Pick<OnwardReferralRow, 'shared'>): SharedDetails {
  const raw: unknown = typeof row.shared === 'string' ? JSON.parse(row.shared) : row.shared;
  return sharedDetails.safeParse(raw).data ?? {};
}

export async function loadOnwardRow(scope: SchemeScope, id: string, options: { lock?: boolean } = {}): Promise<OnwardReferralRow> {
  let query = scope.db.selectFrom('onward_referrals').selectAll().where('scheme_id', '=', scope.schemeId).where('id', '=', id);
  if (options.lock) query = query.forUpdate();
  const row = await query.executeTakeFirst();
  if (!row) throw notFound('The referral to a service');
  return row;
}

export async function serviceFacts(scope: SchemeScope, serviceId: string, organizationId: string): Promise<ServiceFacts> {
  const service = await scope.db.selectFrom('directory_services').select(['id', 'name']).where('id', '=', serviceId).executeTakeFirst();
  const organisation = await scope.db.selectFrom('directory_organizations').select(['id', 'name']).where('id', '=', organizationId).executeTakeFirst();
  return {
    id: serviceId,
    name: service?.name ?? 'A service no longer listed',
    organizationId,
    organizationName: organisation?.name ?? 'An organisation no longer listed',
  };
}

export async function attendanceOf(scope: SchemeScope, onwardReferralId: string): Promise<{ sessionDate: string; mark: AttendanceMark }[]> {
  const rows = await scope.db
    .selectFrom('attendance')
    .select(['session_date', 'mark'])
    .where('scheme_id', '=', scope.schemeId)
    .where('onward_referral_id', '=', onwardReferralId)
    .orderBy('session_date', 'asc')
    .execute();
  return rows.map((r) => ({ sessionDate: r.session_date, mark: r.mark }));
}

async function eventsOf(scope: SchemeScope, onwardReferralId: string): Promise<OnwardReferral['events']> {
  const rows = await scope.db
    .selectFrom('onward_referral_events')
    .selectAll()
    .where('scheme_id', '=', scope.schemeId)
    .where('onward_referral_id', '=', onwardReferralId)
    .orderBy('id', 'asc')
    .execute();
  return rows.map((e) => ({
    occurredAt: new Date(e.occurred_at).toISOString(),
    kind: e.kind,
    fromStatus: isStatus(e.from_status) ? e.from_status : null,
    toStatus: isStatus(e.to_status) ? e.to_status : null,
    reasonCode: e.reason_code,
    note: e.note,
    by: e.actor_label,
  }));
}

export const iso = (value: Date | string): string => new Date(value).toISOString();
const isoOrNull = (value: Date | string | null): string | null => (value === null ? null : iso(value));

export function handoverOf(row: OnwardReferralRow): OnwardReferral['handover'] {
  return {
    firstContactBy: row.first_contact_by,
    linkWorkerStaysInvolved: row.link_worker_stays_involved,
    mayReturn: row.may_return,
    returnUntil: row.return_until,
    reportNonAttendance: row.report_non_attendance,
    note: row.handover_note,
  };
}

/** The link worker's view. The caller has authorized and audits the read. */
export async function presentOnward(scope: SchemeScope, row: OnwardReferralRow): Promise<OnwardReferral> {
  return {
    id: row.id,
    reference: row.reference,
    referralId: row.referral_id,
    personId: row.person_id,
    service: await serviceFacts(scope, row.service_id, row.directory_organization_id),
    status: row.status,
    live: isLiveOnward(row.status),
    consent: {
      givenBy: row.consent_given_by,
      givenByName: row.consent_given_by_name,
      method: row.consent_method,
      givenAt: iso(row.consent_given_at),
      recordedBy: row.consent_recorded_by,
    },
    sharedFields: sharedFieldsOf(row),
    shared: sharedOf(row),
    handover: handoverOf(row),
    respondBy: row.respond_by,
    statusReasonCode: row.status_reason_code,
    statusNote: row.status_note,
    acceptedOn: row.accepted_on,
    endedAt: isoOrNull(row.ended_at),
    sentBy: row.sent_by_label,
    sentAt: iso(row.created_at),
    attendance: await attendanceOf(scope, row.id),
    events: await eventsOf(scope, row.id),
    version: row.version,
  };
}
