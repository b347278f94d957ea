import { z } from 'zod';

/**
 * Wellbeing measures as data, and the shapes of the outcomes API. A measure is a definition:
 * its items, the answers each item takes and their values, how it is scored, its bands, which
 * way is better, its licence notice and whether a person may complete it alone. Linkwell ships
 * the standard ones (ONS4, WEMWBS, SWEMWBS, a concerns-based measure, and licensed tools as
 * entered scores); a scheme adds its own scales with the same shape. Shared with the web app.
 */

export const DIRECTIONS = ['higher-better', 'lower-better'] as const;
export type Direction = (typeof DIRECTIONS)[number];

const key = z.string().regex(/^[a-z][a-z0-9_-]{0,39}$/, { error: 'Use lower-case letters, digits, - and _ (up to 40), starting with a letter' });
const label = (max: number) => z.string().trim().min(1).max(max);

export const responseOption = z.object({
  value: z.number().int().min(-100).max(1000),
  label: label(120),
});
export type ResponseOption = z.infer<typeof responseOption>;

/** A named range of scores, inclusive at both ends: "low 0–4". */
export const band = z.object({
  label: label(60),
  min: z.number(),
  max: z.number(),
});
export type Band = z.infer<typeof band>;

/**
 * 'choice': one of the options. 'number': a number between min and max (entered scores).
 * 'named-rating': the person names something (a concern, an area of life) and rates it from the
 * options; the name is kept with the answer.
 */
export const ITEM_TYPES = ['choice', 'number', 'named-rating'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export const measureItem = z.object({
  key,
  text: label(400),
  type: z.enum(ITEM_TYPES),
  /** For choice and named-rating items. When absent, the definition's own `responses` apply. */
  options: z.array(responseOption).min(2).max(21).optional(),
  min: z.number().optional(),
  max: z.number().optional(),
  /** Decimal places a number item accepts (0 = whole numbers). */
  decimals: z.number().int().min(0).max(2).optional(),
  /** An optional item may be left out without making the response incomplete. */
  required: z.boolean().default(true),
  /** For measures scored item by item (ONS4): this item's own direction and bands. */
  direction: z.enum(DIRECTIONS).optional(),
  bands: z.array(band).optional(),
  /** Prompt for the name of a named-rating item ("What is your concern?"). */
  namePrompt: label(200).optional(),
});
export type MeasureItem = z.infer<typeof measureItem>;

/**
 * 'sum': the total of the items. 'sum-table': the raw sum converted through a table (SWEMWBS
 * raw → metric). 'each': every item is a score of its own, with no total (ONS4). 'mean': the
 * average of the rated items (concerns-based). 'entered': scores obtained elsewhere, entered as
 * they are (licensed tools); `headline` names the item that is charted, if any.
 */
export const scoringRule = z.discriminatedUnion('rule', [
  z.object({ rule: z.literal('sum') }),
  z.object({
    rule: z.literal('sum-table'),
    /** raw total (as a string key) → converted score */
    table: z.record(z.string().regex(/^\d+$/), z.number()),
    convertedLabel: label(60),
  }),
  z.object({ rule: z.literal('each') }),
  z.object({ rule: z.literal('mean'), decimals: z.number().int().min(0).max(2).default(2) }),
  z.object({ rule: z.literal('entered'), headline: key.nullable() }),
]);
export type ScoringRule = z.infer<typeof scoringRule>;

export const licence = z.object({
  holder: label(300),
  notice: label(1000),
  url: z.url().optional(),
  /** Licensed tools: the wording is not Linkwell's to ship, so only scores are entered. */
  itemsShipped: z.boolean(),
});

export const MEASURE_ORIGINS = ['standard', 'licensed', 'scheme'] as const;
export type MeasureOrigin = (typeof MEASURE_ORIGINS)[number];

export const measureDefinition = z.object({
  key,
  name: label(120),
  shortName: label(30),
  origin: z.enum(MEASURE_ORIGINS),
  /** A scheme's own scale changes over time; responses keep the version they were answered on. */
  version: z.number().int().min(1),
  description: label(1000),
  /** Read to, or shown to, the person before the items. */
  intro: label(1000).nullable(),
  /** The answers every choice item takes unless it has its own. */
  responses: z.array(responseOption).min(2).max(21).nullable(),
  items: z.array(measureItem).min(1).max(40),
  scoring: scoringRule,
  direction: z.enum(DIRECTIONS),
  /** Bands of the headline score (items of an 'each' measure carry their own). */
  bands: z.array(band),
  /** The smallest change in the headline score that counts as meaningful for one person, by default. */
  meaningfulChange: z.number().positive().nullable(),
  licence: licence.nullable(),
  selfCompletion: z.boolean(),
});
export type MeasureDefinition = z.infer<typeof measureDefinition>;

// Answers and scores ---------------------------------------------------------------------------

/** What was answered: item key → value; for named-rating items, item key → the name given. */
export const measureAnswers = z.object({
  values: z.record(key, z.number().nullable()).default({}),
  names: z.record(key, z.string().trim().max(200)).default({}),
});
export type MeasureAnswers = z.infer<typeof measureAnswers>;

export const measureScore = z.object({
  /** The score charted and compared: SWEMWBS metric, WEMWBS total, a mean; null for ONS4 and tools without one. */
  headline: z.number().nullable(),
  /** SWEMWBS: the raw sum before conversion. */
  raw: z.number().nullable(),
  /** Each item's value as scored (ONS4 reports these). */
  items: z.record(z.string(), z.number()),
  /** Band of the headline score, and of each item that has bands. */
  band: z.string().nullable(),
  itemBands: z.record(z.string(), z.string()),
});
export type MeasureScore = z.infer<typeof measureScore>;

// API ------------------------------------------------------------------------------------------

export const TIMEPOINT_KINDS = ['baseline', 'follow-up', 'closure'] as const;
export type TimepointKind = (typeof TIMEPOINT_KINDS)[number];

/** One point of a schedule: baseline at first contact, a follow-up a number of weeks after it, or at closure. */
export const schedulePoint = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('baseline') }),
  z.object({ kind: z.literal('follow-up'), weeks: z.number().int().min(1).max(156) }),
  z.object({ kind: z.literal('closure') }),
]);
export type SchedulePoint = z.infer<typeof schedulePoint>;

