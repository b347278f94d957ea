import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays, ageOnwardReferral, PHONE, signedIn, TABLET, watchErrors, type Session } from './casework-kit.js';
import { expectNoAxeViolations, launchBrowser, startServer, type RunningServer } from './harness.js';

/**
 * Acceptance 1 of the casework issue, on the demo data, in two roles. Jo Bennett (link worker,
 * on a tablet) records what matters to Chloe Barnes and a plan with two goals, finds the Tuesday
 * Wellbeing Walk and refers her on: first without Chloe's consent ticked, which sends nothing,
 * then with it. Sue Marshall (Riverside Age Friends, on a phone) sees only the minimum the walk
 * needs and accepts. Four weekly sessions later (attended, attended, missed, missed) Jo has a
 * non-attendance alert and a task to follow it up. Every page visited is checked with axe-core.
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

const WALK = 'Tuesday Wellbeing Walk';
const AGE_FRIENDS = 'Riverside Age Friends';
const WHAT_MATTERS = 'Getting my flat sorted so my chest is better, and getting out of the house more.';
const ACTIVITY_WORDS = 'I used to walk a lot before I moved here.';
const WALKING_GOAL = 'Go for a walk with other people every week';
const HOUSING_GOAL = 'Move somewhere without damp';
const NEED_SUMMARY = 'Chloe would like to get back to walking, with company, near home.';
const CONSENT_MESSAGE = `Confirm the person agrees to share their details with ${AGE_FRIENDS}`;

/**
 * Chloe in src/seed/demo-referrals.ts. Her NHS number is the seed's demoNhsNumber(105): 999001050
 * with check digit 1 (weights 10..2 give 263, 263 mod 11 = 10, 11 − 10 = 1).
 */
const CHLOE = {
  name: 'Chloe Barnes',
  phone: '07700 900505',
  nhsNumber: /999\s?001\s?0501/,
  dateOfBirth: /14 March 1997|1997-03-14|14\/03\/1997/,
  address: /Elm Row|LS7 4NP/,
  gpReason: /eviction|asthma|damp flat/i,
  gpRisk: /Ex-partner/i,
};

/** The case page's path: the server's port changes when it is started again. */
let casePath = '';
let caseReference = '';
let onwardId = '';
/** The day Sue accepted Chloe's place, once the data is aged four weeks. */
let acceptedOn = '';

function main(page: Page): Promise<string> {
  return page.locator('main').innerText();
}

