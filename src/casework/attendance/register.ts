import type { OnwardStatus } from '../../contracts/casework-codes.js';
import type { Register, RegisterInput } from '../../contracts/onward.js';
import type { ReferralStatus } from '../../contracts/referral-codes.js';
import { roleOf, type SchemeScope } from '../../data/access.js';
import { callerDirectoryOrganization, listingTarget } from '../../directory/access.js';
import { AppError, notFound, validationError, type FieldProblem } from '../../errors.js';
import { londonDate } from '../../referrals/domain/working-days.js';
import { actorName, actorUserId } from '../case-row.js';
import { dayMonth } from '../domain/dates.js';
import { transitionOnward } from '../domain/onward-lifecycle.js';
import { checkNonAttendance } from './check.js';
import { snapshotName } from './snapshot-name.js';

/**
 * Attendance registers: one screen per session date for a service, everyone currently placed
 * there, ticked many at a time. A VCSE provider keeps the registers of its own organisation's
 * services; the scheme's caseworkers may read and keep any. The provider reads the person's
 * name from the snapshot sent with the referral, never from the person's record.
 */

const ON_REGISTER: readonly OnwardStatus[] = ['accepted', 'attending'];

interface RegisterService {
  id: string;
  name: string;
  organizationId: string;
  /** Set for a VCSE provider: only referrals to this organisation are theirs. */
  providerOrganizationId: string | null;
}

/** The service, if the caller may keep its register; another organisation's service is "not found". */
async function registerService(scope: SchemeScope, serviceId: string, action: 'list' | 'create'): Promise<RegisterService> {
  scope.authorize('attendance', action);
  const service = await scope.db
    .selectFrom('directory_services')
    .select(['id', 'name', 'organization_id'])
    .where('id', '=', serviceId)
    .executeTakeFirst();
  if (!service) throw notFound('The service');
  scope.authorize('attendance', action, await listingTarget(scope, service.organization_id));
  const isProvider = roleOf(scope.actor) === 'vcse_provider';
  return {
    id: service.id,
    name: service.name,
    organizationId: service.organization_id,
    providerOrganizationId: isProvider ? await callerDirectoryOrganization(scope) : null,
  };
}

export async function getRegister(scope: SchemeScope, serviceId: string, date: string): Promise<Register> {
  const service = await registerService(scope, serviceId, 'list');
  let query = scope.db
    .selectFrom('onward_referrals as o')
    .leftJoin('attendance as a', (join) =>
      join.onRef('a.scheme_id', '=', 'o.scheme_id').onRef('a.onward_referral_id', '=', 'o.id').on('a.session_date', '=', date),
    )
    .select(['o.id', 'o.reference', 'o.status', 'o.shared', 'a.mark'])
    .where('o.scheme_id', '=', scope.schemeId)
    .where('o.service_id', '=', service.id)
    .where('o.status', 'in', ON_REGISTER);
  if (service.providerOrganizationId !== null) query = query.where('o.directory_organization_id', '=', service.providerOrganizationId);
  const rows = (await query.execute()).map((r) => ({
    onwardReferralId: r.id,
    reference: r.reference,
    personName: snapshotName(r.shared),
    status: r.status,
    mark: r.mark,
  }));
  rows.sort((a, b) => a.personName.localeCompare(b.personName, 'en-GB') || a.reference.localeCompare(b.reference));
  await scope.audit({ action: 'read', entityType: 'attendance', entityId: service.id, detail: { serviceId: service.id, date, count: rows.length, onwardReferralIds: rows.map((r) => r.onwardReferralId) } });
  return { service: { id: service.id, name: service.name }, date, rows };
}

interface Placed {
  id: string;
  reference: string;
  referral_id: string;
  service_id: string;
  directory_organization_id: string;
  status: OnwardStatus;
  accepted_on: string | null;
  respond_by: string;
  case_status: ReferralStatus;
}

/** Every row must be someone on this register on that date; any that is not refuses the whole save. */
function checkRows(service: RegisterService, input: RegisterInput, found: ReadonlyMap<string, Placed>): Map<string, Placed> {
  const problems: FieldProblem[] = [];
  const seen = new Set<string>();
  const placed = new Map<string, Placed>();
  input.marks.forEach((m, i) => {
    const field = `body.marks.${i}.onwardReferralId`;
    const row = found.get(m.onwardReferralId);
    if (seen.has(m.onwardReferralId)) {
      problems.push({ field, message: `Row ${i + 1} marks the same person twice. Give each person one mark for the session.` });
      return;
    }
    seen.add(m.onwardReferralId);
    const ours =
      row !== undefined &&
      row.service_id === service.id &&
      (service.providerOrganizationId === null || row.directory_organization_id === service.providerOrganizationId);
    if (!ours) {
      problems.push({ field, message: `Row ${i + 1} is not someone referred to ${service.name}. Reload the register and mark it again.` });
      return;
    }
    if (!ON_REGISTER.includes(row.status)) {
      problems.push({ field, message: `Row ${i + 1} (${row.reference}) is no longer on the register: the place is not accepted or attending. Reload the register.` });
      return;
    }
    if (row.accepted_on !== null && input.date < row.accepted_on) {
      problems.push({
        field,
        message: `Row ${i + 1} (${row.reference}): the place was accepted on ${dayMonth(row.accepted_on, true)}, so there is no session on ${dayMonth(input.date, true)} to mark for them.`,
      });
      return;
    }
    placed.set(row.id, row);
  });
  if (problems.length > 0) throw validationError(problems, 'Nothing was saved. Correct the rows named and save the register again.');
  return placed;
}

