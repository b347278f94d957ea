import { referralDetail } from '../../../../src/contracts/referrals.js';
import { useApi } from '../../api/useApi.js';
import { OPEN_CASE_STATUSES, referralPath } from './api.js';

/**
 * Whether the case can still be changed: true while the referral is on a caseload. Until that is
 * known, or if it cannot be loaded, pages offer their forms and the server has the last word.
 */
export function useCaseOpen(referralId: string): boolean {
  const [load] = useApi(referralPath(referralId), referralDetail);
  return load.status !== 'ok' || OPEN_CASE_STATUSES.includes(load.data.status);
}

/** As useCaseOpen, and also false once the person has withdrawn consent to share. */
export function useCaseOpenWithConsent(referralId: string): boolean {
  const [load] = useApi(referralPath(referralId), referralDetail);
  return load.status !== 'ok' || (OPEN_CASE_STATUSES.includes(load.data.status) && !load.data.consentWithdrawn);
}
