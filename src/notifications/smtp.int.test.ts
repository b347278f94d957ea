import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../config/index.js';
import { DataAccess, type Actor } from '../data/access.js';
import { JobQueue } from '../jobs/queue.js';
import { openTestDatabase, testBackend, type TestDatabase } from '../testing/database.js';
import { createNotificationAdapter } from './adapters.js';
import { registerNotificationJobs } from './jobs.js';
import { queueNotification, SEND_QUEUE, type OutgoingMessage } from './outbox.js';
import { startFakeSmtp, type FakeSmtp } from './testing/fake-smtp.js';
import { createScheme, drain, memoryLogger } from './testing/setup.js';

describe(`SMTP and log delivery, end to end (${testBackend()})`, () => {
  let database: TestDatabase;
  let data: DataAccess;
  let smtp: FakeSmtp;
  let system: Actor;
  const logger = memoryLogger();

  const worker = (env: Record<string, string>) => {
    const queue = new JobQueue(database.db, { pollMs: 50, logger });
    registerNotificationJobs(queue, data, createNotificationAdapter(loadConfig(env), logger));
    return queue;
  };
  let mail: JobQueue;

  beforeAll(async () => {
    database = await openTestDatabase();
    data = new DataAccess(database);
    smtp = await startFakeSmtp();
    system = { type: 'system', schemeId: await createScheme(database.db), label: 'test' };
    mail = worker({ NOTIFY_ADAPTER: 'smtp', SMTP_URL: smtp.url, SMTP_FROM: 'Linkwell <no-reply@linkwell.test>' });
  });
  afterAll(async () => {
    await smtp.close();
    await database.close();
  });

  const email = (recipient: string): OutgoingMessage => ({
    channel: 'email',
    template: 'password-reset',
    recipient,
    subject: 'Reset your Linkwell password',
    body: 'Use this link within 30 minutes to reset your password.',
  });
  const queue = (jobs: JobQueue, message: OutgoingMessage) =>
    data.inScheme(system, {}, (scope) => queueNotification(scope, jobs, message));
  const outboxRow = (id: string) =>
    data.inScheme(system, {}, (scope) =>
      scope.db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
    );

  it('sends an email through a real SMTP conversation', async () => {
    const id = await queue(mail, email('alex@example.org'));
    expect(await drain(database.db, mail, [SEND_QUEUE])).toBe(1);

    expect(smtp.messages).toHaveLength(1);
    const [message] = smtp.messages;
    expect(message!.from).toBe('no-reply@linkwell.test');
    expect(message!.to).toEqual(['alex@example.org']);
    expect(message!.data).toContain('Subject: Reset your Linkwell password');
    expect(message!.data).toContain('Use this link within 30 minutes to reset your password.');
    expect(message!.data).toContain(`X-Linkwell-Notification: ${id}`);

    const row = await outboxRow(id);
    expect(row).toMatchObject({ status: 'sent', adapter: 'smtp', attempts: 1, last_error: null });
    expect(message!.data).toContain(`Message-ID: ${row.provider_reference ?? 'missing'}`);
  });

  it('records a refused mailbox as a permanent failure without quoting the address', async () => {
    smtp.refuseRecipients(550);
    try {
      const id = await queue(mail, email('nobody@example.org'));
      expect(await drain(database.db, mail, [SEND_QUEUE])).toBe(1);
      expect(await outboxRow(id)).toMatchObject({
        status: 'permanent-failure',
        attempts: 1,
        last_error: 'PermanentDeliveryError: SMTP server refused the message (550)',
      });
    } finally {
      smtp.refuseRecipients(null);
    }
  });

  it('retries a deferral (4xx) and delivers once the server accepts', async () => {
    smtp.refuseRecipients(450);
    const before = smtp.messages.length;
    const id = await queue(mail, email('later@example.org'));
    expect(await mail.runDue()).toBe(1);
    expect(await outboxRow(id)).toMatchObject({ status: 'failed', last_error: 'Error: SMTP server deferred the message (450)' });
    smtp.refuseRecipients(null);
    expect(await drain(database.db, mail, [SEND_QUEUE])).toBe(1);
    expect(await outboxRow(id)).toMatchObject({ status: 'sent', attempts: 2 });
    expect(smtp.messages.length - before).toBe(1);
  });

  it('cannot send an SMS over SMTP, and says so once', async () => {
    const id = await queue(mail, { channel: 'sms', template: 'reminder', recipient: '07700 900456', subject: '', body: 'Reminder' });
    expect(await drain(database.db, mail, [SEND_QUEUE])).toBe(1);
    expect(await outboxRow(id)).toMatchObject({
      status: 'permanent-failure',
      last_error: 'PermanentDeliveryError: SMS cannot be sent through the SMTP adapter',
    });
  });

  it('the log adapter marks messages delivered and logs only ids', async () => {
    const local = worker({ NOTIFY_ADAPTER: 'log' });
    const id = await queue(local, email('demo.user@example.org'));
    expect(await drain(database.db, local, [SEND_QUEUE])).toBe(1);
    expect(await outboxRow(id)).toMatchObject({ status: 'delivered', adapter: 'log', provider_reference: null });
    expect(logger.lines.some((l) => l.includes(id))).toBe(true);
  });

  it('never writes an address or message text to the log', () => {
    const log = logger.lines.join('\n');
    for (const secret of ['example.org', '07700', 'Reset your', 'Use this link', 'Reminder']) expect(log).not.toContain(secret);
  });
});
