import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { homeFor } from '../src/home/tiles.js';
import { axeViolations, describeViolations, launchBrowser, screenshot, signIn, startServer, type RunningServer } from './harness.js';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  server = await startServer();
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await server.stop();
});

const figures = { failedNotifications: 0, organisations: 0, members: 0 };

describe('each demo role signs in and sees its home page', () => {
  it('the sign-in page passes axe-core', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/sign-in`);
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toMatch(/sign in/i);
    const violations = await axeViolations(page);
    await screenshot(page, 'sign-in');
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.close();
  });

  it('shows the NHS.UK error summary for a wrong password', async () => {
    const page = await browser.newPage();
    await signIn(page, server.url, { email: 'nobody@riverside.example.org', password: 'wrong' });
    const summary = page.locator('.nhsuk-error-summary');
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toMatch(/correct email address and password/i);
    const violations = await axeViolations(page);
    await screenshot(page, 'sign-in-error');
    expect(violations, describeViolations(violations)).toEqual([]);
    await page.close();
  });

  it('has a demo user for every role', () => {
    expect([...new Set(server.credentials.users.map((u) => u.role))].sort()).toEqual(
      ['commissioner', 'link_worker', 'referrer', 'safeguarding_lead', 'scheme_manager', 'system_admin', 'vcse_provider'].sort(),
    );
  });

  for (const role of ['referrer', 'link_worker', 'scheme_manager', 'vcse_provider', 'safeguarding_lead', 'commissioner', 'system_admin'] as const) {
    it(`${role}: home page, no axe violations, fits 320 px`, async () => {
      const user = server.credentials.users.find((u) => u.role === role);
      if (!user) throw new Error(`no demo ${role}`);
      const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
      const page = await context.newPage();
      await signIn(page, server.url, user);
      const heading = homeFor(role, figures).heading;
      await page.getByRole('heading', { level: 1, name: heading }).waitFor();
      const violations = await axeViolations(page);
      await screenshot(page, `home-${role}`);
      expect(violations, describeViolations(violations)).toEqual([]);

      await page.setViewportSize({ width: 320, height: 640 });
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      await screenshot(page, `home-${role}-320px`);
      expect(overflow).toBeLessThanOrEqual(0);
      await context.close();
    });
  }
});

describe('the scheme manager administers the scheme', () => {
  it('audit trail and notifications pages work and pass axe-core', async () => {
    const manager = server.credentials.users.find((u) => u.role === 'scheme_manager');
    if (!manager) throw new Error('no demo scheme manager');
    const context = await browser.newContext();
    const page = await context.newPage();
    await signIn(page, server.url, manager);
    await page.getByRole('heading', { level: 1, name: homeFor('scheme_manager', figures).heading }).waitFor();
    for (const [path, name] of [
      ['/admin/audit', 'audit'],
      ['/admin/notifications', 'notifications'],
      ['/organisations', 'organisations'],
      ['/admin/api-clients', 'api-clients'],
      ['/admin/referral-settings', 'referral-settings'],
      ['/triage', 'triage'],
      ['/referrals', 'referrals'],
      ['/referrals/import', 'referral-import'],
      ['/account', 'account'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.locator('h1').waitFor();
      await page.waitForLoadState('networkidle');
      const violations = await axeViolations(page);
      await screenshot(page, `manager-${name}`);
      expect(violations, `${path}\n${describeViolations(violations)}`).toEqual([]);
    }
    await page.goto(`${server.url}/admin/audit`);
    await expect(page.locator('table').first().textContent()).resolves.toMatch(/sign-in/);
    await context.close();
  });
});

describe('data survives a restart', () => {
  it('the same data folder keeps the demo users and their sign-ins', async () => {
    const dataDir = server.dataDir;
    const manager = server.credentials.users.find((u) => u.role === 'scheme_manager');
    if (!manager) throw new Error('no demo scheme manager');
    await server.stop();
    server = await startServer(dataDir);
    const page = await browser.newPage();
    await signIn(page, server.url, manager);
    await page.getByRole('heading', { level: 1, name: homeFor('scheme_manager', figures).heading }).waitFor();
    await page.close();
  });
});
