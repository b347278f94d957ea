import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { DataAccess, type Actor } from '../data/access.js';
import { JobQueue } from '../jobs/queue.js';
import { linkMessage } from '../outcomes/links/send-link.js';
import { openTestDatabase, testBackend, type TestDatabase } from '../testing/database.js';
import { createNotificationAdapter } from './adapters.js';
import { LINK_REMOVED, registerNotificationJobs, withoutSecret } from './jobs.js';
import { queueNotification, retryNotification, SEND_QUEUE, type OutgoingMessage } from './outbox.js';
import { startFakeNotify, type FakeNotify } from './testing/fake-notify.js';
import { createScheme, drain, memoryLogger } from './testing/setup.js';

/**
 * A message that carries a one-time secret (a questionnaire link, a password reset link) keeps
 * it in the outbox only until it is sent. One that failed keeps it, so staff can send it again.
 */

const TOKEN = 'Zq3_-x9YtV0aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456';
const resetBody = (token: string) =>
  ['Dear Sam,', '', 'To choose a new password, open this link within 30 minutes:', `http://localhost:3000/reset-password?token=${token}`, '', 'The link works once.'].join('\n');

describe('what of a sent message is kept', () => {
  it('a questionnaire link is replaced, by email and by text, and nothing else changes', () => {
    const url = `https://linkwell.example/questionnaire#${TOKEN}`;
    const email = linkMessage('email', { scheme: 'Riverside', shortName: 'SWEMWBS', url, days: 14 }).body;
    expect(withoutSecret('measure-link', email)).toBe(email.replace(url, LINK_REMOVED));
    expect(withoutSecret('measure-link', email)).toContain(`Answer the questions: ${LINK_REMOVED}\n`);
    const sms = linkMessage('sms', { scheme: 'Riverside', shortName: 'SWEMWBS', url, days: 14 }).body;
    expect(withoutSecret('measure-link', sms)).toBe(`Riverside: please tell us how you have been with a few short questions (SWEMWBS): ${LINK_REMOVED} The link works for 14 days.`);
  });

  it('a password reset link is replaced', () => {
    expect(withoutSecret('password-reset', resetBody(TOKEN))).toBe(resetBody('').replace('http://localhost:3000/reset-password?token=', LINK_REMOVED));
  });

  it('other messages, and a secret template without its link, are kept whole', () => {
    expect(withoutSecret('referral-received', `See http://x/questionnaire#${TOKEN}`)).toBeNull();
    expect(withoutSecret('measure-link-completed', 'See the answers: http://x/people/1/outcomes')).toBeNull();
    expect(withoutSecret('measure-link', 'No link here.')).toBeNull();
    // A key on Object's prototype is not a template.
    expect(withoutSecret('constructor', `http://x/questionnaire#${TOKEN}`)).toBeNull();
  });
});

describe(`the send job forgets the secret once sent (${testBackend()})`, () => {
  let database: TestDatabase;
  let data: DataAccess;
  let notify: FakeNotify;
  let jobs: JobQueue;
  let system: Actor;

  beforeAll(async () => {
    database = await openTestDatabase();
    data = new DataAccess(database);
    notify = await startFakeNotify();
    const logger = memoryLogger();
    const config = loadConfig({ NOTIFY_ADAPTER: 'notify', NOTIFY_API_KEY: notify.apiKey, NOTIFY_BASE_URL: notify.url, NOTIFY_EMAIL_TEMPLATE_ID: randomUUID() });
    jobs = new JobQueue(database.db, { pollMs: 50, logger });
    registerNotificationJobs(jobs, data, createNotificationAdapter(config, logger));
    system = { type: 'system', schemeId: await createScheme(database.db), label: 'test' };
  });
  afterAll(async () => {
    await notify.close();
    await database.close();
  });

  const queue = (message: OutgoingMessage) => data.inScheme(system, {}, (scope) => queueNotification(scope, jobs, message));
  const bodyOf = async (id: string) =>
    data.inScheme(system, {}, (scope) => scope.db.selectFrom('notifications').select(['status', 'body']).where('id', '=', id).executeTakeFirstOrThrow());
  const deliveredBody = (id: string) => notify.calls.filter((c) => c.body.reference === id && c.status === 201).map((c) => (c.body.personalisation as { body: string }).body);
  const reset = (token: string): OutgoingMessage => ({ channel: 'email', template: 'password-reset', recipient: 'sam@example.org', subject: 'Reset your Linkwell password', body: resetBody(token) });

  it('a password reset is delivered with its link, and stored without it', async () => {
    const id = await queue(reset(TOKEN));
    await drain(database.db, jobs, [SEND_QUEUE]);
    expect(deliveredBody(id)).toEqual([resetBody(TOKEN)]);
    const row = await bodyOf(id);
    expect(row.status).toBe('sent');
    expect(row.body).not.toContain(TOKEN);
    expect(row.body).toContain(LINK_REMOVED);
  });

  it('a message that failed keeps its link, so a retry sends the same message; once sent, it is removed', async () => {
    const token = `${TOKEN.slice(0, 40)}zzzz`;
    notify.failNext(400);
    const id = await queue(reset(token));
    await drain(database.db, jobs, [SEND_QUEUE]);
    expect(await bodyOf(id)).toEqual({ status: 'permanent-failure', body: resetBody(token) });

    notify.failNext(500);
    await data.inScheme(system, {}, (scope) => retryNotification(scope, jobs, id));
    expect(await jobs.runDue()).toBe(1);
    expect(await bodyOf(id)).toEqual({ status: 'failed', body: resetBody(token) });

    await drain(database.db, jobs, [SEND_QUEUE]);
    expect(deliveredBody(id)).toEqual([resetBody(token)]);
    expect((await bodyOf(id)).body).not.toContain(token);
  });

  it('a message without a secret is kept as it was sent', async () => {
    const body = 'Your referral has been received. Your link worker will call you this week.';
    const id = await queue({ channel: 'email', template: 'referral-received', recipient: 'jane@example.org', subject: 'Your referral', body });
    await drain(database.db, jobs, [SEND_QUEUE]);
    expect(await bodyOf(id)).toEqual({ status: 'sent', body });
  });
});
