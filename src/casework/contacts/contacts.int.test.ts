import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Contact } from '../../contracts/casework.js';
import { ENGLAND_WALES_BANK_HOLIDAYS, londonDate } from '../../referrals/domain/working-days.js';
import { createTestUser, openTestApp, signInAs, type SignedIn, type TestApp } from '../../testing/app.js';
import { testBackend } from '../../testing/database.js';
import { asSystem, caseworkScheme, type CaseworkScheme } from '../test-kit.js';
import { at, auditActions, contactBody, listContacts, madeContact, outcome, postContact, problemCode } from './contact-test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

const now = () => new Date();

/** Two working days after today in London, counted by hand: weekends and bank holidays skipped. */
function twoWorkingDaysOn(): string {
  const day = new Date(`${londonDate(new Date())}T12:00:00Z`);
  let left = 2;
  while (left > 0) {
    day.setUTCDate(day.getUTCDate() + 1);
    const iso = day.toISOString().slice(0, 10);
    if (day.getUTCDay() !== 0 && day.getUTCDay() !== 6 && !ENGLAND_WALES_BANK_HOLIDAYS.has(iso)) left -= 1;
  }
  return day.toISOString().slice(0, 10);
}

const alertsOf = (cw: CaseworkScheme) =>
  asSystem(t, cw.scheme.schemeId, (scope) =>
    scope.db.selectFrom('case_alerts').select(['id', 'kind', 'key', 'message']).where('scheme_id', '=', scope.schemeId).where('referral_id', '=', cw.referralId).orderBy('raised_at').execute(),
  );
const tasksOf = (cw: CaseworkScheme) =>
  asSystem(t, cw.scheme.schemeId, (scope) =>
    scope.db.selectFrom('case_tasks').select(['title', 'due_on', 'assignee_id', 'alert_id']).where('scheme_id', '=', scope.schemeId).where('referral_id', '=', cw.referralId).execute(),
  );
const referralStatus = (cw: CaseworkScheme) =>
  asSystem(t, cw.scheme.schemeId, async (scope) => (await scope.db.selectFrom('referrals').select('status').where('id', '=', cw.referralId).executeTakeFirstOrThrow()).status);