/** The first "attended" moves an accepted place to attending, on the referral's timeline. */
async function startAttending(scope: SchemeScope, row: Placed, service: RegisterService, today: string, now: Date): Promise<void> {
  const actor = service.providerOrganizationId !== null ? 'provider' : 'system';
  const result = transitionOnward(row.status, { type: 'start_attending' }, { actor, today, respondBy: row.respond_by });
  if (!result.ok) throw new AppError('conflict', result.message, { code: result.code });
  await scope.db
    .updateTable('onward_referrals')
    .set((eb) => ({ status: result.status, version: eb('version', '+', 1), updated_at: now }))
    .where('scheme_id', '=', scope.schemeId)
    .where('id', '=', row.id)
    .execute();
  await scope.db
    .insertInto('onward_referral_events')
    .values({
      scheme_id: scope.schemeId,
      onward_referral_id: row.id,
      occurred_at: now,
      kind: 'start_attending',
      from_status: row.status,
      to_status: result.status,
      note: 'First session attended, from the register',
      actor_label: actorName(scope),
      actor_role: roleOf(scope.actor) ?? 'system',
    })
    .execute();
}

export async function saveRegister(scope: SchemeScope, input: RegisterInput, now: Date = new Date()): Promise<{ saved: number; alertsRaised: number }> {
  const service = await registerService(scope, input.serviceId, 'create');
  const today = londonDate(now);
  if (input.date > today) {
    throw validationError(
      [{ field: 'body.date', message: `${dayMonth(input.date, true)} has not happened yet. Mark a register on the day of the session or after it.` }],
      'Nothing was saved. A register cannot be kept for a date in the future.',
    );
  }
  const ids = [...new Set(input.marks.map((m) => m.onwardReferralId))];
  const rows = await scope.db
    .selectFrom('onward_referrals as o')
    .innerJoin('referrals as r', (join) => join.onRef('r.scheme_id', '=', 'o.scheme_id').onRef('r.id', '=', 'o.referral_id'))
    .select(['o.id', 'o.reference', 'o.referral_id', 'o.service_id', 'o.directory_organization_id', 'o.status', 'o.accepted_on', 'o.respond_by', 'r.status as case_status'])
    .where('o.scheme_id', '=', scope.schemeId)
    .where('o.id', 'in', ids)
    .orderBy('o.id')
    .forUpdate('o')
    .execute();
  const placed = checkRows(service, input, new Map(rows.map((r) => [r.id, r])));

  const recordedBy = actorUserId(scope);
  const label = actorName(scope);
  await scope.db
    .insertInto('attendance')
    .values(
      input.marks.map((m) => ({
        scheme_id: scope.schemeId,
        onward_referral_id: m.onwardReferralId,
        session_date: input.date,
        mark: m.mark,
        recorded_by: recordedBy,
        recorded_by_label: label,
        recorded_at: now,
      })),
    )
    .onConflict((oc) =>
      oc.columns(['scheme_id', 'onward_referral_id', 'session_date']).doUpdateSet((eb) => ({
        mark: eb.ref('excluded.mark'),
        recorded_by: eb.ref('excluded.recorded_by'),
        recorded_by_label: eb.ref('excluded.recorded_by_label'),
        recorded_at: eb.ref('excluded.recorded_at'),
      })),
    )
    .execute();

  let alertsRaised = 0;
  for (const m of input.marks) {
    const row = placed.get(m.onwardReferralId);
    if (!row) continue;
    if (m.mark === 'attended' && row.status === 'accepted') await startAttending(scope, row, service, today, now);
    // A closed case has nobody to follow a non-attendance up: the alert would sit unread.
    if (row.accepted_on === null || row.case_status === 'closed') continue;
    const subject = { onwardReferralId: row.id, referralId: row.referral_id, serviceName: service.name, acceptedOn: row.accepted_on };
    if (await checkNonAttendance(scope, subject, today, now)) alertsRaised += 1;
  }
  await scope.audit({ action: 'create', entityType: 'attendance', entityId: service.id, detail: { serviceId: service.id, date: input.date, count: input.marks.length } });
  return { saved: input.marks.length, alertsRaised };
}
