import { z } from 'zod';
import { roleSchema } from './auth.js';

/** The role's home page: a greeting, the scheme, and tiles of what this role does here. */
export const homeTile = z.object({
  key: z.string(),
  title: z.string(),
  description: z.string(),
  /** Web path the tile links to, or null while the capability is not yet in this scheme. */
  href: z.string().nullable(),
  /** A figure to show on the tile, e.g. "3 failed notifications". */
  figure: z.string().nullable(),
});

export const homeResponse = z.object({
  role: roleSchema,
  roleLabel: z.string(),
  heading: z.string(),
  intro: z.string(),
  schemeName: z.string(),
  organisationName: z.string(),
  tiles: z.array(homeTile),
});

export type HomeResponse = z.infer<typeof homeResponse>;
