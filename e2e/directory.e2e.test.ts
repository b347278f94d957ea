import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser as demoUserOf, expectNoAxeViolations, launchBrowser, screenshot, signIn, startServer, type RunningServer } from './harness.js';
import { projectPath } from '../src/project-path.js';

/**
 * The community directory in a real browser, on the demo data: a link worker searches for a
 * free walking group on Tuesdays near Margaret Ellis's home, reads the ranked results with their
 * reasons as a list and on the map, and marks the listing as checked; a community group edits its
 * own listing but not another group's; a manager imports a feed file. Every page is checked
 * with axe-core, and the search fits a 320 px phone and a 768 px tablet.
 */

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

const demoUser = (email: string) => demoUserOf(server, email);

const checkAxe = expectNoAxeViolations;

async function overflowAt(page: Page, width: number, name: string): Promise<number> {
  await page.setViewportSize({ width, height: 800 });
  await page.waitForTimeout(200);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  if (overflow > 0) {
    const wide = await page.evaluate(() => {
      const limit = document.documentElement.clientWidth;
      return [...document.querySelectorAll('body *')]
        .filter((e) => e.getBoundingClientRect().right > limit + 0.5)
        .slice(0, 8)
        .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
    });
    console.error(`${name} at ${width} px: elements past the right edge: ${wide.join(' | ')}`);
  }
  await screenshot(page, `${name}-${width}px`);
  return overflow;
}

async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  await signIn(page, server.url, demoUser(email));
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.locator('h1').waitFor();
  return { context, page };
}

/** Today as the service page writes it ("21 November 2026"), in the scheme's time zone. */
const today = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/London' }).format(new Date());

