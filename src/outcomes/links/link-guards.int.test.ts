import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasureLinkDto, MeasureResponseDto, OutcomeSettings } from '../../contracts/outcomes.js';
import type { ReferralDetail } from '../../contracts/referrals.js';
import { loadConfig } from '../../config/index.js';
import { JobQueue } from '../../jobs/queue.js';
import { createNotificationAdapter } from '../../notifications/adapters.js';
import { LINK_REMOVED, registerNotificationJobs } from '../../notifications/jobs.js';
import { SEND_QUEUE } from '../../notifications/outbox.js';
import { startFakeNotify, type FakeNotify } from '../../notifications/testing/fake-notify.js';
import { drain, memoryLogger } from '../../notifications/testing/setup.js';
import { testBackend } from '../../testing/database.js';
import { inTestScheme, openOutcomeWorld, outbox, referPerson, startCase, swemwbsAnswers, tokenIn, type OutcomeWorld } from './test-kit.js';

/**
 * The guards around a one-time link: the secret does not outlive the message in the outbox,
 * the person (not the sender) is who entered a self-completed response, a double click leaves
 * one open link, and a measure switched off ends the links already sent for it.
 */

let w: OutcomeWorld;
let notify: FakeNotify;
let sender: JobQueue;

beforeAll(async () => {
  w = await openOutcomeWorld();
  notify = await startFakeNotify();
  const config = loadConfig({
    NOTIFY_ADAPTER: 'notify',
    NOTIFY_API_KEY: notify.apiKey,
    NOTIFY_BASE_URL: notify.url,
    NOTIFY_EMAIL_TEMPLATE_ID: randomUUID(),
    NOTIFY_SMS_TEMPLATE_ID: randomUUID(),
  });
  const logger = memoryLogger();
  sender = new JobQueue(w.t.database.db, { pollMs: 50, logger });
  registerNotificationJobs(sender, w.t.ctx.data, createNotificationAdapter(config, logger));
});
afterAll(async () => {
  await notify.close();
  await w.t.close();
});

async function caseFor(email: string): Promise<ReferralDetail> {
  const referral = await referPerson(w, { email, phone: '07700 900321' });
  await startCase(w, referral, new Date());
  return referral;
}

const send = (referral: ReferralDetail, timepoint: string, channel: 'email' | 'sms' = 'email') =>
  w.t.app.inject({ method: 'POST', url: `/api/people/${referral.person.id}/measure-links`, headers: w.worker.headers, payload: { measureKey: 'swemwbs', referralId: referral.id, timepoint, channel } });

async function sent(referral: ReferralDetail, timepoint: string, channel: 'email' | 'sms' = 'email'): Promise<{ link: MeasureLinkDto; token: string; notificationId: string }> {
  const response = await send(referral, timepoint, channel);
  expect(response.statusCode, response.body).toBe(201);
  const link = response.json<MeasureLinkDto>();
  const message = (await outbox(w)).find((m) => m.entity_id === link.id);
  if (!message) throw new Error('no message for the link');
  return { link, token: tokenIn(message.body), notificationId: message.id };
}

const pub = (action: 'open' | 'save' | 'submit', payload: Record<string, unknown>) => w.t.app.inject({ method: 'POST', url: `/api/public/questionnaire/${action}`, payload });

