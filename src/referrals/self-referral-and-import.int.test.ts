import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportReport, TriageQueue } from '../contracts/referrals.js';
import { createTestScheme, createTestUser, openTestApp, signInAs, type SignedIn, type TestApp, type TestScheme } from '../testing/app.js';
import { testBackend } from '../testing/database.js';
import { testNhsNumber } from '../testing/referrals.js';

let t: TestApp;
let scheme: TestScheme;
let worker: SignedIn;
let gp: SignedIn;

beforeAll(async () => {
  t = await openTestApp({ SELF_REFERRAL_LIMIT: '3', SELF_REFERRAL_WINDOW_MINUTES: '10' });
  scheme = await createTestScheme(t.ctx.data);
  worker = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'link_worker'));
  gp = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'referrer'));
});
afterAll(async () => t.close());

const selfReferral = (overrides: Record<string, unknown> = {}) => ({
  person: { givenName: 'Sam', familyName: 'Pryce', dateOfBirth: '1990-06-01', postcode: 'B33 8TH', phone: '07700 900456', interpreterNeeded: false, accessibleFormats: [] },
  needs: ['money-debt'],
  whatMatters: 'I have fallen behind with rent and it is keeping me awake.',
  consent: true,
  ...overrides,
});

const post = (payload: unknown, ip: string, slug = scheme.slug) =>
  t.app.inject({ method: 'POST', url: `/api/public/schemes/${slug}/self-referrals`, payload: payload as Record<string, unknown>, remoteAddress: ip });

async function queueIds(): Promise<string[]> {
  const queue = (await t.app.inject({ method: 'GET', url: '/api/triage', headers: worker.headers })).json<TriageQueue>();
  return queue.items.map((i) => i.reference);
}

