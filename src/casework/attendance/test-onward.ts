import { randomInt, randomUUID } from 'node:crypto';
import type { OnwardStatus } from '../../contracts/casework-codes.js';
import type { TestApp } from '../../testing/app.js';
import { referralBody } from '../../testing/referrals.js';
import { asSystem, referredCase, type CaseworkScheme } from '../test-kit.js';

/**
 * Onward referrals for the register and concern tests, written straight into the table (the
 * onward referral routes are another part's), and more cases in a test scheme.
 */

export interface TestCase {
  referralId: string;
  personId: string;
  familyName: string;
}

/** Another allocated case in the scheme, for a register with several people on it. */
export async function addCase(t: TestApp, cw: CaseworkScheme): Promise<TestCase> {
  const familyName = `Recordname-${randomInt(0, 1_000_000)}`;
  const detail = await referredCase(
    t,
    cw,
    referralBody({ person: { familyName }, consent: { scopes: ['referral', 'contact', 'share-with-partners'] } }),
    cw.workerId,
  );
  return { referralId: detail.id, personId: detail.person.id, familyName };
}

export interface OnwardSpec {
  referralId: string;
  personId: string;
  /** The name in the snapshot the provider was sent. */
  name: string;
  serviceId?: string;
  directoryOrganizationId?: string;
  status?: OnwardStatus;
  acceptedOn?: string | null;
  endedAt?: Date | null;
  reportNonAttendance?: boolean;
}

export interface PlacedOnward {
  id: string;
  reference: string;
}

export async function placeOnward(t: TestApp, cw: CaseworkScheme, spec: OnwardSpec): Promise<PlacedOnward> {
  const id = randomUUID();
  const reference = `ON-${randomUUID().slice(0, 6).toUpperCase()}`;
  await asSystem(t, cw.scheme.schemeId, (scope) =>
    scope.db
      .insertInto('onward_referrals')
      .values({
        scheme_id: cw.scheme.schemeId,
        id,
        reference,
        referral_id: spec.referralId,
        person_id: spec.personId,
        service_id: spec.serviceId ?? cw.serviceId,
        directory_organization_id: spec.directoryOrganizationId ?? cw.directoryOrganizationId,
        status: spec.status ?? 'accepted',
        consent_given_by: 'person',
        consent_method: 'verbal',
        consent_given_at: '2025-01-02T10:00:00Z',
        consent_recorded_by: 'Test link worker',
        shared_fields: ['name', 'need_summary'],
        shared: JSON.stringify({ name: spec.name, needSummary: 'Would like company on a walk' }),
        first_contact_by: 'provider_contacts_person',
        link_worker_stays_involved: true,
        may_return: false,
        report_non_attendance: spec.reportNonAttendance ?? true,
        respond_by: '2025-01-17',
        remind_on: '2025-01-10',
        accepted_on: spec.acceptedOn === undefined ? '2025-01-06' : spec.acceptedOn,
        ended_at: spec.endedAt ?? null,
        sent_by_label: 'Test link worker',
      })
      .execute(),
  );
  return { id, reference };
}
