import { useCallback } from 'react';
import type { z } from 'zod';
import { requestJson } from '../../components/rawRequest.js';
import { currentSession, useSession } from '../../session/context.js';

/** Addresses of the provider portal's API, and a PUT with If-Match for capacity. */
export const providerReferralApi = (id: string): string => `/api/provider/referrals/${encodeURIComponent(id)}`;
export const providerReferralPage = (id: string): string => `/provider/referrals/${encodeURIComponent(id)}`;

export function usePutIfMatch(): <S extends z.ZodType>(path: string, body: unknown, schema: S, version: number) => Promise<z.infer<S>> {
  const { state } = useSession();
  const csrfToken = currentSession(state)?.csrfToken ?? null;
  return useCallback(
    <S extends z.ZodType>(path: string, body: unknown, schema: S, version: number) =>
      requestJson(path, { method: 'PUT', json: body, csrfToken, headers: { 'If-Match': `"${version}"` } }, schema),
    [csrfToken],
  );
}