/** The timepoint a schedule point is recorded at: 'baseline', 'follow-up-12', 'closure'. */
export function timepointOf(point: SchedulePoint): string {
  switch (point.kind) {
    case 'baseline':
      return 'baseline';
    case 'follow-up':
      return `follow-up-${point.weeks}`;
    case 'closure':
      return 'closure';
    default: {
      const unreachable: never = point;
      return unreachable;
    }
  }
}

/** A timepoint in words, the same on the server (due lists, reminders) and in the pages; one not known is shown as it is. */
export function timepointLabel(timepoint: string): string {
  if (timepoint === 'baseline') return 'Baseline';
  if (timepoint === 'closure') return 'At closure';
  if (timepoint === 'other') return 'Other';
  const weeks = /^follow-up-(\d+)$/.exec(timepoint)?.[1];
  return weeks !== undefined ? `${weeks}-week follow-up` : timepoint;
}

export const scheduleEntry = z.object({
  measureKey: key,
  points: z.array(schedulePoint).min(1).max(12),
});
export type ScheduleEntry = z.infer<typeof scheduleEntry>;

export const outcomeSettings = z.object({
  /** Measures switched off for this scheme: not offered, not scheduled. */
  disabledMeasures: z.array(key),
  /** measure key → meaningful change for one person, overriding the definition's default */
  meaningfulChange: z.record(key, z.number().positive()),
  schedule: z.array(scheduleEntry).max(20),
  /** Days after the due date before a measure counts as overdue. */
  overdueAfterDays: z.number().int().min(1).max(90),
  /** Days a one-time link stays open. */
  linkExpiryDays: z.number().int().min(1).max(60),
  version: z.number().int(),
});
export type OutcomeSettings = z.infer<typeof outcomeSettings>;
/** What an administrator sends. The list of measures switched off is bounded: a scheme has far fewer measures than this. */
export const outcomeSettingsInput = outcomeSettings.omit({ version: true }).extend({ disabledMeasures: z.array(key).max(100) });

