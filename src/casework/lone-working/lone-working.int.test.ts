import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicUrl } from '../../config/index.js';
import type { Contact } from '../../contracts/casework.js';
import { createTestUser, openTestApp, signInAs, type SignedIn, type TestApp } from '../../testing/app.js';
import { testBackend } from '../../testing/database.js';
import { at, auditActions, madeContact, problemCode } from '../contacts/contact-test-kit.js';
import { asSystem, caseworkScheme, type CaseworkScheme } from '../test-kit.js';
import { escalateLoneWorking } from './jobs.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

const PERSON = { familyName: 'Quennell-Ashdown', postcode: 'LS6 2QZ' };
const DUTY = { name: 'Sam Duty', email: 'duty.phone@riverside.example.org', phone: '07700 900456' };

const run = (now: Date) => escalateLoneWorking(t.ctx.data, t.ctx.jobs, t.ctx.config, now);

interface Watched {
  cw: CaseworkScheme;
  visit: Contact;
  /** The expected check-in time, as moved for the test's clock. */
  expected: Date;
  managerEmail: string;
}

/**
 * A home visit booked through the API, then moved so that its check-in time is `minutesAgo`
 * before the real clock: the routes use the real clock, the job the test's.
 */
async function watchedVisit(minutesAgo: number, contacts: (typeof DUTY)[] = []): Promise<Watched> {
  const cw = await caseworkScheme(t, { person: PERSON });
  if (contacts.length > 0) {
    await asSystem(t, cw.scheme.schemeId, (scope) =>
      scope.db.insertInto('casework_settings').values({ scheme_id: scope.schemeId, lone_working_contacts: JSON.stringify(contacts) }).execute(),
    );
  }
  const start = at(new Date(), 30);
  const visit = await madeContact(t, cw, { mode: 'home_visit', scheduledAt: start.toISOString(), expectedCheckInAt: at(start, 60).toISOString() });
  const expected = at(new Date(), -minutesAgo);
  await asSystem(t, cw.scheme.schemeId, async (scope) => {
    await scope.db.updateTable('contacts').set({ scheduled_at: at(expected, -60) }).where('id', '=', visit.id).execute();
    await scope.db.updateTable('lone_working_visits').set({ expected_check_in_at: expected }).where('contact_id', '=', visit.id).execute();
  });
  const manager = await asSystem(t, cw.scheme.schemeId, (scope) => scope.db.selectFrom('users').select('email').where('id', '=', cw.managerId).executeTakeFirstOrThrow());
  return { cw, visit, expected, managerEmail: manager.email };
}

const alertsSent = (w: Watched) =>
  asSystem(t, w.cw.scheme.schemeId, (scope) =>
    scope.db
      .selectFrom('notifications')
      .select(['channel', 'recipient', 'subject', 'body', 'entity_type', 'entity_id'])
      .where('scheme_id', '=', scope.schemeId)
      .where('template', '=', 'lone-working-alert')
      .orderBy('created_at')
      .orderBy('channel')
      .orderBy('recipient')
      .execute(),
  );
const levelRows = (w: Watched) =>
  asSystem(t, w.cw.scheme.schemeId, async (scope) =>
    (await scope.db.selectFrom('lone_working_alerts').select(['level', 'recipients']).where('contact_id', '=', w.visit.id).orderBy('level').execute()).map((r) => [r.level, r.recipients]),
  );
const caseAlerts = (w: Watched) =>
  asSystem(t, w.cw.scheme.schemeId, (scope) =>
    scope.db.selectFrom('case_alerts').select(['kind', 'key', 'message']).where('scheme_id', '=', scope.schemeId).where('referral_id', '=', w.cw.referralId).execute(),
  );

const checkIn = (as: SignedIn, id: string, payload: object) => t.app.inject({ method: 'POST', url: `/api/contacts/${id}/check-in`, headers: as.headers, payload });
const acknowledge = (as: SignedIn, id: string, note = 'Rang Jo: she is safe and back at the office.') =>
  t.app.inject({ method: 'POST', url: `/api/contacts/${id}/acknowledge`, headers: as.headers, payload: { note } });
const board = (as: SignedIn) => t.app.inject({ method: 'GET', url: '/api/lone-working', headers: as.headers });

