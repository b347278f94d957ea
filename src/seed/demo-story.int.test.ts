import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caseload } from '../contracts/casework.js';
import { ONWARD_STATUSES } from '../contracts/casework-codes.js';
import type { ProviderInbox } from '../contracts/onward.js';
import type { DueMeasureList, PersonOutcomes } from '../contracts/outcomes.js';
import { openTestApp, signInAs, type SignedIn, type TestApp } from '../testing/app.js';
import { testBackend } from '../testing/database.js';
import { seedDemo, type DemoCredentials } from './demo.js';

/**
 * The demo as `npm start` seeds it: measures over time, a story, due and overdue measures, a link
 * out; caseloads with alerts, onward referrals in every state, registers and a closed case.
 */

let t: TestApp;
let dataDir: string;
let credentials: DemoCredentials;

const signIn = (local: string): Promise<SignedIn> => {
  const user = credentials.users.find((u) => u.email.startsWith(`${local}@`));
  if (!user) throw new Error(`no demo user ${local}`);
  return signInAs(t.app, user);
};

/** People are scheme data under row-level security: looked up inside Riverside. */
async function personId(givenName: string, familyName: string): Promise<string> {
  const { rows } = await sql<{ id: string }>`select id from linkwell_scheme_directory() where slug = 'riverside'`.execute(t.ctx.data.db);
  const schemeId = rows[0]?.id ?? '';
  return t.ctx.data.inScheme({ type: 'system', schemeId, label: 'test' }, {}, async (scope) =>
    (await scope.db.selectFrom('people').select('id').where('given_name', '=', givenName).where('family_name', '=', familyName).executeTakeFirstOrThrow()).id,
  );
}

async function outcomesOf(who: SignedIn, givenName: string, familyName: string): Promise<PersonOutcomes> {
  const response = await t.app.inject({ method: 'GET', url: `/api/people/${await personId(givenName, familyName)}/outcomes`, headers: who.headers });
  expect(response.statusCode).toBe(200);
  return response.json<PersonOutcomes>();
}

beforeAll(async () => {
  t = await openTestApp();
  dataDir = mkdtempSync(join(tmpdir(), 'linkwell-seed-'));
  credentials = await seedDemo(t.ctx.data, t.ctx.jobs, { dataDir, publicUrl: 'http://localhost:3000' });
}, 120_000);
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe(`demo outcomes (${testBackend()})`, () => {
  it('Harold’s WEMWBS rose 9 points from baseline to closure: meaningful at the default 7', async () => {
    const harold = await outcomesOf(await signIn('sam.patel'), 'Harold', 'Jenkins');
    const wemwbs = harold.series.find((s) => s.measureKey === 'wemwbs');
    expect(wemwbs?.lines[0]?.points.map((p) => p.value)).toEqual([38, 47]);
    expect(wemwbs?.lines[0]?.change).toMatchObject({ fromBaseline: 9, improved: true, meaningful: true, threshold: 7 });
    // ONS4 anxiety fell from 6 (high) to 3 (low): two bands better.
    const anxiety = harold.series.find((s) => s.measureKey === 'ons4')?.lines.find((l) => l.key === 'anxiety');
    expect(anxiety?.change).toMatchObject({ fromBaseline: -3, improved: true, bandMovement: 2 });
    expect(harold.stories).toHaveLength(1);
    expect(harold.stories[0]).toMatchObject({ consentToShare: true });
    expect(harold.stories[0]?.deidentified).not.toContain('Harold');
  });

  it('Frank’s baselines include the scheme’s own scale, a paper form and an entered PAM score', async () => {
    const frank = await outcomesOf(await signIn('sam.patel'), 'Frank', 'Morris');
    const byKey = new Map(frank.responses.map((r) => [r.measureKey, r]));
    // SWEMWBS raw 15 is metric 15.84 (measures.md).
    expect(byKey.get('swemwbs')?.score).toMatchObject({ raw: 15, headline: 15.84 });
    expect(byKey.get('ons4')?.mode).toBe('paper');
    expect(byKey.get('feeling-connected')?.score).toMatchObject({ headline: 5, band: 'Low' });
    expect(byKey.get('pam')).toMatchObject({ mode: 'external', score: { headline: 47.2 } });
    expect(byKey.get('concerns')?.answers.names.concern_1).toBe('Cannot video-call my grandchildren');
    expect(frank.measures.find((m) => m.definition.key === 'feeling-connected')?.enabled).toBe(true);
  });

  it('Grace has her ONS4 baseline overdue and a link waiting; Chloe’s baselines are due', async () => {
    const jo = await signIn('jo.bennett');
    const grace = await outcomesOf(jo, 'Grace', 'Kim');
    expect(grace.due.find((d) => d.measureKey === 'ons4' && d.timepoint === 'baseline')?.state).toBe('overdue');
    expect(grace.due.find((d) => d.measureKey === 'swemwbs' && d.timepoint === 'baseline')?.state).toBe('done');
    expect(grace.links).toMatchObject([{ measureKey: 'ons4', state: 'open', channel: 'email' }]);
    expect(grace.preferences.reminders).toBe('email');

    const due = (await t.app.inject({ method: 'GET', url: '/api/outcomes/due?whose=mine', headers: jo.headers })).json<DueMeasureList>();
    const chloe = due.items.filter((d) => d.personName.startsWith('Chloe'));
    expect(chloe.map((d) => `${d.measureKey}:${d.state}`).sort()).toEqual(['feeling-connected:due', 'ons4:due', 'swemwbs:due']);
  });
});

