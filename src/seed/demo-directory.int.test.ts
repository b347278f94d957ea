import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeList, ServiceDetail } from '../contracts/directory.js';
import { openTestApp, signInAs, type SignedIn, type TestApp } from '../testing/app.js';
import { testBackend } from '../testing/database.js';
import { seedDemo, type DemoCredentials } from './demo.js';

/** The demo as `npm start` seeds it: the directory is there, searchable and maintainable. */

let t: TestApp;
let dataDir: string;
let credentials: DemoCredentials;
let jo: SignedIn;

const serviceId = async (name: string): Promise<string> =>
  (await t.ctx.data.db.selectFrom('directory_services').select('id').where('name', '=', name).executeTakeFirstOrThrow()).id;

const signIn = (local: string) => {
  const user = credentials.users.find((u) => u.email.startsWith(`${local}@`));
  if (!user) throw new Error(`no demo user ${local}`);
  return signInAs(t.app, user);
};

beforeAll(async () => {
  t = await openTestApp();
  dataDir = mkdtempSync(join(tmpdir(), 'linkwell-seed-'));
  credentials = await seedDemo(t.ctx.data, t.ctx.jobs, { dataDir, publicUrl: 'http://localhost:3000' });
  jo = await signIn('jo.bennett');
}, 120_000);
afterAll(async () => {
  await t.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe(`demo directory (${testBackend()})`, () => {
  it('the Tuesday walk is there, free, public and noted for Riverside', async () => {
    const id = await serviceId('Tuesday Wellbeing Walk');
    const walk = (await t.app.inject({ method: 'GET', url: `/api/directory/services/${id}`, headers: jo.headers })).json<ServiceDetail>();
    expect(walk).toMatchObject({
      status: 'active',
      free: true,
      schedules: [{ summary: 'Tuesdays 10:00–11:30' }],
      organization: { name: 'Riverside Age Friends', governanceWarnings: [] },
      capacity: { places: 20, waitlist: 0, available: true },
      verification: { stale: false, verifiedBy: 'Jo Bennett' },
      schemeNote: { note: 'Ask for Sue — she meets new walkers at the café.', preferred: true, public: true },
    });
    expect(walk.taxonomyTerms.map((term) => term.name).sort()).toEqual(['Physical activity', 'Social isolation', 'Walking']);
    expect(walk.locations[0]?.accessibility.map((a) => a.description)).toContain('Step-free access');
    const { rows } = await sql<{ service_id: string }>`select service_id from linkwell_public_service_ids()`.execute(t.ctx.data.db);
    expect(rows.map((r) => r.service_id)).toContain(id);
    expect(rows.map((r) => r.service_id)).not.toContain(await serviceId('Canal Side Lunch Club'));
  });

  it('holds stale, paused, closed and under-insured listings to show', async () => {
    const get = async (name: string) =>
      (await t.app.inject({ method: 'GET', url: `/api/directory/services/${await serviceId(name)}`, headers: jo.headers })).json<ServiceDetail>();
    expect((await get('Home Visiting Befriending')).verification.stale).toBe(true);
    expect((await get('Digital Drop-in')).status).toBe('paused');
    expect((await get('Digital Drop-in')).organization.governanceWarnings[0]).toMatch(/^Insurance expired on /);
    expect((await get('Canal Side Lunch Club')).status).toBe('closed');
    const changes = (await t.app.inject({ method: 'GET', url: `/api/directory/services/${await serviceId('Canal Side Lunch Club')}/history`, headers: jo.headers })).json<ChangeList>();
    expect(changes.map((c) => c.kind)).toEqual(['update', 'create']);
    expect((await get('Debt Advice Drop-in')).referralMode).toBe('signposting');
    expect((await get('Polish-speaking Coffee Morning')).languages).toEqual([{ code: 'pl', name: 'Polish' }]);
    const count = await t.ctx.data.db.selectFrom('directory_services').select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
    expect(count.n).toBe(25);
  });

  it('Tom Whitfield maintains Green Shoots’ listings and no others', async () => {
    const tom = await signIn('tom.whitfield');
    const mine = (await t.app.inject({ method: 'GET', url: '/api/directory/my-organization', headers: tom.headers })).json<{ organization: { name: string; services: { name: string }[] } | null; coverage: { schemes: { name: string }[] } }>();
    expect(mine.organization?.name).toBe('Green Shoots Community Garden');
    expect(mine.organization?.services.map((s) => s.name)).toEqual(['Community Gardening Mornings', 'Grow Together for Carers']);
    expect(mine.coverage.schemes.map((s) => s.name)).toEqual(['Riverside Social Prescribing']);
    const garden = (await t.app.inject({ method: 'GET', url: `/api/directory/services/${await serviceId('Community Gardening Mornings')}`, headers: tom.headers })).json<ServiceDetail>();
    expect(garden.permissions.edit).toBe(true);
    const walk = (await t.app.inject({ method: 'GET', url: `/api/directory/services/${await serviceId('Tuesday Wellbeing Walk')}`, headers: tom.headers })).json<ServiceDetail>();
    expect(walk.permissions.edit).toBe(false);
  });
});
