import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonDetail } from '../contracts/people.js';
import type { ImportReport, ReferralDetail, ReferralSettingsView } from '../contracts/referrals.js';
import type { SchemeScope } from '../data/access.js';
import { addApiClient } from '../schemes/provision.js';
import { createTestScheme, createTestUser, openTestApp, signInAs, type SignedIn, type TestApp, type TestScheme, type TestUser } from '../testing/app.js';
import { testBackend } from '../testing/database.js';
import { referralBody, testNhsNumber } from '../testing/referrals.js';

/**
 * Who can reach which person and referral, what the public form's NHS number may do, what goes
 * into feedback email, and what concurrent writers do to each other. The concurrency cases
 * fail only on PostgreSQL without their locks (PGlite runs one transaction at a time), and
 * pass on both with them.
 */

let t: TestApp;
let scheme: TestScheme;
let gp: SignedIn;
let otherGp: SignedIn;
let worker: SignedIn;
let workerUser: TestUser;
let otherWorkerUser: TestUser;
let manager: SignedIn;
let integration: Record<string, string>;

beforeAll(async () => {
  t = await openTestApp({ SELF_REFERRAL_LIMIT: '50' });
  scheme = await createTestScheme(t.ctx.data);
  gp = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'referrer'));
  otherGp = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'referrer'));
  workerUser = await createTestUser(t.ctx.data, scheme, 'link_worker');
  otherWorkerUser = await createTestUser(t.ctx.data, scheme, 'link_worker');
  worker = await signInAs(t.app, workerUser);
  manager = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'scheme_manager'));
  // An integration of another organisation than the GPs' practice.
  const { clientId, clientSecret } = await addApiClient(t.ctx.data, scheme.schemeId, { name: 'Partner system', organisationId: scheme.organisations.vcse, scopes: ['referrals.write', 'referrals.read'] }, 'test');
  const token = await t.app.inject({
    method: 'POST',
    url: '/oauth/token',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: `grant_type=client_credentials&client_id=${clientId}&client_secret=${clientSecret}`,
  });
  integration = { authorization: `Bearer ${token.json<{ access_token: string }>().access_token}` };
});
afterAll(async () => t.close());

const post = (headers: Record<string, string>, url: string, payload: unknown) => t.app.inject({ method: 'POST', url, headers, payload: payload as Record<string, unknown> });

async function refer(headers: Record<string, string>, overrides: Parameters<typeof referralBody>[0] = {}): Promise<ReferralDetail> {
  const response = await post(headers, '/api/referrals', referralBody(overrides));
  expect(response.statusCode, response.body).toBe(201);
  return response.json<ReferralDetail>();
}

async function event(id: string, payload: Record<string, unknown>) {
  const response = await post(worker.headers, `/api/referrals/${id}/events`, payload);
  expect(response.statusCode, response.body).toBe(200);
  return response.json<ReferralDetail>();
}

const inScheme = <T>(work: (scope: SchemeScope) => Promise<T>): Promise<T> => t.ctx.data.inScheme({ type: 'system', schemeId: scheme.schemeId, label: 'test' }, {}, work);

