import { z } from 'zod';
import { assessment, caseAlert, caseTask, contact, loneWorkingBoardItem, needDomain } from '../../../../src/contracts/casework.js';
import { onwardReferral, signpost } from '../../../../src/contracts/onward.js';

/**
 * Paths of the casework API and the list answers the contracts name only by their items.
 * Writes that need If-Match reuse the referrals' and people pages' helpers.
 */
const enc = encodeURIComponent;

export const casePath = (referralId: string): string => `/api/cases/${enc(referralId)}`;
export const referralPath = (referralId: string): string => `/api/referrals/${enc(referralId)}`;
export const goalPath = (goalId: string): string => `/api/goals/${enc(goalId)}`;
export const contactPath = (contactId: string): string => `/api/contacts/${enc(contactId)}`;
export const caseloadPath = (workerId: string | null): string => (workerId === null ? '/api/caseload' : `/api/caseload?workerId=${enc(workerId)}`);

export const caseAlertsResponse = z.object({ alerts: z.array(caseAlert), tasks: z.array(caseTask) });
export const assessmentsResponse = z.object({ assessments: z.array(assessment), needDomains: z.array(needDomain) });
export const contactsResponse = z.object({ contacts: z.array(contact) });
export const onwardListResponse = z.object({ onwardReferrals: z.array(onwardReferral), signposts: z.array(signpost) });
export const loneWorkingBoard = z.object({ visits: z.array(loneWorkingBoardItem) });
export const closeCaseResult = z.object({ status: z.literal('closed') });
export type LoneWorkingBoardItem = z.infer<typeof loneWorkingBoardItem>;

/** Link-worker pages under a case. */
export const caseUrl = (referralId: string, rest = ''): string => `/cases/${referralId}${rest}`;

/** Statuses of a referral on a caseload; any other case is shown read-only. */
export const OPEN_CASE_STATUSES: readonly string[] = ['accepted', 'first_contact', 'active'];
