import type { Task } from '@medplum/fhirtypes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caseload } from '../../contracts/casework.js';
import type { ReferralDetail } from '../../contracts/referrals.js';
import { clientFor, type FhirClient } from '../../fhir/test-kit.js';
import { openTestApp, type SignedIn, type TestApp } from '../../testing/app.js';
import { testBackend } from '../../testing/database.js';
import { addAssessment, addContact, addGoal, addOnwardReferral, makeCase, referralEvent, type CaseRef } from '../caseload/test-rows.js';
import { asSystem, caseworkScheme, type CaseworkScheme } from '../test-kit.js';

/*
 * Acceptance 5: closing the case sends the referrer's feedback and completes the FHIR Task.
 * The kit's referral is made by a GP practice referrer who asked for feedback by email at every
 * milestone, closure included. The FHIR client belongs to that practice, so it may read the Task.
 */

let t: TestApp;
let s: CaseworkScheme;
let c: CaseRef;
let gp: FhirClient;
const kept: Record<'assessment' | 'goal' | 'contact' | 'onward', string> = { assessment: '', goal: '', contact: '', onward: '' };
const OUTCOME = 'Walks with the Tuesday group every week and says she feels less alone.';

const close = (as: SignedIn, ref: CaseRef, payload: object) => t.app.inject({ method: 'POST', url: `/api/cases/${ref.referralId}/close`, headers: as.headers, payload });
const typeOf = (res: { body: string }): string | undefined => (JSON.parse(res.body) as { type?: string }).type?.split('/').pop();

const referralRow = (ref: CaseRef) =>
  asSystem(t, s.scheme.schemeId, (scope) =>
    scope.db.selectFrom('referrals').select(['task_id', 'referrer_email', 'status']).where('id', '=', ref.referralId).executeTakeFirstOrThrow(),
  );
const closureEmails = (ref: CaseRef) =>
  asSystem(t, s.scheme.schemeId, (scope) =>
    scope.db
      .selectFrom('notifications')
      .select(['recipient', 'subject', 'body', 'channel'])
      .where('scheme_id', '=', scope.schemeId)
      .where('entity_type', '=', 'referral')
      .where('entity_id', '=', ref.referralId)
      .where('template', '=', 'referral-feedback-closed')
      .execute(),
  );

beforeAll(async () => {
  t = await openTestApp();
  s = await caseworkScheme(t, { person: { givenName: 'Grace', familyName: 'Kimberley' } });
  c = { schemeId: s.scheme.schemeId, referralId: s.referralId, personId: s.personId };
  gp = await clientFor(t.app, t.ctx.data, s.scheme.schemeId, s.scheme.organisations.practice);
  await referralEvent(t, s, c.referralId, { type: 'record_first_contact' });
  kept.assessment = await addAssessment(t, c, 'Getting out of the house and meeting people.');
  kept.goal = await addGoal(t, c, { title: 'Walk with a group every week', reviewDate: '2026-12-01' });
  kept.contact = await addContact(t, c, { status: 'attended', scheduledAt: '2026-11-10T10:00:00Z', durationMinutes: 50, workerId: s.workerId });
  kept.onward = await addOnwardReferral(t, c, { serviceId: s.serviceId, directoryOrganizationId: s.directoryOrganizationId, status: 'attending' });
});
afterAll(async () => t.close());

