import type { OnwardReferral } from '../../contracts/onward.js';
import type { SignedIn, TestApp } from '../../testing/app.js';
import { asSystem, type CaseworkScheme } from '../test-kit.js';

/** Shared by the onward referral, provider portal and response window tests. */

export const PERSON = {
  givenName: 'Grace',
  preferredName: 'Gracie',
  email: 'grace.kim@example.org',
  phone: '07700 900456',
  preferredContactMethod: 'phone',
  contactTimes: 'Weekday mornings',
  language: 'Korean',
  interpreterNeeded: true,
  accessibleFormats: ['large-print'],
  addressLine1: '4 Mill Lane',
  town: 'Leeds',
  postcode: 'LS1 4AP',
};

export const PROVIDER_EMAIL = 'walks@example.org';

export function onwardBody(serviceId: string, goalIds: string[], overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    serviceId,
    consent: { agreed: true, givenBy: 'person', method: 'verbal', givenAt: '2026-11-20T10:00:00Z' },
    handover: { firstContactBy: 'provider_contacts_person', linkWorkerStaysInvolved: true, mayReturn: true, returnUntil: '2027-05-01', reportNonAttendance: true },
    goalIds,
    needSummary: 'Would like to walk with others and get out of the house',
    risks: 'Uses a stick on rough ground',
    ...overrides,
  };
}

/** A goal in the case's plan, written straight to the table (the plan's own routes are tested with the plan). */
export async function addGoal(t: TestApp, k: CaseworkScheme, title: string, status: 'not_started' | 'in_progress' | 'achieved' = 'not_started'): Promise<string> {
  const id = crypto.randomUUID();
  await asSystem(t, k.scheme.schemeId, (scope) =>
    scope.db
      .insertInto('goals')
      .values({ scheme_id: scope.schemeId, id, referral_id: k.referralId, person_id: k.personId, title, status, created_by_label: 'test' })
      .execute(),
  );
  return id;
}

/** Gives the kit's service a named contact, so that the provider is emailed. */
export async function giveServiceContact(t: TestApp, serviceId: string): Promise<void> {
  await t.ctx.data.platform((tx) => tx.updateTable('directory_services').set({ named_contact_email: PROVIDER_EMAIL }).where('id', '=', serviceId).execute());
}

export async function sendOnward(t: TestApp, as: SignedIn, k: CaseworkScheme, goalIds: string[], overrides: Record<string, unknown> = {}): Promise<OnwardReferral> {
  const response = await t.app.inject({ method: 'POST', url: `/api/cases/${k.referralId}/onward-referrals`, headers: as.headers, payload: onwardBody(k.serviceId, goalIds, overrides) });
  if (response.statusCode !== 201) throw new Error(`onward referral failed: ${response.statusCode} ${response.body}`);
  return response.json<OnwardReferral>();
}

export function countRows(t: TestApp, schemeId: string, table: 'onward_referrals' | 'signposts', referralId: string): Promise<number> {
  return asSystem(t, schemeId, async (scope) => {
    const rows = await scope.db.selectFrom(table).select('id').where('referral_id', '=', referralId).execute();
    return rows.length;
  });
}

export function notificationsFor(t: TestApp, schemeId: string, entityId: string): Promise<{ template: string; recipient: string; subject: string; body: string }[]> {
  return asSystem(t, schemeId, (scope) =>
    scope.db.selectFrom('notifications').select(['template', 'recipient', 'subject', 'body']).where('entity_id', '=', entityId).orderBy('created_at', 'asc').execute(),
  );
}

export function notificationsTo(t: TestApp, schemeId: string, recipient: string): Promise<{ template: string; subject: string; body: string }[]> {
  return asSystem(t, schemeId, (scope) => scope.db.selectFrom('notifications').select(['template', 'subject', 'body']).where('recipient', '=', recipient).execute());
}

/** The problem's code: the last part of its RFC 9457 type. */
export const problemCode = (response: { body: string }): string => (JSON.parse(response.body) as { type: string }).type.split('/').pop() ?? '';
