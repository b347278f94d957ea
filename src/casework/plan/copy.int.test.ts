import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PlanCopy } from '../../contracts/plan-copy.js';
import { openTestApp, type TestApp } from '../../testing/app.js';
import { testBackend } from '../../testing/database.js';
import { asSystem, caseworkScheme, ifMatch, type CaseworkScheme } from '../test-kit.js';
import { auditActions, problemCode } from './plan-test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

const copyOf = (cw: CaseworkScheme) => t.app.inject({ method: 'GET', url: `/api/cases/${cw.referralId}/plan/copy`, headers: cw.worker.headers });
const send = (cw: CaseworkScheme) =>
  t.app.inject({ method: 'POST', url: `/api/cases/${cw.referralId}/plan/send`, headers: cw.worker.headers, payload: { channel: 'email' } });

const carePlanEmails = (cw: CaseworkScheme) =>
  asSystem(t, cw.scheme.schemeId, (scope) =>
    scope.db
      .selectFrom('notifications')
      .select(['id', 'channel', 'template', 'recipient', 'subject', 'body', 'entity_type', 'entity_id'])
      .where('scheme_id', '=', scope.schemeId)
      .where('template', '=', 'care-plan')
      .execute(),
  );

/** A case with two assessments, a walking goal in progress, a dropped goal, and the scheme's contact details. */
async function planned(person: Record<string, unknown>): Promise<CaseworkScheme> {
  const cw = await caseworkScheme(t, { person });
  for (const whatMatters of ['Not feeling so alone.', 'Keeping up my walks with the group.']) {
    const res = await t.app.inject({ method: 'POST', url: `/api/cases/${cw.referralId}/assessments`, headers: cw.worker.headers, payload: { whatMatters, domains: [], assessedOn: '2026-11-20' } });
    expect(res.statusCode, res.body).toBe(201);
  }
  const goal = async (payload: Record<string, unknown>): Promise<string> => {
    const res = await t.app.inject({ method: 'POST', url: `/api/cases/${cw.referralId}/goals`, headers: cw.worker.headers, payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json<{ id: string }>().id;
  };
  const walk = await goal({
    title: 'Walk with the Tuesday group',
    domain: 'physical-activity',
    steps: [{ text: 'Go to the first walk', owner: 'person', done: false }],
    targetDate: '2030-01-31',
    reviewDate: '2030-01-10',
  });
  await t.app.inject({ method: 'POST', url: `/api/goals/${walk}/progress`, headers: { ...cw.worker.headers, ...ifMatch(1) }, payload: { event: { type: 'start' } } });
  const gone = await goal({ title: 'Learn to drive', domain: null, steps: [], targetDate: null, reviewDate: null });
  await t.app.inject({ method: 'POST', url: `/api/goals/${gone}/progress`, headers: { ...cw.worker.headers, ...ifMatch(1) }, payload: { event: { type: 'drop', reason: 'Not now' } } });
  await asSystem(t, cw.scheme.schemeId, (scope) =>
    scope.db.insertInto('directory_settings').values({ scheme_id: scope.schemeId, contact_email: 'team@scheme.example.org', contact_phone: '0113 496 0000' }).execute(),
  );
  return cw;
}

describe(`the person’s copy of their plan (${testBackend()})`, () => {
  it('is written to the person from the latest assessment and the goals still in play, and the export is audited', async () => {
    const cw = await planned({ givenName: 'Grace', familyName: 'Kim', email: 'grace.kim@example.org' });
    const res = await copyOf(cw);
    expect(res.statusCode, res.body).toBe(200);
    const copy = res.json<PlanCopy>();
    expect(copy).toMatchObject({
      personName: 'Grace Kim',
      schemeName: `Test scheme ${cw.scheme.slug}`,
      linkWorkerName: 'Test link_worker',
      whatMatters: 'Keeping up my walks with the group.',
      goals: [
        {
          title: 'Walk with the Tuesday group',
          status: 'In progress',
          steps: [{ text: 'Go to the first walk', who: 'You', done: false }],
          targetDate: 'by 31 January 2030',
          reviewDate: '10 January 2030',
        },
      ],
      nextReview: '10 January 2030',
      contact: { linkWorkerName: 'Test link_worker', email: 'team@scheme.example.org', phone: '0113 496 0000' },
    });
    expect(copy.text.startsWith('Your plan\n')).toBe(true);
    expect(copy.text).toContain('What matters to you\nKeeping up my walks with the group.');
    expect(copy.text).toContain('Your goals\n1. Walk with the Tuesday group');
    expect(copy.text).toContain('Next review\nWe will look at your plan together on 10 January 2030.');
    expect(copy.text).not.toContain('Learn to drive');
    expect(await auditActions(t, cw, 'care_plan', cw.referralId)).toEqual(['export']);
  });

  it('is emailed to the person once, with the copy’s text, on the referral', async () => {
    const cw = await planned({ givenName: 'Grace', familyName: 'Kim', email: 'grace.kim@example.org' });
    const sent = await send(cw);
    expect(sent.statusCode, sent.body).toBe(200);
    const { notificationId } = sent.json<{ notificationId: string }>();
    const text = (await copyOf(cw)).json<PlanCopy>().text;
    expect(await carePlanEmails(cw)).toEqual([
      {
        id: notificationId,
        channel: 'email',
        template: 'care-plan',
        recipient: 'grace.kim@example.org',
        subject: `Your plan from Test scheme ${cw.scheme.slug}`,
        body: text,
        entity_type: 'referral',
        entity_id: cw.referralId,
      },
    ]);
    expect(await auditActions(t, cw, 'care_plan', cw.referralId)).toEqual(['export', 'export']);
  });

  it('says to add an email address when the person has none, and sends nothing', async () => {
    const cw = await planned({ givenName: 'Ray', familyName: 'Hughes' });
    const refused = await send(cw);
    expect(refused.statusCode).toBe(409);
    expect(problemCode(refused)).toBe('no-email');
    expect(refused.json<{ detail: string }>().detail).toBe(
      'There is no email address for this person. Add one to their details, or print the plan and give it to them.',
    );
    expect(await carePlanEmails(cw)).toEqual([]);
  });

  it('before anything is recorded, the copy says so plainly', async () => {
    const cw = await caseworkScheme(t, { person: { givenName: 'Ada', familyName: 'Lowe' } });
    const copy = (await copyOf(cw)).json<PlanCopy>();
    expect(copy).toMatchObject({ whatMatters: null, goals: [], nextReview: null, contact: { email: null, phone: null } });
    expect(copy.text).toContain('You have not set any goals yet.');
  });
});
