import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Assessment, NeedDomain } from '../../contracts/casework.js';
import { openTestApp, type SignedIn, type TestApp } from '../../testing/app.js';
import { testBackend } from '../../testing/database.js';
import { auditActions, closeCase, outsiders, problemCode } from '../plan/plan-test-kit.js';
import { caseworkScheme, type CaseworkScheme } from '../test-kit.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
});
afterAll(async () => t.close());

type Listing = { assessments: Assessment[]; needDomains: NeedDomain[] };

const first = {
  whatMatters: 'Seeing my grandchildren and not feeling so alone.',
  domains: [
    { domain: 'loneliness', words: 'Nobody to talk to most days', priority: 'high', strengths: 'My neighbour Pat' },
    { domain: 'bereavement', words: 'I miss him', priority: 'medium', strengths: '' },
  ],
  assessedOn: '2026-11-20',
};
const second = {
  whatMatters: 'Keeping up the walking group.',
  domains: [{ domain: 'physical-activity', words: 'I want to walk further', priority: 'high', strengths: 'The Tuesday walk' }],
  assessedOn: '2026-12-18',
};

const save = (cw: CaseworkScheme, as: SignedIn, payload: Record<string, unknown>) =>
  t.app.inject({ method: 'POST', url: `/api/cases/${cw.referralId}/assessments`, headers: as.headers, payload });
const list = (cw: CaseworkScheme, as: SignedIn) => t.app.inject({ method: 'GET', url: `/api/cases/${cw.referralId}/assessments`, headers: as.headers });

describe(`"what matters to me" assessments (${testBackend()})`, () => {
  it('keeps every version: a reassessment is number 2 and the first stays as it was', async () => {
    const cw = await caseworkScheme(t);
    const one = await save(cw, cw.worker, first);
    expect(one.statusCode, one.body).toBe(201);
    expect(one.json<Assessment>()).toMatchObject({ referralId: cw.referralId, number: 1, ...first, createdBy: 'Test link_worker' });
    const two = await save(cw, cw.manager, second);
    expect(two.statusCode, two.body).toBe(201);
    expect(two.json<Assessment>()).toMatchObject({ number: 2, whatMatters: second.whatMatters, createdBy: 'Test scheme_manager' });

    const read = await list(cw, cw.worker);
    expect(read.statusCode).toBe(200);
    const body = read.json<Listing>();
    expect(body.assessments.map((a) => [a.number, a.whatMatters, a.assessedOn])).toEqual([
      [2, second.whatMatters, '2026-12-18'],
      [1, first.whatMatters, '2026-11-20'],
    ]);
    expect(body.assessments[1]?.domains).toEqual(first.domains);
    // No scheme domains set: the referral need categories are in force.
    expect(body.needDomains).toContainEqual({ code: 'loneliness', label: 'Loneliness and isolation' });
    expect(body.needDomains).toHaveLength(12);

    expect(await auditActions(t, cw, 'assessment', one.json<Assessment>().id)).toEqual(['create']);
    expect(await auditActions(t, cw, 'assessment', cw.referralId)).toEqual(['read']);
  });

  it('two saves at once take numbers 1 and 2', async () => {
    const cw = await caseworkScheme(t);
    const [a, b] = await Promise.all([save(cw, cw.worker, first), save(cw, cw.manager, second)]);
    expect([a.statusCode, b.statusCode]).toEqual([201, 201]);
    expect([a.json<Assessment>().number, b.json<Assessment>().number].sort()).toEqual([1, 2]);
  });

  it('refuses a domain the scheme does not have, or one given twice, and saves nothing', async () => {
    const cw = await caseworkScheme(t);
    const unknown = await save(cw, cw.worker, { ...first, domains: [first.domains[0], { ...first.domains[1], domain: 'gardening' }] });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['body.domains.1.domain']);
    const twice = await save(cw, cw.worker, { ...first, domains: [first.domains[0], first.domains[0]] });
    expect(twice.statusCode).toBe(400);
    expect(twice.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['body.domains.1.domain']);
    expect((await list(cw, cw.worker)).json<Listing>().assessments).toEqual([]);

    const ok = await save(cw, cw.worker, first);
    expect(ok.json<Assessment>().number).toBe(1);
  });

  it('a closed case can be read but takes no new assessment', async () => {
    const cw = await caseworkScheme(t);
    expect((await save(cw, cw.worker, first)).statusCode).toBe(201);
    await closeCase(t, cw);
    const refused = await save(cw, cw.worker, second);
    expect(refused.statusCode).toBe(409);
    expect(problemCode(refused)).toBe('case-closed');
    const read = await list(cw, cw.worker);
    expect(read.statusCode).toBe(200);
    expect(read.json<Listing>().assessments.map((a) => a.number)).toEqual([1]);
  });

  it('nobody outside casework reads or writes assessments', async () => {
    const cw = await caseworkScheme(t);
    expect((await save(cw, cw.worker, first)).statusCode).toBe(201);
    for (const [who, as] of await outsiders(t, cw)) {
      expect([403, 404], `${who} GET`).toContain((await list(cw, as)).statusCode);
      expect([403, 404], `${who} POST`).toContain((await save(cw, as, second)).statusCode);
    }
    expect((await list(cw, cw.worker)).json<Listing>().assessments).toHaveLength(1);
  });

  it('a referral still in triage is not a case', async () => {
    const cw = await caseworkScheme(t, { unallocated: true });
    expect((await list(cw, cw.worker)).statusCode).toBe(404);
    expect((await save(cw, cw.worker, first)).statusCode).toBe(404);
  });
});
