import { randomUUID } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeNotify, type FakeNotify } from '../src/notifications/testing/fake-notify.js';
import { demoUser, expectNoAxeViolations, launchBrowser, screenshot, signIn, startServer, type RunningServer } from './harness.js';

/**
 * Wellbeing measures in a real browser, on the demo data. A link worker sends Grace Kim a SWEMWBS
 * link by email; the real GOV.UK Notify client sends it to a fake Notify on loopback, and the
 * test reads the link from what was sent. Grace opens it on a phone, in a browser that has never
 * signed in, answers part, saves, comes back, finishes and sends; the link then refuses a second
 * use, kindly. The link worker sees her metric score and the chart. Then a scheme manager adds a
 * scale of the scheme's own, puts it in the schedule, and the link worker completes it with
 * Grace. Every page is checked with axe-core; the questionnaire also at 320 px.
 */

let server: RunningServer;
let browser: Browser;
let notify: FakeNotify;

beforeAll(async () => {
  notify = await startFakeNotify();
  server = await startServer(undefined, {
    NOTIFY_ADAPTER: 'notify',
    NOTIFY_API_KEY: notify.apiKey,
    NOTIFY_BASE_URL: notify.url,
    NOTIFY_EMAIL_TEMPLATE_ID: randomUUID(),
    NOTIFY_SMS_TEMPLATE_ID: randomUUID(),
  });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
  await server.stop();
  await notify.close();
});

const SWEMWBS = 'Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)';

/**
 * The answers Grace gives, item by item (WEMWBS numbering 1, 2, 3, 6, 7, 9, 11). Scores from
 * measures.md: None of the time 1, Rarely 2, Some of the time 3, Often 4, All of the time 5.
 * Raw total 4 + 4 + 4 + 3 + 4 + 5 + 2 = 26, which the Warwick table converts to a metric 23.21.
 */
const FIRST_ANSWERS: [RegExp, string][] = [
  [/optimistic about the future/, 'Often'],
  [/feeling useful/, 'Often'],
  [/feeling relaxed/, 'Often'],
];
const LATER_ANSWERS: [RegExp, string][] = [
  [/dealing with problems well/, 'Some of the time'],
  [/thinking clearly/, 'Often'],
  [/close to other people/, 'All of the time'],
];
const LAST_ANSWER: [RegExp, string] = [/make up my own mind/, 'Rarely'];
const RAW_TOTAL = '26';
const METRIC_SCORE = '23.21';
/** Grace's SWEMWBS baseline in the demo data: raw 13, which the Warwick table converts to 14.75. */
const BASELINE_SCORE = '14.75';