function expectNoPersonIn(rows: { subject: string; body: string }[]): void {
  for (const row of rows) {
    for (const text of [row.subject, row.body]) {
      expect(text).not.toContain(PERSON.familyName);
      expect(text).not.toContain('Maya');
      expect(text).not.toContain(PERSON.postcode);
    }
  }
}

describe(`lone working on a controlled clock (${testBackend()})`, () => {
  it('a missed check-in alerts managers after the grace, then managers and named contacts each interval, until acknowledged', async () => {
    // Defaults: 15 minutes' grace, 15 minutes between levels. The check-in was due 50 minutes ago.
    const w = await watchedVisit(50);
    const E = w.expected;
    const link = `${publicUrl(t.ctx.config)}/lone-working`;

    await run(at(E, 14.99));
    expect(await alertsSent(w)).toEqual([]);
    expect(await levelRows(w)).toEqual([]);

    await run(at(E, 15));
    const first = await alertsSent(w);
    expect(first).toEqual([
      { channel: 'email', recipient: w.managerEmail, subject: 'First alert — Lone working: Test link_worker has not checked in', body: expect.any(String), entity_type: 'lone_working_visit', entity_id: w.visit.id },
    ]);
    expect(first[0]?.body).toContain('Test link_worker was due to check in from a home visit by ');
    expect(first[0]?.body).toContain(link);
    expectNoPersonIn(first);
    expect(await levelRows(w)).toEqual([[1, 1]]);
    expect(await caseAlerts(w)).toEqual([{ kind: 'lone_working', key: `visit:${w.visit.id}`, message: 'Test link_worker missed a lone-working check-in on a home visit' }]);

    // The same minute again: nothing new.
    await run(at(E, 15.5));
    expect(await alertsSent(w)).toHaveLength(1);

    // Named contacts are added from level 2: the contact's email and a text to their phone.
    await asSystem(t, w.cw.scheme.schemeId, (scope) =>
      scope.db.insertInto('casework_settings').values({ scheme_id: scope.schemeId, lone_working_contacts: JSON.stringify([DUTY]) }).execute(),
    );
    await run(at(E, 30));
    const second = (await alertsSent(w)).slice(1);
    expect(second.map((m) => [m.channel, m.recipient])).toEqual([
      ['email', DUTY.email],
      ['email', w.managerEmail],
      ['sms', DUTY.phone],
    ]);
    expect(second.filter((m) => m.channel === 'email').map((m) => m.subject)).toEqual([
      'Second alert — Lone working: Test link_worker has not checked in',
      'Second alert — Lone working: Test link_worker has not checked in',
    ]);
    expect(second.find((m) => m.channel === 'sms')?.body).toMatch(/^Linkwell lone working, second alert: Test link_worker was due/);
    expectNoPersonIn(second);
    expect(await levelRows(w)).toEqual([[1, 1], [2, 3]]);

    await run(at(E, 45));
    expect(await levelRows(w)).toEqual([[1, 1], [2, 3], [3, 3]]);
    const third = (await alertsSent(w)).slice(4);
    expect(third.map((m) => [m.channel, m.recipient])).toEqual([
      ['email', DUTY.email],
      ['email', w.managerEmail],
      ['sms', DUTY.phone],
    ]);
    expect(third.filter((m) => m.channel === 'email').map((m) => m.subject)).toEqual([
      'Third alert — Lone working: Test link_worker has not checked in',
      'Third alert — Lone working: Test link_worker has not checked in',
    ]);
    expect(third.find((m) => m.channel === 'sms')?.body).toMatch(/^Linkwell lone working, third alert: /);

    // The manager's board shows it overdue at level 3 (50 minutes late: 35 past the grace).
    const seen = await board(w.cw.manager);
    expect(seen.statusCode, seen.body).toBe(200);
    expect(seen.json<{ visits: { contactId: string; loneWorking: { state: string; level: number } }[] }>().visits).toEqual([
      expect.objectContaining({ contactId: w.visit.id, referralId: w.cw.referralId, worker: 'Test link_worker', loneWorking: expect.objectContaining({ state: 'overdue', level: 3 }) }),
    ]);

    const ack = await acknowledge(w.cw.manager, w.visit.id);
    expect(ack.statusCode, ack.body).toBe(200);
    expect(ack.json<Contact>().loneWorking).toMatchObject({ state: 'acknowledged', level: 3, acknowledgedBy: 'Test scheme_manager' });
    expect(ack.json<Contact>().loneWorking?.acknowledgedAt).not.toBeNull();
    const again = await acknowledge(w.cw.manager, w.visit.id);
    expect(again.statusCode).toBe(409);
    expect(problemCode(again)).toBe('nothing-to-acknowledge');

    await run(at(E, 60));
    await run(at(E, 240));
    expect(await alertsSent(w)).toHaveLength(7);
    expect(await levelRows(w)).toEqual([[1, 1], [2, 3], [3, 3]]);
    expect((await board(w.cw.manager)).json<{ visits: unknown[] }>().visits).toEqual([]);
  });

  it('a safe check-in before time means no alert ever; a second one is refused', async () => {
    const cw = await caseworkScheme(t, { person: PERSON });
    const start = at(new Date(), -20);
    const visit = await madeContact(t, cw, { mode: 'home_visit', scheduledAt: start.toISOString(), expectedCheckInAt: at(start, 60).toISOString() });
    const safe = await checkIn(cw.worker, visit.id, { kind: 'safe', note: 'All fine, leaving now.' });
    expect(safe.statusCode, safe.body).toBe(200);
    expect(safe.json<Contact>().loneWorking).toMatchObject({ state: 'checked_in_safe', level: 0, checkIn: 'safe' });
    const w: Watched = { cw, visit, expected: at(start, 60), managerEmail: '' };
    for (const minutes of [15, 60, 600]) await run(at(w.expected, minutes));
    expect(await alertsSent(w)).toEqual([]);
    expect(await levelRows(w)).toEqual([]);
    const twice = await checkIn(cw.worker, visit.id, { kind: 'safe' });
    expect(twice.statusCode).toBe(409);
    expect(problemCode(twice)).toBe('already-checked-in');
    // Nothing to acknowledge on a visit that ended safely.
    expect((await acknowledge(cw.manager, visit.id)).statusCode).toBe(409);
  });

  it('a cancelled home visit is no longer watched, and its watch leaves an audit trail', async () => {
    const w = await watchedVisit(40);
    const cancelled = await t.app.inject({
      method: 'POST',
      url: `/api/contacts/${w.visit.id}/outcome`,
      headers: { ...w.cw.worker.headers, 'if-match': 'W/"1"' },
      payload: { event: { type: 'cancel', reason: 'The person rang to rearrange' } },
    });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    await run(at(w.expected, 15));
    await run(at(w.expected, 30));
    expect(await alertsSent(w)).toEqual([]);
    expect((await board(w.cw.manager)).json<{ visits: unknown[] }>().visits).toEqual([]);
    expect(await auditActions(t, w.cw, 'lone_working_visit', w.visit.id)).toEqual(['create']);
  });

  it('"I need help" alerts managers and named contacts at once, keeps its levels apart from the missed check-in, and starts anew after an acknowledgement', async () => {
    // Overdue for 20 minutes: level 1 has gone to the manager.
    const w = await watchedVisit(20, [DUTY]);
    await run(at(w.expected, 15));
    expect(await levelRows(w)).toEqual([[1, 1]]);

    const help = await checkIn(w.cw.worker, w.visit.id, { kind: 'need_help' });
    expect(help.statusCode, help.body).toBe(200);
    expect(help.json<Contact>().loneWorking).toMatchObject({ state: 'needs_help', level: 2, checkIn: 'need_help' });
    // Sent in the check-in's own transaction: no job has run.
    const sos = (await alertsSent(w)).slice(1);
    expect(sos.map((m) => [m.channel, m.recipient])).toEqual([
      ['email', DUTY.email],
      ['email', w.managerEmail],
      ['sms', DUTY.phone],
    ]);
    expect(sos[0]?.subject).toBe('First alert — Lone working: Test link_worker has asked for help');
    expectNoPersonIn(sos);
    // The call for help's level 2 is stored as 1,000,002, apart from the missed check-in's.
    expect(await levelRows(w)).toEqual([[1, 1], [1_000_002, 3]]);
    expect(await caseAlerts(w)).toHaveLength(1);

    // Pressing again while help is on its way sends nothing more.
    expect((await checkIn(w.cw.worker, w.visit.id, { kind: 'need_help' })).statusCode).toBe(200);
    expect(await alertsSent(w)).toHaveLength(4);

    const calledAt = new Date((await asSystem(t, w.cw.scheme.schemeId, (scope) => scope.db.selectFrom('lone_working_visits').select('checked_in_at').where('contact_id', '=', w.visit.id).executeTakeFirstOrThrow())).checked_in_at ?? 0);
    await run(at(calledAt, 14));
    expect(await levelRows(w)).toEqual([[1, 1], [1_000_002, 3]]);
    await run(at(calledAt, 15));
    expect(await levelRows(w)).toEqual([[1, 1], [1_000_002, 3], [1_000_003, 3]]);

    expect((await acknowledge(w.cw.manager, w.visit.id)).statusCode).toBe(200);
    await run(at(calledAt, 30));
    expect(await levelRows(w)).toEqual([[1, 1], [1_000_002, 3], [1_000_003, 3]]);

    // A new call after the acknowledgement is a new emergency: a ladder of its own.
    const anew = await checkIn(w.cw.worker, w.visit.id, { kind: 'need_help', note: 'Still here, situation again' });
    expect(anew.json<Contact>().loneWorking).toMatchObject({ state: 'needs_help', acknowledgedAt: null });
    expect(await levelRows(w)).toEqual([[1, 1], [1_000_002, 3], [1_000_003, 3], [2_000_002, 3]]);
    expect((await acknowledge(w.cw.manager, w.visit.id)).statusCode).toBe(200);
    // Booked; help; help again; acknowledged; help anew; acknowledged. Each level sent, too.
    expect(await auditActions(t, w.cw, 'lone_working_visit', w.visit.id)).toEqual(['create', 'update', 'update', 'update', 'update', 'update']);
    expect(await auditActions(t, w.cw, 'lone_working_alert', w.visit.id)).toEqual(['create', 'create', 'create', 'create']);
  });
});

