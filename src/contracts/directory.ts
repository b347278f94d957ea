import { z } from 'zod';

/**
 * Shapes of the directory maintenance API: a service and an organisation as the service page
 * shows them, the edits their maintainers send, the change history, the scheme's own notes and
 * settings, and the reverse directory that tells a community group who works near it.
 */

export const LISTING_STATUSES = ['active', 'paused', 'closed'] as const;
export const LISTING_STATUS_LABELS: Record<(typeof LISTING_STATUSES)[number], string> = {
  active: 'Running',
  paused: 'Paused for now',
  closed: 'Closed',
};
export const REFERRAL_MODES = ['referrals', 'signposting'] as const;
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export const CHANGE_KINDS = ['create', 'update', 'verify', 'status', 'import'] as const;

const text = (max: number) => z.string().trim().max(max);
const optionalText = (max: number) => text(max).nullable().optional();
const timeOfDay = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'Enter a time like 09:30' });
const isoDate = z.iso.date({ error: 'Enter a date like 2026-03-31' });
const byday = z
  .string()
  .regex(/^(MO|TU|WE|TH|FR|SA|SU)(,(MO|TU|WE|TH|FR|SA|SU))*$/, { error: 'Choose days as two-letter codes like TU or MO,TH' })
  .describe('Days it runs, iCalendar BYDAY codes separated by commas: "TU", "MO,TH"');

// Reading ------------------------------------------------------------------------------------

export const namedContact = z.object({
  name: z.string().nullable(),
  role: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
});

export const serviceSchedule = z.object({
  id: z.string(),
  byday: z.string().nullable(),
  opensAt: z.string().nullable().describe('HH:MM'),
  closesAt: z.string().nullable().describe('HH:MM'),
  description: z.string().nullable(),
  summary: z.string().describe('In words, e.g. "Tuesdays 10:00–11:30"'),
});

export const serviceLocation = z.object({
  id: z.string(),
  name: z.string().nullable(),
  address: z.object({ line1: z.string(), line2: z.string().nullable(), city: z.string(), postcode: z.string() }).nullable(),
  latitude: z.number().nullable(),
  longitude: z.number().nullable(),
  accessibility: z.array(z.object({ description: z.string().nullable(), details: z.string().nullable() })),
  transportation: z.string().nullable(),
});

export const governance = z.object({
  legalForm: z.enum(['incorporated', 'unincorporated']).nullable(),
  qualityMarks: z.array(z.string()),
  safeguardingPolicyReviewedOn: z.string().nullable(),
  insuranceExpiresOn: z.string().nullable(),
  dbsPolicy: z.string().nullable(),
  governanceWarnings: z.array(z.string()).describe('Plain warnings, e.g. "Insurance expired on 1 March 2026"'),
});

export const schemeNote = z.object({
  note: z.string().nullable(),
  preferred: z.boolean(),
  public: z.boolean().describe('Listed on the public Open Referral UK API by this scheme'),
});

export const serviceDetail = z.object({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  alternateName: z.string().nullable(),
  description: z.string().nullable(),
  url: z.string().nullable(),
  email: z.string().nullable(),
  status: z.enum(LISTING_STATUSES),
  hsdsStatus: z.string().describe('The status exactly as HSDS holds it'),
  alert: z.string().nullable(),
  referralMode: z.enum(REFERRAL_MODES).describe('referrals: the group takes referrals; signposting: people contact it themselves'),
  namedContact: namedContact.nullable(),
  capacity: z.object({
    places: z.number().int().nullable(),
    waitlist: z.number().int().nullable(),
    notTakingUntil: z.string().nullable(),
    available: z.boolean().describe('Running, taking people now and nobody waiting'),
  }),
  fees: z.string().nullable(),
  free: z.boolean(),
  costOptions: z.array(
    z.object({ option: z.string().nullable(), amount: z.number().nullable(), currency: z.string().nullable(), amountDescription: z.string().nullable() }),
  ),
  eligibilityDescription: z.string().nullable(),
  minimumAge: z.number().nullable(),
  maximumAge: z.number().nullable(),
  applicationProcess: z.string().nullable(),
  waitTime: z.string().nullable(),
  languages: z.array(z.object({ name: z.string().nullable(), code: z.string().nullable() })),
  schedules: z.array(serviceSchedule),
  locations: z.array(serviceLocation),
  contacts: z.array(z.object({ name: z.string().nullable(), title: z.string().nullable(), email: z.string().nullable(), phones: z.array(z.string()) })),
  phones: z.array(z.string()),
  serviceAreas: z.array(z.string()),
  taxonomyTerms: z.array(z.object({ id: z.string(), name: z.string(), taxonomy: z.string().nullable() })),
  fundings: z.array(z.string()),
  organization: governance.extend({ id: z.string(), name: z.string() }),
  verification: z.object({
    verifiedAt: z.string().nullable(),
    verifiedBy: z.string().nullable(),
    stale: z.boolean(),
    staleAfterDays: z.number().int(),
  }),
  responseFigures: z.object({
    medianDaysToRespond: z.number().nullable(),
    shareAccepted: z.number().nullable(),
    basis: z.string(),
  }),
  schemeNote: schemeNote.nullable().describe('Only for roles that may read scheme notes'),
  permissions: z.object({ edit: z.boolean(), verify: z.boolean(), publish: z.boolean(), note: z.boolean() }),
  lastModified: z.string(),
});
export type ServiceDetail = z.infer<typeof serviceDetail>;

