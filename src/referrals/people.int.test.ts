import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PersonDetail } from '../contracts/people.js';
import type { ReferralDetail } from '../contracts/referrals.js';
import { createTestScheme, createTestUser, openTestApp, signInAs, type SignedIn, type TestApp, type TestScheme } from '../testing/app.js';
import { testBackend } from '../testing/database.js';
import { referralBody } from '../testing/referrals.js';

let t: TestApp;
let scheme: TestScheme;
let gp: SignedIn;
let worker: SignedIn;
let person: ReferralDetail['person'];

beforeAll(async () => {
  t = await openTestApp();
  scheme = await createTestScheme(t.ctx.data);
  gp = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'referrer'));
  worker = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'link_worker'));
  const made = await t.app.inject({ method: 'POST', url: '/api/referrals', headers: gp.headers, payload: referralBody() });
  person = made.json<ReferralDetail>().person;
});
afterAll(async () => t.close());

const edit = (as: SignedIn, changes: Record<string, unknown>, version?: number) =>
  t.app.inject({
    method: 'PUT',
    url: `/api/people/${person.id}`,
    headers: { ...as.headers, ...(version !== undefined ? { 'if-match': `"${version}"` } : {}) },
    payload: {
      givenName: person.givenName,
      familyName: person.familyName,
      dateOfBirth: person.dateOfBirth,
      nhsNumber: person.nhsNumber ?? undefined,
      interpreterNeeded: false,
      accessibleFormats: [],
      ...changes,
    },
  });

describe(`correcting a person's details (${testBackend()})`, () => {
  it('a link worker corrects the address; the version moves on and the change is audited', async () => {
    const response = await edit(worker, { addressLine1: '3 New Street', postcode: 'ls2 7ee' }, person.version);
    expect(response.statusCode, response.body).toBe(200);
    const detail = response.json<PersonDetail>();
    expect(detail.person).toMatchObject({ addressLine1: '3 New Street', postcode: 'LS2 7EE', version: person.version + 1 });
    expect(response.headers.etag).toBe(`W/"${person.version + 1}"`);
    const audit = await t.ctx.data.inScheme({ type: 'system', schemeId: scheme.schemeId, label: 'test' }, {}, (scope) =>
      scope.db.selectFrom('audit_events').select('action').where('entity_type', '=', 'person').where('entity_id', '=', person.id).where('action', '=', 'update').execute(),
    );
    expect(audit).toHaveLength(1);
  });

  it('a stale version is refused with 412 and changes nothing', async () => {
    const response = await edit(worker, { town: 'Elsewhere' }, person.version);
    expect(response.statusCode).toBe(412);
    const now = (await t.app.inject({ method: 'GET', url: `/api/people/${person.id}`, headers: worker.headers })).json<PersonDetail>();
    expect(now.person.town).toBeNull();
  });

  it('bad input names the field; a referrer may not edit the record', async () => {
    const bad = await edit(worker, { postcode: 'nope' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['body.postcode']);
    expect((await edit(gp, { town: 'Leeds' })).statusCode).toBe(403);
  });
});

describe(`consent changes check the caller themselves (${testBackend()})`, () => {
  it('another referrer cannot withdraw or record consent on a referral they did not make', async () => {
    const made = (await t.app.inject({ method: 'POST', url: '/api/referrals', headers: gp.headers, payload: referralBody() })).json<ReferralDetail>();
    const otherGp = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'referrer'));
    const withdraw = await t.app.inject({ method: 'POST', url: `/api/referrals/${made.id}/consent/withdraw`, headers: otherGp.headers, payload: {} });
    expect(withdraw.statusCode).toBe(404);
    // The service refuses on its own too, whoever calls it.
    const { withdrawConsent } = await import('./consent.js');
    const commissioner = await createTestUser(t.ctx.data, scheme, 'commissioner');
    await expect(
      t.ctx.data.inScheme(
        { type: 'user', schemeId: scheme.schemeId, userId: commissioner.userId, membershipId: commissioner.membershipId, label: 'Commissioner', role: 'commissioner', organisationId: scheme.organisations.host },
        {},
        (scope) => withdrawConsent(scope, made.id, 'not theirs'),
      ),
    ).rejects.toThrow(/permission/);
    const still = (await t.app.inject({ method: 'GET', url: `/api/referrals/${made.id}`, headers: gp.headers })).json<ReferralDetail>();
    expect(still.consentWithdrawn).toBe(false);
  });
});
