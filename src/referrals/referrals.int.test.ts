import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReferralDetail, ReferralList, TriageQueue } from '../contracts/referrals.js';
import { createTestScheme, createTestUser, openTestApp, signInAs, type SignedIn, type TestApp, type TestScheme, type TestUser } from '../testing/app.js';
import { testBackend } from '../testing/database.js';
import { referralBody, testNhsNumber } from '../testing/referrals.js';

let t: TestApp;
let scheme: TestScheme;
let gp: SignedIn;
let gpUser: TestUser;
let otherGp: SignedIn;
let worker: SignedIn;
let workerUser: TestUser;
let manager: SignedIn;

beforeAll(async () => {
  t = await openTestApp();
  scheme = await createTestScheme(t.ctx.data);
  gpUser = await createTestUser(t.ctx.data, scheme, 'referrer');
  gp = await signInAs(t.app, gpUser);
  otherGp = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'referrer'));
  workerUser = await createTestUser(t.ctx.data, scheme, 'link_worker');
  worker = await signInAs(t.app, workerUser);
  manager = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'scheme_manager'));
});
afterAll(async () => t.close());

async function refer(as: SignedIn, overrides: Parameters<typeof referralBody>[0] = {}): Promise<ReferralDetail> {
  const response = await t.app.inject({ method: 'POST', url: '/api/referrals', headers: as.headers, payload: referralBody(overrides) });
  expect(response.statusCode, response.body).toBe(201);
  return response.json<ReferralDetail>();
}

async function event(as: SignedIn, id: string, payload: Record<string, unknown>, ifMatch?: number) {
  return t.app.inject({
    method: 'POST',
    url: `/api/referrals/${id}/events`,
    headers: { ...as.headers, ...(ifMatch !== undefined ? { 'if-match': `"${ifMatch}"` } : {}) },
    payload,
  });
}

async function outbox(referralId: string) {
  return t.ctx.data.inScheme({ type: 'system', schemeId: scheme.schemeId, label: 'test' }, {}, (scope) =>
    scope.db.selectFrom('notifications').select(['template', 'recipient', 'body']).where('entity_id', '=', referralId).orderBy('created_at').execute(),
  );
}

