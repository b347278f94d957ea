import { randomUUID } from 'node:crypto';
import { createServer, type AddressInfo } from 'node:net';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { DataAccess, type Actor } from '../data/access.js';
import { JobQueue } from '../jobs/queue.js';
import { openTestDatabase, testBackend, type TestDatabase } from '../testing/database.js';
import { createNotificationAdapter } from './adapters.js';
import { registerNotificationJobs } from './jobs.js';
import { queueNotification, retryNotification, SEND_QUEUE, type OutgoingMessage } from './outbox.js';
import { startFakeNotify, type FakeNotify } from './testing/fake-notify.js';
import { createScheme, drain, memoryLogger } from './testing/setup.js';

const EMAIL_TEMPLATE = randomUUID();
const SMS_TEMPLATE = randomUUID();

describe(`GOV.UK Notify delivery, end to end (${testBackend()})`, () => {
  let database: TestDatabase;
  let data: DataAccess;
  let notify: FakeNotify;
  let jobs: JobQueue;
  let system: Actor;
  const logger = memoryLogger();

  const notifyConfig = (baseUrl: string) =>
    loadConfig({
      NOTIFY_ADAPTER: 'notify',
      NOTIFY_API_KEY: notify.apiKey,
      NOTIFY_BASE_URL: baseUrl,
      NOTIFY_EMAIL_TEMPLATE_ID: EMAIL_TEMPLATE,
      NOTIFY_SMS_TEMPLATE_ID: SMS_TEMPLATE,
    });
  const workerFor = (baseUrl: string) => {
    const queue = new JobQueue(database.db, { pollMs: 50, logger });
    registerNotificationJobs(queue, data, createNotificationAdapter(notifyConfig(baseUrl), logger));
    return queue;
  };

  beforeAll(async () => {
    database = await openTestDatabase();
    data = new DataAccess(database);
    notify = await startFakeNotify();
    system = { type: 'system', schemeId: await createScheme(database.db), label: 'test' };
    // A trailing slash, as people paste URLs, must not break the request paths.
    jobs = workerFor(`${notify.url}/`);
  });
  afterAll(async () => {
    await notify.close();
    await database.close();
  });

  const email = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
    channel: 'email',
    template: 'referral-received',
    recipient: 'jane.doe@example.org',
    subject: 'Your referral to Linkwell',
    body: 'Hello Jane, your link worker will call you this week.',
    entityType: 'referral',
    entityId: 'ref-1',
    ...overrides,
  });
  const queue = (message: OutgoingMessage) => data.inScheme(system, {}, (scope) => queueNotification(scope, jobs, message));
  const outboxRow = (id: string) =>
    data.inScheme(system, {}, (scope) =>
      scope.db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );
  const callsFor = (id: string) => notify.calls.filter((c) => c.body.reference === id);
  const sendJobs = (id: string) =>
    database.db
      .selectFrom('jobs')
      .select(['status', 'attempts', 'payload', 'scheme_id', sql<boolean>`run_at > now()`.as('waiting')])
      .where('queue', '=', SEND_QUEUE)
      .where(sql<string>`payload->>'notificationId'`, '=', id)
      .execute();
  const drainSends = (queue: JobQueue = jobs) => drain(database.db, queue, [SEND_QUEUE]);

  it('sends an email once, with the right personalisation, and records Notify’s id', async () => {
    const id = await queue(email());
    const [job] = await sendJobs(id);
    expect(job).toMatchObject({ status: 'queued', scheme_id: system.schemeId, payload: { schemeId: system.schemeId, notificationId: id } });

    expect(await drainSends()).toBe(1);
    const calls = callsFor(id);
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      path: '/v2/notifications/email',
      status: 201,
      body: {
        template_id: EMAIL_TEMPLATE,
        email_address: 'jane.doe@example.org',
        personalisation: { subject: 'Your referral to Linkwell', body: 'Hello Jane, your link worker will call you this week.' },
        reference: id,
      },
    });
    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: 'sent', adapter: 'notify', attempts: 1, last_error: null, provider_reference: calls[0]!.id });
    expect(row.sent_at).toBeInstanceOf(Date);

    // The queue delivers at least once; a second job for the same message must not send it again.
    await jobs.enqueue(database.db, SEND_QUEUE, { schemeId: system.schemeId, notificationId: id }, { schemeId: system.schemeId });
    expect(await drainSends()).toBe(1);
    expect(callsFor(id)).toHaveLength(1);

    const audit = await data.inScheme(system, {}, (scope) =>
      scope.db.selectFrom('audit_events').select(['action', 'detail']).where('entity_id', '=', id).orderBy('id').execute(),
    );
    expect(audit).toEqual([
      { action: 'create', detail: { channel: 'email', template: 'referral-received' } },
      { action: 'update', detail: { status: 'sent', adapter: 'notify' } },
    ]);
  });

  it('retries a rate limit and a server error with backoff, then delivers once', async () => {
    notify.failNext(429, 500);
    const id = await queue(email({ recipient: 'sam@example.org' }));

    expect(await jobs.runDue()).toBe(1);
    expect(await outboxRow(id)).toMatchObject({
      status: 'failed',
      attempts: 1,
      last_error: 'Error: GOV.UK Notify answered 429: RateLimitError: Exceeded rate limit for key type LIVE of 3000 requests per 60 seconds',
    });
    expect(await sendJobs(id)).toMatchObject([{ status: 'queued', attempts: 1, waiting: true }]);
    expect(await jobs.runDue()).toBe(0);

    expect(await drainSends()).toBe(2);
    expect(callsFor(id).map((c) => c.status)).toEqual([429, 500, 201]);
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 3, last_error: null });
    expect(await sendJobs(id)).toMatchObject([{ status: 'completed', attempts: 3 }]);
  });

  it('stops at a permanent failure, and sends again when staff retry', async () => {
    notify.failNext(400);
    const id = await queue(email({ recipient: 'not-on-team@example.org' }));

    expect(await drainSends()).toBe(1);
    expect(callsFor(id).map((c) => c.status)).toEqual([400]);
    const failed = await outboxRow(id);
    expect(failed).toMatchObject({ status: 'permanent-failure', attempts: 1, provider_reference: null, sent_at: null });
    expect(failed.last_error).toBe(
      'PermanentDeliveryError: GOV.UK Notify answered 400: BadRequestError: Can’t send to this recipient using a team-only API key',
    );
    expect(await sendJobs(id)).toMatchObject([{ status: 'completed', attempts: 1 }]);

    await data.inScheme(system, {}, (scope) => retryNotification(scope, jobs, id));
    expect((await outboxRow(id)).status).toBe('queued');
    expect(await drainSends()).toBe(1);
    expect(callsFor(id).map((c) => c.status)).toEqual([400, 201]);
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('sends an SMS with the SMS template', async () => {
    const id = await queue({ channel: 'sms', template: 'reminder', recipient: '07700 900123', subject: '', body: 'Reminder: group at 2pm.' });
    await drainSends();
    expect(callsFor(id)).toMatchObject([
      {
        path: '/v2/notifications/sms',
        status: 201,
        body: { template_id: SMS_TEMPLATE, phone_number: '07700 900123', personalisation: { body: 'Reminder: group at 2pm.' } },
      },
    ]);
    expect((await outboxRow(id)).status).toBe('sent');
  });

  it('treats an unreachable Notify as transient, and delivers once it is back', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));

    const offline = workerFor(`http://127.0.0.1:${port}`);
    const id = await queue(email({ recipient: 'kim@example.org' }));
    expect(await offline.runDue()).toBe(1);
    expect(await outboxRow(id)).toMatchObject({
      status: 'failed',
      last_error: 'Error: GOV.UK Notify could not be reached (ECONNREFUSED)',
    });
    expect(await drainSends()).toBe(1);
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('refuses a request signed with the wrong key, permanently', async () => {
    const wrongKey = `linkwell_test-${notify.serviceId}-${randomUUID()}`;
    const queueWithWrongKey = new JobQueue(database.db, { pollMs: 50, logger });
    registerNotificationJobs(
      queueWithWrongKey,
      data,
      createNotificationAdapter({ ...notifyConfig(notify.url), NOTIFY_API_KEY: wrongKey }, logger),
    );
    const id = await queue(email());
    expect(await queueWithWrongKey.runDue()).toBe(1);
    expect(await outboxRow(id)).toMatchObject({ status: 'permanent-failure' });
    expect((await outboxRow(id)).last_error).toContain('403');
    expect(notify.calls.filter((c) => c.status === 403)).toHaveLength(1);
  });

  it('never writes an address or message text to the log', () => {
    const log = logger.lines.join('\n');
    expect(logger.lines.length).toBeGreaterThan(0);
    for (const secret of ['jane.doe', 'example.org', '07700', 'Hello Jane', 'Reminder']) expect(log).not.toContain(secret);
  });
});
