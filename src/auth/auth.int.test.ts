import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestScheme, createTestUser, openTestApp, signInAs, type TestApp, type TestScheme } from '../testing/app.js';
import { testBackend } from '../testing/database.js';
import { base32Decode, hotp } from './totp.js';

let t: TestApp;
let scheme: TestScheme;

beforeAll(async () => {
  t = await openTestApp({ LOGIN_MAX_FAILURES: '3' });
  scheme = await createTestScheme(t.ctx.data);
});
afterAll(async () => t.close());

const codeFor = (secret: string, stepOffset = 0) => hotp(base32Decode(secret), Math.floor(Date.now() / 1000 / 30) + stepOffset);

describe(`sign-in and sessions (${testBackend()})`, () => {
  it('signs in, shows the session with role and scheme, and signs out', async () => {
    const user = await createTestUser(t.ctx.data, scheme, 'link_worker');
    const session = await signInAs(t.app, user);
    const me = await t.app.inject({ method: 'GET', url: '/api/session', headers: session.headers });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({ stage: 'active', membership: { role: 'link_worker', schemeId: scheme.schemeId }, user: { email: user.email } });

    const cookie = (await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: user.email, password: user.password } })).cookies[0];
    expect(cookie).toMatchObject({ name: 'lw_session', httpOnly: true, sameSite: 'Lax', path: '/' });

    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: session.headers, payload: {} });
    expect(out.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: session.headers })).statusCode).toBe(401);
  });

  it('answers a wrong password and an unknown address the same way', async () => {
    const user = await createTestUser(t.ctx.data, scheme, 'referrer');
    const wrong = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: user.email, password: 'not-it' } });
    const unknown = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: 'nobody@test.example.org', password: 'x' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(wrong.json().detail).toBe(unknown.json().detail);
  });

  it('locks an address after repeated failures, even with the right password, then lets it in later', async () => {
    const user = await createTestUser(t.ctx.data, scheme, 'referrer');
    for (let i = 0; i < 3; i++) {
      await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: user.email, password: 'wrong' } });
    }
    const locked = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: user.email, password: user.password } });
    expect(locked.statusCode).toBe(423);
    expect(locked.headers['retry-after']).toBeDefined();
    // The header gives the real wait (the 15-minute default lock), not a fixed guess.
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
    expect(Number(locked.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
    expect(locked.json().detail).toMatch(/too many attempts/i);
    // Time passes: the lock expires.
    await t.ctx.data.platform((tx) => tx.updateTable('login_throttle').set({ locked_until: new Date(Date.now() - 1000) }).execute());
    const later = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email: user.email, password: user.password } });
    expect(later.statusCode).toBe(200);
  });

  it('refuses a state change without the CSRF token', async () => {
    const user = await createTestUser(t.ctx.data, scheme, 'link_worker');
    const session = await signInAs(t.app, user);
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers: { cookie: session.cookie }, payload: {} });
    expect(response.statusCode).toBe(403);
    expect(response.json().type).toMatch(/csrf$/);
    const forged = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers: { cookie: session.cookie, 'x-csrf-token': 'forged' }, payload: {} });
    expect(forged.statusCode).toBe(403);
  });

  it('signs out everywhere: every session of the user ends', async () => {
    const user = await createTestUser(t.ctx.data, scheme, 'link_worker');
    const tablet = await signInAs(t.app, user);
    const desktop = await signInAs(t.app, user);
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out-everywhere', headers: tablet.headers, payload: {} });
    expect(response.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: desktop.headers })).statusCode).toBe(401);
  });
});