// Editing ------------------------------------------------------------------------------------

export const scheduleInput = z.strictObject({
  byday,
  opensAt: timeOfDay,
  closesAt: timeOfDay,
  description: optionalText(500),
});

export const locationInput = z.strictObject({
  name: optionalText(200),
  line1: text(200).min(1, { error: 'Enter the first line of the address' }),
  line2: optionalText(200),
  city: text(100).min(1, { error: 'Enter the town or city' }),
  postcode: z.string().trim().toUpperCase().regex(/^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$/, { error: 'Enter a postcode like LS6 2QJ' }),
  latitude: z.number().min(-90).max(90).nullable().optional(),
  longitude: z.number().min(-180).max(180).nullable().optional(),
  accessibility: z.array(text(200).min(1)).max(20).default([]).describe('Accessibility features, e.g. "Step-free access"'),
  transportation: optionalText(500),
});

const namedContactInput = z.strictObject({
  name: text(200).min(1, { error: 'Enter the contact’s name' }),
  role: optionalText(200),
  email: z.email({ error: 'Enter an email address like name@example.org' }).nullable().optional(),
  phone: optionalText(40),
});

const costOptionInput = z.strictObject({
  option: optionalText(200),
  amount: z.number().min(0, { error: 'A cost cannot be negative' }).nullable().optional(),
  currency: z.string().regex(/^[A-Z]{3}$/).default('GBP'),
  amountDescription: optionalText(200),
});

const age = z.number().int().min(0).max(130).nullable().optional();

const serviceFields = {
  name: text(500).min(1, { error: 'Enter the service’s name' }),
  alternateName: optionalText(500),
  description: optionalText(10_000),
  url: z.url({ error: 'Enter a web address like https://example.org' }).nullable().optional(),
  email: z.email({ error: 'Enter an email address like name@example.org' }).nullable().optional(),
  alert: optionalText(1000).describe('A short notice shown first, e.g. "No session on 24 December"'),
  referralMode: z.enum(REFERRAL_MODES),
  namedContact: namedContactInput.nullable(),
  capacity: z.strictObject({
    places: z.number().int().min(0).nullable().optional(),
    waitlist: z.number().int().min(0).nullable().optional(),
    notTakingUntil: isoDate.nullable().optional(),
  }),
  status: z.enum(LISTING_STATUSES),
  fees: optionalText(1000).describe('Costs in words'),
  free: z.boolean().describe('true: one way of taking part costs nothing (kept as a cost option of amount 0)'),
  costOptions: z.array(costOptionInput).max(20),
  eligibilityDescription: optionalText(4000),
  minimumAge: age,
  maximumAge: age,
  applicationProcess: optionalText(4000),
  languages: z.array(z.strictObject({ code: z.string().regex(/^[a-z]{2,3}$/, { error: 'Use a language code like pl' }), name: text(100).min(1) })).max(30),
  schedules: z.array(scheduleInput).max(30),
  location: locationInput.nullable().describe('Where it meets; null removes the place'),
  taxonomyTermIds: z.array(z.uuid()).max(50),
};

const ageOrder = (value: { minimumAge?: number | null | undefined; maximumAge?: number | null | undefined }) =>
  value.minimumAge === undefined || value.minimumAge === null || value.maximumAge === undefined || value.maximumAge === null || value.minimumAge <= value.maximumAge;
const ageOrderProblem = { error: 'The youngest age must not be above the oldest', path: ['maximumAge'] };

export const serviceUpdate = z
  .strictObject(serviceFields)
  .partial()
  .refine((v) => Object.keys(v).length > 0, { error: 'Send at least one field to change' })
  .refine(ageOrder, ageOrderProblem);
export type ServiceUpdate = z.infer<typeof serviceUpdate>;

export const serviceCreate = z
  .strictObject({ ...serviceFields, organizationId: z.uuid({ error: 'Choose the organisation that runs it' }) })
  .partial()
  .required({ organizationId: true, name: true })
  .refine(ageOrder, ageOrderProblem);
export type ServiceCreate = z.infer<typeof serviceCreate>;

export const verifyRequest = z.strictObject({ note: text(1000).optional().describe('What was checked, e.g. "Phoned Sue, times unchanged"') });

