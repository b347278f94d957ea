import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChangeList, ServiceDetail } from '../../contracts/directory.js';
import type { ProviderService, ProviderServices } from '../../contracts/provider.js';
import { createTestDirectoryService } from '../../directory/test-fixtures.js';
import { openTestApp, type TestApp } from '../../testing/app.js';
import { caseworkScheme, ifMatch } from '../test-kit.js';
import { addCase, placeOnward } from './test-onward.js';

let t: TestApp;
beforeAll(async () => {
  t = await openTestApp();
}, 120_000);
afterAll(async () => {
  await t.close();
});

describe('provider capacity settings', () => {
  it("lists the provider's own services with open referral counts and updates capacity through the directory writer", async () => {
    const cw = await caseworkScheme(t);
    const choirId = await createTestDirectoryService(t.ctx.data, cw.directoryOrganizationId, { name: 'Test Thursday choir' });
    const second = await addCase(t, cw);
    const third = await addCase(t, cw);
    await placeOnward(t, cw, { referralId: cw.referralId, personId: cw.personId, name: 'Sam Snapshot' });
    await placeOnward(t, cw, { referralId: second.referralId, personId: second.personId, name: 'Tam Snapshot', status: 'sent', acceptedOn: null });
    // Ended: not counted.
    await placeOnward(t, cw, { referralId: third.referralId, personId: third.personId, name: 'Uma Snapshot', status: 'completed', endedAt: new Date() });

    const listed = await t.app.inject({ method: 'GET', url: '/api/provider/services', headers: cw.provider.headers });
    expect(listed.statusCode).toBe(200);
    const services = listed.json<ProviderServices>().services;
    expect(services.map((s) => [s.id, s.name, s.liveReferrals, s.capacityPlaces, s.waitlistCount, s.notTakingUntil])).toEqual([
      [choirId, 'Test Thursday choir', 0, null, null, null],
      [cw.serviceId, 'Test Tuesday walk', 2, null, null, null],
    ]);
    const walk = services.find((s) => s.id === cw.serviceId);
    if (!walk) throw new Error('walk not listed');

    // Another organisation's provider has no services of its own, and cannot reach these.
    const otherList = await t.app.inject({ method: 'GET', url: '/api/provider/services', headers: cw.otherProvider.headers });
    expect(otherList.json()).toEqual({ services: [] });
    const body = { capacityPlaces: 12, waitlistCount: 3, notTakingUntil: '2027-01-04' };
    const refused = await t.app.inject({ method: 'PUT', url: `/api/provider/services/${cw.serviceId}/capacity`, headers: cw.otherProvider.headers, payload: body });
    expect(refused.statusCode).toBe(404);

    const updated = await t.app.inject({
      method: 'PUT',
      url: `/api/provider/services/${cw.serviceId}/capacity`,
      headers: { ...cw.provider.headers, ...ifMatch(walk.version) },
      payload: body,
    });
    expect(updated.statusCode).toBe(200);
    expect(updated.json<ProviderService>()).toEqual({
      id: cw.serviceId,
      name: 'Test Tuesday walk',
      capacityPlaces: 12,
      waitlistCount: 3,
      notTakingUntil: '2027-01-04',
      liveReferrals: 2,
      version: walk.version + 1,
    });
    expect(updated.headers.etag).toBe(`W/"${walk.version + 1}"`);

    // The directory sees the same numbers, with a change record.
    const detail = await t.app.inject({ method: 'GET', url: `/api/directory/services/${cw.serviceId}`, headers: cw.worker.headers });
    expect(detail.json<ServiceDetail>().capacity).toEqual({ places: 12, waitlist: 3, notTakingUntil: '2027-01-04', available: false });
    const history = await t.app.inject({ method: 'GET', url: `/api/directory/services/${cw.serviceId}/history`, headers: cw.worker.headers });
    const latest = history.json<ChangeList>()[0];
    expect(latest?.version).toBe(walk.version + 1);
    expect(latest?.kind).toBe('update');
    expect(latest?.changes.map((c) => c.field).sort()).toEqual(['capacity_places', 'not_taking_until', 'waitlist_count']);

    // A stale version is refused rather than overwriting the change made since.
    const stale = await t.app.inject({
      method: 'PUT',
      url: `/api/provider/services/${cw.serviceId}/capacity`,
      headers: { ...cw.provider.headers, ...ifMatch(walk.version) },
      payload: { capacityPlaces: 10, waitlistCount: 0, notTakingUntil: null },
    });
    expect(stale.statusCode).toBe(412);

    const cleared = await t.app.inject({
      method: 'PUT',
      url: `/api/provider/services/${cw.serviceId}/capacity`,
      headers: cw.provider.headers,
      payload: { capacityPlaces: 10, waitlistCount: 0, notTakingUntil: null },
    });
    expect(cleared.json<ProviderService>()).toMatchObject({ capacityPlaces: 10, waitlistCount: 0, notTakingUntil: null, version: walk.version + 2 });
  });

  it('refuses a negative number of places', async () => {
    const cw = await caseworkScheme(t);
    const response = await t.app.inject({
      method: 'PUT',
      url: `/api/provider/services/${cw.serviceId}/capacity`,
      headers: cw.provider.headers,
      payload: { capacityPlaces: -1, waitlistCount: 0, notTakingUntil: null },
    });
    expect(response.statusCode).toBe(400);
    expect(response.json<{ errors: { field: string }[] }>().errors.map((e) => e.field)).toEqual(['body.capacityPlaces']);
  });
});