describe(`one-time link guards (${testBackend()})`, () => {
  it('once the message has gone, the outbox keeps it without the link; the person’s link still opens', async () => {
    const referral = await caseFor('secret.kept@example.org');
    const email = await sent(referral, 'baseline');
    const sms = await sent(referral, 'follow-up-12', 'sms');
    expect(await drain(w.t.database.db, sender, [SEND_QUEUE])).toBeGreaterThanOrEqual(2);

    // What went to the person carried the link, token and all.
    const delivered = notify.calls.filter((c) => c.status === 201).map((c) => JSON.stringify(c.body.personalisation));
    expect(delivered.some((text) => text.includes(`/questionnaire#${email.token}`))).toBe(true);
    expect(delivered.some((text) => text.includes(`/questionnaire#${sms.token}`))).toBe(true);

    const rows = await inTestScheme(w, (scope) => scope.db.selectFrom('notifications').select(['id', 'status', 'body']).where('id', 'in', [email.notificationId, sms.notificationId]).execute());
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent']);
    for (const row of rows) {
      expect(row.body).not.toContain(email.token);
      expect(row.body).not.toContain(sms.token);
      expect(row.body).not.toContain('/questionnaire#');
      expect(row.body).toContain(LINK_REMOVED);
    }
    // The rest of the message is as it was sent.
    expect(rows.find((r) => r.id === email.notificationId)?.body).toContain(`Answer the questions: ${LINK_REMOVED}\n`);
    expect(rows.find((r) => r.id === sms.notificationId)?.body).toMatch(new RegExp(`\\(SWEMWBS\\): ${LINK_REMOVED.replace(/[[\]]/g, '\\$&')} The link works for 14 days\\.$`));

    // The link is the hash in measure_links, untouched: it still opens and can be answered.
    expect((await pub('open', { token: email.token })).statusCode).toBe(200);
    expect((await pub('submit', { token: sms.token, answers: swemwbsAnswers([3, 3, 3, 3, 3, 3, 3]) })).statusCode).toBe(200);
  });

  it('a self-completed response records no one as having entered it, before and after it is sent in', async () => {
    const referral = await caseFor('entered.by@example.org');
    const { link, token } = await sent(referral, 'baseline');
    const stored = () => inTestScheme(w, (scope) => scope.db.selectFrom('measure_responses').select(['entered_by', 'entered_by_label', 'mode']).where('id', '=', link.responseId).executeTakeFirstOrThrow());
    const shown = async () => (await w.t.app.inject({ method: 'GET', url: `/api/measure-responses/${link.responseId}`, headers: w.worker.headers })).json<MeasureResponseDto>();

    expect(await stored()).toEqual({ entered_by: null, entered_by_label: null, mode: 'self' });
    expect((await shown()).enteredBy).toBeNull();
    expect((await pub('submit', { token, answers: swemwbsAnswers([4, 4, 4, 4, 4, 4, 4]) })).statusCode).toBe(200);
    expect(await stored()).toEqual({ entered_by: null, entered_by_label: null, mode: 'self' });
    expect(await shown()).toMatchObject({ status: 'completed', mode: 'self', enteredBy: null });
    // Who sent it is the link's record, not the response's.
    const linkRow = await inTestScheme(w, (scope) => scope.db.selectFrom('measure_links').select('created_by').where('id', '=', link.id).executeTakeFirstOrThrow());
    expect(linkRow.created_by).toBe(w.workerUser.userId);

    // A row written before this rule, with the sender's name on it, still shows no one.
    await inTestScheme(w, (scope) => scope.db.updateTable('measure_responses').set({ entered_by_label: 'Test link_worker' }).where('id', '=', link.responseId).execute());
    expect((await shown()).enteredBy).toBeNull();
  });

  it('two sends at once for the same person, measure and point leave exactly one open link', async () => {
    const referral = await caseFor('double.click@example.org');
    const [first, second] = await Promise.all([send(referral, 'follow-up-24'), send(referral, 'follow-up-24')]);
    expect([first?.statusCode, second?.statusCode]).toEqual([201, 201]);
    const links = await inTestScheme(w, (scope) =>
      scope.db
        .selectFrom('measure_links as l')
        .innerJoin('measure_responses as r', 'r.id', 'l.response_id')
        .select(['l.revoked_at', 'r.status'])
        .where('l.person_id', '=', referral.person.id)
        .where('r.timepoint', '=', 'follow-up-24')
        .execute(),
    );
    expect(links).toHaveLength(2);
    expect(links.filter((l) => l.revoked_at === null).map((l) => l.status)).toEqual(['in-progress']);
    expect(links.filter((l) => l.revoked_at !== null).map((l) => l.status)).toEqual(['cancelled']);
  });

  it('a measure switched off after its link went out ends the link, kindly', async () => {
    const referral = await caseFor('switched.off@example.org');
    const { token } = await sent(referral, 'follow-up-36');
    expect((await pub('save', { token, answers: swemwbsAnswers([2, 2, null, null, null, null, null]) })).statusCode).toBe(204);

    const current = (await w.t.app.inject({ method: 'GET', url: '/api/outcomes/settings', headers: w.manager.headers })).json<OutcomeSettings>();
    const { version, ...settings } = current;
    const off = await w.t.app.inject({
      method: 'PUT',
      url: '/api/outcomes/settings',
      headers: { ...w.manager.headers, 'if-match': `"${version}"` },
      payload: { ...settings, disabledMeasures: ['swemwbs'], schedule: settings.schedule.filter((e) => e.measureKey !== 'swemwbs') },
    });
    expect(off.statusCode, off.body).toBe(200);

    for (const action of ['open', 'save', 'submit'] as const) {
      const refused = await pub(action, { token, answers: swemwbsAnswers([2, 2, 2, 2, 2, 2, 2]) });
      expect(refused.statusCode, action).toBe(410);
      expect(refused.json<{ type: string; detail: string }>()).toMatchObject({
        type: expect.stringMatching(/link-revoked$/),
        detail: 'This link is no longer in use. If you were expecting to answer some questions, contact your link worker and they can send you a new link.',
      });
    }
  });
});