/** A measure as the scheme offers it. */
export const schemeMeasure = z.object({
  definition: measureDefinition,
  enabled: z.boolean(),
  meaningfulChange: z.number().nullable(),
});
export type SchemeMeasure = z.infer<typeof schemeMeasure>;
export const schemeMeasureList = z.object({ measures: z.array(schemeMeasure) });

/** A scheme's own scale, as an administrator writes it: origin and version are Linkwell's. */
export const customMeasureInput = measureDefinition
  .omit({ origin: true, version: true, licence: true })
  .extend({ scoring: z.discriminatedUnion('rule', [z.object({ rule: z.literal('sum') }), z.object({ rule: z.literal('mean'), decimals: z.number().int().min(0).max(2).default(2) })]) });
export type CustomMeasureInput = z.infer<typeof customMeasureInput>;

export const RESPONSE_MODES = ['self', 'with-worker', 'paper', 'external'] as const;
export type ResponseMode = (typeof RESPONSE_MODES)[number];
export const RESPONSE_MODE_LABELS: Record<ResponseMode, string> = {
  self: 'Completed by the person through a link',
  'with-worker': 'Completed with the link worker',
  paper: 'Entered from a paper form',
  external: 'Score obtained elsewhere and entered',
};

export const RESPONSE_STATUSES = ['in-progress', 'completed', 'cancelled'] as const;
export type ResponseStatus = (typeof RESPONSE_STATUSES)[number];

/**
 * timepoint: 'baseline', 'follow-up-12' (weeks), 'closure' or 'other'. Follow-up weeks run
 * 1–156 as in a schedule, written without leading zeros, so one point has one spelling.
 */
export const timepoint = z.string().regex(/^(baseline|closure|other|follow-up-(?:[1-9]\d?|1[0-4]\d|15[0-6]))$/);

export const recordResponseInput = z.object({
  measureKey: key,
  referralId: z.uuid().nullable().optional(),
  timepoint,
  mode: z.enum(['with-worker', 'paper', 'external']),
  answers: measureAnswers,
  /** When it was completed, if not now (a paper form filled in earlier). */
  completedAt: z.iso.datetime({ offset: true }).optional(),
});
export type RecordResponseInput = z.infer<typeof recordResponseInput>;

export const measureResponse = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  referralId: z.uuid().nullable(),
  measureKey: z.string(),
  measureName: z.string(),
  definitionVersion: z.number(),
  timepoint: z.string(),
  status: z.enum(RESPONSE_STATUSES),
  mode: z.enum(RESPONSE_MODES),
  answers: measureAnswers,
  score: measureScore.nullable(),
  enteredBy: z.string().nullable(),
  completedAt: z.string().nullable(),
  createdAt: z.string(),
});
export type MeasureResponseDto = z.infer<typeof measureResponse>;

/** One measure's scores for one person over time, with the change since the baseline. */
export const measureSeries = z.object({
  measureKey: z.string(),
  measureName: z.string(),
  direction: z.enum(DIRECTIONS),
  bands: z.array(band),
  /** For 'each' measures (ONS4): one line per item, each with its own bands and direction. */
  lines: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      direction: z.enum(DIRECTIONS),
      bands: z.array(band),
      points: z.array(z.object({ responseId: z.string(), at: z.string(), timepoint: z.string(), value: z.number(), band: z.string().nullable() })),
      change: z
        .object({
          /** The score the change is measured from: the latest score's own referral's baseline, on the same version. */
          baselineResponseId: z.string(),
          baseline: z.number(),
          fromBaseline: z.number(),
          improved: z.boolean(),
          meaningful: z.boolean().nullable(),
          threshold: z.number().nullable(),
          bandMovement: z.number().nullable(),
        })
        .nullable(),
    }),
  ),
});
export type MeasureSeries = z.infer<typeof measureSeries>;

export const DUE_STATES = ['upcoming', 'due', 'overdue', 'done'] as const;
export type DueState = (typeof DUE_STATES)[number];