describe(`referrals over REST (${testBackend()})`, () => {
  it('a GP refers with consent: received, coded, screened, due date set, feedback queued', async () => {
    const detail = await refer(gp);
    expect(detail.status).toBe('received');
    expect(detail.reference).toMatch(/^LW-[2-9A-Z]{4}-[2-9A-Z]{4}$/);
    expect(detail.source).toBe('professional');
    expect(detail.consent).toMatchObject({ givenBy: 'person', method: 'verbal', withdrawnAt: null });
    expect(detail.timeline[0]).toMatchObject({ kind: 'received', code: { system: 'http://snomed.info/sct', code: '871731000000106' } });
    expect(detail.eligibility?.outcome).toBe('eligible');
    expect(detail.firstContactDue).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(detail.feedbackSent).toEqual(['received']);
    expect(detail.allowedEvents).toEqual([]);
    const messages = await outbox(detail.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.recipient).toBe(gpUser.email);
    expect(messages[0]?.body).toContain(detail.reference);
    // The email names the referral, never the person.
    expect(messages[0]?.body).not.toContain(detail.person.familyName);
  });

  it('bad input is a problem with field paths, and nothing is stored', async () => {
    const before = (await t.app.inject({ method: 'GET', url: '/api/referrals', headers: manager.headers })).json<ReferralList>().total;
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/referrals',
      headers: gp.headers,
      payload: referralBody({ person: { nhsNumber: '9434765918', postcode: 'NOT A CODE' }, needs: [] }),
    });
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toMatch(/problem\+json/);
    const fields = response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body.person.nhsNumber', 'body.person.postcode', 'body.needs']));
    const after = (await t.app.inject({ method: 'GET', url: '/api/referrals', headers: manager.headers })).json<ReferralList>().total;
    expect(after).toBe(before);
  });

  it('the journey: triage queue → allocate → first contact → close, with feedback at each chosen milestone', async () => {
    const made = await refer(gp);
    const queue = (await t.app.inject({ method: 'GET', url: '/api/triage', headers: worker.headers })).json<TriageQueue>();
    expect(queue.items.map((i) => i.id)).toContain(made.id);
    expect(queue.caseloads.find((c) => c.linkWorkerId === workerUser.userId)).toBeDefined();

    const allocated = await event(worker, made.id, { type: 'allocate', linkWorkerId: workerUser.userId }, made.version);
    expect(allocated.statusCode, allocated.body).toBe(200);
    expect(allocated.json<ReferralDetail>().status).toBe('accepted');

    const asGp = (await t.app.inject({ method: 'GET', url: `/api/referrals/${made.id}`, headers: gp.headers })).json<ReferralDetail>();
    expect(asGp.status).toBe('accepted');
    expect(asGp.feedbackSent).toEqual(['decision', 'received']);

    const contact = await event(worker, made.id, { type: 'record_first_contact' });
    expect(contact.json<ReferralDetail>().status).toBe('first_contact');
    expect(contact.json<ReferralDetail>().firstContactTarget).toBe('met');
    await event(worker, made.id, { type: 'start_support' });
    const closed = await event(worker, made.id, { type: 'close', reasonCode: 'goals-met', outcomeSummary: 'Joined a walking group.' });
    expect(closed.json<ReferralDetail>().status).toBe('closed');
    const templates = (await outbox(made.id)).map((m) => m.template);
    expect(templates).toEqual([
      'referral-feedback-received',
      'referral-feedback-decision',
      'referral-feedback-first_contact',
      'referral-feedback-closed',
    ]);
    const letter = await t.app.inject({ method: 'GET', url: `/api/referrals/${made.id}/letter`, headers: gp.headers });
    expect(letter.statusCode).toBe(200);
    expect(letter.headers['content-type']).toMatch(/text\/html/);
    expect(letter.body).toContain('What matters to me');
    expect(letter.body).toContain('Joined a walking group.');
  });

  it('an illegal transition is 409 with a plain reason; a stale If-Match is 412; neither changes anything', async () => {
    const made = await refer(gp);
    const illegal = await event(worker, made.id, { type: 'record_first_contact' });
    expect(illegal.statusCode).toBe(409);
    expect(illegal.json<{ detail: string }>().detail).toMatch(/Received/);
    const triaged = await event(worker, made.id, { type: 'triage' }, made.version);
    expect(triaged.statusCode).toBe(200);
    const stale = await event(worker, made.id, { type: 'allocate', linkWorkerId: workerUser.userId }, made.version);
    expect(stale.statusCode).toBe(412);
    const now = (await t.app.inject({ method: 'GET', url: `/api/referrals/${made.id}`, headers: worker.headers })).json<ReferralDetail>();
    expect(now.status).toBe('triaged');
  });

  it('a referrer sees only the referrals they made, and cannot move them on', async () => {
    const mine = await refer(gp);
    const theirs = await refer(otherGp);
    const list = (await t.app.inject({ method: 'GET', url: '/api/referrals', headers: gp.headers })).json<ReferralList>();
    const ids = list.items.map((i) => i.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect((await t.app.inject({ method: 'GET', url: `/api/referrals/${theirs.id}`, headers: gp.headers })).statusCode).toBe(404);
    expect((await event(gp, mine.id, { type: 'triage' })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/triage', headers: gp.headers })).statusCode).toBe(403);
  });

  it('withdrawn consent is shown and blocks everything but ending the referral', async () => {
    const made = await refer(gp);
    const withdrawn = await t.app.inject({ method: 'POST', url: `/api/referrals/${made.id}/consent/withdraw`, headers: gp.headers, payload: { reason: 'Changed her mind' } });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    const detail = withdrawn.json<ReferralDetail>();
    expect(detail.consentWithdrawn).toBe(true);
    expect(detail.consent?.withdrawnReason).toBe('Changed her mind');
    const asWorker = (await t.app.inject({ method: 'GET', url: `/api/referrals/${made.id}`, headers: worker.headers })).json<ReferralDetail>();
    expect(asWorker.allowedEvents.sort()).toEqual(['decline', 'mark_not_eligible']);
    const allocate = await event(worker, made.id, { type: 'allocate', linkWorkerId: workerUser.userId });
    expect(allocate.statusCode).toBe(409);
    expect(allocate.json<{ type: string }>().type).toMatch(/consent-withdrawn$/);
    const redirect = await event(worker, made.id, { type: 'redirect', destination: 'Citizens Advice' });
    expect(redirect.statusCode).toBe(409);
    const queue = (await t.app.inject({ method: 'GET', url: '/api/triage', headers: worker.headers })).json<TriageQueue>();
    expect(queue.items.find((i) => i.id === made.id)?.consentWithdrawn).toBe(true);
  });

  it('bulk allocation is all or nothing', async () => {
    const one = await refer(gp);
    const two = await refer(gp);
    const bad = await t.app.inject({ method: 'POST', url: '/api/triage/allocate', headers: manager.headers, payload: { referralIds: [one.id, two.id], linkWorkerId: gpUser.userId } });
    expect(bad.statusCode).toBe(400);
    const good = await t.app.inject({ method: 'POST', url: '/api/triage/allocate', headers: manager.headers, payload: { referralIds: [one.id, two.id], linkWorkerId: workerUser.userId } });
    expect(good.statusCode, good.body).toBe(200);
    expect(good.json<{ allocated: number }>().allocated).toBe(2);
    const queue = (await t.app.inject({ method: 'GET', url: '/api/triage', headers: worker.headers })).json<TriageQueue>();
    expect(queue.items.map((i) => i.id)).not.toContain(one.id);
  });

  it('the same NHS number joins the same person; a demographic match is flagged and merged by a link worker', async () => {
    const nhsNumber = testNhsNumber();
    const first = await refer(gp, { person: { nhsNumber, familyName: 'Hartley' } });
    const second = await refer(otherGp, { person: { nhsNumber, familyName: 'Hartley' } });
    expect(second.person.id).toBe(first.person.id);

    const a = await refer(gp, { person: { nhsNumber: '', familyName: "O'Neill", dateOfBirth: '1944-02-29', postcode: 'M1 1AE' } });
    const b = await refer(gp, { person: { nhsNumber: '', familyName: 'ONeill', dateOfBirth: '1944-02-29', postcode: 'm11ae' } });
    expect(b.possibleDuplicate).toBe(true);
    const person = await t.app.inject({ method: 'GET', url: `/api/people/${b.person.id}`, headers: worker.headers });
    expect(person.json<{ duplicates: { id: string; reason: string }[] }>().duplicates).toEqual([expect.objectContaining({ id: a.person.id, reason: 'demographics' })]);
    expect((await t.app.inject({ method: 'GET', url: `/api/people/${b.person.id}`, headers: gp.headers })).statusCode).toBe(403);

    const merged = await t.app.inject({ method: 'POST', url: `/api/people/${b.person.id}/merge`, headers: worker.headers, payload: { intoPersonId: a.person.id, reason: 'Same DOB and address; confirmed by phone' } });
    expect(merged.statusCode, merged.body).toBe(200);
    const kept = merged.json<{ person: { id: string }; referrals: { id: string }[] }>();
    expect(kept.person.id).toBe(a.person.id);
    expect(kept.referrals.map((r) => r.id).sort()).toEqual([a.id, b.id].sort());
    const old = (await t.app.inject({ method: 'GET', url: `/api/people/${b.person.id}`, headers: worker.headers })).json<{ person: { mergedIntoId: string } }>();
    expect(old.person.mergedIntoId).toBe(a.person.id);
    const moved = (await t.app.inject({ method: 'GET', url: `/api/referrals/${b.id}`, headers: worker.headers })).json<ReferralDetail>();
    expect(moved.timeline.map((e) => e.kind)).toContain('person-merged');
  });

  it('a re-referral within the window reopens the closed referral', async () => {
    const nhsNumber = testNhsNumber();
    const made = await refer(gp, { person: { nhsNumber } });
    await event(worker, made.id, { type: 'allocate', linkWorkerId: workerUser.userId });
    await event(worker, made.id, { type: 'close', reasonCode: 'disengaged' });
    const again = await refer(gp, { person: { nhsNumber }, reason: 'Struggling again after a fall.' });
    expect(again.id).toBe(made.id);
    expect(again.status).toBe('accepted');
    expect(again.timeline.map((e) => e.kind)).toEqual(expect.arrayContaining(['reopened', 're-referred']));
  });

  it('eligibility follows the scheme settings and a link worker can override with a reason', async () => {
    const update = await t.app.inject({
      method: 'PUT',
      url: '/api/referral-settings',
      headers: manager.headers,
      payload: {
        eligibility: {
          minAge: 18,
          maxAge: null,
          registeredPractices: ['Y00001'],
          acceptedNeeds: [],
          exclusions: [{ id: 'in-crisis', question: 'Is the person in a mental health crisis?', redirectTo: 'The urgent mental health line (111, option 2)' }],
        },
      },
    });
    expect(update.statusCode, update.body).toBe(200);
    expect((await t.app.inject({ method: 'PUT', url: '/api/referral-settings', headers: worker.headers, payload: { firstContactWorkingDays: 3 } })).statusCode).toBe(403);
    const screen = await t.app.inject({ method: 'POST', url: '/api/referrals/screen', headers: gp.headers, payload: { dateOfBirth: '2012-01-01', practiceOds: 'Y00001', needs: ['food'] } });
    expect(screen.json<{ outcome: string }>().outcome).toBe('not_eligible');
    const crisis = await t.app.inject({ method: 'POST', url: '/api/referrals/screen', headers: gp.headers, payload: { dateOfBirth: '1980-01-01', needs: ['food'], exclusionsFlagged: ['in-crisis'] } });
    expect(crisis.json<{ outcome: string; redirectTo: string }>()).toMatchObject({ outcome: 'redirect', redirectTo: expect.stringContaining('111') });
    const young = await refer(gp, { person: { dateOfBirth: '2012-01-01' } });
    expect(young.eligibility?.outcome).toBe('not_eligible');
    const override = await t.app.inject({ method: 'POST', url: `/api/referrals/${young.id}/eligibility-override`, headers: worker.headers, payload: { reason: 'Young carer; agreed with the practice' } });
    expect(override.statusCode, override.body).toBe(200);
    expect(override.json<ReferralDetail>().eligibilityOverride).toMatchObject({ reason: 'Young carer; agreed with the practice' });
    await t.app.inject({ method: 'PUT', url: '/api/referral-settings', headers: manager.headers, payload: { eligibility: { minAge: null, maxAge: null, registeredPractices: [], acceptedNeeds: [], exclusions: [] } } });
  });

  it('drafts belong to their author', async () => {
    const saved = await t.app.inject({ method: 'POST', url: '/api/referral-drafts', headers: gp.headers, payload: { data: { person: { givenName: 'Half' } } } });
    expect(saved.statusCode).toBe(201);
    const { id } = saved.json<{ id: string }>();
    expect((await t.app.inject({ method: 'GET', url: `/api/referral-drafts/${id}`, headers: otherGp.headers })).statusCode).toBe(404);
    const list = (await t.app.inject({ method: 'GET', url: '/api/referral-drafts', headers: gp.headers })).json<{ items: { id: string; label: string }[] }>();
    expect(list.items).toContainEqual(expect.objectContaining({ id, label: 'Half' }));
    const submitted = await refer(gp, { draftId: id });
    expect(submitted.status).toBe('received');
    expect((await t.app.inject({ method: 'GET', url: `/api/referral-drafts/${id}`, headers: gp.headers })).statusCode).toBe(404);
  });
});
