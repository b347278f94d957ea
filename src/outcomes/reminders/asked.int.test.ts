import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DueMeasure } from '../../contracts/outcomes.js';
import type { ReferralDetail } from '../../contracts/referrals.js';
import { testBackend } from '../../testing/database.js';
import { inTestScheme, outbox, referPerson, startCase, type OutcomeWorld } from '../links/test-kit.js';
import { completeSwemwbs, openScheduledWorld, staffActor } from './test-kit.js';
import { dueForPerson, listDue } from './due.js';
import { sendDueReminders } from './reminders.js';

/**
 * Who may still be asked for a measure: not a person who withdrew consent, and not, at closure,
 * one who died, withdrew consent or moved away. The due list, the reminders, the person's page
 * and sending a link all keep to it.
 */

const DAY = 86_400_000;
let w: OutcomeWorld;
/** First contact at noon UTC, long enough ago that a case can close up to 120 days later and still be in the past. */
let firstContact: Date;
const day = (n: number) => new Date(firstContact.getTime() + n * DAY);

beforeAll(async () => {
  ({ w, firstContact } = await openScheduledWorld());
});
afterAll(async () => w.t.close());

const dueList = (now: Date) => w.t.ctx.data.inScheme(staffActor(w), {}, (scope) => listDue(scope, { now, whose: 'all' }));
const personView = (referral: ReferralDetail, now: Date) => w.t.ctx.data.inScheme(staffActor(w), {}, (scope) => dueForPerson(scope, referral.person.id, now));
const of = (items: DueMeasure[], referral: ReferralDetail) => items.filter((i) => i.referralId === referral.id).map((i) => `${i.timepoint}:${i.state}`);
const run = (now: Date) => sendDueReminders(w.t.ctx.data, w.t.ctx.jobs, w.t.ctx.config, now);
const messagesAbout = async (referral: ReferralDetail, email: string | null) =>
  (await outbox(w)).filter((m) => (m.template.startsWith('measure-reminder-') && m.entity_id === referral.id) || (email !== null && m.recipient === email));

async function post(url: string, payload: Record<string, unknown>, headers: Record<string, string> = w.worker.headers) {
  const response = await w.t.app.inject({ method: 'POST', url, headers, payload });
  expect(response.statusCode, response.body).toBe(200);
}

/** A case with first contact and the baseline done, whose person agreed to email reminders. */
async function caseWithBaseline(email: string | null = null, person: Record<string, unknown> = {}): Promise<ReferralDetail> {
  const referral = await referPerson(w, { ...(email ? { email } : {}), ...person });
  await startCase(w, referral, firstContact);
  await completeSwemwbs(w, referral, 'baseline');
  if (email) {
    await inTestScheme(w, (scope) =>
      scope.db.insertInto('outcome_preferences').values({ scheme_id: scope.schemeId, person_id: referral.person.id, reminders: 'email', agreed_at: new Date() }).onConflict((oc) => oc.doNothing()).execute(),
    );
  }
  return referral;
}

async function closeOn(referral: ReferralDetail, reasonCode: string, closedDay: number): Promise<void> {
  await post(`/api/referrals/${referral.id}/events`, { type: 'start_support' });
  await post(`/api/referrals/${referral.id}/events`, { type: 'close', reasonCode });
  await inTestScheme(w, (scope) => scope.db.updateTable('referrals').set({ closed_at: day(closedDay) }).where('id', '=', referral.id).execute());
}