async function heading(page: Page, name: string | RegExp): Promise<void> {
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** A goal with one step and a review date, through the case page's "Add a goal". */
async function addGoal(page: Page, title: string, step: string, reviewOn: string): Promise<void> {
  await page.getByRole('link', { name: 'Add a goal' }).click();
  await heading(page, 'Add a goal');
  await expectNoAxeViolations(page, `casework-goal-new-${title.split(' ')[0] ?? ''}`);
  await page.getByLabel('The goal, in the person’s words').fill(title);
  await page.getByLabel('Step 1', { exact: true }).fill(step);
  const [year, month, day] = reviewOn.split('-') as [string, string, string];
  const review = page.getByRole('group', { name: 'Review date (optional)' });
  await review.getByLabel('Day').fill(String(Number(day)));
  await review.getByLabel('Month').fill(String(Number(month)));
  await review.getByLabel('Year').fill(year);
  await page.getByRole('button', { name: 'Add the goal' }).click();
  await page.getByText('The goal has been added to the plan.').waitFor();
  await heading(page, CHLOE.name);
}

function onwardSection(page: Page) {
  return page.getByRole('region', { name: 'Onward referrals and signposting' });
}

describe('a link worker refers Chloe Barnes to a walking group, which reports her missing sessions', () => {
  let jo: Session;

  it('records what matters to Chloe and a plan with two goals', async () => {
    jo = await signedIn(browser, server, 'jo.bennett', TABLET);
    const page = jo.page;
    await page.goto(`${server.url}/caseload`);
    await heading(page, 'Caseload');
    await expectNoAxeViolations(page, 'casework-caseload-before');
    await page.getByRole('table').getByRole('link', { name: CHLOE.name }).click();
    await heading(page, CHLOE.name);
    casePath = new URL(page.url()).pathname;
    await expectNoAxeViolations(page, 'casework-case-new');
    await expect.poll(() => page.getByRole('region', { name: 'What matters to me' }).innerText()).toContain('Not recorded yet.');
    await expect.poll(() => onwardSection(page).innerText()).toContain('None yet.');
    const reference = page.locator('.nhsuk-summary-list__row').filter({ has: page.locator('dt', { hasText: /^Reference$/ }) }).locator('dd');
    caseReference = (await reference.innerText()).trim();
    expect(caseReference).not.toBe('');

    await page.getByRole('link', { name: 'Record what matters' }).click();
    await heading(page, 'What matters to me');
    await expectNoAxeViolations(page, 'casework-assessment');
    await page.getByLabel('What matters to you?').fill(WHAT_MATTERS);
    await page.locator('summary', { hasText: 'Physical activity' }).click();
    await page.getByLabel('Physical activity: in their words').fill(ACTIVITY_WORDS);
    await page.getByRole('group', { name: 'How much does physical activity matter now?' }).getByLabel('High — work on this first').check();
    await page.getByRole('button', { name: 'Save what matters' }).click();
    await page.getByText('What matters to the person is saved as version 1.').waitFor();
    await heading(page, CHLOE.name);
    const whatMatters = page.getByRole('region', { name: 'What matters to me' });
    await expect.poll(() => whatMatters.innerText()).toContain(WHAT_MATTERS);
    await expect(whatMatters.innerText()).resolves.toContain(`Physical activity: High — work on this first – “${ACTIVITY_WORDS}”`);

    // Review dates six and eight weeks from today (the server refuses a review date in the past).
    const today = londonToday();
    await addGoal(page, WALKING_GOAL, 'Try a walking group with Jo’s help', addDays(today, 42));
    await addGoal(page, HOUSING_GOAL, 'Ring the council’s housing options team', addDays(today, 56));
    const plan = page.getByRole('region', { name: 'Plan' });
    await expect.poll(() => plan.innerText()).toContain(HOUSING_GOAL);
    await expect(plan.innerText()).resolves.toContain(WALKING_GOAL);
    await expectNoAxeViolations(page, 'casework-case-with-plan');
  });

  it('finds the walk, refuses to send without consent, then sends the minimum with consent', async () => {
    const page = jo.page;
    await onwardSection(page).getByRole('link', { name: 'Refer to a group or service' }).click();
    await heading(page, /Find a service/);
    await expectNoAxeViolations(page, 'casework-find-service');
    await page.getByRole('searchbox', { name: 'Search by keyword' }).fill('walk');
    await page.getByRole('search', { name: 'Search the directory' }).getByRole('button', { name: 'Search' }).click();
    const results = page.getByRole('region', { name: /Results for .walk./ });
    await results.getByRole('link', { name: `Refer to ${WALK}` }).waitFor();
    await expectNoAxeViolations(page, 'casework-find-service-results');
    await results.getByRole('link', { name: `Refer to ${WALK}` }).click();
    await heading(page, `Refer to ${WALK}`);
    await expectNoAxeViolations(page, 'casework-refer-form');

    await page.getByLabel('What would the person like help with from this group?').fill(NEED_SUMMARY);
    await page.getByRole('group', { name: 'Which goals does this group support?' }).getByLabel(WALKING_GOAL).check();
    // The preview is the server's own snapshot for the goals ticked: wait for it to have the goal.
    const preview = page.getByRole('region', { name: 'What will be shared' });
    await expect.poll(() => preview.innerText()).toContain(WALKING_GOAL);
    const shown = await preview.locator('.nhsuk-summary-list__key').allInnerTexts();
    expect(shown.map((k) => k.trim())).toEqual([
      'Name',
      'How to contact them',
      'What they would like help with',
      'Their goals that this service supports',
      'Communication needs',
      'Risks that affect your staff or volunteers',
    ]);
    const previewText = await preview.innerText();
    expect(previewText).toContain(CHLOE.name);
    expect(previewText).toContain(CHLOE.phone);
    expect(previewText).toContain(NEED_SUMMARY);
    expect(previewText).not.toContain(HOUSING_GOAL);
    for (const never of [CHLOE.nhsNumber, CHLOE.dateOfBirth, CHLOE.address, CHLOE.gpReason, CHLOE.gpRisk]) expect(previewText).not.toMatch(never);

    // Acceptance 2, the page's half: without the box ticked the page says why and sends nothing.
    await page.getByRole('button', { name: 'Send referral' }).click();
    const summary = page.locator('.nhsuk-error-summary');
    await summary.getByRole('link', { name: CONSENT_MESSAGE }).waitFor();
    await expectNoAxeViolations(page, 'casework-refer-no-consent');
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toContain(`Refer to ${WALK}`);
    // The case, read in another tab so this form keeps what was typed, still has no referral on.
    const check = await jo.context.newPage();
    watchErrors(check);
    await check.goto(`${server.url}${casePath}`);
    await heading(check, CHLOE.name);
    await expect.poll(() => onwardSection(check).innerText()).toContain('Referrals to groups and services');
    await expect(onwardSection(check).innerText()).resolves.toContain('None yet.');
    await check.close();

    await page.getByLabel(`${CHLOE.name} agrees to the details below being shared with ${AGE_FRIENDS}`).check();
    await page.getByRole('button', { name: 'Send referral' }).click();
    await page.getByText(new RegExp(`Referral .+ sent to ${WALK}\\.`)).waitFor();
    await heading(page, CHLOE.name);
    const sent = onwardSection(page).getByRole('listitem').filter({ hasText: WALK });
    await expect.poll(() => sent.innerText()).toMatch(new RegExp(`${WALK}, ${AGE_FRIENDS}\\s+Sent`));
    const href = await sent.getByRole('link', { name: `${WALK}, ${AGE_FRIENDS}` }).getAttribute('href');
    onwardId = (href ?? '').replace('/onward-referrals/', '');
    expect(onwardId).toMatch(/^[0-9a-f-]{36}$/);
    await expectNoAxeViolations(page, 'casework-case-referred');
    await jo.context.close();
  });

  it('shows the walk leader, on her phone, only what Chloe agreed to share, and lets her accept', async () => {
    const sue = await signedIn(browser, server, 'sue.marshall', PHONE);
    const page = sue.page;
    await page.goto(`${server.url}/provider`);
    await heading(page, 'Referrals to us');
    const row = page.getByRole('row').filter({ hasText: CHLOE.name });
    await row.waitFor();
    await expectNoAxeViolations(page, 'provider-inbox');
    await row.getByRole('link').first().click();
    await heading(page, /Referral ON-/);
    await page.getByRole('heading', { level: 2, name: 'About the person' }).waitFor();
    await expectNoAxeViolations(page, 'provider-referral-sent');
    const text = await main(page);
    expect(text).toContain(CHLOE.name);
    expect(text).toContain(CHLOE.phone);
    expect(text).toContain(NEED_SUMMARY);
    expect(text).toContain(WALKING_GOAL);
    // Nothing else about her: not the goal that was not ticked, not her record, not the GP's
    // referral (its reason, risks or reference), and nothing of anyone else's referral.
    expect(text).not.toContain(HOUSING_GOAL);
    expect(text).not.toContain(WHAT_MATTERS);
    expect(text).not.toContain(caseReference);
    for (const never of [CHLOE.nhsNumber, CHLOE.dateOfBirth, CHLOE.address, CHLOE.gpReason, CHLOE.gpRisk, /Grace|Kim/]) expect(text).not.toMatch(never);

    await page.getByRole('button', { name: 'Accept', exact: true }).click();
    await page.getByText('The referral has been accepted.').waitFor();
    await expectNoAxeViolations(page, 'provider-referral-accepted');
    await sue.context.close();
  });

  it('records four weekly sessions, two attended and two missed, and tells the link worker', async () => {
    /*
     * Four weekly sessions need four weeks. A register mark must be on or after the day the place
     * was accepted and not in the future, so the test ages its own data rather than waiting or
     * changing the product: with the server stopped, Chloe's onward referral is moved 28 days
     * into the past (sent, consent, reply window, accepted) as if Sue had accepted it then. The
     * product is unchanged; it runs again on the same data folder, without seeding again.
     */
    await server.stop();
    acceptedOn = await ageOnwardReferral(server.dataDir, onwardId, 28);
    server = await startServer(server.dataDir);

    const sue = await signedIn(browser, server, 'sue.marshall', PHONE);
    const page = sue.page;
    await page.goto(`${server.url}/provider/register`);
    await heading(page, 'Register');
    await page.getByLabel('Group or service').selectOption({ label: WALK });
    const sessions: [string, 'Attended' | 'Did not come'][] = [
      [acceptedOn, 'Attended'],
      [addDays(acceptedOn, 7), 'Attended'],
      [addDays(acceptedOn, 14), 'Did not come'],
      [addDays(acceptedOn, 21), 'Did not come'],
    ];
    for (const [index, [date, mark]] of sessions.entries()) {
      await page.getByLabel('Session date').fill(date);
      const chloe = page.getByRole('group', { name: CHLOE.name });
      await chloe.waitFor();
      if (index === 0) await expectNoAxeViolations(page, 'provider-register');
      await chloe.getByLabel(mark, { exact: true }).check();
      await page.getByRole('button', { name: 'Save register' }).click();
      const banner = page.locator('.nhsuk-notification-banner').filter({ hasText: 'Saved 1 mark.' });
      await banner.waitFor();
      const said = await banner.innerText();
      if (index < 3) expect(said).not.toContain('The link worker has been told');
      else expect(said).toContain('The link worker has been told that someone has missed sessions.');
    }
    await expectNoAxeViolations(page, 'provider-register-saved');
    await sue.context.close();
  }, 120_000);

  it('shows the link worker a non-attendance alert and a task to follow it up', async () => {
    const again = await signedIn(browser, server, 'jo.bennett', TABLET);
    const page = again.page;
    await page.goto(`${server.url}/caseload`);
    await heading(page, 'Caseload');
    // The run of misses is named by its dates: the third and fourth sessions.
    const [third, fourth] = [addDays(acceptedOn, 14), addDays(acceptedOn, 21)].map((d) => new Date(`${d}T12:00:00Z`));
    const dayOf = (d: Date | undefined): number => d?.getUTCDate() ?? 0;
    const monthOf = (d: Date | undefined): string => d?.toLocaleString('en-GB', { month: 'long', timeZone: 'UTC' }) ?? '';
    const run = new RegExp(`Missed 2 sessions in a row \\(${dayOf(third)}( ${monthOf(third)})? and ${dayOf(fourth)} ${monthOf(fourth)}\\)`);
    const alert = page.getByRole('listitem').filter({ hasText: `${WALK}: Missed 2 sessions in a row` });
    await alert.waitFor();
    await expect(alert.innerText()).resolves.toMatch(/Not attending a group[\s\S]*Chloe Barnes: Tuesday Wellbeing Walk: Missed 2 sessions in a row/);
    await expect(alert.innerText()).resolves.toMatch(run);
    await page.getByRole('listitem').filter({ hasText: `${CHLOE.name}: Follow up non-attendance at ${WALK}` }).waitFor();
    await expectNoAxeViolations(page, 'casework-caseload-alert');

    await page.goto(`${server.url}${casePath}`);
    await heading(page, CHLOE.name);
    const alerts = page.getByRole('region', { name: 'Alerts and tasks' });
    await expect.poll(() => alerts.innerText()).toContain(`${WALK}: Missed 2 sessions in a row`);
    await expect(alerts.innerText()).resolves.toContain(`Follow up non-attendance at ${WALK}`);
    await expect(onwardSection(page).getByRole('listitem').filter({ hasText: WALK }).innerText()).resolves.toMatch(/Attending/);
    await expectNoAxeViolations(page, 'casework-case-alert');
    await again.context.close();
  });
});

/** Today's date where the scheme is, as the server counts days. */
function londonToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/London', year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
}
