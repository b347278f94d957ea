import { join } from 'node:path';
import { sql } from 'kysely';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { openDatabase } from '../src/db/connect.js';
import { demoUser, signIn, type RunningServer } from './harness.js';

/** Helpers for the casework journey: signing in at a given screen size, and ageing its data. */

export const TABLET = { width: 1024, height: 768 };
export const PHONE = { width: 375, height: 667 };

export function watchErrors(page: Page): void {
  page.on('pageerror', (error) => {
    console.error(`page error: ${error.message}`);
  });
  // The NHS.UK fonts come from assets.nhs.uk, which this machine cannot reach: their failed
  // loads are expected here and would bury anything of Linkwell's own.
  const offline = (text: string): boolean => text.includes('ERR_NAME_NOT_RESOLVED');
  page.on('console', (message) => {
    if (message.type() === 'error' && !offline(message.text())) console.error(`browser: ${message.text()}`);
  });
  // The console names no address when a load fails; this says which one it was.
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'no reason given';
    if (!offline(reason)) console.error(`request failed: ${request.url()} (${reason})`);
  });
}

export interface Session {
  context: BrowserContext;
  page: Page;
}

/** A fresh browser context (no cookies shared with anyone else), signed in as a demo user. */
export async function signedIn(browser: Browser, server: RunningServer, email: string, viewport: { width: number; height: number }): Promise<Session> {
  const phone = viewport.width < 600;
  // A British browser, so dates read and default as they do for Riverside's staff and volunteers.
  const context = await browser.newContext({ viewport, locale: 'en-GB', timezoneId: 'Europe/London', ...(phone ? { isMobile: true, hasTouch: true } : {}) });
  const page = await context.newPage();
  watchErrors(page);
  await signIn(page, server.url, demoUser(server, email));
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'));
  await page.locator('h1').waitFor();
  return { context, page };
}

/** 'YYYY-MM-DD' plus a number of days, in plain calendar arithmetic. */
export function addDays(isoDay: string, days: number): string {
  const [y, m, d] = isoDay.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/**
 * Moves one onward referral back in time by `days`, as if it had been sent and accepted that
 * long ago, and returns its new acceptance date. The server must be stopped first: PGlite has
 * one writer. The update runs as the application role under the scheme's row-level security,
 * like the product's own statements. Its events stay as they were recorded: the table is
 * append-only by trigger, and the register and the non-attendance rule read only the dates
 * moved here.
 */
export async function ageOnwardReferral(dataDir: string, onwardReferralId: string, days: number): Promise<string> {
  // The server keeps its PGlite cluster in <DATA_DIR>/pglite (src/server.ts openData).
  const database = await openDatabase({ dataDir: join(dataDir, 'pglite') });
  try {
    return await database.db.transaction().execute(async (tx) => {
      const scheme = await sql<{ id: string }>`select id from linkwell_scheme_directory() where slug = 'riverside'`.execute(tx);
      const schemeId = scheme.rows[0]?.id;
      if (schemeId === undefined) throw new Error('The Riverside demo scheme is missing');
      await sql`select set_config('linkwell.scheme_id', ${schemeId}, true)`.execute(tx);
      const moved = await sql<{ accepted_on: string | null }>`
        update onward_referrals
           set created_at = created_at - make_interval(days => ${days}),
               updated_at = updated_at - make_interval(days => ${days}),
               consent_given_at = consent_given_at - make_interval(days => ${days}),
               responded_at = responded_at - make_interval(days => ${days}),
               respond_by = respond_by - ${days}::int,
               remind_on = remind_on - ${days}::int,
               accepted_on = accepted_on - ${days}::int
         where scheme_id = ${schemeId} and id = ${onwardReferralId}
        returning accepted_on`.execute(tx);
      const acceptedOn = moved.rows[0]?.accepted_on;
      if (acceptedOn === undefined || acceptedOn === null) throw new Error(`Onward referral ${onwardReferralId} was not found, or is not accepted`);
      return acceptedOn;
    });
  } finally {
    await database.close();
  }
}
