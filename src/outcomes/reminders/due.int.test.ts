import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DueMeasure } from '../../contracts/outcomes.js';
import type { ReferralDetail } from '../../contracts/referrals.js';
import { londonDate } from '../../referrals/domain/working-days.js';
import { createTestUser, signInAs, type TestUser } from '../../testing/app.js';
import { testBackend } from '../../testing/database.js';
import { inTestScheme, referPerson, startCase, type OutcomeWorld } from '../links/test-kit.js';
import { completeSwemwbs, openScheduledWorld, staffActor } from './test-kit.js';
import { dueForPerson, listDue } from './due.js';

const DAY = 86_400_000;
let w: OutcomeWorld;
let otherWorker: TestUser;
/** Noon UTC: whole days later stay on the same London calendar day, clock changes or not. */
let firstContact: Date;
const day = (n: number) => new Date(firstContact.getTime() + n * DAY);
const dateOf = (n: number) => day(n).toISOString().slice(0, 10);

beforeAll(async () => {
  ({ w, firstContact } = await openScheduledWorld());
  otherWorker = await createTestUser(w.t.ctx.data, w.scheme, 'link_worker');
});
afterAll(async () => w.t.close());

const due = (user: TestUser, now: Date, whose: 'mine' | 'all' = 'mine') => w.t.ctx.data.inScheme(staffActor(w, user), {}, (scope) => listDue(scope, { now, whose }));
const of = (items: DueMeasure[], referral: ReferralDetail) => items.filter((i) => i.referralId === referral.id).map((i) => `${i.timepoint}:${i.state}:${i.dueOn}`);

async function event(referral: ReferralDetail, payload: Record<string, unknown>): Promise<void> {
  const response = await w.t.app.inject({ method: 'POST', url: `/api/referrals/${referral.id}/events`, headers: w.worker.headers, payload });
  expect(response.statusCode, response.body).toBe(200);
}

describe(`what is due (${testBackend()})`, () => {
  it('the follow-up appears two weeks ahead, is due at 12 weeks, overdue two weeks later, and leaves the list once done', async () => {
    const referral = await referPerson(w);
    await startCase(w, referral, firstContact);
    expect(of(await due(w.workerUser, day(0)), referral)).toEqual([`baseline:due:${dateOf(0)}`]);
    await completeSwemwbs(w, referral, 'baseline');
    expect(of(await due(w.workerUser, day(69)), referral)).toEqual([]);
    expect(of(await due(w.workerUser, day(70)), referral)).toEqual([`follow-up-12:upcoming:${dateOf(84)}`]);
    expect(of(await due(w.workerUser, day(84)), referral)).toEqual([`follow-up-12:due:${dateOf(84)}`]);
    const overdue = (await due(w.workerUser, day(98))).find((i) => i.referralId === referral.id);
    expect(overdue).toEqual({
      personId: referral.person.id,
      personName: `${referral.person.givenName} ${referral.person.familyName}`,
      referralId: referral.id,
      referralReference: referral.reference,
      measureKey: 'swemwbs',
      measureName: 'Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)',
      timepoint: 'follow-up-12',
      timepointLabel: '12-week follow-up',
      dueOn: dateOf(84),
      overdueFrom: dateOf(98),
      state: 'overdue',
      responseId: null,
    });

    // Another link worker's caseload does not have it; the whole scheme's does.
    expect(of(await due(otherWorker, day(98)), referral)).toEqual([]);
    expect(of(await due(otherWorker, day(98), 'all'), referral)).toEqual([`follow-up-12:overdue:${dateOf(84)}`]);

    // The person's own view has everything, done included.
    const all = await w.t.ctx.data.inScheme(staffActor(w), {}, (scope) => dueForPerson(scope, referral.person.id, day(98)));
    expect(all.map((i) => `${i.timepoint}:${i.state}`)).toEqual(['baseline:done', 'follow-up-12:overdue']);
    expect(all[0]?.responseId).toEqual(expect.any(String));

    await completeSwemwbs(w, referral, 'follow-up-12');
    expect(of(await due(w.workerUser, day(98)), referral)).toEqual([]);
  });

  it('a closed case asks only for its closure measure', async () => {
    const referral = await referPerson(w);
    await startCase(w, referral, firstContact);
    await event(referral, { type: 'start_support' });
    await event(referral, { type: 'close', reasonCode: 'goals-met' });
    await inTestScheme(w, (scope) => scope.db.updateTable('referrals').set({ closed_at: day(100) }).where('id', '=', referral.id).execute());
    // Baseline and the 12-week follow-up were never done, but the case is closed: only closure is chased.
    expect(of(await due(w.workerUser, day(101)), referral)).toEqual([`closure:due:${dateOf(100)}`]);
  });

  it('GET /api/outcomes/due: link workers see their own caseload by default, managers the whole scheme', async () => {
    const referral = await referPerson(w);
    const [y, m, d] = londonDate(new Date()).split('-').map(Number) as [number, number, number];
    await startCase(w, referral, new Date(Date.UTC(y, m - 1, d - 84, 12)));
    await completeSwemwbs(w, referral, 'baseline');

    const mine = await w.t.app.inject({ method: 'GET', url: '/api/outcomes/due', headers: w.worker.headers });
    expect(mine.statusCode, mine.body).toBe(200);
    const item = mine.json<{ items: DueMeasure[] }>().items.find((i) => i.referralId === referral.id);
    expect(item).toMatchObject({ timepoint: 'follow-up-12', state: 'due', dueOn: londonDate(new Date()), personName: `${referral.person.givenName} ${referral.person.familyName}` });

    const other = await signInAs(w.t.app, otherWorker);
    const theirs = (await w.t.app.inject({ method: 'GET', url: '/api/outcomes/due', headers: other.headers })).json<{ items: DueMeasure[] }>();
    expect(theirs.items.some((i) => i.referralId === referral.id)).toBe(false);
    const everyone = (await w.t.app.inject({ method: 'GET', url: '/api/outcomes/due?whose=all', headers: other.headers })).json<{ items: DueMeasure[] }>();
    expect(everyone.items.some((i) => i.referralId === referral.id)).toBe(true);
    const manager = (await w.t.app.inject({ method: 'GET', url: '/api/outcomes/due', headers: w.manager.headers })).json<{ items: DueMeasure[] }>();
    expect(manager.items.some((i) => i.referralId === referral.id)).toBe(true);

    const gp = await signInAs(w.t.app, await createTestUser(w.t.ctx.data, w.scheme, 'referrer'));
    expect((await w.t.app.inject({ method: 'GET', url: '/api/outcomes/due', headers: gp.headers })).statusCode).toBe(403);
    expect((await w.t.app.inject({ method: 'GET', url: '/api/outcomes/due?whose=everyone', headers: w.worker.headers })).statusCode).toBe(400);

    const audited = await inTestScheme(w, (scope) =>
      scope.db.selectFrom('audit_events').select(['actor_id', 'detail']).where('action', '=', 'read').where('entity_type', '=', 'measure_response').where('actor_id', '=', w.workerUser.userId).execute(),
    );
    expect(audited.some((a) => (a.detail as { list?: string; referrals?: string[] }).referrals?.includes(referral.id))).toBe(true);
  });
});