export const dueMeasure = z.object({
  personId: z.uuid(),
  personName: z.string(),
  referralId: z.uuid(),
  referralReference: z.string(),
  measureKey: z.string(),
  measureName: z.string(),
  timepoint: z.string(),
  timepointLabel: z.string(),
  dueOn: z.string().describe('YYYY-MM-DD'),
  overdueFrom: z.string().describe('YYYY-MM-DD'),
  state: z.enum(DUE_STATES),
  responseId: z.uuid().nullable(),
});
export type DueMeasure = z.infer<typeof dueMeasure>;
export const dueMeasureList = z.object({ items: z.array(dueMeasure) });
export type DueMeasureList = z.infer<typeof dueMeasureList>;

export const LINK_CHANNELS = ['email', 'sms'] as const;
export const sendLinkInput = z.object({
  measureKey: key,
  referralId: z.uuid().nullable().optional(),
  timepoint,
  channel: z.enum(LINK_CHANNELS),
});
export type SendLinkInput = z.infer<typeof sendLinkInput>;

export const LINK_STATES = ['open', 'submitted', 'expired', 'revoked'] as const;
export type LinkState = (typeof LINK_STATES)[number];
export const measureLink = z.object({
  id: z.uuid(),
  responseId: z.uuid(),
  measureKey: z.string(),
  measureName: z.string(),
  timepoint: z.string(),
  channel: z.enum(LINK_CHANNELS),
  state: z.enum(LINK_STATES),
  sentAt: z.string(),
  expiresAt: z.string(),
  openedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  notificationStatus: z.string().nullable(),
});
export type MeasureLinkDto = z.infer<typeof measureLink>;

export const REMINDER_CHANNELS = ['none', 'email', 'sms'] as const;
export const outcomePreferences = z.object({
  /** How the person agreed to be reminded when a measure is due; 'none' unless they agreed. */
  reminders: z.enum(REMINDER_CHANNELS),
  agreedAt: z.string().nullable(),
});
export const outcomePreferencesInput = z.object({ reminders: z.enum(REMINDER_CHANNELS) });

export const storyInput = z.object({
  referralId: z.uuid().nullable().optional(),
  story: z.string().trim().min(1).max(5000),
  consentToShare: z.boolean(),
  /** The version for reports and case studies, without names, places or anything that identifies. */
  deidentified: z.string().trim().max(5000).nullable().optional(),
});
export const outcomeStory = z.object({
  id: z.uuid(),
  personId: z.uuid(),
  referralId: z.uuid().nullable(),
  story: z.string(),
  consentToShare: z.boolean(),
  consentRecordedAt: z.string().nullable(),
  deidentified: z.string().nullable(),
  createdBy: z.string(),
  createdAt: z.string(),
  version: z.number(),
});
export type OutcomeStoryDto = z.infer<typeof outcomeStory>;

/** Everything the person's outcomes page shows. */
export const personOutcomes = z.object({
  personId: z.uuid(),
  measures: z.array(schemeMeasure),
  responses: z.array(measureResponse),
  series: z.array(measureSeries),
  due: z.array(dueMeasure),
  links: z.array(measureLink),
  preferences: outcomePreferences,
  stories: z.array(outcomeStory),
  /** Whether the person has an email address / mobile number to send a link to (never the address itself). */
  canSendBy: z.object({ email: z.boolean(), sms: z.boolean() }),
});
export type PersonOutcomes = z.infer<typeof personOutcomes>;

// The person's one-time link ------------------------------------------------------------------

/** The token travels in the body, never in a URL, so it stays out of logs and Referer headers. */
export const linkTokenInput = z.object({ token: z.string().min(20).max(100) });
export const linkAnswersInput = linkTokenInput.extend({ answers: measureAnswers });

/** What the questionnaire page shows: the questionnaire only, and no other personal data. */
export const publicQuestionnaire = z.object({
  schemeName: z.string(),
  definition: measureDefinition,
  answers: measureAnswers,
  expiresAt: z.string(),
});
export type PublicQuestionnaire = z.infer<typeof publicQuestionnaire>;
export const publicSubmitted = z.object({ submitted: z.literal(true), schemeName: z.string() });