describe(`closing a case (${testBackend()})`, () => {
  it('refuses the referrer, a provider and the safeguarding lead', async () => {
    for (const outsider of [s.referrer, s.provider, s.safeguarding]) {
      expect((await close(outsider, c, { reasonCode: 'goals-met', outcomeSummary: OUTCOME })).statusCode).toBe(403);
    }
  });

  it('asks for a coded reason and an outcome summary', async () => {
    expect((await close(s.worker, c, { reasonCode: 'goals-met', outcomeSummary: ' ' })).statusCode).toBe(400);
    expect((await close(s.worker, c, { reasonCode: 'because', outcomeSummary: OUTCOME })).statusCode).toBe(400);
    expect((await close(s.worker, c, { outcomeSummary: OUTCOME })).statusCode).toBe(400);
    expect((await referralRow(c)).status).toBe('first_contact');
  });

  it('sends the referrer one feedback email and completes the FHIR Task (acceptance 5)', async () => {
    const { task_id: taskId, referrer_email: referrerEmail } = await referralRow(c);
    const before = await gp.request('GET', `/fhir/Task/${taskId}`);
    expect(before.status, before.text).toBe(200);
    expect((before.body as Task).status).toBe('in-progress');
    expect(await closureEmails(c)).toEqual([]);

    const res = await close(s.worker, c, { reasonCode: 'goals-met', outcomeSummary: OUTCOME });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ status: 'closed' });

    const emails = await closureEmails(c);
    expect(emails).toHaveLength(1);
    const email = emails[0];
    expect(referrerEmail).toMatch(/^referrer\..+@test\.example\.org$/);
    expect(email?.recipient).toBe(referrerEmail);
    expect(email?.channel).toBe('email');
    expect(email?.body).toContain('The referral is closed: Goals met.');
    expect(email?.body).toContain('An outcome summary is in the letter on Linkwell.');
    // The email names the referral, never the person; the summary itself is in the letter.
    expect(email?.body).not.toContain('Grace');
    expect(email?.body).not.toContain(OUTCOME);
    const letter = await t.app.inject({ method: 'GET', url: `/api/referrals/${c.referralId}/letter`, headers: s.referrer.headers });
    expect(letter.statusCode).toBe(200);
    expect(letter.body).toContain(OUTCOME);

    const after = await gp.request('GET', `/fhir/Task/${taskId}`);
    expect(after.status, after.text).toBe(200);
    expect((after.body as Task).status).toBe('completed');

    const detail = (await t.app.inject({ method: 'GET', url: `/api/referrals/${c.referralId}`, headers: s.manager.headers })).json<ReferralDetail>();
    expect(detail.status).toBe('closed');
    expect(detail.timeline.filter((e) => e.kind === 'closed')).toHaveLength(1);
  });

  it('keeps every assessment, goal, contact and onward referral readable after closure', async () => {
    const read = async (path: string) => {
      const res = await t.app.inject({ method: 'GET', url: `/api/cases/${c.referralId}/${path}`, headers: s.worker.headers });
      expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
      return res.body;
    };
    expect(await read('assessments')).toContain(kept.assessment);
    expect(await read('plan')).toContain(kept.goal);
    expect(await read('contacts')).toContain(kept.contact);
    expect(await read('onward-referrals')).toContain(kept.onward);
    const counts = await asSystem(t, s.scheme.schemeId, async (scope) => ({
      assessments: (await scope.db.selectFrom('assessments').select('id').where('referral_id', '=', c.referralId).execute()).length,
      goals: (await scope.db.selectFrom('goals').select('id').where('referral_id', '=', c.referralId).execute()).length,
      contacts: (await scope.db.selectFrom('contacts').select('id').where('referral_id', '=', c.referralId).execute()).length,
      onward: (await scope.db.selectFrom('onward_referrals').select('id').where('referral_id', '=', c.referralId).execute()).length,
    }));
    expect(counts).toEqual({ assessments: 1, goals: 1, contacts: 1, onward: 1 });
  });

  it('takes the case off the caseload and refuses to close it twice', async () => {
    const load = (await t.app.inject({ method: 'GET', url: '/api/caseload', headers: s.worker.headers })).json<Caseload>();
    expect(load.items.map((i) => i.referralId)).not.toContain(c.referralId);
    const again = await close(s.worker, c, { reasonCode: 'goals-met', outcomeSummary: OUTCOME });
    expect(again.statusCode).toBe(409);
    expect(typeOf(again)).toBe('case-closed');
    expect(await closureEmails(c)).toHaveLength(1);
  });

  it('closes an accepted case and an active one too; a referral still in triage is not a case', async () => {
    const accepted = await makeCase(t, s, s.workerId, { givenName: 'Ann', familyName: 'Accepted' });
    const active = await makeCase(t, s, s.workerId, { givenName: 'Abe', familyName: 'Active' });
    await referralEvent(t, s, active.referralId, { type: 'record_first_contact' });
    await referralEvent(t, s, active.referralId, { type: 'start_support' });
    for (const ref of [accepted, active]) {
      const res = await close(s.manager, ref, { reasonCode: 'disengaged', outcomeSummary: 'Stopped replying after two calls.' });
      expect(res.statusCode, res.body).toBe(200);
      expect((await referralRow(ref)).status).toBe('closed');
      expect(await closureEmails(ref)).toHaveLength(1);
    }
    const waiting = await caseworkScheme(t, { unallocated: true });
    const res = await close(waiting.manager, { ...c, referralId: waiting.referralId }, { reasonCode: 'goals-met', outcomeSummary: OUTCOME });
    expect(res.statusCode).toBe(404);
  });
});