describe(`who reaches a person through an NHS number (${testBackend()})`, () => {
  it('a referral with a known NHS number but another date of birth does not join, or show, the record held', async () => {
    const nhsNumber = testNhsNumber();
    const held = await refer(worker.headers, { person: { nhsNumber, givenName: 'Held', addressLine1: '1 Private Road', dateOfBirth: '1960-01-01' } });
    const probe = await refer(otherGp.headers, { person: { nhsNumber, givenName: 'Guess', familyName: 'Who', dateOfBirth: '1990-05-05' } });
    expect(probe.person.id).not.toBe(held.person.id);
    expect(probe.person).toMatchObject({ givenName: 'Guess', nhsNumber: null, addressLine1: null });
    expect(probe.possibleDuplicate).toBe(true);
    const seen = (await t.app.inject({ method: 'GET', url: `/api/people/${probe.person.id}`, headers: worker.headers })).json<PersonDetail>();
    expect(seen.duplicates).toEqual([expect.objectContaining({ id: held.person.id, reason: 'nhs-number' })]);
    // The same number with the same date of birth still joins the record.
    const again = await refer(gp.headers, { person: { nhsNumber, dateOfBirth: '1960-01-01' } });
    expect(again.person.id).toBe(held.person.id);
  });

  it("the public form's NHS number never becomes a record's number, so a professional's referral is not joined to it", async () => {
    const nhsNumber = testNhsNumber();
    const self = await t.app.inject({
      method: 'POST',
      url: `/api/public/schemes/${scheme.slug}/self-referrals`,
      remoteAddress: '10.1.1.1',
      payload: {
        person: { nhsNumber, givenName: 'Someone', familyName: 'Else', dateOfBirth: '1958-04-12', phone: '07700 900999', interpreterNeeded: false, accessibleFormats: [] },
        needs: ['food'],
        whatMatters: 'Help with food.',
        consent: true,
      },
    });
    expect(self.statusCode, self.body).toBe(201);
    const real = await refer(gp.headers, { person: { nhsNumber, givenName: 'Real', dateOfBirth: '1958-04-12', phone: '07700 900123' } });
    expect(real.person).toMatchObject({ givenName: 'Real', nhsNumber, phone: '07700 900123' });
    expect(real.possibleDuplicate).toBe(true);
    // The link worker still sees the number the self-referrer gave, to check it.
    const seen = (await t.app.inject({ method: 'GET', url: `/api/people/${real.person.id}`, headers: worker.headers })).json<PersonDetail>();
    const claimant = seen.duplicates.find((d) => d.name === 'Someone Else');
    expect(claimant?.reason).toBe('nhs-number');
    const claimed = (await t.app.inject({ method: 'GET', url: `/api/people/${claimant?.id ?? ''}`, headers: worker.headers })).json<PersonDetail>();
    expect(claimed.person).toMatchObject({ nhsNumber: null, claimedNhsNumber: nhsNumber });
  });

  it('an integration reading a person it referred sees its own referrals and nobody else’s record', async () => {
    const demographics = { nhsNumber: '', familyName: `Twin-${Date.now()}`, dateOfBirth: '1944-02-29', postcode: 'M1 1AE' };
    const byGp = await refer(gp.headers, { person: { ...demographics, givenName: 'Ann' } });
    const mine = await refer(integration, { person: { ...demographics, givenName: 'Anne' } });
    const asIntegration = await t.app.inject({ method: 'GET', url: `/api/people/${mine.person.id}`, headers: integration });
    expect(asIntegration.statusCode, asIntegration.body).toBe(200);
    expect(asIntegration.json<PersonDetail>().duplicates).toEqual([]);

    // Merged, the record holds the GP's referral too; the integration still sees only its own.
    const merged = await post(worker.headers, `/api/people/${byGp.person.id}/merge`, { intoPersonId: mine.person.id, reason: 'Same person' });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json<PersonDetail>().referrals.map((r) => r.id).sort()).toEqual([byGp.id, mine.id].sort());
    const after = (await t.app.inject({ method: 'GET', url: `/api/people/${mine.person.id}`, headers: integration })).json<PersonDetail>();
    expect(after.referrals.map((r) => r.id)).toEqual([mine.id]);
  });

  it("a link worker's view of possible duplicates is in the audit trail", async () => {
    const demographics = { nhsNumber: '', familyName: `Pair-${Date.now()}`, dateOfBirth: '1950-03-03', postcode: 'M1 1AE' };
    const a = await refer(gp.headers, { person: demographics });
    const b = await refer(gp.headers, { person: demographics });
    const seen = (await t.app.inject({ method: 'GET', url: `/api/people/${b.person.id}`, headers: worker.headers })).json<PersonDetail>();
    expect(seen.duplicates.map((d) => d.id)).toEqual([a.person.id]);
    const rows = await inScheme((scope) =>
      scope.db.selectFrom('audit_events').select(['detail']).where('scheme_id', '=', scheme.schemeId).where('entity_type', '=', 'person').where('action', '=', 'read').execute(),
    );
    expect(rows.map((r) => r.detail)).toContainEqual({ duplicatesOf: b.person.id, ids: [a.person.id] });
  });
});

