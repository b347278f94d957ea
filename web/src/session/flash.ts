import { useLocation } from 'react-router-dom';
import { z } from 'zod';

/**
 * One-off messages and return addresses travel in the router's location state (never in the
 * address, so a reload or a shared link does not repeat them). State is untyped, so it is parsed.
 */
const flashState = z.object({
  message: z.string().nullable().optional(),
  from: z.string().optional(),
});

export interface Flash {
  message: string | null;
  from: string | null;
}

export function useFlash(): Flash {
  const parsed = flashState.safeParse(useLocation().state);
  if (!parsed.success) return { message: null, from: null };
  const from = parsed.data.from;
  // Only return to a path in this app, never to another site.
  const safeFrom = from !== undefined && from.startsWith('/') && !from.startsWith('//') ? from : null;
  return { message: parsed.data.message ?? null, from: safeFrom };
}