describe(`who is still asked (${testBackend()})`, () => {
  it('once consent is withdrawn, an open case is on no due list, gets no reminder and shows nothing to do', async () => {
    const email = 'withdrawn.open@example.org';
    const referral = await caseWithBaseline(email);
    const control = await caseWithBaseline('still.consenting@example.org');
    await post(`/api/referrals/${referral.id}/consent/withdraw`, { reason: 'Does not want to be contacted' });

    expect(of(await dueList(day(84)), control)).toEqual(['follow-up-12:due']);
    expect(of(await dueList(day(84)), referral)).toEqual([]);
    // The person's page keeps what was done, and asks for nothing more.
    expect(of(await personView(referral, day(84)), referral)).toEqual(['baseline:done']);

    await run(day(84));
    await run(day(98));
    expect(await messagesAbout(referral, email)).toEqual([]);
    // The same run did remind about the case whose consent stands: the worker, and the person by link.
    expect((await messagesAbout(control, 'still.consenting@example.org')).map((m) => m.template).sort()).toEqual(['measure-link', 'measure-reminder-due', 'measure-reminder-overdue']);
  });

  it('a case closed because the person died, withdrew consent or moved away is not asked for a closure measure', async () => {
    const cases: Record<string, ReferralDetail> = {};
    for (const reason of ['deceased', 'consent-withdrawn', 'moved-away', 'goals-met']) {
      cases[reason] = await caseWithBaseline(`closed.${reason}@example.org`);
      await closeOn(cases[reason], reason, 30);
    }
    const list = await dueList(day(31));
    const person = async (reason: string) => of(await personView(cases[reason]!, day(31)), cases[reason]!);
    for (const reason of ['deceased', 'consent-withdrawn', 'moved-away']) {
      expect(of(list, cases[reason]!), reason).toEqual([]);
      expect(await person(reason), reason).toEqual(['baseline:done']);
    }
    // Goals met: the closure measure is asked for, as before.
    expect(of(list, cases['goals-met']!)).toEqual(['closure:due']);
    expect(await person('goals-met')).toEqual(['baseline:done', 'closure:due']);

    await run(day(31));
    for (const reason of ['deceased', 'consent-withdrawn', 'moved-away']) expect(await messagesAbout(cases[reason]!, `closed.${reason}@example.org`), reason).toEqual([]);
    expect((await messagesAbout(cases['goals-met']!, 'closed.goals-met@example.org')).map((m) => m.template).sort()).toEqual(['measure-link', 'measure-reminder-due']);
  });

  it('on the person’s page a closed case’s missed points are not overdue, and its closure measure drops off after 90 days', async () => {
    const referral = await referPerson(w);
    await startCase(w, referral, firstContact);
    // Nothing was ever recorded; the case closed on day 100, after the 12-week point passed.
    await closeOn(referral, 'goals-met', 100);
    expect(of(await personView(referral, day(101)), referral)).toEqual(['closure:due']);
    expect(of(await personView(referral, day(190)), referral)).toEqual(['closure:overdue']);
    // 91 days after closing: too late to describe the end of the support, and the list agrees.
    expect(of(await personView(referral, day(191)), referral)).toEqual([]);
    expect(of(await dueList(day(191)), referral)).toEqual([]);
  });

  it('a link is refused for a person whose consent is withdrawn: the referral named, or with none named, every open one', async () => {
    const email = 'no.links@example.org';
    const referral = await caseWithBaseline(email);
    const send = (referralId: string | null, personId = referral.person.id) =>
      w.t.app.inject({ method: 'POST', url: `/api/people/${personId}/measure-links`, headers: w.worker.headers, payload: { measureKey: 'swemwbs', referralId, timepoint: 'follow-up-12', channel: 'email' } });
    expect((await send(referral.id)).statusCode).toBe(201);
    await post(`/api/referrals/${referral.id}/consent/withdraw`, {});

    for (const named of [referral.id, null]) {
      const refused = await send(named);
      expect(refused.statusCode).toBe(409);
      expect(refused.json<{ type: string; detail: string }>()).toMatchObject({
        type: expect.stringMatching(/consent-withdrawn$/),
        detail: 'This person has withdrawn their consent, so they cannot be sent a questionnaire.',
      });
    }
    // Closed for that reason, the case is no longer open: still refused.
    await post(`/api/referrals/${referral.id}/events`, { type: 'close', reasonCode: 'consent-withdrawn' });
    expect((await send(null)).statusCode).toBe(409);

    // Referred again, and agreeing this time: a link for the new referral, or none named, goes.
    const again = await referPerson(w, { nhsNumber: referral.person.nhsNumber, email });
    expect(again.person.id).toBe(referral.person.id);
    expect((await send(again.id)).statusCode).toBe(201);
    expect((await send(null)).statusCode).toBe(201);
    expect((await send(referral.id)).statusCode).toBe(409);
  });
});
