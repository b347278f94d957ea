import type { ReferralStatus } from '../../../../src/contracts/referral-codes.js';
import { isReferralStatus } from './labels.js';

/**
 * The referral list keeps its status filter and page in the address, so a filtered view can be
 * bookmarked and paged with plain links. Anything unreadable falls back to the default.
 */
export function readStatus(params: URLSearchParams): ReferralStatus | null {
  const status = params.get('status') ?? '';
  return isReferralStatus(status) ? status : null;
}

export function readPage(params: URLSearchParams): number {
  const page = Number(params.get('page'));
  return Number.isInteger(page) && page >= 1 ? page : 1;
}

/** Query string without "?": status when set, page when not the first, pageSize when given. */
export function listQuery(status: ReferralStatus | null, page = 1, pageSize?: number): string {
  const params = new URLSearchParams();
  if (status !== null) params.set('status', status);
  if (page > 1) params.set('page', String(page));
  if (pageSize !== undefined) params.set('pageSize', String(pageSize));
  return params.toString();
}

export function withQuery(path: string, query: string): string {
  return query === '' ? path : `${path}?${query}`;
}
