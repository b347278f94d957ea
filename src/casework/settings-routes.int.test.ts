import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CaseworkSettings } from '../contracts/casework.js';
import { openTestApp, type TestApp } from '../testing/app.js';
import { testBackend } from '../testing/database.js';
import { asSystem, caseworkScheme, ifMatch, type CaseworkScheme } from './test-kit.js';

let t: TestApp;
let s: CaseworkScheme;
beforeAll(async () => {
  t = await openTestApp();
  s = await caseworkScheme(t);
});
afterAll(async () => t.close());

const input = (overrides: Partial<Record<string, unknown>> = {}) => ({
  needDomains: [{ code: 'loneliness', label: 'Feeling lonely' }],
  responseWindowWorkingDays: 8,
  providerAccessDaysAfter: 14,
  nonAttendanceConsecutive: 3,
  nonAttendanceDays: 21,
  repeatedDnaThreshold: 2,
  loneWorkingGraceMinutes: 10,
  loneWorkingIntervalMinutes: 20,
  loneWorkingContacts: [{ name: 'Duty manager', email: 'duty@test.example.org', phone: null }],
  maxCaseload: 35,
  shareFields: ['name', 'contact'],
  partnerShareFields: {},
  ...overrides,
});

const put = (headers: Record<string, string>, payload: object) => t.app.inject({ method: 'PUT', url: '/api/casework/settings', headers, payload });
const get = (headers: Record<string, string>) => t.app.inject({ method: 'GET', url: '/api/casework/settings', headers });

describe(`casework settings over HTTP (${testBackend()})`, () => {
  it('starts at version 0 with the defaults, then each save adds one; a stale version is refused with 412', async () => {
    const first = await get(s.manager.headers);
    expect(first.statusCode).toBe(200);
    expect(first.headers.etag).toBe('W/"0"');
    expect(first.json<CaseworkSettings>()).toMatchObject({ version: 0, maxCaseload: 40, responseWindowWorkingDays: 10, needDomains: [] });

    const saved = await put({ ...s.manager.headers, ...ifMatch(0) }, input());
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.headers.etag).toBe('W/"1"');
    expect(saved.json<CaseworkSettings>()).toMatchObject({
      version: 1,
      maxCaseload: 35,
      responseWindowWorkingDays: 8,
      shareFields: ['name', 'contact'],
      effectiveNeedDomains: [{ code: 'loneliness', label: 'Feeling lonely' }],
    });

    const again = await put({ ...s.manager.headers, ...ifMatch(1) }, input({ maxCaseload: 30 }));
    expect(again.statusCode, again.body).toBe(200);
    expect(again.headers.etag).toBe('W/"2"');
    expect(again.json<CaseworkSettings>().maxCaseload).toBe(30);

    // Two managers read version 1; the second to save must reload.
    const stale = await put({ ...s.manager.headers, ...ifMatch(1) }, input({ maxCaseload: 20 }));
    expect(stale.statusCode).toBe(412);
    expect(stale.json<{ type: string }>().type).toMatch(/\/version-mismatch$/);
    const zeroAgain = await put({ ...s.manager.headers, ...ifMatch(0) }, input({ maxCaseload: 20 }));
    expect(zeroAgain.statusCode).toBe(412);

    const read = await get(s.worker.headers);
    expect(read.statusCode).toBe(200);
    expect(read.headers.etag).toBe('W/"2"');
    expect(read.json<CaseworkSettings>().maxCaseload).toBe(30);

    const audited = await asSystem(t, s.scheme.schemeId, (scope) =>
      scope.db
        .selectFrom('audit_events')
        .select('detail')
        .where('scheme_id', '=', scope.schemeId)
        .where('entity_type', '=', 'casework_settings')
        .where('action', '=', 'update')
        .orderBy('id')
        .execute(),
    );
    expect(audited.map((a) => a.detail)).toEqual([{ version: 1 }, { version: 2 }]);
  });

  it('needs If-Match to save', async () => {
    const res = await put(s.manager.headers, input());
    expect(res.statusCode).toBe(400);
    expect(res.json<{ type: string }>().type).toMatch(/\/if-match-required$/);
  });

  it('lets link workers read but only a manager change them; others may not read', async () => {
    expect((await put({ ...s.worker.headers, ...ifMatch(2) }, input())).statusCode).toBe(403);
    expect((await put({ ...s.provider.headers, ...ifMatch(2) }, input())).statusCode).toBe(403);
    expect((await get(s.referrer.headers)).statusCode).toBe(403);
    expect((await get(s.provider.headers)).statusCode).toBe(403);
    expect((await get(s.safeguarding.headers)).statusCode).toBe(403);
  });

  it('refuses a lone-working contact with no way to reach them, saying what to fix', async () => {
    const res = await put({ ...s.manager.headers, ...ifMatch(2) }, input({ loneWorkingContacts: [{ name: 'Nobody', email: null, phone: null }] }));
    expect(res.statusCode).toBe(400);
    expect(res.body).toContain('Give each lone-working contact an email address or a phone number');
  });
});