function watchErrors(page: Page): void {
  page.on('pageerror', (error) => {
    console.error(`page error: ${error.message}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`browser: ${message.text()}`);
  });
}

async function signedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
  const page = await context.newPage();
  watchErrors(page);
  await signIn(page, server.url, demoUser(server, email));
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.locator('h1').waitFor();
  return { context, page };
}

async function sidewaysScroll(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/**
 * The questionnaire link in the newest message to this address for this measure (by its short
 * name, which the message names), once the job has sent it. The demo data also emails Grace an
 * ONS4 link at start-up, which may go out at any moment, so the measure is matched, not just the address.
 */
async function linkSentTo(email: string, shortName: string, after: number): Promise<string> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    let newest: string | null = null;
    for (const call of notify.calls.slice(after)) {
      if (call.status !== 201 || call.body.email_address !== email) continue;
      const text = JSON.stringify(call.body.personalisation ?? {});
      if (!text.includes(`(${shortName})`)) continue;
      const found = /https?:\/\/[^\s"\\]+\/questionnaire#[A-Za-z0-9_-]+/.exec(text);
      if (found) newest = found[0];
    }
    if (newest !== null) return newest;
    if (Date.now() > deadline) throw new Error(`no ${shortName} questionnaire link was sent to ${email}: ${JSON.stringify(notify.calls.slice(after))}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Narrows the page to a phone's width and waits until the page has it, rather than for a fixed time. */
async function narrowTo(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width, height });
  await page.waitForFunction((w) => window.innerWidth === w, width);
}

async function answer(page: Page, [question, choice]: [RegExp, string]): Promise<void> {
  await page.getByRole('group', { name: question }).getByLabel(choice, { exact: true }).check();
}

async function openGracesMeasures(page: Page): Promise<string> {
  await page.getByRole('link', { name: 'Referrals', exact: true }).first().click();
  const row = page.getByRole('row').filter({ hasText: 'Grace Kim' }).first();
  await row.waitFor();
  await row.getByRole('link').first().click();
  await page.getByRole('link', { name: 'View person record' }).click();
  await page.getByRole('heading', { level: 1, name: /Grace Kim/ }).waitFor();
  await page.getByRole('link', { name: /wellbeing measures for Grace Kim/ }).click();
  await page.getByRole('heading', { level: 1, name: /Wellbeing measures/ }).waitFor();
  return page.url();
}

describe('a link worker sends Grace Kim a SWEMWBS link, and she completes it on her phone', () => {
  let worker: { context: BrowserContext; page: Page };
  let outcomesUrl = '';
  let link = '';

  it('sends the link by email through GOV.UK Notify', async () => {
    worker = await signedIn('jo.bennett');
    const page = worker.page;
    outcomesUrl = await openGracesMeasures(page);
    await expectNoAxeViolations(page, 'outcomes-person-before');
    const send = page.getByRole('region', { name: 'Send a questionnaire link' });
    await send.getByLabel('Measure').selectOption({ label: SWEMWBS });
    await send.getByLabel('Email', { exact: true }).check();
    const before = notify.calls.length;
    await send.getByRole('button', { name: 'Send the link' }).click();
    await page.getByText(/SWEMWBS.* link .*has been sent by email/).waitFor();
    link = await linkSentTo('grace.kim@example.com', 'SWEMWBS', before);
    expect(new URL(link).pathname).toBe('/questionnaire');
    expect(new URL(link).origin).toBe(server.url);
  });

  it('opens on a phone with no sign-in, shows only the questionnaire, saves and resumes', async () => {
    const person = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
    const page = await person.newPage();
    watchErrors(page);
    const requests: string[] = [];
    page.on('request', (request) => requests.push(request.url()));
    await page.goto(link);
    await page.getByRole('heading', { level: 1, name: /SWEMWBS/ }).waitFor();
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toMatch(/Riverside Social Prescribing/);
    expect(main).not.toMatch(/Grace|Kim/);
    // No staff menu, account or sign-out, and no way into the staff app from the header.
    expect(await page.getByRole('navigation', { name: 'Menu' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    expect(await page.locator('header a').count()).toBe(0);
    // The footer's pages open in a new tab, so reading them does not lose answers not yet saved.
    for (const name of ['Accessibility statement (opens in a new tab)', 'Privacy (opens in a new tab)']) {
      await expect(page.getByRole('contentinfo').getByRole('link', { name }).getAttribute('target')).resolves.toBe('_blank');
    }
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await narrowTo(page, 320, 640);
    await screenshot(page, 'questionnaire-320px');
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    await narrowTo(page, 375, 667);

    for (const a of FIRST_ANSWERS) await answer(page, a);
    await page.getByRole('button', { name: 'Save and come back later' }).click();
    await page.getByText(/Your answers are saved/).waitFor();

    await page.reload();
    await page.getByRole('heading', { level: 1, name: /SWEMWBS/ }).waitFor();
    for (const [question, choice] of FIRST_ANSWERS) {
      await expect(page.getByRole('group', { name: question }).getByLabel(choice, { exact: true }).isChecked()).resolves.toBe(true);
    }
    await expect(page.getByRole('group', { name: LAST_ANSWER[0] }).getByRole('radio', { checked: true }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'questionnaire-resumed');

    for (const a of LATER_ANSWERS) await answer(page, a);
    // One question left: sending says which, NHS.UK style, and sends nothing.
    await page.getByRole('button', { name: 'Send my answers' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary.getByRole('link', { name: 'Select an answer to question 7' }).waitFor();
    await expectNoAxeViolations(page, 'questionnaire-error');
    await answer(page, LAST_ANSWER);
    await page.getByRole('button', { name: 'Send my answers' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thank you, your answers have been sent' }).waitFor();
    await expectNoAxeViolations(page, 'questionnaire-sent');

    // The token only ever travels in request bodies: no address the browser asked for holds it.
    const token = new URL(link).hash.slice(1);
    expect(requests.filter((url) => url.includes(token))).toEqual([]);

    const again = await person.newPage();
    watchErrors(again);
    await again.goto(link);
    await again.getByRole('heading', { level: 1, name: 'You have already sent in this questionnaire' }).waitFor();
    await expect(again.locator('main').textContent()).resolves.toMatch(/Thank you/);
    await expectNoAxeViolations(again, 'questionnaire-already-sent');
    await person.close();
  });

  it('shows the link worker her metric score and the chart', async () => {
    const page = worker.page;
    await page.goto(outcomesUrl);
    await page.getByRole('heading', { level: 1, name: /Wellbeing measures/ }).waitFor();
    const scores = page.getByRole('region', { name: SWEMWBS });
    await scores.waitFor();
    await expect(scores.textContent()).resolves.toMatch(new RegExp(`Latest metric score\\s*${METRIC_SCORE.replace('.', '\\.')}`));
    await expect(scores.textContent()).resolves.toMatch(new RegExp(`Latest raw score\\s*${RAW_TOTAL}`));
    const chart = scores.getByRole('img').first();
    await expect(chart.isVisible()).resolves.toBe(true);
    // The chart's name tells a screen reader the latest score too.
    await expect(chart.getAttribute('aria-label')).resolves.toContain(METRIC_SCORE);
    // Measured from Grace's demo baseline, raw 13 → metric 14.75 (measures.md): 23.21 − 14.75 = 8.46 ≥ 2.87.
    const row = (key: string) => scores.locator('.nhsuk-summary-list__row').filter({ has: page.locator('dt', { hasText: new RegExp(`^${key}$`) }) }).locator('dd');
    await expect(row('Baseline').textContent()).resolves.toMatch(new RegExp(`^${BASELINE_SCORE.replace('.', '\\.')}\\b`));
    await expect(row('Change since the baseline').textContent()).resolves.toBe('Improved by 8.46 points — a meaningful improvement (threshold 2.87)');
    await expectNoAxeViolations(page, 'outcomes-person-after');
  });

  it('shows 0 to 10 questions as compact number boxes that fit a 320 px phone', async () => {
    const { context, page } = await signedIn('jo.bennett');
    await openGracesMeasures(page);
    await page.getByRole('link', { name: 'Complete a measure', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Complete a measure/ }).waitFor();
    await page.getByLabel('Measure', { exact: true }).selectOption({ label: 'ONS personal wellbeing (ONS4)' });
    const first = page.getByRole('group', { name: /satisfied are you with your life/ });
    // The end boxes carry their words in their names, so a screen reader hears what 0 and 10 mean.
    await first.getByRole('radio', { name: '0 – not at all' }).check();
    await first.getByRole('radio', { name: '10 – completely' }).waitFor();
    await narrowTo(page, 320, 640);
    await screenshot(page, 'outcome-record-ons4-320px');
    expect(await sidewaysScroll(page)).toBeLessThanOrEqual(0);
    const sizes = await first.locator('.lw-scale__item').evaluateAll((items) => items.map((i) => i.getBoundingClientRect()).map((r) => Math.min(r.width, r.height)));
    expect(sizes).toHaveLength(11);
    expect(Math.min(...sizes)).toBeGreaterThanOrEqual(24);
    await expectNoAxeViolations(page, 'outcome-record-ons4');
    await context.close();
  });

  it('changes a story, says when someone else changed it first, and withdraws the consent to share it', async () => {
    const { context, page } = await signedIn('jo.bennett');
    const url = await openGracesMeasures(page);
    const stories = page.getByRole('region', { name: 'Stories' });
    await stories.getByRole('textbox', { name: 'Grace Kim’s story' }).fill('I have had two afternoons off this month.');
    await stories.getByLabel(/agrees to their story being shared/).check();
    await stories.getByRole('textbox', { name: 'Version to share' }).fill('A carer has had two afternoons off this month.');
    await stories.getByRole('button', { name: 'Add the story' }).click();
    await page.getByText('The story has been added.').waitFor();

    // Two link workers open the same story; the second to save is told, and sees the first one's words.
    await stories.getByRole('button', { name: /^Change the story recorded on/ }).click();
    const editor = page.getByRole('form', { name: 'Change this story' });
    await editor.getByRole('textbox', { name: 'Grace Kim’s story' }).fill('I have had three afternoons off this month.');
    const other = await context.newPage();
    watchErrors(other);
    await other.goto(url);
    await other.getByRole('region', { name: 'Stories' }).getByRole('button', { name: /^Change the story recorded on/ }).click();
    const otherEditor = other.getByRole('form', { name: 'Change this story' });
    await otherEditor.getByRole('textbox', { name: 'Grace Kim’s story' }).fill('I have had four afternoons off this month.');
    await otherEditor.getByRole('button', { name: 'Save changes' }).click();
    await other.getByText('The story has been changed.').waitFor();
    await other.close();
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await page.locator('.nhsuk-error-summary').getByText(/Someone else changed this story while you were working on it/).waitFor();
    // The page reloads the story: the form starts again from the other link worker's words.
    await expect.poll(() => editor.getByRole('textbox', { name: 'Grace Kim’s story' }).inputValue()).toBe('I have had four afternoons off this month.');

    // Taking consent back: the form says the version for sharing goes, and after saving it has gone.
    await editor.getByLabel(/agrees to their story being shared/).uncheck();
    await editor.getByText(/the version for sharing is deleted/).waitFor();
    await expectNoAxeViolations(page, 'outcomes-story-withdraw');
    await editor.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('The story has been changed. It is not to be shared.').waitFor();
    // The page reloads the picture after the banner: wait for the story as saved.
    await expect.poll(() => stories.textContent()).toMatch(/I have had four afternoons off this month\.[\s\S]*Not to be shared/);
    await expect(stories.getByText('Version for sharing').count()).resolves.toBe(0);
    await context.close();
  });
});

describe('a scheme adds a scale of its own and uses it', () => {
  it('lets a scheme manager add a scale and put it in the schedule', async () => {
    const { context, page } = await signedIn('helen.price');
    await page.goto(`${server.url}/admin/outcome-settings`);
    await page.getByRole('heading', { level: 1, name: 'Outcome settings' }).waitFor();
    await expectNoAxeViolations(page, 'outcome-settings');
    await page.getByRole('link', { name: 'Add a scale of your own' }).click();
    await page.getByRole('heading', { level: 1, name: 'Add a scale of your own' }).waitFor();
    await expectNoAxeViolations(page, 'outcome-scale-new');

    await page.getByLabel('Name', { exact: true }).fill('Loneliness check');
    await page.getByLabel('Short name').fill('Loneliness');
    await page.getByLabel('Key', { exact: true }).fill('loneliness');
    await page.getByLabel('What it measures').fill('How often the person feels lonely or left out.');
    await page.getByLabel('Question 1').fill('I feel left out');
    await page.getByRole('button', { name: 'Add a question' }).click();
    await expect(page.getByLabel('Question 2').evaluate((el) => el === document.activeElement)).resolves.toBe(true);
    await page.getByLabel('Question 2').fill('I feel alone');
    await page.getByLabel('A lower score is better').check();
    await page.getByLabel('Meaningful change for one person (optional)').fill('2');
    await page.getByRole('button', { name: 'Save scale' }).click();

    await page.getByText(/Loneliness check added/).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Outcome settings' }).waitFor();
    // Shown once: a reload does not bring the banner back.
    await page.reload();
    await page.getByRole('checkbox', { name: 'Loneliness check' }).waitFor();
    await expect(page.getByText(/Loneliness check added/).count()).resolves.toBe(0);
    await expect(page.getByRole('checkbox', { name: 'Loneliness check' }).isChecked()).resolves.toBe(true);
    await page.getByLabel('Add a measure to the schedule').selectOption({ label: 'Loneliness check' });
    await page.getByRole('button', { name: 'Add to schedule' }).click();
    const row = page.getByRole('group', { name: 'Loneliness check' });
    await row.getByLabel('At first contact (baseline)').check();
    await row.getByLabel('Follow-ups, in weeks after first contact').fill('12');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Outcome settings saved').waitFor();
    const saved = page.getByRole('group', { name: 'Loneliness check' });
    await expect(saved.getByLabel('At first contact (baseline)').isChecked()).resolves.toBe(true);
    await expect(saved.getByLabel('Follow-ups, in weeks after first contact').inputValue()).resolves.toBe('12');
    await expectNoAxeViolations(page, 'outcome-settings-saved');

    await page.getByRole('link', { name: /Change\s+Loneliness check/ }).click();
    await page.getByRole('heading', { level: 1, name: 'Change Loneliness check' }).waitFor();
    await expect(page.getByLabel('Question 2').inputValue()).resolves.toBe('I feel alone');
    await expectNoAxeViolations(page, 'outcome-scale-edit');
    await context.close();
  });

  it('lets the link worker complete the new scale with Grace', async () => {
    const { context, page } = await signedIn('jo.bennett');
    await openGracesMeasures(page);
    // In the schedule at baseline, and Grace's first contact was 21 days ago: her baseline is past due, 14 days on it is overdue.
    const dueAtBaseline = page.getByRole('region', { name: 'Measures due' }).getByRole('listitem').filter({ hasText: 'Loneliness check, Baseline' });
    await expect(dueAtBaseline.textContent()).resolves.toMatch(/Loneliness check, Baseline: due .*Overdue$/);
    await page.getByRole('link', { name: 'Complete a measure', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /Complete a measure/ }).waitFor();
    await page.getByLabel('Measure', { exact: true }).selectOption({ label: 'Loneliness check' });
    await expect(page.getByLabel('Timepoint').inputValue()).resolves.toBe('baseline');
    await page.getByLabel('With me, on this device').check();
    // Rarely = 2 and Some of the time = 3, as the scale's default answers score them: total 5.
    await answer(page, [/I feel left out/, 'Rarely']);
    await answer(page, [/I feel alone/, 'Some of the time']);
    await expectNoAxeViolations(page, 'outcome-record-custom');
    await page.getByRole('button', { name: 'Save the answers' }).click();
    await page.getByRole('heading', { level: 1, name: /Wellbeing measures/ }).waitFor();
    const scores = page.getByRole('region', { name: 'Loneliness check' });
    await scores.waitFor();
    await expect(scores.textContent()).resolves.toMatch(/Latest score\s*5\b/);
    // Done, the baseline is no longer due.
    await expect(page.getByRole('region', { name: 'Measures due' }).getByRole('listitem').filter({ hasText: 'Loneliness check, Baseline' }).count()).resolves.toBe(0);
    await expectNoAxeViolations(page, 'outcome-person-custom');
    await context.close();
  });
});