describe(`correcting a person's NHS number (${testBackend()})`, () => {
  it('to one another record holds is a plain 409 naming the field, and changes nothing', async () => {
    const holder = await refer(gp.headers);
    const other = (await refer(gp.headers)).person;
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/people/${other.id}`,
      headers: worker.headers,
      payload: { givenName: other.givenName, familyName: other.familyName, dateOfBirth: other.dateOfBirth, nhsNumber: holder.person.nhsNumber, interpreterNeeded: false, accessibleFormats: [] },
    });
    expect(response.statusCode).toBe(409);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['body.nhsNumber']);
    const now = (await t.app.inject({ method: 'GET', url: `/api/people/${other.id}`, headers: worker.headers })).json<PersonDetail>();
    expect(now.person).toMatchObject({ nhsNumber: other.nhsNumber, version: other.version });
  });
});

describe(`re-referral by another referrer (${testBackend()})`, () => {
  it('makes a new referral the referrer can see, and leaves the other referrer’s closed one alone', async () => {
    const nhsNumber = testNhsNumber();
    const first = await refer(gp.headers, { person: { nhsNumber } });
    await event(first.id, { type: 'allocate', linkWorkerId: workerUser.userId });
    await event(first.id, { type: 'close', reasonCode: 'disengaged' });
    const second = await refer(otherGp.headers, { person: { nhsNumber }, reason: 'Struggling again.' });
    expect(second.id).not.toBe(first.id);
    expect(second.reference).not.toBe(first.reference);
    expect(second.status).toBe('received');
    expect(second.person.id).toBe(first.person.id);
    const original = (await t.app.inject({ method: 'GET', url: `/api/referrals/${first.id}`, headers: worker.headers })).json<ReferralDetail>();
    expect(original.status).toBe('closed');
  });
});

describe(`consent (${testBackend()})`, () => {
  it('cannot be recorded over a withdrawal', async () => {
    const made = await refer(gp.headers);
    expect((await post(gp.headers, `/api/referrals/${made.id}/consent/withdraw`, { reason: 'Changed her mind' })).statusCode).toBe(200);
    const over = await post(gp.headers, `/api/referrals/${made.id}/consent`, { givenBy: 'person', method: 'verbal', scopes: ['referral', 'share-with-partners'], givenAt: '2026-01-01' });
    expect(over.statusCode).toBe(409);
    expect(over.json<{ type: string }>().type).toMatch(/consent-withdrawn$/);
    const now = (await t.app.inject({ method: 'GET', url: `/api/referrals/${made.id}`, headers: worker.headers })).json<ReferralDetail>();
    expect(now.consent?.withdrawnAt).not.toBeNull();
    expect(now.allowedEvents.sort()).toEqual(['decline', 'mark_not_eligible']);
  });

  it('given in the future is refused with its field', async () => {
    const response = await post(gp.headers, '/api/referrals', referralBody({ consent: { givenAt: '2999-01-01' } }));
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['body.consent.givenAt']);
  });
});

describe(`feedback email (${testBackend()})`, () => {
  it("carries the link worker's words about the person only on the referral, not in the email", async () => {
    const made = await refer(gp.headers);
    const words = 'Aged 16: sent to the school nursing team';
    await event(made.id, { type: 'mark_not_eligible', reason: words });
    const mail = await inScheme((scope) =>
      scope.db.selectFrom('notifications').select(['template', 'body']).where('entity_id', '=', made.id).where('template', '=', 'referral-feedback-decision').executeTakeFirstOrThrow(),
    );
    expect(mail.body).toContain('Not eligible');
    expect(mail.body).not.toContain('school nursing');
    const asGp = (await t.app.inject({ method: 'GET', url: `/api/referrals/${made.id}`, headers: gp.headers })).json<ReferralDetail>();
    expect(asGp.decisionReason).toBe(words);
  });
});

describe(`CSV upload rows (${testBackend()})`, () => {
  const header = 'given_name,family_name,date_of_birth,needs,reason,consent_method,consent_given_at';

  it('a row the database refuses is reported on its own; the rows around it are kept; row numbers are the spreadsheet’s', async () => {
    const csv = [
      header,
      'Ada,Ok,1950-01-01,food,Fine,verbal,2026-01-01',
      ',,,,,,',
      'Nul,Byte,1950-01-01,food,Bad\u0000text,verbal,2026-01-01',
      '"Multi","Line",1950-01-01,food,"First line\nsecond line",verbal,2026-01-01',
      'Bad,Date,not-a-date,food,Fine,verbal,2026-01-01',
      'Eve,Ok,1950-01-01,food,Fine,verbal,2026-01-01',
    ].join('\n');
    const response = await t.app.inject({ method: 'POST', url: '/api/referrals/import', headers: { ...worker.headers, 'content-type': 'text/csv' }, payload: csv });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json<ImportReport>();
    expect(report.rows.map((r) => [r.row, r.status])).toEqual([
      [2, 'imported'],
      [4, 'rejected'],
      [5, 'imported'],
      [6, 'rejected'],
      [7, 'imported'],
    ]);
    expect(report.rows[1]?.errors.map((e) => e.field)).toEqual(['row']);
    expect(report.rows[1]?.errors[0]?.message).not.toMatch(/0x00|UTF8|insert|constraint/i);
    expect(report.rows[3]?.errors.map((e) => e.field)).toEqual(['date_of_birth']);
  });
});

describe(`scheme settings (${testBackend()})`, () => {
  it('refuse an age band nobody fits and duplicate codes, naming the field', async () => {
    const band = await t.app.inject({
      method: 'PUT',
      url: '/api/referral-settings',
      headers: manager.headers,
      payload: { eligibility: { minAge: 65, maxAge: 18, registeredPractices: [], acceptedNeeds: [], exclusions: [] } },
    });
    expect(band.statusCode).toBe(400);
    expect(band.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['body.eligibility.maxAge']);
    const twice = await t.app.inject({
      method: 'PUT',
      url: '/api/referral-settings',
      headers: manager.headers,
      payload: { needCategories: [{ code: 'food', label: 'Food' }, { code: 'food', label: 'Meals' }] },
    });
    expect(twice.statusCode).toBe(400);
    expect(twice.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['body.needCategories']);
  });
});

describe(`concurrent writers (${testBackend()})`, () => {
  it('referrals of someone new with the same NHS number at once all succeed and share one record', async () => {
    const nhsNumber = testNhsNumber();
    const responses = await Promise.all([1, 2, 3].map(() => post(gp.headers, '/api/referrals', referralBody({ person: { nhsNumber } }))));
    expect(responses.map((r) => r.statusCode)).toEqual([201, 201, 201]);
    expect(new Set(responses.map((r) => r.json<ReferralDetail>().person.id)).size).toBe(1);
  });

  it('two bulk allocations of the same referrals in opposite orders both finish', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 4; i++) ids.push((await refer(gp.headers)).id);
    const [a, b] = await Promise.all([
      post(manager.headers, '/api/triage/allocate', { referralIds: ids, linkWorkerId: workerUser.userId }),
      post(manager.headers, '/api/triage/allocate', { referralIds: [...ids].reverse(), linkWorkerId: otherWorkerUser.userId }),
    ]);
    expect([a?.statusCode, b?.statusCode], `${a?.body} ${b?.body}`).toEqual([200, 200]);
    expect(a?.json<{ references: string[] }>().references).toHaveLength(4);
  });

  it('two managers changing different settings at once keep both changes', async () => {
    const put = (payload: Record<string, unknown>) => t.app.inject({ method: 'PUT', url: '/api/referral-settings', headers: manager.headers, payload });
    await put({ firstContactWorkingDays: 5, reopenWindowDays: 90 });
    const done = await Promise.all([put({ firstContactWorkingDays: 7 }), put({ reopenWindowDays: 30 })]);
    expect(done.map((r) => r.statusCode)).toEqual([200, 200]);
    const settings = (await t.app.inject({ method: 'GET', url: '/api/referral-settings', headers: manager.headers })).json<ReferralSettingsView>();
    expect([settings.firstContactWorkingDays, settings.reopenWindowDays]).toEqual([7, 30]);
  });
});
