import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DueMeasureList, PersonOutcomes } from '../contracts/outcomes.js';
import { openTestApp, signInAs, type SignedIn, type TestApp } from '../testing/app.js';
import { testBackend } from '../testing/database.js';
import { seedDemo, type DemoCredentials } from './demo.js';

/** The demo as `npm start` seeds it: measures over time, a story, due and overdue measures, a link out. */

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
