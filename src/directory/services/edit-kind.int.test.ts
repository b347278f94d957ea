import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ChangeList, ServiceDetail } from '../../contracts/directory.js';
import { createTestScheme, createTestUser, openTestApp, signInAs, type SignedIn, type TestApp } from '../../testing/app.js';
import { createTestDirectoryOrganization, createTestDirectoryService } from '../test-fixtures.js';

let t: TestApp;
let manager: SignedIn;
let orgId: string;
beforeAll(async () => {
  t = await openTestApp();
  const scheme = await createTestScheme(t.ctx.data);
  manager = await signInAs(t.app, await createTestUser(t.ctx.data, scheme, 'scheme_manager'));
  orgId = await createTestDirectoryOrganization(t.ctx.data, { name: 'Woodhouse Walkers' });
});
afterAll(async () => t.close());

it('an edit that changes only the status is recorded as a status change', async () => {
  const id = await createTestDirectoryService(t.ctx.data, orgId, { name: 'Wellbeing walk', schedules: [{ id: '00000000-0000-4000-8000-000000000abc', freq: 'WEEKLY', byday: 'TU', opens_at: '10:00', closes_at: '11:00' }] });
  const read = async () => (await t.app.inject({ method: 'GET', url: `/api/directory/services/${id}`, headers: manager.headers })).json<ServiceDetail>();
  const patch = async (version: number, payload: Record<string, unknown>) => {
    const r = await t.app.inject({ method: 'PATCH', url: `/api/directory/services/${id}`, headers: { ...manager.headers, 'if-match': `"${version}"` }, payload });
    expect(r.statusCode, r.body).toBe(200);
  };
  const kinds = async () => (await t.app.inject({ method: 'GET', url: `/api/directory/services/${id}/history`, headers: manager.headers })).json<ChangeList>().map((c) => c.kind);
  let s = await read();
  await patch(s.version, { name: 'Wellbeing walk', status: 'paused', referralMode: s.referralMode, schedules: [{ byday: 'TU', opensAt: '10:00', closesAt: '11:00' }] });
  s = await read();
  await patch(s.version, { status: 'closed', alert: 'Closed' });
  s = await read();
  await patch(s.version, { status: 'active' });
  expect(await kinds()).toEqual(['status', 'update', 'status', 'create']);
});
