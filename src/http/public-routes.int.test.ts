import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MeasureLinkDto } from '../contracts/outcomes.js';
import { inTestScheme, openOutcomeWorld, outbox, referPerson, startCase, swemwbsAnswers, tokenIn, type OutcomeWorld } from '../outcomes/links/test-kit.js';
import { testBackend } from '../testing/database.js';

/**
 * Public routes on a device where staff are signed in: a person answering their questionnaire
 * on a link worker's tablet, or referring themselves at a library computer someone left
 * signed in. The staff session is not theirs, so it is ignored, and with it the CSRF check.
 */

let w: OutcomeWorld;
let token: string;
let linkId: string;

beforeAll(async () => {
  w = await openOutcomeWorld();
  const referral = await referPerson(w, { email: 'on.the.tablet@example.org' });
  await startCase(w, referral, new Date());
  const sent = await w.t.app.inject({
    method: 'POST',
    url: `/api/people/${referral.person.id}/measure-links`,
    headers: w.worker.headers,
    payload: { measureKey: 'swemwbs', referralId: referral.id, timepoint: 'baseline', channel: 'email' },
  });
  expect(sent.statusCode, sent.body).toBe(201);
  linkId = sent.json<MeasureLinkDto>().id;
  token = tokenIn((await outbox(w)).find((m) => m.entity_id === linkId)?.body ?? '');
});
afterAll(async () => w.t.close());

/** The session cookie alone, as a browser sends it with every request; no CSRF header. */
const cookieOnly = () => ({ cookie: w.worker.cookie });

const selfReferral = {
  person: { givenName: 'Sam', familyName: 'Pryce', dateOfBirth: '1990-06-01', postcode: 'B33 8TH', phone: '07700 900456', interpreterNeeded: false, accessibleFormats: [] },
  needs: ['money-debt'],
  whatMatters: 'I have fallen behind with rent and it is keeping me awake.',
  consent: true,
};

describe(`public routes ignore a staff session (${testBackend()})`, () => {
  it('a questionnaire opens, saves and is sent in on a signed-in tablet, as the person, not the link worker', async () => {
    const opened = await w.t.app.inject({ method: 'POST', url: '/api/public/questionnaire/open', headers: cookieOnly(), payload: { token } });
    expect(opened.statusCode, opened.body).toBe(200);
    const saved = await w.t.app.inject({ method: 'POST', url: '/api/public/questionnaire/save', headers: cookieOnly(), payload: { token, answers: swemwbsAnswers([3, null, null, null, null, null, null]) } });
    expect(saved.statusCode, saved.body).toBe(204);
    // Both headers, as the staff web app would send them: still the person.
    const submitted = await w.t.app.inject({ method: 'POST', url: '/api/public/questionnaire/submit', headers: w.worker.headers, payload: { token, answers: swemwbsAnswers([3, 3, 3, 3, 3, 3, 3]) } });
    expect(submitted.statusCode, submitted.body).toBe(200);

    const actors = await inTestScheme(w, (scope) =>
      scope.db.selectFrom('audit_events').select(['actor_type', 'actor_id']).where('entity_type', '=', 'measure_link').where('entity_id', '=', linkId).where('action', 'in', ['read', 'update']).execute(),
    );
    expect(actors.length).toBeGreaterThanOrEqual(2);
    expect(actors.every((a) => a.actor_type === 'anonymous' && a.actor_id === null)).toBe(true);
  });

  it('the self-referral form accepts a referral from a signed-in browser', async () => {
    const form = await w.t.app.inject({ method: 'GET', url: `/api/public/schemes/${w.scheme.slug}`, headers: cookieOnly() });
    expect(form.statusCode, form.body).toBe(200);
    const made = await w.t.app.inject({ method: 'POST', url: `/api/public/schemes/${w.scheme.slug}/self-referrals`, headers: cookieOnly(), payload: selfReferral, remoteAddress: '10.7.0.1' });
    expect(made.statusCode, made.body).toBe(201);
    const source = await inTestScheme(w, (scope) => scope.db.selectFrom('referrals').select(['source', 'referrer_user_id']).where('reference', '=', made.json<{ reference: string }>().reference).executeTakeFirstOrThrow());
    expect(source).toEqual({ source: 'self', referrer_user_id: null });
  });

  it('an Authorization header on a public route is ignored too, even one that is not valid', async () => {
    const form = await w.t.app.inject({ method: 'GET', url: `/api/public/schemes/${w.scheme.slug}`, headers: { authorization: 'Bearer not-a-real-token' } });
    expect(form.statusCode).toBe(200);
  });

  it('nothing else changes: a staff write still needs its CSRF token, and a bad token is still refused elsewhere', async () => {
    const noCsrf = await w.t.app.inject({ method: 'POST', url: '/api/referrals', headers: cookieOnly(), payload: {} });
    expect(noCsrf.statusCode).toBe(403);
    expect(noCsrf.json<{ type: string }>().type).toMatch(/csrf$/);
    // Paths that only look public are routed as what they are.
    for (const url of ['/api/public', '/api/publicity', '/api/public/../referrals', '/api/public%2F..%2Freferrals']) {
      const response = await w.t.app.inject({ method: 'POST', url, headers: cookieOnly(), payload: {} });
      expect(response.statusCode, url).not.toBe(201);
      expect([403, 404], url).toContain(response.statusCode);
    }
    expect((await w.t.app.inject({ method: 'GET', url: '/api/session', headers: { authorization: 'Bearer not-a-real-token' } })).statusCode).toBe(401);
  });
});
