
/** Addresses of the onward referral API. Ids travel in paths; nothing personal goes in a query. */
export const caseApi = (referralId: string): string => `/api/cases/${encodeURIComponent(referralId)}`;
export const referralApi = (referralId: string): string => `/api/referrals/${encodeURIComponent(referralId)}`;
export const onwardApi = (id: string): string => `/api/onward-referrals/${encodeURIComponent(id)}`;
export const serviceApi = (serviceId: string): string => `/api/directory/services/${encodeURIComponent(serviceId)}`;

export const casePage = (referralId: string): string => `/cases/${encodeURIComponent(referralId)}`;
export const onwardPage = (id: string): string => `/onward-referrals/${encodeURIComponent(id)}`;

/** GET /api/cases/:id/onward-referrals/preview: what the provider would receive (need summary and risks are shown from the form). */
export { onwardPreview, type OnwardPreview } from '../../../../src/contracts/onward.js';
