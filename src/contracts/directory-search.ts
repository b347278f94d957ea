import { z } from 'zod';
import { ACCESS_FEATURES } from '../directory/search/features.js';
import { DAY_FILTERS, TIME_FILTERS } from '../directory/search/hours.js';

/** Shapes of the directory search API: search, matching for a person, the filter form, the map. */

export { ACCESS_FEATURES, ACCESS_LABELS } from '../directory/search/features.js';
export { DAY_FILTERS, TIME_FILTERS, TIME_LABELS } from '../directory/search/hours.js';

export const SEARCH_MAX_RADIUS_KM = 50;
export const SEARCH_DEFAULT_RADIUS_KM = 5;
export const SEARCH_MAX_PER_PAGE = 50;

/** A query parameter that may be given once or repeated (?term=a&term=b) → always a list. */
const repeatable = <T extends z.ZodType<string>>(item: T) =>
  z
    .union([item, z.array(item).max(20)])
    .optional()
    .transform((v): z.output<T>[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]));

const flag = (description: string) =>
  z
    .enum(['true', 'false'])
    .optional()
    .transform((v) => v === 'true')
    .describe(description);

const coordinate = (min: number, max: number) => z.coerce.number().min(min).max(max).optional();

export const directorySearchQuery = z
  .strictObject({
    q: z.string().trim().max(200).optional().describe('Words to look for in the name, organisation, categories and description; small typos are corrected'),
    need: z
      .string()
      .regex(/^[a-z0-9-]{1,40}$/)
      .optional()
      .describe("A referral need code: services in the taxonomy terms the scheme maps it to (or, unmapped, whose text mentions the need)"),
    term: repeatable(z.uuid()).describe('Taxonomy term ids (repeatable); a service in any of them, or in a narrower term, matches'),
    day: z.enum(DAY_FILTERS).optional().describe('Runs on this day'),
    time: z.enum(TIME_FILTERS).optional().describe('Runs at this time of day: morning 06–12, afternoon 12–17, evening 17–22'),
    free: flag('true: only services with a free way to take part'),
    access: repeatable(z.enum(ACCESS_FEATURES)).describe('Access features the venue must have (repeatable; all must be present)'),
    language: z
      .string()
      .regex(/^[a-zA-Z]{2,3}$/)
      .optional()
      .transform((v) => v?.toLowerCase())
      .describe('ISO 639 language code; "en" also matches services that list no language'),
    age: z.coerce.number().int().min(0).max(120).optional().describe('The person’s age: services whose age range includes it'),
    capacity: flag('true: only services that have places now'),
    near: z.string().trim().max(10).optional().describe('A postcode to search around (needs the ONS postcode directory loaded)'),
    lat: coordinate(-90, 90).describe('Latitude to search around (with lng)'),
    lng: coordinate(-180, 180).describe('Longitude to search around (with lat)'),
    personId: z.uuid().optional().describe("Search around this person's home (link workers and managers; the read is audited)"),
    radiusKm: z.coerce.number().positive().max(SEARCH_MAX_RADIUS_KM).optional().describe(`Radius around the point, km (default ${SEARCH_DEFAULT_RADIUS_KM})`),
    page: z.coerce.number().int().min(1).max(1000).default(1),
    perPage: z.coerce.number().int().min(1).max(SEARCH_MAX_PER_PAGE).default(20),
    includePaused: flag('true: include services that are paused (shown as paused)'),
  })
  .describe('Directory search filters; all given filters must hold');
export type DirectorySearchQuery = z.output<typeof directorySearchQuery>;

export const directoryMatchQuery = z.strictObject({
  personId: z.uuid().describe('The person to find services for'),
  radiusKm: z.coerce.number().positive().max(SEARCH_MAX_RADIUS_KM).optional(),
  page: z.coerce.number().int().min(1).max(1000).default(1),
  perPage: z.coerce.number().int().min(1).max(SEARCH_MAX_PER_PAGE).default(20),
});

export const sessionView = z.object({
  day: z.string().describe('Monday … Sunday'),
  opensAt: z.string().describe('HH:MM'),
  closesAt: z.string().nullable(),
  monthly: z.boolean().describe('true: on some weeks of the month only (e.g. the 2nd Tuesday)'),
});

export const searchResult = z.object({
  id: z.uuid(),
  name: z.string(),
  organizationId: z.uuid(),
  organizationName: z.string(),
  summary: z.string().describe('The start of the description, at most 200 characters'),
  status: z.enum(['active', 'paused']),
  referralMode: z.enum(['referrals', 'signposting']),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  distanceKm: z.number().nullable(),
  free: z.boolean(),
  sessions: z.array(sessionView),
  languages: z.array(z.object({ code: z.string(), name: z.string() })),
  accessibility: z.array(z.object({ code: z.string(), label: z.string() })),
  capacity: z.object({
    places: z.number().nullable(),
    waitlist: z.number().nullable(),
    notTakingUntil: z.string().nullable(),
    available: z.boolean().describe('Has places now: places above 0 and not paused for new people'),
  }),
  preferred: z.boolean().describe('The scheme prefers this service'),
  stale: z.boolean().describe('Not verified within the scheme’s window (or never)'),
  verifiedAt: z.string().nullable(),
  reasons: z.array(z.string()).describe('Why it was found, in plain words'),
});
export type SearchResultView = z.infer<typeof searchResult>;

export const searchOrigin = z.object({
  latitude: z.number(),
  longitude: z.number(),
  label: z.string(),
  approximate: z.boolean(),
});

export const directorySearchResponse = z.object({
  results: z.array(searchResult),
  total: z.number().int(),
  page: z.number().int(),
  perPage: z.number().int(),
  origin: searchOrigin.nullable(),
  postcodeLookup: z.enum(['available', 'not-configured']),
  correctedQuery: z.string().nullable().describe('The words searched for when a typo was corrected ("Showing results for …")'),
  serverMs: z.number(),
});
export type DirectorySearchResponse = z.infer<typeof directorySearchResponse>;

export const directoryFacets = z.object({
  needs: z.array(z.object({ code: z.string(), label: z.string() })),
  terms: z.array(z.object({ id: z.string(), name: z.string(), taxonomy: z.string().nullable() })),
  access: z.array(z.object({ code: z.enum(ACCESS_FEATURES), label: z.string() })),
  languages: z.array(z.object({ code: z.string(), name: z.string() })),
  days: z.array(z.object({ code: z.enum(DAY_FILTERS), label: z.string() })),
  times: z.array(z.object({ code: z.enum(TIME_FILTERS), label: z.string() })),
});
export type DirectoryFacets = z.infer<typeof directoryFacets>;

export const mapConfig = z.object({
  tileUrl: z.string().nullable().describe('Map tile URL template ({z}/{x}/{y}); null: no map tiles configured, show the list only'),
  attribution: z.string(),
});
