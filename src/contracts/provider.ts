import { z } from 'zod';
import { isoDay } from './casework.js';

/**
 * The VCSE provider's own services in the portal: how many places they have, how many are
 * waiting, and until when they are not taking anyone new. Kept in the directory listing itself,
 * so the link worker's search sees the same numbers. Shared with the web app.
 */

export const providerService = z.object({
  id: z.uuid(),
  name: z.string(),
  capacityPlaces: z.number().int().nullable(),
  waitlistCount: z.number().int().nullable(),
  notTakingUntil: z.string().nullable(),
  /** Referrals to this service from this scheme that are still open (sent, accepted, waitlisted, attending). */
  liveReferrals: z.number().int(),
  /** The listing's version: send it back as If-Match to be told of a change made since. */
  version: z.number().int(),
});
export type ProviderService = z.infer<typeof providerService>;

export const providerServices = z.object({ services: z.array(providerService) });
export type ProviderServices = z.infer<typeof providerServices>;

const count = (what: string) =>
  z
    .number({ error: `Enter the number of ${what} as a whole number` })
    .int({ error: `Enter the number of ${what} as a whole number` })
    .min(0, { error: `The number of ${what} cannot be below 0` })
    .max(100_000, { error: `The number of ${what} must be 100,000 or fewer` });

export const providerCapacityInput = z.strictObject({
  /** Places in total; null when the group does not count places. */
  capacityPlaces: count('places').nullable(),
  /** People waiting for a place; null when there is no waiting list. */
  waitlistCount: count('people waiting').nullable(),
  /** Not taking anyone new before this date; null when taking people now. */
  notTakingUntil: isoDay.nullable(),
});
export type ProviderCapacityInput = z.infer<typeof providerCapacityInput>;
