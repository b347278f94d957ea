import type { z } from 'zod';
import { draftView, referralDetail } from '../../../../src/contracts/referrals.js';
import { postJson } from '../../api/client.js';
import { isApiProblem } from '../../api/problem.js';
import { requestJson } from '../../components/rawRequest.js';
import { draftData, type FormState } from './formState.js';

/** Saving the form as a draft, and what the page keeps of a sent referral. */
export type DraftView = z.infer<typeof draftView>;

/** Only what the confirmation needs, so a richer answer never hides that the referral was made. */
export const sentReferral = referralDetail.pick({ id: true, reference: true });
export type SentReferral = z.infer<typeof sentReferral>;

/**
 * Updates the draft being edited, or makes a new one. A draft that has gone (sent or deleted
 * in another tab) is made again rather than losing what was typed.
 */
export async function saveDraft(draftId: string | null, state: FormState, csrfToken: string | null): Promise<DraftView> {
  const data = draftData(state);
  if (draftId !== null) {
    try {
      return await requestJson(`/api/referral-drafts/${encodeURIComponent(draftId)}`, { method: 'PUT', json: { data }, csrfToken }, draftView);
    } catch (error) {
      if (!isApiProblem(error) || error.status !== 404) throw error;
    }
  }
  return postJson('/api/referral-drafts', { data }, draftView);
}

const clock = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', timeZone: 'Europe/London' });

/** "14:05" in UK time, as the rest of Linkwell shows times. */
export function timeOf(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? clock.format(new Date()) : clock.format(date);
}