describe(`contacts with the person (${testBackend()})`, () => {
  it('books an appointment ahead for the signed-in worker, lists contacts newest first, and audits both', async () => {
    const cw = await caseworkScheme(t);
    const tomorrow = at(now(), 24 * 60).toISOString();
    const res = await postContact(t, cw, contactBody({ scheduledAt: tomorrow, location: 'Riverside surgery, room 2', durationMinutes: 45 }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.headers.etag).toBe('W/"1"');
    const booked = res.json<Contact>();
    expect(booked).toMatchObject({
      referralId: cw.referralId,
      mode: 'practice',
      status: 'booked',
      scheduledAt: tomorrow,
      durationMinutes: 45,
      location: 'Riverside surgery, room 2',
      worker: 'Test link_worker',
      loneWorking: null,
      cancelReason: null,
      version: 1,
    });

    const lastWeek = at(now(), -7 * 24 * 60).toISOString();
    const past = await madeContact(t, cw, { mode: 'phone', status: 'attended', scheduledAt: lastWeek, durationMinutes: 20, notes: 'Talked about the walking group.' });
    expect(past.status).toBe('attended');

    const list = await listContacts(t, cw);
    expect(list.statusCode, list.body).toBe(200);
    expect(list.json<{ contacts: Contact[] }>().contacts.map((c) => c.id)).toEqual([booked.id, past.id]);
    expect(await auditActions(t, cw, 'contact', booked.id)).toEqual(['create']);
    const reads = await asSystem(t, cw.scheme.schemeId, (scope) =>
      scope.db.selectFrom('audit_events').select('detail').where('scheme_id', '=', scope.schemeId).where('entity_type', '=', 'contact').where('action', '=', 'read').execute(),
    );
    expect(reads).toHaveLength(1);
    // A contact taken place on an accepted case leaves the referral where triage put it.
    expect(await referralStatus(cw)).toBe('accepted');
  });

  it('a booking may be in the past; a contact recorded as taken place or missed may not be in the future', async () => {
    const cw = await caseworkScheme(t);
    expect((await postContact(t, cw, contactBody({ scheduledAt: at(now(), -60).toISOString() }))).statusCode).toBe(201);
    for (const status of ['attended', 'did_not_attend']) {
      const res = await postContact(t, cw, contactBody({ status, scheduledAt: at(now(), 60).toISOString() }));
      expect(res.statusCode, res.body).toBe(400);
      expect(res.body).toContain('cannot be marked as');
    }
  });

  it('a home visit with a check-in time is watched; the check-in must come after the visit starts, within 12 hours, and only for a home visit', async () => {
    const cw = await caseworkScheme(t);
    const start = at(now(), 60);
    const visit = await madeContact(t, cw, { mode: 'home_visit', scheduledAt: start.toISOString(), expectedCheckInAt: at(start, 90).toISOString() });
    expect(visit.loneWorking).toEqual({
      expectedCheckInAt: at(start, 90).toISOString(),
      state: 'waiting',
      level: 0,
      checkIn: null,
      checkedInAt: null,
      acknowledgedAt: null,
      acknowledgedBy: null,
    });
    const rows = await asSystem(t, cw.scheme.schemeId, (scope) => scope.db.selectFrom('lone_working_visits').select(['worker_id']).where('contact_id', '=', visit.id).execute());
    expect(rows).toEqual([{ worker_id: cw.workerId }]);

    const refused = [
      { mode: 'phone', scheduledAt: start.toISOString(), expectedCheckInAt: at(start, 30).toISOString() },
      { mode: 'home_visit', scheduledAt: start.toISOString(), expectedCheckInAt: start.toISOString() },
      { mode: 'home_visit', scheduledAt: start.toISOString(), expectedCheckInAt: at(start, -5).toISOString() },
      { mode: 'home_visit', scheduledAt: start.toISOString(), expectedCheckInAt: at(start, 12 * 60 + 1).toISOString() },
      // A check-in time already gone.
      { mode: 'home_visit', status: 'attended', scheduledAt: at(now(), -120).toISOString(), expectedCheckInAt: at(now(), -60).toISOString() },
    ];
    for (const body of refused) {
      const res = await postContact(t, cw, contactBody(body));
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.body).toContain('expectedCheckInAt');
    }
    // Exactly 12 hours is allowed. A later start, so that it is not taken for a second submit of the visit above.
    const later = at(start, 60);
    const longest = await postContact(t, cw, contactBody({ mode: 'home_visit', scheduledAt: later.toISOString(), expectedCheckInAt: at(later, 12 * 60).toISOString() }));
    expect(longest.statusCode, longest.body).toBe(201);
    expect(longest.json<Contact>().loneWorking?.expectedCheckInAt).toBe(at(later, 12 * 60).toISOString());
  });

  it('a manager, who cannot check in, may not book a visit under lone working, and nothing is saved; without a check-in they may', async () => {
    const cw = await caseworkScheme(t);
    const start = at(now(), 60);
    const watched = contactBody({ mode: 'home_visit', scheduledAt: start.toISOString(), expectedCheckInAt: at(start, 90).toISOString() });
    const refused = await postContact(t, cw, watched, cw.manager);
    expect(refused.statusCode, refused.body).toBe(403);
    const saved = await asSystem(t, cw.scheme.schemeId, async (scope) => ({
      contacts: await scope.db.selectFrom('contacts').select('id').where('referral_id', '=', cw.referralId).execute(),
      visits: await scope.db.selectFrom('lone_working_visits').select('contact_id').where('worker_id', '=', cw.managerId).execute(),
    }));
    expect(saved).toEqual({ contacts: [], visits: [] });
    const plain = await postContact(t, cw, contactBody({ mode: 'home_visit', scheduledAt: start.toISOString() }), cw.manager);
    expect(plain.statusCode, plain.body).toBe(201);
    expect(plain.json<Contact>().loneWorking).toBeNull();
  });

  it('marks what happened with If-Match, and refuses what the contact lifecycle refuses with its code', async () => {
    const cw = await caseworkScheme(t);
    const future = await madeContact(t, cw, { scheduledAt: at(now(), 120).toISOString() });
    const early = await outcome(t, cw.worker, future.id, { event: { type: 'attended' } }, 1);
    expect(early.statusCode, early.body).toBe(409);
    expect(problemCode(early)).toBe('not-yet');

    const due = await madeContact(t, cw, { scheduledAt: at(now(), -30).toISOString() });
    expect((await outcome(t, cw.worker, due.id, { event: { type: 'attended' } })).statusCode).toBe(400);
    expect((await outcome(t, cw.worker, due.id, { event: { type: 'attended' } }, 7)).statusCode).toBe(412);
    const done = await outcome(t, cw.worker, due.id, { event: { type: 'attended' }, durationMinutes: 50, attendees: 'Person and daughter', notes: 'Agreed to try the walk.' }, 1);
    expect(done.statusCode, done.body).toBe(200);
    expect(done.headers.etag).toBe('W/"2"');
    expect(done.json<Contact>()).toMatchObject({ status: 'attended', durationMinutes: 50, attendees: 'Person and daughter', notes: 'Agreed to try the walk.', version: 2 });

    const cancel = await outcome(t, cw.worker, due.id, { event: { type: 'cancel', reason: 'Unwell' } }, 2);
    expect(cancel.statusCode).toBe(409);
    expect(problemCode(cancel)).toBe('illegal-transition');
    expect(cancel.json<{ detail: string }>().detail).toBe('This contact is marked "Took place", so it cannot be cancelled.');

    const cancelled = await outcome(t, cw.worker, future.id, { event: { type: 'cancel', reason: 'Person in hospital' } }, 1);
    expect(cancelled.json<Contact>()).toMatchObject({ status: 'cancelled', cancelReason: 'Person in hospital', version: 2 });
    expect(await auditActions(t, cw, 'contact', due.id)).toEqual(['create', 'update']);
  });

  it('two missed appointments in a row alert the link worker once, with a follow-up task in two working days', async () => {
    const cw = await caseworkScheme(t);
    const hoursAgo = (h: number) => at(now(), -h * 60).toISOString();
    await madeContact(t, cw, { status: 'attended', scheduledAt: hoursAgo(72) });
    const firstMiss = await madeContact(t, cw, { status: 'did_not_attend', scheduledAt: hoursAgo(48) });
    expect(await alertsOf(cw)).toEqual([]);
    // A cancellation between the misses neither breaks nor adds to the run.
    const cancelled = await madeContact(t, cw, { scheduledAt: hoursAgo(36) });
    await outcome(t, cw.worker, cancelled.id, { event: { type: 'cancel', reason: 'Rearranged' } }, 1);
    const secondMiss = await madeContact(t, cw, { scheduledAt: hoursAgo(24) });
    const marked = await outcome(t, cw.worker, secondMiss.id, { event: { type: 'did_not_attend' } }, 1);
    expect(marked.statusCode, marked.body).toBe(200);

    const alerts = await alertsOf(cw);
    expect(alerts).toEqual([{ id: alerts[0]?.id, kind: 'repeated_dna', key: `dna:${firstMiss.id}`, message: 'Missed 2 appointments in a row' }]);
    const tasks = await tasksOf(cw);
    expect(tasks).toEqual([{ title: 'Follow up missed appointments', due_on: twoWorkingDaysOn(), assignee_id: cw.workerId, alert_id: alerts[0]?.id }]);

    // A third miss in the same run raises nothing new.
    await madeContact(t, cw, { status: 'did_not_attend', scheduledAt: hoursAgo(12) });
    expect(await alertsOf(cw)).toHaveLength(1);
    expect(await referralStatus(cw)).toBe('accepted');
  });

  it('a scheme threshold of 3 waits for the third miss', async () => {
    const cw = await caseworkScheme(t);
    await asSystem(t, cw.scheme.schemeId, (scope) => scope.db.insertInto('casework_settings').values({ scheme_id: scope.schemeId, repeated_dna_threshold: 3 }).execute());
    const misses: Contact[] = [];
    for (const h of [30, 20, 10]) misses.push(await madeContact(t, cw, { status: 'did_not_attend', scheduledAt: at(now(), -h * 60).toISOString() }));
    const alerts = await alertsOf(cw);
    expect(alerts.map((a) => [a.key, a.message])).toEqual([[`dna:${misses[0]?.id}`, 'Missed 3 appointments in a row']]);
  });

  it('a closed case keeps its contacts to read but takes no new ones', async () => {
    const cw = await caseworkScheme(t);
    const due = await madeContact(t, cw, { scheduledAt: at(now(), -30).toISOString() });
    for (const payload of [{ type: 'record_first_contact' }, { type: 'close', reasonCode: 'goals-met', outcomeSummary: 'Walking weekly with the group.' }]) {
      const res = await t.app.inject({ method: 'POST', url: `/api/referrals/${cw.referralId}/events`, headers: cw.worker.headers, payload });
      expect(res.statusCode, res.body).toBe(200);
    }
    const refused = await postContact(t, cw, contactBody());
    expect(refused.statusCode).toBe(409);
    expect(problemCode(refused)).toBe('case-closed');
    expect(problemCode(await outcome(t, cw.worker, due.id, { event: { type: 'attended' } }, 1))).toBe('case-closed');
    const list = await listContacts(t, cw);
    expect(list.json<{ contacts: Contact[] }>().contacts.map((c) => c.id)).toEqual([due.id]);
  });

  it('people without casework get 403 on every contact route; an unknown contact is 404', async () => {
    const cw = await caseworkScheme(t);
    const due = await madeContact(t, cw, { scheduledAt: at(now(), -30).toISOString() });
    const commissioner = await signInAs(t.app, await createTestUser(t.ctx.data, cw.scheme, 'commissioner'));
    const outsiders: [string, SignedIn][] = [['referrer', cw.referrer], ['provider', cw.provider], ['other provider', cw.otherProvider], ['commissioner', commissioner]];
    for (const [who, as] of outsiders) {
      expect((await listContacts(t, cw, as)).statusCode, who).toBe(403);
      expect((await postContact(t, cw, contactBody(), as)).statusCode, who).toBe(403);
      expect((await outcome(t, as, due.id, { event: { type: 'attended' } }, 1)).statusCode, who).toBe(403);
    }
    expect((await outcome(t, cw.worker, crypto.randomUUID(), { event: { type: 'attended' } }, 1)).statusCode).toBe(404);
    // The manager holds casework too.
    expect((await listContacts(t, cw, cw.manager)).statusCode).toBe(200);
  });

  it('a booking submitted twice makes one contact and one lone-working watch; another time, or the same after 10 minutes, is a new booking', async () => {
    const cw = await caseworkScheme(t);
    const start = at(now(), 60);
    const watched = contactBody({ mode: 'home_visit', scheduledAt: start.toISOString(), expectedCheckInAt: at(start, 90).toISOString() });
    // A double click: both arrive together and queue on the case's lock.
    const pair = await Promise.all([postContact(t, cw, watched), postContact(t, cw, watched)]);
    expect(pair.map((r) => r.statusCode)).toEqual([201, 201]);
    const [first, second] = pair.map((r) => r.json<Contact>());
    expect(second).toEqual(first);
    const firstId = first?.id;
    // A retry after a slow network on the doorstep.
    const retry = await postContact(t, cw, watched);
    expect(retry.json<Contact>()).toEqual(first);

    const saved = () =>
      asSystem(t, cw.scheme.schemeId, async (scope) => ({
        contacts: (await scope.db.selectFrom('contacts').select('id').where('referral_id', '=', cw.referralId).orderBy('scheduled_at').orderBy('created_at').execute()).map((r) => r.id),
        visits: (await scope.db.selectFrom('lone_working_visits').select('contact_id').where('worker_id', '=', cw.workerId).orderBy('created_at').execute()).map((r) => r.contact_id),
      }));
    expect(await saved()).toEqual({ contacts: [firstId], visits: [firstId] });
    expect(await auditActions(t, cw, 'contact', firstId ?? '')).toEqual(['create', 'read', 'read']);

    const later = await madeContact(t, cw, { mode: 'home_visit', scheduledAt: at(start, 30).toISOString(), expectedCheckInAt: at(start, 120).toISOString() });
    expect(later.id).not.toBe(firstId);
    expect(await saved()).toEqual({ contacts: [firstId, later.id], visits: [firstId, later.id] });

    // The same booking with another check-in time is a correction: watched at the new time too.
    const corrected = await madeContact(t, cw, { mode: 'home_visit', scheduledAt: start.toISOString(), expectedCheckInAt: at(start, 60).toISOString() });
    expect(corrected.id).not.toBe(firstId);
    expect(corrected.loneWorking?.expectedCheckInAt).toBe(at(start, 60).toISOString());
    expect(await saved()).toEqual({ contacts: [firstId, corrected.id, later.id], visits: [firstId, later.id, corrected.id] });

    // Eleven minutes on, the same booking again is taken as meant.
    await asSystem(t, cw.scheme.schemeId, (scope) => scope.db.updateTable('contacts').set({ created_at: at(now(), -11) }).where('id', '=', firstId ?? '').execute());
    const again = await postContact(t, cw, watched);
    expect(again.statusCode, again.body).toBe(201);
    const againId = again.json<Contact>().id;
    expect(againId).not.toBe(firstId);
    expect((await saved()).contacts).toEqual([firstId, corrected.id, againId, later.id]);
  });

  it('a missed appointment recorded twice by a double click counts as one miss', async () => {
    const cw = await caseworkScheme(t);
    const missed = contactBody({ status: 'did_not_attend', scheduledAt: at(now(), -120).toISOString() });
    const firstMiss = await postContact(t, cw, missed);
    const again = await postContact(t, cw, missed);
    expect(again.json<Contact>().id).toBe(firstMiss.json<Contact>().id);
    // The scheme's default threshold is two in a row: one miss, however often sent, raises nothing.
    expect(await alertsOf(cw)).toEqual([]);
  });
});
