import type { ReferralDetail } from '../../contracts/referrals.js';
import type { MeasureAnswers } from '../../contracts/outcomes.js';
import type { SchemeScope } from '../../data/access.js';
import { createTestScheme, createTestUser, openTestApp, signInAs, type SignedIn, type TestApp, type TestScheme, type TestUser } from '../../testing/app.js';
import { referralBody } from '../../testing/referrals.js';

/** Factories shared by the link and reminder tests: a scheme with staff, referred people, the outbox. */

export interface OutcomeWorld {
  t: TestApp;
  scheme: TestScheme;
  workerUser: TestUser;
  worker: SignedIn;
  managerUser: TestUser;
  manager: SignedIn;
}

export async function openOutcomeWorld(): Promise<OutcomeWorld> {
  const t = await openTestApp();
  const scheme = await createTestScheme(t.ctx.data);
  const workerUser = await createTestUser(t.ctx.data, scheme, 'link_worker');
  const managerUser = await createTestUser(t.ctx.data, scheme, 'scheme_manager');
  return { t, scheme, workerUser, worker: await signInAs(t.app, workerUser), managerUser, manager: await signInAs(t.app, managerUser) };
}

const system = (w: OutcomeWorld) => ({ type: 'system' as const, schemeId: w.scheme.schemeId, label: 'test' });

/** A referral made through the API, for a person with the given contact details. */
export async function referPerson(w: OutcomeWorld, person: Record<string, unknown> = {}): Promise<ReferralDetail> {
  const response = await w.t.app.inject({ method: 'POST', url: '/api/referrals', headers: w.worker.headers, payload: referralBody({ person }) });
  if (response.statusCode !== 201) throw new Error(`referral failed: ${response.statusCode} ${response.body}`);
  return response.json<ReferralDetail>();
}

/**
 * Allocates the referral to the test's link worker and records first contact through the API,
 * then moves first contact to the given instant, so that the schedule runs on the test's clock.
 */
export async function startCase(w: OutcomeWorld, referral: ReferralDetail, firstContactAt: Date): Promise<void> {
  const allocate = await w.t.app.inject({
    method: 'POST',
    url: `/api/referrals/${referral.id}/events`,
    headers: { ...w.worker.headers, 'if-match': `"${referral.version}"` },
    payload: { type: 'allocate', linkWorkerId: w.workerUser.userId },
  });
  if (allocate.statusCode !== 200) throw new Error(`allocate failed: ${allocate.body}`);
  const contact = await w.t.app.inject({ method: 'POST', url: `/api/referrals/${referral.id}/events`, headers: w.worker.headers, payload: { type: 'record_first_contact' } });
  if (contact.statusCode !== 200) throw new Error(`first contact failed: ${contact.body}`);
  await w.t.ctx.data.inScheme(system(w), {}, (scope) =>
    scope.db.updateTable('referrals').set({ first_contact_at: firstContactAt }).where('scheme_id', '=', scope.schemeId).where('id', '=', referral.id).execute(),
  );
}

export interface OutboxRow {
  id: string;
  channel: string;
  template: string;
  recipient: string;
  subject: string;
  body: string;
  entity_type: string | null;
  entity_id: string | null;
}

export async function outbox(w: OutcomeWorld): Promise<OutboxRow[]> {
  return w.t.ctx.data.inScheme(system(w), {}, (scope) =>
    scope.db
      .selectFrom('notifications')
      .select(['id', 'channel', 'template', 'recipient', 'subject', 'body', 'entity_type', 'entity_id'])
      .where('scheme_id', '=', scope.schemeId)
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  );
}

/** Runs a query in the test scheme, as the system. */
export function inTestScheme<T>(w: OutcomeWorld, work: (scope: SchemeScope) => Promise<T>): Promise<T> {
  return w.t.ctx.data.inScheme(system(w), {}, work);
}

/** The token from a link message: the part after /questionnaire#. */
export function tokenIn(body: string): string {
  const match = /\/questionnaire#([A-Za-z0-9_-]+)/.exec(body);
  if (!match?.[1]) throw new Error('no questionnaire link in the message');
  return match[1];
}

/** SWEMWBS answers for the seven items, in order (each 1–5). */
export function swemwbsAnswers(values: readonly (number | null)[]): MeasureAnswers {
  const keys = ['wemwbs_1', 'wemwbs_2', 'wemwbs_3', 'wemwbs_6', 'wemwbs_7', 'wemwbs_9', 'wemwbs_11'];
  const answered: Record<string, number> = {};
  keys.forEach((key, i) => {
    const value = values[i];
    if (value !== null && value !== undefined) answered[key] = value;
  });
  return { values: answered, names: {} };
}
