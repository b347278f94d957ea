import { z } from 'zod';
import { SHARE_FIELDS } from '../../../../src/contracts/casework-codes.js';
import { sharedDetails } from '../../../../src/contracts/onward.js';

/**
 * Addresses of the onward referral API, and the one answer that has no shared schema: the
 * preview of what a group will be sent. Ids travel in paths; nothing personal goes in a query.
 */
export const caseApi = (referralId: string): string => `/api/cases/${encodeURIComponent(referralId)}`;
export const referralApi = (referralId: string): string => `/api/referrals/${encodeURIComponent(referralId)}`;
export const onwardApi = (id: string): string => `/api/onward-referrals/${encodeURIComponent(id)}`;
export const serviceApi = (serviceId: string): string => `/api/directory/services/${encodeURIComponent(serviceId)}`;

export const casePage = (referralId: string): string => `/cases/${encodeURIComponent(referralId)}`;
export const onwardPage = (id: string): string => `/onward-referrals/${encodeURIComponent(id)}`;

/**
 * GET /api/cases/:id/onward-referrals/preview: the same shape as the server's previewResponse in
 * src/casework/onward/routes.ts, which is not in the shared contracts. The page never sends the
 * need summary or risks the server would also take in the query: typed words about the person
 * stay out of addresses (and so out of access logs); the page shows them from the form instead.
 */
export const onwardPreview = z.object({
  sharedFields: z.array(z.enum(SHARE_FIELDS)),
  shared: sharedDetails,
  serviceName: z.string(),
  organisationName: z.string(),
  respondBy: z.string(),
});
export type OnwardPreview = z.infer<typeof onwardPreview>;
