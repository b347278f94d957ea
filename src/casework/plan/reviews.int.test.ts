import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { publicUrl } from '../../config/index.js';
import type { Goal } from '../../contracts/casework.js';
import { openTestApp, type TestApp } from '../../testing/app.js';
import { testBackend } from '../../testing/database.js';
import { asSystem, caseworkScheme, ifMatch, type CaseworkScheme } from '../test-kit.js';
import { closeCase } from './plan-test-kit.js';
import { sendGoalReviewReminders } from './reviews.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

const run = (now: string) => sendGoalReviewReminders(t.ctx.data, t.ctx.jobs, t.ctx.config, new Date(now));

async function goal(cw: CaseworkScheme, title: string, reviewDate: string): Promise<Goal> {
  const res = await t.app.inject({
    method: 'POST',
    url: `/api/cases/${cw.referralId}/goals`,
    headers: cw.worker.headers,
    payload: { title, domain: null, steps: [], targetDate: null, reviewDate },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<Goal>();
}

const reviewEmails = (cw: CaseworkScheme) =>
  asSystem(t, cw.scheme.schemeId, (scope) =>
    scope.db
      .selectFrom('notifications')
      .select(['recipient', 'subject', 'body', 'entity_id'])
      .where('scheme_id', '=', scope.schemeId)
      .where('template', '=', 'goal-review')
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  );

const referenceOf = (cw: CaseworkScheme) =>
  asSystem(t, cw.scheme.schemeId, async (scope) => (await scope.db.selectFrom('referrals').select('reference').where('id', '=', cw.referralId).executeTakeFirstOrThrow()).reference);

const workerEmail = (cw: CaseworkScheme) =>
  asSystem(t, cw.scheme.schemeId, async (scope) => (await scope.db.selectFrom('users').select('email').where('id', '=', cw.workerId).executeTakeFirstOrThrow()).email);

describe(`goal review reminders on a controlled clock (${testBackend()})`, () => {
  it('emails the link worker once when the review date comes (London), naming the referral only; not for an achieved goal', async () => {
    const cw = await caseworkScheme(t, { person: { givenName: 'Grace', familyName: 'Kimberley-Review' } });
    const open = await goal(cw, 'Walk with the Tuesday group', '2030-03-01');
    const done = await goal(cw, 'Sort out the gas bill', '2030-03-01');
    const achieved = await t.app.inject({ method: 'POST', url: `/api/goals/${done.id}/progress`, headers: { ...cw.worker.headers, ...ifMatch(1) }, payload: { event: { type: 'achieve' } } });
    expect(achieved.statusCode).toBe(200);

    // 23:59 UTC on 28 February is still 28 February in London (GMT).
    await run('2030-02-28T23:59:00Z');
    expect(await reviewEmails(cw)).toEqual([]);

    await run('2030-03-01T07:00:00Z');
    const reference = await referenceOf(cw);
    const emails = await reviewEmails(cw);
    expect(emails).toEqual([
      {
        recipient: await workerEmail(cw),
        subject: `A goal is due for review: referral ${reference}`,
        body: [
          `Referral ${reference}`,
          '',
          'A goal in this person’s plan is due for review on 1 March 2030.',
          'Look at it together with them: how it is going, their own rating, and the next review date.',
          '',
          `Open the case: ${publicUrl(t.ctx.config)}/cases/${cw.referralId}`,
        ].join('\n'),
        entity_id: cw.referralId,
      },
    ]);
    expect(emails[0]?.body).not.toContain('Kimberley-Review');
    expect(emails[0]?.body).not.toContain(open.title);

    // Later the same day, and days later while the review is still outstanding: nothing more.
    await run('2030-03-01T15:00:00Z');
    await run('2030-03-04T09:00:00Z');
    expect(await reviewEmails(cw)).toHaveLength(1);
    const recorded = await asSystem(t, cw.scheme.schemeId, (scope) =>
      scope.db.selectFrom('casework_reminders').select(['kind', 'subject_id', 'key']).where('scheme_id', '=', scope.schemeId).execute(),
    );
    expect(recorded).toEqual([{ kind: 'goal-review', subject_id: open.id, key: '2030-03-01' }]);
  });

  it('a new review date brings a new reminder', async () => {
    const cw = await caseworkScheme(t);
    const g = await goal(cw, 'Join the choir', '2030-05-01');
    await run('2030-05-01T09:00:00Z');
    const moved = await t.app.inject({
      method: 'PUT',
      url: `/api/goals/${g.id}`,
      headers: { ...cw.worker.headers, ...ifMatch(1) },
      payload: { title: 'Join the choir', domain: null, steps: [], targetDate: null, reviewDate: '2030-06-01' },
    });
    expect(moved.statusCode, moved.body).toBe(200);
    await run('2030-05-20T09:00:00Z');
    expect(await reviewEmails(cw)).toHaveLength(1);
    // 23:30 UTC on 31 May is already 1 June in London (BST).
    await run('2030-05-31T23:30:00Z');
    expect((await reviewEmails(cw)).map((e) => e.body.split('\n')[2])).toEqual([
      'A goal in this person’s plan is due for review on 1 May 2030.',
      'A goal in this person’s plan is due for review on 1 June 2030.',
    ]);
  });

  it('sends nothing for a closed case', async () => {
    const cw = await caseworkScheme(t);
    await goal(cw, 'Visit the library', '2030-07-01');
    await closeCase(t, cw);
    await run('2030-07-02T09:00:00Z');
    expect(await reviewEmails(cw)).toEqual([]);
  });
});