export const schemeNoteUpdate = z.strictObject({
  note: text(4000).nullable(),
  preferred: z.boolean(),
});
export const publicFlagUpdate = z.strictObject({ public: z.boolean() });

// History ------------------------------------------------------------------------------------

export const changeList = z.array(
  z.object({
    version: z.number().int(),
    kind: z.enum(CHANGE_KINDS),
    changedAt: z.string(),
    changedBy: z.string(),
    changes: z.array(z.object({ field: z.string(), from: z.unknown(), to: z.unknown() })),
    note: z.string().nullable(),
  }),
);
export type ChangeList = z.infer<typeof changeList>;

// Organisations ------------------------------------------------------------------------------

export const organizationDetail = governance.extend({
  id: z.string(),
  version: z.number().int(),
  name: z.string(),
  description: z.string(),
  email: z.string().nullable(),
  website: z.string().nullable(),
  identifiers: z.array(z.object({ scheme: z.string().nullable(), type: z.string(), identifier: z.string() })),
  services: z.array(z.object({ id: z.string(), name: z.string(), status: z.enum(LISTING_STATUSES), stale: z.boolean(), verifiedAt: z.string().nullable() })),
  permissions: z.object({ edit: z.boolean() }),
});
export type OrganizationDetail = z.infer<typeof organizationDetail>;

export const organizationUpdate = z
  .strictObject({
    name: text(500).min(1, { error: 'Enter the organisation’s name' }),
    description: text(10_000),
    email: z.email({ error: 'Enter an email address like name@example.org' }).nullable(),
    website: z.url({ error: 'Enter a web address like https://example.org' }).nullable(),
    legalForm: z.enum(['incorporated', 'unincorporated']).nullable(),
    qualityMarks: z.array(text(200).min(1)).max(20),
    safeguardingPolicyReviewedOn: isoDate.nullable(),
    insuranceExpiresOn: isoDate.nullable(),
    dbsPolicy: optionalText(2000),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { error: 'Send at least one field to change' });
export type OrganizationUpdate = z.infer<typeof organizationUpdate>;

export const organizationListQuery = z.strictObject({
  q: z.string().trim().max(200).optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});

export const organizationSummaryList = z.object({
  items: z.array(z.object({ id: z.string(), name: z.string(), serviceCount: z.number().int(), governanceWarnings: z.array(z.string()) })),
  page: z.number(),
  pageSize: z.number(),
  total: z.number(),
});

// Scheme settings and the reverse directory -------------------------------------------------------

const area = z.object({
  description: z.string().nullable(),
  latitude: z.number().min(-90).max(90),
  longitude: z.number().min(-180).max(180),
  radiusKm: z.number().positive().max(500),
});

export const directorySettings = z.object({
  staleAfterDays: z.number().int(),
  needTerms: z.record(z.string(), z.array(z.string())).describe('Need category code → taxonomy term ids that meet it'),
  area: area.nullable(),
  contactEmail: z.string().nullable(),
  contactPhone: z.string().nullable(),
});
export type DirectorySettings = z.infer<typeof directorySettings>;

export const directorySettingsUpdate = z
  .strictObject({
    staleAfterDays: z.number().int().min(7, { error: 'At least 7 days' }).max(3650, { error: 'At most 3650 days' }),
    needTerms: z.record(z.string().regex(/^[a-z0-9-]{1,40}$/), z.array(z.uuid()).max(50)),
    area: z.strictObject({ description: text(200).nullable(), latitude: area.shape.latitude, longitude: area.shape.longitude, radiusKm: area.shape.radiusKm }).nullable(),
    contactEmail: z.email({ error: 'Enter an email address like team@example.org' }).nullable(),
    contactPhone: optionalText(40),
  })
  .partial();
export type DirectorySettingsUpdate = z.infer<typeof directorySettingsUpdate>;

export const coverageQuery = z.strictObject({
  latitude: z.coerce.number().min(-90).max(90).optional(),
  longitude: z.coerce.number().min(-180).max(180).optional(),
});

export const coverage = z.object({
  schemes: z.array(
    z.object({
      name: z.string(),
      areaDescription: z.string().nullable(),
      distanceKm: z.number().describe('From the nearest of the organisation’s places (or the point asked) to the centre of the scheme’s area'),
      contactEmail: z.string().nullable(),
      contactPhone: z.string().nullable(),
    }),
  ),
  linkWorkers: z.array(z.object({ name: z.string(), email: z.string() })),
});
export type Coverage = z.infer<typeof coverage>;

export const myOrganization = z.object({
  organization: organizationDetail.nullable(),
  message: z.string().nullable().describe('Why there is no organisation, when there is none'),
  coverage,
});
export type MyOrganization = z.infer<typeof myOrganization>;