describe(`self-referral (${testBackend()})`, () => {
  it('tells the form the scheme name and needs, and nothing for an unknown scheme', async () => {
    const known = await t.app.inject({ method: 'GET', url: `/api/public/schemes/${scheme.slug}` });
    expect(known.json()).toMatchObject({ name: expect.stringContaining('Test scheme'), selfReferralEnabled: true });
    expect((await t.app.inject({ method: 'GET', url: '/api/public/schemes/no-such-scheme' })).statusCode).toBe(404);
  });

  it('lands in triage with only a reference number in the answer', async () => {
    const response = await post(selfReferral(), '10.0.0.1');
    expect(response.statusCode, response.body).toBe(201);
    const receipt = response.json<Record<string, unknown>>();
    expect(Object.keys(receipt).sort()).toEqual(['reference', 'schemeName']);
    expect(await queueIds()).toContain(receipt.reference);
  });

  it("an NHS number already held does not join that person's record: it is flagged instead", async () => {
    const nhsNumber = testNhsNumber();
    const professional = await t.app.inject({
      method: 'POST',
      url: '/api/referrals',
      headers: gp.headers,
      payload: {
        person: { nhsNumber, givenName: 'Real', familyName: 'Person', dateOfBirth: '1970-01-01', interpreterNeeded: false, accessibleFormats: [] },
        consent: { givenBy: 'person', method: 'verbal', scopes: ['referral'], givenAt: '2026-11-20' },
        reason: 'x',
        needs: ['food'],
      },
    });
    expect(professional.statusCode, professional.body).toBe(201);
    const response = await post(selfReferral({ person: { ...selfReferral().person, nhsNumber } }), '10.0.0.9');
    expect(response.statusCode).toBe(201);
    const queue = (await t.app.inject({ method: 'GET', url: '/api/triage', headers: worker.headers })).json<TriageQueue>();
    const self = queue.items.find((i) => i.reference === response.json<{ reference: string }>().reference);
    expect(self?.personName).toBe('Sam Pryce');
    expect(self?.possibleDuplicate).toBe(true);
  });

  it('refuses a bot that fills the hidden field, and stores nothing', async () => {
    const before = await queueIds();
    const response = await post(selfReferral({ website: 'http://spam.example' }), '10.0.0.2');
    expect(response.statusCode).toBe(400);
    expect(await queueIds()).toEqual(before);
  });

  it('throttles a flood from one address without losing anyone else’s referral', async () => {
    const flood = [];
    for (let i = 0; i < 6; i++) flood.push(await post(selfReferral(), '10.0.0.3'));
    expect(flood.map((r) => r.statusCode)).toEqual([201, 201, 201, 429, 429, 429]);
    const refused = flood[3];
    expect(Number(refused?.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused?.json<{ detail: string }>().detail).toMatch(/your answers are kept/);
    const genuine = await post(selfReferral({ person: { ...selfReferral().person, givenName: 'Genuine' } }), '10.0.0.4');
    expect(genuine.statusCode).toBe(201);
    const queued = await queueIds();
    for (const accepted of flood.filter((r) => r.statusCode === 201)) expect(queued).toContain(accepted.json<{ reference: string }>().reference);
    expect(queued).toContain(genuine.json<{ reference: string }>().reference);
  });
});

describe(`CSV bulk upload (${testBackend()})`, () => {
  const header = 'nhs_number,given_name,family_name,date_of_birth,sex,postcode,gp_practice_ods,phone,email,needs,reason,urgency,consent_method,consent_given_at,referrer_name,referrer_role';

  it('imports the valid rows and reports each invalid row by column, changing nothing for it', async () => {
    const csv = [
      header,
      `${testNhsNumber()},Ada,Lovelace,1950-12-10,female,LS1 4AP,Y00001,,,loneliness;food,"Isolated, recently widowed",routine,verbal,2026-11-01,Dr Patel,GP`,
      `9434765918,Bad,Number,1950-12-10,,,,,,food,Needs help,routine,verbal,2026-11-01,,`,
      `,Cara,Nolan,not-a-date,,,,,,food,,soon,written,2026-11-02,,`,
      `,Dev,Shah,1988-03-03,male,M1 1AE,,,,unknown-need,Debt worries,urgent,digital,2026-11-03,,`,
      `,Eve,Ryan,1977-07-07,,,,,,money-debt,Debt worries,urgent,digital,2026-11-03,,`,
    ].join('\n');
    const response = await t.app.inject({ method: 'POST', url: '/api/referrals/import', headers: { ...worker.headers, 'content-type': 'text/csv' }, payload: csv });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json<ImportReport>();
    expect(report).toMatchObject({ imported: 2, rejected: 3 });
    expect(report.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'imported'],
      [3, 'rejected'],
      [4, 'rejected'],
      [5, 'rejected'],
      [6, 'imported'],
    ]);
    expect(report.rows[1]?.errors.map((e) => e.field)).toEqual(['nhs_number']);
    expect(report.rows[2]?.errors.map((e) => e.field).sort()).toEqual(['date_of_birth', 'reason']);
    expect(report.rows[3]?.errors.map((e) => e.field)).toEqual(['needs']);
    const queued = await queueIds();
    expect(queued).toEqual(expect.arrayContaining([report.rows[0]?.reference, report.rows[4]?.reference]));
    const names = (await t.app.inject({ method: 'GET', url: '/api/referrals?pageSize=100', headers: worker.headers })).json<{ items: { personName: string; source: string }[] }>().items;
    expect(names.filter((n) => n.source === 'bulk').map((n) => n.personName).sort()).toEqual(['Ada Lovelace', 'Eve Ryan']);
  });

  it('refuses a file without the required columns, and a referrer may not upload', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/referrals/import', headers: { ...worker.headers, 'content-type': 'text/csv' }, payload: 'given_name,family_name\nA,B\n' });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ detail: string }>().detail).toMatch(/date_of_birth/);
    const referrer = await t.app.inject({ method: 'POST', url: '/api/referrals/import', headers: { ...gp.headers, 'content-type': 'text/csv' }, payload: `${header}\n` });
    expect(referrer.statusCode).toBe(403);
  });
});
