import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasureLinkDto, PublicQuestionnaire } from '../../contracts/outcomes.js';
import type { ReferralDetail } from '../../contracts/referrals.js';
import type { Actor } from '../../data/access.js';
import { hashSecret } from '../../auth/tokens.js';
import { createTestUser, signInAs } from '../../testing/app.js';
import { testBackend } from '../../testing/database.js';
import { listLinksForPerson } from './links.js';
import { inTestScheme, openOutcomeWorld, outbox, referPerson, startCase, swemwbsAnswers, tokenIn, type OutcomeWorld } from './test-kit.js';

let w: OutcomeWorld;
let referral: ReferralDetail;

beforeAll(async () => {
  w = await openOutcomeWorld();
  referral = await referPerson(w, { email: 'maya.link@example.org', phone: '07700 900123' });
  await startCase(w, referral, new Date());
});
afterAll(async () => w.t.close());

const personId = () => referral.person.id;

async function send(body: Record<string, unknown>, as = w.worker, person = personId()) {
  return w.t.app.inject({ method: 'POST', url: `/api/people/${person}/measure-links`, headers: as.headers, payload: body });
}

/** Sends a SWEMWBS link and returns it with the token from the outbox message. */
async function sendLink(timepoint = 'baseline', as = w.worker, referralId: string | null = referral.id): Promise<{ link: MeasureLinkDto; token: string; body: string }> {
  const response = await send({ measureKey: 'swemwbs', referralId, timepoint, channel: 'email' }, as);
  expect(response.statusCode, response.body).toBe(201);
  const link = response.json<MeasureLinkDto>();
  const message = (await outbox(w)).find((m) => m.entity_id === link.id);
  if (!message) throw new Error('no message for the link');
  return { link, token: tokenIn(message.body), body: message.body };
}

const pub = (action: 'open' | 'save' | 'submit', payload: Record<string, unknown>) =>
  w.t.app.inject({ method: 'POST', url: `/api/public/questionnaire/${action}`, payload, remoteAddress: '10.9.0.1' });

async function responseOf(id: string) {
  return inTestScheme(w, (scope) => scope.db.selectFrom('measure_responses').select(['status', 'headline', 'answers', 'mode']).where('id', '=', id).executeTakeFirstOrThrow());
}

function workerActor(): Actor {
  return { type: 'user', schemeId: w.scheme.schemeId, userId: w.workerUser.userId, label: 'Test link_worker', role: 'link_worker', membershipId: w.workerUser.membershipId, organisationId: w.scheme.organisations.host };
}