describe('a link worker finds a free Tuesday walk near Margaret Ellis', () => {
  let worker: { context: BrowserContext; page: Page };
  let searchUrl = '';

  it('goes from her record to the directory, near her home', async () => {
    worker = await signedIn('jo.bennett');
    const page = worker.page;
    page.on('console', (message) => {
      if (message.type() === 'error') console.error(`browser: ${message.text()}`);
    });
    page.on('pageerror', (error) => {
      console.error(`page error: ${error.message}`);
    });
    await page.getByRole('link', { name: 'Referrals', exact: true }).first().click();
    const row = page.getByRole('row').filter({ hasText: 'Margaret Ellis' }).first();
    await row.waitFor();
    await row.getByRole('link').first().click();
    await page.getByRole('link', { name: 'View person record' }).click();
    await page.getByRole('heading', { level: 1, name: /Margaret Ellis/ }).waitFor();
    await checkAxe(page, 'directory-person-record');
    await page.getByRole('link', { name: /Find services near Margaret Ellis.s home/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Community directory' }).waitFor();
    await page.getByRole('search').getByText(/Near Margaret Ellis.s home \(approximate/).waitFor();
    expect(new URL(page.url()).searchParams.get('personId')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('searches for walking on Tuesdays, free only, and sees the Tuesday Wellbeing Walk first with its reasons', async () => {
    const page = worker.page;
    const form = page.getByRole('search');
    await form.getByLabel('What are you looking for?').fill('walking');
    await form.getByLabel('Day', { exact: true }).selectOption('tue');
    await form.getByLabel('Free only').check();
    await form.getByRole('button', { name: 'Search' }).click();
    await page.waitForURL((url) => url.searchParams.get('q') === 'walking' && url.searchParams.get('day') === 'tue' && url.searchParams.get('free') === 'true');
    const first = page.getByTestId('directory-result').first();
    await first.getByRole('link', { name: 'Tuesday Wellbeing Walk' }).waitFor();
    const status = page.getByRole('status').filter({ hasText: /found/ });
    await expect(status.textContent()).resolves.toMatch(/services? found near Margaret Ellis.s home/);
    const reasons = (await first.locator('.lw-reasons').textContent()) ?? '';
    expect(reasons).toMatch(/Why this result/);
    expect(reasons).toMatch(/Tuesday/);
    expect(reasons).toMatch(/free/i);
    expect(reasons).toMatch(/\d+(\.\d)? k?m away/);
    await expect(first.textContent()).resolves.toMatch(/Riverside Age Friends/);
    searchUrl = page.url();
    await checkAxe(page, 'directory-search-list');
  });

  it('shows the same results on the map, with the list still there', async () => {
    const page = worker.page;
    await page.getByRole('button', { name: 'Map' }).click();
    const region = page.getByRole('region', { name: 'Map of the search results' });
    await region.waitFor();
    await expect(page.getByRole('button', { name: 'Map' }).getAttribute('aria-pressed')).resolves.toBe('true');
    await region.locator('.lw-map-marker--service, .lw-map-cluster').first().waitFor();
    expect(await region.locator('.lw-map-marker--service, .lw-map-cluster').count()).toBeGreaterThan(0);
    await expect(page.getByText(/The map shows the same results as the list\./).isVisible()).resolves.toBe(true);
    await expect(page.getByTestId('directory-result').first().getByRole('link', { name: 'Tuesday Wellbeing Walk' }).isVisible()).resolves.toBe(true);
    expect(new URL(page.url()).searchParams.get('view')).toBe('map');
    await checkAxe(page, 'directory-search-map');
    expect(await overflowAt(page, 768, 'directory-search-map')).toBeLessThanOrEqual(0);
    expect(await overflowAt(page, 320, 'directory-search-map')).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1024, height: 900 });
    // Back to the list: the filters stay in the address.
    await page.getByRole('button', { name: 'List' }).click();
    await page.waitForURL((url) => url.searchParams.get('view') === null && url.searchParams.get('q') === 'walking');
    expect(await overflowAt(page, 320, 'directory-search-list')).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1024, height: 900 });
  });

  it('opens the service page, which passes axe, and marks the listing as checked', async () => {
    const page = worker.page;
    await page.getByTestId('directory-result').first().getByRole('link', { name: 'Tuesday Wellbeing Walk' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tuesday Wellbeing Walk' }).waitFor();
    const main = page.locator('main');
    await expect(main.textContent()).resolves.toMatch(/Tuesdays 10:00/);
    await expect(main.textContent()).resolves.toMatch(/Sue Marshall/);
    await checkAxe(page, 'directory-service');
    expect(await overflowAt(page, 320, 'directory-service')).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1024, height: 900 });

    await page.getByRole('button', { name: 'Mark as checked' }).click();
    await page.getByText('Listing marked as checked').waitFor();
    await page.getByTestId('last-checked').getByText(`Last checked ${today} by Jo Bennett.`).waitFor();
    await main.getByRole('heading', { name: 'Checked by Jo Bennett' }).first().waitFor();
    await checkAxe(page, 'directory-service-checked');

    // "Back" returns to the search the link worker came from.
    await page.getByRole('link', { name: /^Back/ }).click();
    await page.waitForURL((url) => url.search === new URL(searchUrl).search);
  });

  it('flags a listing nobody has checked for two years', async () => {
    const page = worker.page;
    await page.goto(`${server.url}/directory?q=befriending`);
    const result = page.getByTestId('directory-result').filter({ hasText: 'Home Visiting Befriending' });
    await result.waitFor();
    await expect(result.textContent()).resolves.toMatch(/Not checked since/);
    await worker.context.close();
  });
});

describe('a community group keeps its own listings, and only those', () => {
  it('edits a session time, sees it in the history, and cannot edit another group’s listing', async () => {
    const { context, page } = await signedIn('tom.whitfield');
    await page.getByRole('link', { name: 'My listings' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Your listings' }).waitFor();
    await checkAxe(page, 'directory-my-organisation');
    await page.getByRole('link', { name: /Edit\s+Community Gardening Mornings/ }).click();
    await page.getByRole('heading', { level: 1, name: /Edit Community Gardening Mornings/ }).waitFor();
    await checkAxe(page, 'directory-service-edit');
    expect(await overflowAt(page, 320, 'directory-service-edit')).toBeLessThanOrEqual(0);
    await page.setViewportSize({ width: 1024, height: 900 });

    const session = page.getByRole('group', { name: 'Session 1' });
    await session.getByLabel('Starts').fill('10:30');
    await page.getByRole('button', { name: 'Save listing' }).click();
    await page.getByRole('heading', { level: 1, name: 'Community Gardening Mornings' }).waitFor();
    await page.getByText('Listing saved').waitFor();
    const main = page.locator('main');
    await expect(main.textContent()).resolves.toMatch(/Wednesdays 10:30/);
    const history = page.locator('section', { has: page.getByRole('heading', { name: 'Change history' }) });
    await history.getByRole('heading', { name: 'Changed by Tom Whitfield' }).first().waitFor();
    await expect(history.textContent()).resolves.toMatch(/Sessions/);
    await checkAxe(page, 'directory-service-after-edit');

    // Another organisation's listing: the page refuses, and so does the API.
    const walkId = await page.evaluate(async () => {
      const response = await fetch('/api/directory/search?q=Tuesday%20Wellbeing%20Walk');
      const body = (await response.json()) as { results: { id: string; name: string }[] };
      return body.results.find((r) => r.name === 'Tuesday Wellbeing Walk')?.id ?? '';
    });
    expect(walkId).not.toBe('');
    await page.goto(`${server.url}/directory/services/${walkId}/edit`);
    await page.getByRole('heading', { level: 1, name: /You cannot edit Tuesday Wellbeing Walk/ }).waitFor();
    await expect(page.getByRole('button', { name: 'Save listing' }).count()).resolves.toBe(0);
    await checkAxe(page, 'directory-service-edit-refused');
    const status = await page.evaluate(async (id) => {
      const csrf = await fetch('/api/session').then(async (r) => ((await r.json()) as { csrfToken?: string }).csrfToken ?? '');
      const response = await fetch(`/api/directory/services/${id}`, {
        method: 'PATCH',
        headers: { 'Content-Type': 'application/json', 'X-CSRF-Token': csrf, 'If-Match': '"1"' },
        body: JSON.stringify({ name: 'Taken over' }),
      });
      return response.status;
    }, walkId);
    expect([403, 404]).toContain(status);

    // The group's governance: changed from its listings page, shown on its organisation page.
    await page.getByRole('link', { name: 'My listings' }).first().click();
    await page.getByRole('link', { name: 'Change organisation details' }).click();
    await page.getByRole('heading', { level: 1, name: /Change details for Green Shoots/ }).waitFor();
    await checkAxe(page, 'directory-organisation-edit');
    await page.getByLabel('DBS checks (optional)').fill('Session leaders hold an enhanced DBS check, renewed every three years.');
    await page.getByRole('button', { name: 'Save details' }).click();
    await page.getByText('Organisation details saved').waitFor();
    await expect(page.locator('main').textContent()).resolves.toMatch(/Session leaders hold an enhanced DBS check/);
    await checkAxe(page, 'directory-organisation');
    await context.close();
  });
});

describe('a scheme manager', () => {
  it('imports an Open Referral UK file and reads the report', async () => {
    const { context, page } = await signedIn('helen.price');
    await page.getByRole('link', { name: 'Import directory' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Import directory listings' }).waitFor();
    await checkAxe(page, 'directory-import');
    await page.locator('#feedFile').setInputFiles(projectPath('..', 'shared', 'conformance/oruk/examples/Test/service_full.json'));
    await page.getByRole('button', { name: 'Import the file' }).click();
    const report = page.getByTestId('import-report');
    await report.waitFor({ timeout: 30_000 });
    await expect(page.getByTestId('import-progress').textContent()).resolves.toMatch(/Finished: read 1 record/);
    await expect(report.textContent()).resolves.toMatch(/New listings\s*1/);
    // The example's location sits at latitude 100: imported, with the caveat shown.
    await expect(page.getByTestId('import-warnings').textContent()).resolves.toMatch(/not a point on Earth/);
    await checkAxe(page, 'directory-import-report');

    // The 128-record example repeats one id: the repeats are listed, row by row, with the reason.
    await page.locator('#feedFile').setInputFiles(projectPath('..', 'shared', 'conformance/oruk/examples/Test/service_list.json'));
    await page.getByRole('button', { name: 'Import the file' }).click();
    await page.getByTestId('import-progress').getByText(/Finished: read 128 records/).waitFor({ timeout: 60_000 });
    const rejected = page.getByRole('table', { name: 'Records not imported' });
    await rejected.waitFor();
    expect(await rejected.getByRole('row').count()).toBe(128);
    await expect(rejected.getByRole('row').nth(1).textContent()).resolves.toMatch(/repeats the id of record 1/);
    await checkAxe(page, 'directory-import-rejected');
    await context.close();
  });

  it('changes the directory settings', async () => {
    const { context, page } = await signedIn('helen.price');
    await page.getByRole('link', { name: 'Directory settings' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Directory settings' }).waitFor();
    await checkAxe(page, 'directory-settings');
    await page.getByLabel(/Mark a listing as out of date/).fill('200');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Directory settings saved').waitFor();
    await expect(page.getByLabel(/Mark a listing as out of date/).inputValue()).resolves.toBe('200');
    await context.close();
  });
});
