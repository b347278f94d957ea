import { randomUUID } from 'node:crypto';
import type { ContactStatus, GoalStatus, OnwardStatus } from '../../contracts/casework-codes.js';
import type { TestApp } from '../../testing/app.js';
import { referralBody } from '../../testing/referrals.js';
import { raiseAlert } from '../alerts/raise.js';
import { asSystem, referredCase, type CaseworkScheme } from '../test-kit.js';

/**
 * Rows written straight into a case for caseload, alert and closure tests, so that they do not
 * wait on the routes that normally make them. Each takes the scheme and case it belongs to.
 */

export interface CaseRef {
  schemeId: string;
  referralId: string;
  personId: string;
}

/** Another case in the scheme: referred by the scheme's referrer, allocated by its manager. */
export async function makeCase(t: TestApp, s: CaseworkScheme, linkWorkerId: string, person: { givenName: string; familyName: string }): Promise<CaseRef> {
  const detail = await referredCase(t, s, referralBody({ person }), linkWorkerId);
  return { schemeId: s.scheme.schemeId, referralId: detail.id, personId: detail.person.id };
}

/** A referral lifecycle event sent by the scheme's manager, as the referral page does. */
export async function referralEvent(t: TestApp, s: CaseworkScheme, referralId: string, payload: Record<string, unknown>): Promise<void> {
  const res = await t.app.inject({ method: 'POST', url: `/api/referrals/${referralId}/events`, headers: s.manager.headers, payload });
  if (res.statusCode !== 200) throw new Error(`${String(payload.type)} failed: ${res.statusCode} ${res.body}`);
}

export function addContact(
  t: TestApp,
  c: CaseRef,
  row: { status: ContactStatus; scheduledAt: string; durationMinutes?: number | null; workerId?: string | null },
): Promise<string> {
  const id = randomUUID();
  return asSystem(t, c.schemeId, async (scope) => {
    await scope.db
      .insertInto('contacts')
      .values({
        scheme_id: c.schemeId,
        id,
        referral_id: c.referralId,
        person_id: c.personId,
        mode: 'phone',
        status: row.status,
        scheduled_at: row.scheduledAt,
        duration_minutes: row.durationMinutes ?? null,
        worker_id: row.workerId ?? null,
        worker_label: 'Test link worker',
      })
      .execute();
    return id;
  });
}

export function addGoal(t: TestApp, c: CaseRef, row: { title: string; reviewDate: string | null; status?: GoalStatus }): Promise<string> {
  const id = randomUUID();
  return asSystem(t, c.schemeId, async (scope) => {
    await scope.db
      .insertInto('goals')
      .values({
        scheme_id: c.schemeId,
        id,
        referral_id: c.referralId,
        person_id: c.personId,
        title: row.title,
        review_date: row.reviewDate,
        status: row.status ?? 'in_progress',
        created_by_label: 'Test link worker',
      })
      .execute();
    return id;
  });
}

export function addAssessment(t: TestApp, c: CaseRef, whatMatters: string): Promise<string> {
  const id = randomUUID();
  return asSystem(t, c.schemeId, async (scope) => {
    await scope.db
      .insertInto('assessments')
      .values({
        scheme_id: c.schemeId,
        id,
        referral_id: c.referralId,
        person_id: c.personId,
        number: 1,
        what_matters: whatMatters,
        domains: '[]',
        assessed_on: '2026-11-02',
        created_by_label: 'Test link worker',
      })
      .execute();
    return id;
  });
}

export function addOnwardReferral(t: TestApp, c: CaseRef, row: { serviceId: string; directoryOrganizationId: string; status: OnwardStatus }): Promise<string> {
  const id = randomUUID();
  return asSystem(t, c.schemeId, async (scope) => {
    await scope.db
      .insertInto('onward_referrals')
      .values({
        scheme_id: c.schemeId,
        id,
        reference: `ON-${id.slice(0, 8)}`,
        referral_id: c.referralId,
        person_id: c.personId,
        service_id: row.serviceId,
        directory_organization_id: row.directoryOrganizationId,
        status: row.status,
        consent_given_by: 'person',
        consent_method: 'verbal',
        consent_given_at: '2026-11-03T10:00:00Z',
        consent_recorded_by: 'Test link worker',
        shared_fields: ['name'],
        shared: JSON.stringify({ name: 'Test' }),
        first_contact_by: 'provider_contacts_person',
        link_worker_stays_involved: true,
        may_return: false,
        report_non_attendance: true,
        respond_by: '2026-11-17',
        remind_on: '2026-11-10',
        sent_by_label: 'Test link worker',
      })
      .execute();
    return id;
  });
}

/** An alert raised as the rules raise it, with its follow-up task for the case's link worker. */
export async function addAlert(t: TestApp, c: CaseRef, key: string, now = new Date()): Promise<string> {
  const id = await asSystem(t, c.schemeId, (scope) =>
    raiseAlert(
      scope,
      { referralId: c.referralId, kind: 'non_attendance', key, message: 'Missed two sessions in a row', followUp: { title: 'Ring the person about the walk', withinWorkingDays: 2 } },
      now,
    ),
  );
  if (id === null) throw new Error('alert not raised');
  return id;
}