describe(`two-step verification (${testBackend()})`, () => {
  it('sets up TOTP, then asks for a code at the next sign-in and refuses a replayed code', async () => {
    const user = await createTestUser(t.ctx.data, scheme, 'safeguarding_lead');
    const session = await signInAs(t.app, user);
    const setup = await t.app.inject({ method: 'POST', url: '/api/auth/mfa/setup', headers: session.headers, payload: {} });
    expect(setup.statusCode).toBe(200);
    const { secret, otpauthUrl } = setup.json<{ secret: string; otpauthUrl: string }>();
    expect(otpauthUrl).toContain(`secret=${secret}`);

    const bad = await t.app.inject({ method: 'POST', url: '/api/auth/mfa/enable', headers: session.headers, payload: { code: '000000' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('body.code');
    const enable = await t.app.inject({ method: 'POST', url: '/api/auth/mfa/enable', headers: session.headers, payload: { code: codeFor(secret, -1) } });
    expect(enable.statusCode).toBe(200);

    const next = await signInAs(t.app, user);
    const me = await t.app.inject({ method: 'GET', url: '/api/session', headers: next.headers });
    expect(me.json().stage).toBe('mfa');
    // Until the code is given, scheme data stays closed.
    expect((await t.app.inject({ method: 'GET', url: '/api/organisations', headers: next.headers })).statusCode).toBe(401);

    const code = codeFor(secret);
    const ok = await t.app.inject({ method: 'POST', url: '/api/auth/mfa/verify', headers: next.headers, payload: { code } });
    expect(ok.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/organisations', headers: next.headers })).statusCode).toBe(200);

    const third = await signInAs(t.app, user);
    const replay = await t.app.inject({ method: 'POST', url: '/api/auth/mfa/verify', headers: third.headers, payload: { code } });
    expect(replay.statusCode).toBe(400);
  });

  it('a scheme that requires MFA sends a user without it to set-up first', async () => {
    const strict = await createTestScheme(t.ctx.data, { requireMfa: true });
    const user = await createTestUser(t.ctx.data, strict, 'link_worker');
    const session = await signInAs(t.app, user);
    const me = await t.app.inject({ method: 'GET', url: '/api/session', headers: session.headers });
    expect(me.json().stage).toBe('mfa_setup');
    expect((await t.app.inject({ method: 'GET', url: '/api/home', headers: session.headers })).statusCode).toBe(401);
    const { secret } = (await t.app.inject({ method: 'POST', url: '/api/auth/mfa/setup', headers: session.headers, payload: {} })).json<{ secret: string }>();
    const enable = await t.app.inject({ method: 'POST', url: '/api/auth/mfa/enable', headers: session.headers, payload: { code: codeFor(secret) } });
    expect(enable.json().stage).toBe('active');
    expect((await t.app.inject({ method: 'GET', url: '/api/home', headers: session.headers })).statusCode).toBe(200);
  });
});

describe(`password reset (${testBackend()})`, () => {
  async function latestResetLink(email: string): Promise<string> {
    const row = await t.ctx.data.inScheme({ type: 'system', schemeId: scheme.schemeId, label: 'test' }, {}, (scope) =>
      scope.db.selectFrom('notifications').select(['body', 'recipient']).where('template', '=', 'password-reset').where('recipient', '=', email).orderBy('created_at', 'desc').executeTakeFirstOrThrow(),
    );
    const match = /reset-password\?token=([A-Za-z0-9_-]+)/.exec(row.body);
    if (!match?.[1]) throw new Error('no link in the email');
    return match[1];
  }

  it('sends a single-use link through the outbox; the new password works and old sessions end', async () => {
    const user = await createTestUser(t.ctx.data, scheme, 'commissioner');
    const oldSession = await signInAs(t.app, user);
    const asked = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } });
    expect(asked.statusCode).toBe(202);
    const token = await latestResetLink(user.email);
    const jobs = await t.ctx.data.platform((tx) => tx.selectFrom('jobs').select(['queue', 'payload']).where('queue', '=', 'notification.send').execute());
    expect(jobs.length).toBeGreaterThan(0);
    expect(JSON.stringify(jobs)).not.toContain(user.email);

    const newPassword = 'a-long-new-password-2026';
    const done = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token, password: newPassword } });
    expect(done.statusCode).toBe(204);
    expect((await t.app.inject({ method: 'GET', url: '/api/session', headers: oldSession.headers })).statusCode).toBe(401);
    await signInAs(t.app, { email: user.email, password: newPassword });

    const again = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token, password: 'another-long-password' } });
    expect(again.statusCode).toBe(400);
    expect(again.json().errors[0].field).toBe('body.token');
  });

  it('gives the same answer for an unknown address and sends nothing', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'nobody.here@test.example.org' } });
    expect(response.statusCode).toBe(202);
    const count = await t.ctx.data.platform((tx) => tx.selectFrom('password_reset_tokens').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
    const before = Number(count.n);
    await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: 'still.nobody@test.example.org' } });
    const after = await t.ctx.data.platform((tx) => tx.selectFrom('password_reset_tokens').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow());
    expect(Number(after.n)).toBe(before);
  });

  it('refuses an expired link and a short password', async () => {
    const user = await createTestUser(t.ctx.data, scheme, 'referrer');
    await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', payload: { email: user.email } });
    const token = await latestResetLink(user.email);
    const short = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token, password: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0]).toMatchObject({ field: 'body.password' });
    await t.ctx.data.platform((tx) => tx.updateTable('password_reset_tokens').set({ expires_at: new Date(Date.now() - 1000) }).where('user_id', '=', user.userId).execute());
    const expired = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset/complete', payload: { token, password: 'a-long-enough-password' } });
    expect(expired.statusCode).toBe(400);
  });
});