describe(`demo casework (${testBackend()})`, () => {
  const get = async <T>(who: SignedIn, url: string): Promise<T> => {
    const response = await t.app.inject({ method: 'GET', url, headers: who.headers });
    expect(response.statusCode, response.body).toBe(200);
    return response.json<T>();
  };

  it('Jo’s caseload shows Grace’s missed carers’ group and the garden’s concern, and Chloe waiting for her plan', async () => {
    const caseload = await get<Caseload>(await signIn('jo.bennett'), '/api/caseload');
    const grace = caseload.items.find((i) => i.personName.startsWith('Grace'));
    expect(grace?.openAlerts).toBe(2);
    expect(caseload.alerts.filter((a) => a.referralId === grace?.referralId).map((a) => a.kind).sort()).toEqual(['non_attendance', 'provider_concern']);
    expect(caseload.alerts.find((a) => a.kind === 'non_attendance')?.message).toMatch(/^Grow Together for Carers: Missed 2 sessions in a row/);
    expect(caseload.items.some((i) => i.personName.startsWith('Chloe'))).toBe(true);
  });

  it('Sam’s caseload shows Frank’s overdue review and the befriending referral that got no reply', async () => {
    const caseload = await get<Caseload>(await signIn('sam.patel'), '/api/caseload');
    const frank = caseload.items.find((i) => i.personName.startsWith('Frank'));
    expect(frank?.overdueReviews).toBe(1);
    expect(caseload.alerts.find((a) => a.referralId === frank?.referralId)?.kind).toBe('onward_expired');
    expect(caseload.items.some((i) => i.personName.startsWith('Harold'))).toBe(false);
  });

  it('has onward referrals in every state, and signposting kept apart', async () => {
    const { rows } = await sql<{ id: string }>`select id from linkwell_scheme_directory() where slug = 'riverside'`.execute(t.ctx.data.db);
    const schemeId = rows[0]?.id ?? '';
    const counts = await t.ctx.data.inScheme({ type: 'system', schemeId, label: 'test' }, {}, async (scope) => ({
      statuses: (await scope.db.selectFrom('onward_referrals').select('status').execute()).map((r) => r.status),
      signposts: (await scope.db.selectFrom('signposts').select('id').execute()).length,
    }));
    expect([...new Set(counts.statuses)].sort()).toEqual([...ONWARD_STATUSES].sort());
    expect(counts.signposts).toBe(1);
  });

  it('Sue has Grace’s walk to answer; Tom still sees Harold’s completed gardening for a while', async () => {
    const sue = await get<ProviderInbox>(await signIn('sue.marshall'), '/api/provider/referrals');
    expect(sue.items.filter((i) => i.status === 'sent').map((i) => `${i.serviceName}: ${i.personName ?? ''}`)).toEqual(['Tuesday Wellbeing Walk: Grace Kim']);
    expect(sue.items.find((i) => i.serviceName === 'Friendship Lunch')?.status).toBe('attending');
    const tom = await get<ProviderInbox>(await signIn('tom.whitfield'), '/api/provider/referrals');
    expect(tom.items.find((i) => i.serviceName === 'Community Gardening Mornings')).toMatchObject({ status: 'completed', personName: 'Harold Jenkins' });
  });
});
