import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PublicQuestionnaire } from '../../contracts/outcomes.js';
import type { ReferralDetail } from '../../contracts/referrals.js';
import { JobQueue } from '../../jobs/queue.js';
import { testBackend } from '../../testing/database.js';
import { inTestScheme, outbox, referPerson, startCase, swemwbsAnswers, tokenIn, type OutboxRow, type OutcomeWorld } from '../links/test-kit.js';
import { completeSwemwbs, openScheduledWorld } from './test-kit.js';
import { registerOutcomeJobs, REMINDERS_QUEUE } from './jobs.js';
import { sendDueReminders } from './reminders.js';

const DAY = 86_400_000;
let w: OutcomeWorld;
/** First contact at noon UTC today: whole days later stay on the same London calendar day, clock changes or not. */
let firstContact: Date;
const day = (n: number, hours = 0) => new Date(firstContact.getTime() + n * DAY + hours * 3_600_000);

beforeAll(async () => {
  ({ w, firstContact } = await openScheduledWorld());
});
afterAll(async () => w.t.close());

/** A case with first contact made and the baseline done, so only the follow-up is left to chase. */
async function caseWithBaseline(person: Record<string, unknown> = {}): Promise<ReferralDetail> {
  const referral = await referPerson(w, person);
  await startCase(w, referral, firstContact);
  await completeSwemwbs(w, referral, 'baseline');
  return referral;
}

const run = (now: Date) => sendDueReminders(w.t.ctx.data, w.t.ctx.jobs, w.t.ctx.config, now);
const remindersFor = async (referral: ReferralDetail): Promise<OutboxRow[]> => (await outbox(w)).filter((m) => m.template.startsWith('measure-reminder-') && m.entity_id === referral.id);
const linksTo = async (email: string): Promise<OutboxRow[]> => (await outbox(w)).filter((m) => m.template === 'measure-link' && m.recipient === email);

async function setPreference(referral: ReferralDetail, reminders: 'email' | 'sms'): Promise<void> {
  await inTestScheme(w, (scope) =>
    scope.db.insertInto('outcome_preferences').values({ scheme_id: scope.schemeId, person_id: referral.person.id, reminders, agreed_at: new Date() }).execute(),
  );
}

describe(`outcome reminders on a controlled clock (${testBackend()})`, () => {
  it('nothing before 12 weeks; at day 84 the link worker is reminded once; at day 98 once more as overdue', async () => {
    const referral = await caseWithBaseline();
    await run(day(83));
    expect(await remindersFor(referral)).toEqual([]);

    await run(day(84));
    const due = await remindersFor(referral);
    expect(due).toHaveLength(1);
    expect(due[0]).toMatchObject({ channel: 'email', template: 'measure-reminder-due', recipient: w.workerUser.email });
    expect(due[0]?.subject).toContain(referral.reference);
    expect(due[0]?.body).toContain('12-week follow-up');
    expect(due[0]?.body).toContain(`/people/${referral.person.id}/outcomes`);
    // The email names the referral, never the person.
    expect(due[0]?.body).not.toContain(referral.person.familyName);

    // Again the same day, and the next day: nothing more.
    await run(day(84, 5));
    await run(day(85));
    expect(await remindersFor(referral)).toHaveLength(1);

    await run(day(97));
    expect(await remindersFor(referral)).toHaveLength(1);
    await run(day(98));
    const after = await remindersFor(referral);
    expect(after.map((m) => m.template)).toEqual(['measure-reminder-due', 'measure-reminder-overdue']);
    expect(after[1]?.body).toContain('overdue');
    await run(day(99));
    expect(await remindersFor(referral)).toHaveLength(2);

    const recorded = await inTestScheme(w, (scope) =>
      scope.db.selectFrom('measure_reminders').select(['measure_key', 'timepoint', 'recipient', 'stage', 'notification_id']).where('referral_id', '=', referral.id).orderBy('stage').execute(),
    );
    expect(recorded).toEqual([
      { measure_key: 'swemwbs', timepoint: 'follow-up-12', recipient: 'worker', stage: 'due', notification_id: after[0]?.id },
      { measure_key: 'swemwbs', timepoint: 'follow-up-12', recipient: 'worker', stage: 'overdue', notification_id: after[1]?.id },
    ]);
  });

  it('a person who agreed to email reminders gets a one-time link when the follow-up is due, once', async () => {
    const email = 'remind.me@example.org';
    const referral = await caseWithBaseline({ email });
    await setPreference(referral, 'email');
    await run(day(83));
    expect(await linksTo(email)).toEqual([]);
    await run(day(84));
    const links = await linksTo(email);
    expect(links).toHaveLength(1);
    expect(links[0]?.body).toContain('/questionnaire#');
    expect(await remindersFor(referral)).toHaveLength(1);
    await run(day(84, 3));
    expect(await linksTo(email)).toHaveLength(1);

    // The link opens the 12-week follow-up, and completing it stops the overdue reminder.
    const token = tokenIn(links[0]?.body ?? '');
    const opened = await w.t.app.inject({ method: 'POST', url: '/api/public/questionnaire/open', payload: { token } });
    expect(opened.json<PublicQuestionnaire>().definition.key).toBe('swemwbs');
    const submitted = await w.t.app.inject({ method: 'POST', url: '/api/public/questionnaire/submit', payload: { token, answers: swemwbsAnswers([4, 4, 4, 4, 4, 4, 4]) } });
    expect(submitted.statusCode, submitted.body).toBe(200);
    const response = await inTestScheme(w, (scope) =>
      scope.db.selectFrom('measure_responses').select(['timepoint', 'referral_id', 'status']).where('person_id', '=', referral.person.id).where('mode', '=', 'self').executeTakeFirstOrThrow(),
    );
    expect(response).toEqual({ timepoint: 'follow-up-12', referral_id: referral.id, status: 'completed' });
    await run(day(98));
    expect((await remindersFor(referral)).map((m) => m.template)).toEqual(['measure-reminder-due']);
    expect(await linksTo(email)).toHaveLength(1);
  });

  it('a person with no reminder agreed gets nothing themselves', async () => {
    const email = 'no.reminders@example.org';
    await caseWithBaseline({ email });
    await run(day(84));
    expect(await linksTo(email)).toEqual([]);
  });

  it('completing the follow-up with the link worker stops the reminders', async () => {
    const referral = await caseWithBaseline();
    await run(day(84));
    expect(await remindersFor(referral)).toHaveLength(1);
    await completeSwemwbs(w, referral, 'follow-up-12');
    await run(day(98));
    await run(day(120));
    expect((await remindersFor(referral)).map((m) => m.template)).toEqual(['measure-reminder-due']);
  });

  it('the hourly job is registered and runs', async () => {
    const jobs = new JobQueue(w.t.database.db, { pollMs: 50, logger: { info: () => undefined, warn: () => undefined, error: () => undefined } });
    registerOutcomeJobs(jobs, w.t.ctx.data, w.t.ctx.config);
    expect(await jobs.runDue()).toBeGreaterThanOrEqual(1);
    const ran = await w.t.database.db.selectFrom('jobs').select(['status', 'last_error']).where('queue', '=', REMINDERS_QUEUE).execute();
    expect(ran).toEqual([{ status: 'completed', last_error: null }]);
  });
});
