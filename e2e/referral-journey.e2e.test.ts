import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoUser as demoUserOf, expectNoAxeViolations, launchBrowser, signIn, startServer, type RunningServer } from './harness.js';

/**
 * The closed loop in a real browser: a GP refers a person with consent; a link worker finds the
 * referral in triage, allocates it and records first contact; the GP sees each step and a
 * feedback message waits in the outbox. Every page visited is checked with axe-core.
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

/** Chooses the option whose text contains `text` (labels carry counts or codes beside names). */
async function selectByText(select: Locator, text: string): Promise<void> {
  const value = await select.locator('option', { hasText: text }).first().getAttribute('value');
  if (value === null) throw new Error(`no option with ${text}`);
  await select.selectOption(value);
}

async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  await signIn(page, server.url, demoUser(email));
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.locator('h1').waitFor();
  return { context, page };
}

describe('GP → link worker → GP, in the browser', () => {
  let reference = '';
  let referralPath = '';
  let gp: { context: BrowserContext; page: Page };

  it('a GP refers a person with consent and gets a reference number', async () => {
    gp = await signedIn('amara.okafor');
    const page = gp.page;
    await page.getByRole('link', { name: 'Make a referral' }).first().click();
    await page.getByRole('heading', { level: 1, name: 'Make a referral' }).waitFor();
    await checkAxe(page, 'journey-referral-form');

    // Sending an empty form shows the NHS.UK error summary first.
    await page.getByRole('button', { name: 'Send referral' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary.waitFor();
    await expect(summary.textContent()).resolves.toMatch(/first name/i);
    await checkAxe(page, 'journey-referral-form-errors');

    await page.getByLabel('First name', { exact: true }).fill('Winifred');
    await page.getByLabel('Last name', { exact: true }).fill('Browser-Journey');
    const dob = page.getByRole('group', { name: /Date of birth/ });
    await dob.getByLabel('Day').fill('3');
    await dob.getByLabel('Month').fill('2');
    await dob.getByLabel('Year').fill('1948');
    await page.getByLabel('NHS number').fill('943 476 5919');
    await selectByText(page.getByLabel('Registered GP practice'), 'Y99001');
    await page.getByRole('group', { name: 'Who gave consent?' }).getByLabel(/person/i).first().check();
    await page.getByRole('group', { name: 'How did they give consent?' }).getByLabel(/verbal/i).check();
    await page.getByLabel('Date consent was given').fill(new Date().toISOString().slice(0, 10));
    await page.getByRole('group', { name: 'What do they want help with?' }).getByLabel('Loneliness and isolation').check();
    await page.getByLabel('Why are you referring them?').fill('Lives alone and rarely goes out since a fall.');
    await page.getByRole('button', { name: 'Send referral' }).click();

    const panel = page.locator('.nhsuk-panel');
    await panel.waitFor();
    reference = /LW-[2-9A-Z]{4}-[2-9A-Z]{4}/.exec((await panel.textContent()) ?? '')?.[0] ?? '';
    expect(reference).not.toBe('');
    await checkAxe(page, 'journey-referral-sent');
    await page.getByRole('link', { name: 'View this referral' }).click();
    await page.getByText(reference).first().waitFor();
    referralPath = new URL(page.url()).pathname;
    await expect(page.locator('main').textContent()).resolves.toMatch(/Received/);
    await checkAxe(page, 'journey-referral-detail-gp');
  });

  let worker: { context: BrowserContext; page: Page };

  it('a link worker finds it in triage and allocates it', async () => {
    worker = await signedIn('sam.patel');
    const page = worker.page;
    await page.getByRole('link', { name: 'Triage' }).first().click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    const row = page.getByRole('row').filter({ hasText: reference });
    await row.waitFor();
    await checkAxe(page, 'journey-triage');
    await row.getByRole('link', { name: reference }).click();
    await page.getByRole('heading', { level: 1 }).waitFor();
    await checkAxe(page, 'journey-referral-detail-link-worker');

    const allocate = page.locator('form').filter({ has: page.getByRole('button', { name: /Allocate/ }) }).first();
    await selectByText(allocate.getByRole('combobox'), 'Sam Patel');
    await allocate.getByRole('button', { name: /Allocate/ }).click();
    await page.getByRole('button', { name: 'Record first contact' }).waitFor();
    await checkAxe(page, 'journey-allocated');
  });

  it('the GP sees "Accepted"', async () => {
    const page = gp.page;
    await page.goto(`${server.url}/referrals`);
    const row = page.getByRole('row').filter({ hasText: reference });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/Accepted/);
    await checkAxe(page, 'journey-my-referrals-accepted');
  });

  it('the link worker records first contact', async () => {
    const page = worker.page;
    await page.getByRole('button', { name: 'Record first contact' }).click();
    await page.locator('main').getByText('First contact made').first().waitFor();
    await checkAxe(page, 'journey-first-contact');
    await worker.context.close();
  });

  it('the GP sees "first contact made" in My referrals and on the timeline', async () => {
    const page = gp.page;
    await page.goto(`${server.url}/referrals`);
    const row = page.getByRole('row').filter({ hasText: reference });
    await row.waitFor();
    await expect(row.textContent()).resolves.toMatch(/First contact made/);
    await checkAxe(page, 'journey-my-referrals');
    await page.goto(`${server.url}${referralPath}`);
    const main = page.locator('main');
    await main.getByText('Accepted and allocated: Sam Patel').waitFor();
    await expect(main.textContent()).resolves.toMatch(/First contact made/);
    await expect(main.textContent()).resolves.toMatch(/871731000000106/);
    await checkAxe(page, 'journey-referral-detail-gp-after');
    await gp.context.close();
  });

  it('the feedback messages are in the outbox', async () => {
    const { context, page } = await signedIn('helen.price');
    await page.goto(`${server.url}/admin/notifications`);
    await page.locator('h1').waitFor();
    await page.waitForLoadState('networkidle');
    const response = await page.evaluate(async () => {
      const r = await fetch('/api/notifications');
      return (await r.json()) as { items: { template: string; entityId: string | null }[] };
    });
    expect(response, JSON.stringify(response)).toHaveProperty('items');
    const templates = response.items.map((n) => n.template);
    expect(templates).toEqual(expect.arrayContaining(['referral-feedback-received', 'referral-feedback-decision', 'referral-feedback-first_contact']));
    await checkAxe(page, 'journey-outbox');
    await context.close();
  });
});

describe('self-referral in the browser', () => {
  it('a person refers themself and gets only a reference number back', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.url}/refer-yourself/riverside`);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await checkAxe(page, 'self-referral-form');
    await page.getByRole('button', { name: /Send/ }).click();
    await page.locator('.nhsuk-error-summary').waitFor();
    await checkAxe(page, 'self-referral-errors');
    await page.getByLabel('First name', { exact: true }).fill('Pat');
    await page.getByLabel('Last name', { exact: true }).fill('Self-Referrer');
    const dob = page.getByRole('group', { name: /date of birth/i });
    await dob.getByLabel('Day').fill('9');
    await dob.getByLabel('Month').fill('9');
    await dob.getByLabel('Year').fill('1975');
    await page.getByRole('group', { name: /help with/i }).getByRole('checkbox').first().check();
    await page.getByRole('textbox', { name: /tell us|what would you like|what matters/i }).first().fill('I would like to meet people nearby.');
    await page.getByRole('checkbox', { name: /agree/i }).check();
    await page.getByRole('button', { name: /Send/ }).click();
    const panel = page.locator('.nhsuk-panel');
    await panel.waitFor();
    await expect(panel.textContent()).resolves.toMatch(/LW-[2-9A-Z]{4}-[2-9A-Z]{4}/);
    await checkAxe(page, 'self-referral-sent');
    await context.close();
  });
});