describe(`one-time questionnaire links (${testBackend()})`, () => {
  it('sends a kind email naming the scheme, with the link in it, and answers without the token', async () => {
    const { link, token, body } = await sendLink();
    expect(link).toMatchObject({ measureKey: 'swemwbs', measureName: expect.stringContaining('SWEMWBS'), timepoint: 'baseline', channel: 'email', state: 'open', openedAt: null, submittedAt: null });
    expect(JSON.stringify(link)).not.toContain(token);
    const message = (await outbox(w)).find((m) => m.entity_id === link.id);
    expect(message).toMatchObject({ channel: 'email', template: 'measure-link', recipient: 'maya.link@example.org', entity_type: 'measure_link' });
    expect(body).toContain(`/questionnaire#${token}`);
    expect(message?.subject).toContain('Test scheme');
    expect(body).toContain('The link works for 14 days');
    expect(body).toContain('SWEMWBS');
    // The message names the scheme and the short name, not what the measure is for, nor the person.
    expect(body).not.toMatch(/mental wellbeing|Warwick/i);
    expect(body).not.toContain(referral.person.familyName);
    // Only the hash is stored.
    const stored = await inTestScheme(w, (scope) => scope.db.selectFrom('measure_links').select('token_hash').where('id', '=', link.id).executeTakeFirstOrThrow());
    expect(stored.token_hash).toBe(hashSecret(token));
    expect((await responseOf(link.responseId)).status).toBe('in-progress');
  });

  it('sends by text message to a mobile, and refuses a channel the person has no address for', async () => {
    const bySms = await send({ measureKey: 'swemwbs', referralId: referral.id, timepoint: 'follow-up-12', channel: 'sms' });
    expect(bySms.statusCode, bySms.body).toBe(201);
    const sms = (await outbox(w)).find((m) => m.entity_id === bySms.json<MeasureLinkDto>().id);
    expect(sms).toMatchObject({ channel: 'sms', recipient: '07700 900123' });
    expect(sms?.body).toContain('/questionnaire#');

    const noEmail = await referPerson(w, { phone: '0113 496 0000' });
    const refusedEmail = await send({ measureKey: 'swemwbs', timepoint: 'baseline', channel: 'email' }, w.worker, noEmail.person.id);
    expect(refusedEmail.statusCode).toBe(400);
    expect(refusedEmail.json<{ detail: string }>().detail).toBe('We do not have an email address for this person.');
    const refusedSms = await send({ measureKey: 'swemwbs', timepoint: 'baseline', channel: 'sms' }, w.worker, noEmail.person.id);
    expect(refusedSms.statusCode).toBe(400);
    expect(refusedSms.json<{ detail: string }>().detail).toBe('We do not have a mobile number for this person.');
  });

  it('refuses a measure the person cannot complete alone, and a referrer cannot send links', async () => {
    const pam = await send({ measureKey: 'pam', timepoint: 'baseline', channel: 'email' });
    expect(pam.statusCode).toBe(400);
    expect(pam.json<{ type: string }>().type).toMatch(/not-self-completable$/);
    const gp = await signInAs(w.t.app, await createTestUser(w.t.ctx.data, w.scheme, 'referrer'));
    expect((await send({ measureKey: 'swemwbs', timepoint: 'baseline', channel: 'email' }, gp)).statusCode).toBe(403);
  });

  it('opens with the questionnaire and nothing about the person; saves, resumes, and submits once', async () => {
    const { link, token } = await sendLink('follow-up-24');
    const opened = await pub('open', { token });
    expect(opened.statusCode, opened.body).toBe(200);
    const questionnaire = opened.json<PublicQuestionnaire>();
    expect(questionnaire.schemeName).toBe(`Test scheme ${w.scheme.slug}`);
    expect(questionnaire.definition.key).toBe('swemwbs');
    expect(questionnaire.definition.items).toHaveLength(7);
    expect(questionnaire.answers).toEqual({ values: {}, names: {} });
    expect(Date.parse(questionnaire.expiresAt)).toBeGreaterThan(Date.now() + 13 * 86_400_000);
    for (const personal of [referral.person.givenName, referral.person.familyName, referral.person.nhsNumber ?? 'x', 'maya.link@example.org', '07700 900123', personId()]) {
      expect(opened.body).not.toContain(personal);
    }

    // Save part-way, and find the answers again on the same link.
    const partial = swemwbsAnswers([4, 4, 3, null, null, null, null]);
    expect((await pub('save', { token, answers: partial })).statusCode).toBe(204);
    const resumed = (await pub('open', { token })).json<PublicQuestionnaire>();
    expect(resumed.answers.values).toEqual({ wemwbs_1: 4, wemwbs_2: 4, wemwbs_3: 3 });
    const seen = await w.t.ctx.data.inScheme(workerActor(), {}, (scope) => listLinksForPerson(scope, personId()));
    expect(seen.find((l) => l.id === link.id)).toMatchObject({ state: 'open', openedAt: expect.any(String) });

    // An incomplete submission is refused and leaves the questionnaire as it was.
    const incomplete = await pub('submit', { token, answers: swemwbsAnswers([4, 4, 3, 3, null, null, null]) });
    expect(incomplete.statusCode).toBe(400);
    expect(incomplete.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['body.answers.wemwbs_7', 'body.answers.wemwbs_9', 'body.answers.wemwbs_11']);
    expect(await responseOf(link.responseId)).toMatchObject({ status: 'in-progress', answers: { values: { wemwbs_1: 4, wemwbs_2: 4, wemwbs_3: 3 } } });

    // 4+4+3+3+4+4+4 = raw 26, which the Warwick table converts to 23.21.
    const submitted = await pub('submit', { token, answers: swemwbsAnswers([4, 4, 3, 3, 4, 4, 4]) });
    expect(submitted.statusCode, submitted.body).toBe(200);
    expect(submitted.json()).toEqual({ submitted: true, schemeName: `Test scheme ${w.scheme.slug}` });
    expect(await responseOf(link.responseId)).toMatchObject({ status: 'completed', headline: 23.21, mode: 'self' });

    // Any second use is refused, kindly.
    for (const action of ['submit', 'open', 'save'] as const) {
      const again = await pub(action, { token, answers: swemwbsAnswers([1, 1, 1, 1, 1, 1, 1]) });
      expect(again.statusCode).toBe(410);
      expect(again.headers['content-type']).toMatch(/problem\+json/);
      expect(again.json<{ type: string; detail: string }>()).toMatchObject({
        type: expect.stringMatching(/link-submitted$/),
        detail: 'You have already sent in this questionnaire. Thank you. If you need to change an answer, contact your link worker.',
      });
    }
    expect((await responseOf(link.responseId)).headline).toBe(23.21);
  });

  it("tells the case's link worker that it came back, without saying whose it is", async () => {
    const { link, token } = await sendLink('closure', w.manager);
    expect((await pub('submit', { token, answers: swemwbsAnswers([3, 3, 3, 3, 3, 3, 3]) })).statusCode).toBe(200);
    const note = (await outbox(w)).find((m) => m.template === 'measure-link-completed' && m.entity_id === link.responseId);
    expect(note).toMatchObject({ channel: 'email', recipient: w.workerUser.email, subject: 'A questionnaire you sent has been completed' });
    expect(note?.body).toContain(`/people/${personId()}/outcomes`);
    expect(note?.body).not.toContain(referral.person.familyName);
    expect(note?.body).not.toContain(referral.person.givenName);
  });

  it('with no case named, tells whoever sent the link', async () => {
    const { link, token } = await sendLink('other', w.manager, null);
    expect((await pub('submit', { token, answers: swemwbsAnswers([2, 2, 2, 2, 2, 2, 2]) })).statusCode).toBe(200);
    const note = (await outbox(w)).find((m) => m.template === 'measure-link-completed' && m.entity_id === link.responseId);
    expect(note?.recipient).toBe(w.managerUser.email);
  });

  it('an expired link is refused with its own kind message', async () => {
    const { link, token } = await sendLink('follow-up-36');
    await inTestScheme(w, (scope) => scope.db.updateTable('measure_links').set({ expires_at: new Date(Date.now() - 60_000) }).where('id', '=', link.id).execute());
    const opened = await pub('open', { token });
    expect(opened.statusCode).toBe(410);
    expect(opened.json<{ type: string; detail: string }>().type).toMatch(/link-expired$/);
    expect(opened.json<{ detail: string }>().detail).toContain('contact your link worker');
  });

  it('revoking stops the link and cancels the waiting questionnaire; a submitted link cannot be revoked', async () => {
    const { link, token } = await sendLink('follow-up-48');
    const revoked = await w.t.app.inject({ method: 'POST', url: `/api/measure-links/${link.id}/revoke`, headers: w.worker.headers });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json<MeasureLinkDto>()).toMatchObject({ id: link.id, state: 'revoked', revokedAt: expect.any(String) });
    expect((await responseOf(link.responseId)).status).toBe('cancelled');
    const opened = await pub('open', { token });
    expect(opened.statusCode).toBe(410);
    expect(opened.json<{ type: string }>().type).toMatch(/link-revoked$/);

    const done = await sendLink('follow-up-60');
    expect((await pub('submit', { token: done.token, answers: swemwbsAnswers([5, 5, 5, 5, 5, 5, 5]) })).statusCode).toBe(200);
    const refused = await w.t.app.inject({ method: 'POST', url: `/api/measure-links/${done.link.id}/revoke`, headers: w.worker.headers });
    expect(refused.statusCode).toBe(409);
  });

  it('a new link for the same measure and point replaces the open one', async () => {
    const first = await sendLink('follow-up-72');
    const second = await sendLink('follow-up-72');
    expect((await pub('open', { token: first.token })).json<{ type: string }>().type).toMatch(/link-revoked$/);
    expect((await responseOf(first.link.responseId)).status).toBe('cancelled');
    expect((await pub('open', { token: second.token })).statusCode).toBe(200);
  });

  it('an unknown token is 404; a malformed one is 400', async () => {
    const unknown = await pub('open', { token: 'x'.repeat(43) });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json<{ type: string }>().type).toMatch(/link-unknown$/);
    expect((await pub('open', { token: 'short' })).statusCode).toBe(400);
  });

  it('the token never reaches the audit trail or the outbox’s entity fields, and the person’s actions are audited as anonymous', async () => {
    const { link, token } = await sendLink('follow-up-84');
    await pub('open', { token });
    const audit = await inTestScheme(w, (scope) => scope.db.selectFrom('audit_events').selectAll().where('scheme_id', '=', scope.schemeId).execute());
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(audit.some((a) => a.actor_type === 'anonymous' && a.entity_type === 'measure_link' && a.entity_id === link.id && a.action === 'read')).toBe(true);
    const rows = await outbox(w);
    expect(rows.some((m) => m.entity_id?.includes(token) || m.entity_type?.includes(token))).toBe(false);
  });
});