describe(`who may check in, acknowledge and see the board (${testBackend()})`, () => {
  it('only the visiting worker checks in; only a manager acknowledges; outsiders are refused everything', async () => {
    const w = await watchedVisit(30);
    const otherWorker = await signInAs(t.app, await createTestUser(t.ctx.data, w.cw.scheme, 'link_worker'));
    const commissioner = await signInAs(t.app, await createTestUser(t.ctx.data, w.cw.scheme, 'commissioner'));

    expect((await checkIn(otherWorker, w.visit.id, { kind: 'safe' })).statusCode).toBe(404);
    expect((await checkIn(w.cw.manager, w.visit.id, { kind: 'safe' })).statusCode).toBe(403);
    expect((await checkIn(w.cw.worker, crypto.randomUUID(), { kind: 'safe' })).statusCode).toBe(404);
    expect((await acknowledge(w.cw.worker, w.visit.id)).statusCode).toBe(403);
    expect((await acknowledge(otherWorker, w.visit.id)).statusCode).toBe(403);
    for (const [who, as] of [['referrer', w.cw.referrer], ['provider', w.cw.provider], ['commissioner', commissioner]] as const) {
      expect((await checkIn(as, w.visit.id, { kind: 'need_help' })).statusCode, who).toBe(403);
      expect((await acknowledge(as, w.visit.id)).statusCode, who).toBe(403);
      expect((await board(as)).statusCode, who).toBe(403);
    }

    const ids = async (as: SignedIn) => (await board(as)).json<{ visits: { contactId: string }[] }>().visits.map((v) => v.contactId);
    expect(await ids(w.cw.worker)).toEqual([w.visit.id]);
    expect(await ids(otherWorker)).toEqual([]);
    expect(await ids(w.cw.manager)).toEqual([w.visit.id]);

    // Nothing was sent by any of the refused calls.
    const sent = await asSystem(t, w.cw.scheme.schemeId, (scope) => scope.db.selectFrom('lone_working_alerts').select('level').where('contact_id', '=', w.visit.id).execute());
    expect(sent).toEqual([]);
    expect((await checkIn(w.cw.worker, w.visit.id, { kind: 'safe' })).statusCode).toBe(200);
  });
});
