/** Addresses of the provider portal's API. */
export const providerReferralApi = (id: string): string => `/api/provider/referrals/${encodeURIComponent(id)}`;
export const providerReferralPage = (id: string): string => `/provider/referrals/${encodeURIComponent(id)}`;
