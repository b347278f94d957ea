/**
 * Code lists used by referral forms, the API and reports. Shared with the web app, so plain
 * constants only. Labels are what people see; codes are what is stored and exchanged.
 */

export const REFERRAL_STATUSES = [
  'received',
  'triaged',
  'accepted',
  'declined',
  'not_eligible',
  'redirected',
  'first_contact',
  'active',
  'closed',
] as const;
export type ReferralStatus = (typeof REFERRAL_STATUSES)[number];

export const REFERRAL_STATUS_LABELS: Record<ReferralStatus, string> = {
  received: 'Received',
  triaged: 'Triaged',
  accepted: 'Accepted',
  declined: 'Declined by the person',
  not_eligible: 'Not eligible',
  redirected: 'Redirected elsewhere',
  first_contact: 'First contact made',
  active: 'Receiving support',
  closed: 'Closed',
};

/** Where a referral came from. Reports count them apart. */
export const REFERRAL_SOURCES = ['professional', 'self', 'api', 'fhir', 'bulk'] as const;
export type ReferralSource = (typeof REFERRAL_SOURCES)[number];
export const REFERRAL_SOURCE_LABELS: Record<ReferralSource, string> = {
  professional: 'Professional referral form',
  self: 'Self-referral',
  api: 'API',
  fhir: 'FHIR API',
  bulk: 'Bulk upload',
};

export const URGENCIES = ['routine', 'soon', 'urgent'] as const;
export type Urgency = (typeof URGENCIES)[number];
export const URGENCY_LABELS: Record<Urgency, string> = {
  routine: 'Routine',
  soon: 'Soon (within 2 weeks)',
  urgent: 'Urgent',
};

/** The need domains of PRODUCT.md §3.3, used when a scheme has not configured its own. */
export const DEFAULT_NEED_CATEGORIES: readonly { code: string; label: string }[] = [
  { code: 'loneliness', label: 'Loneliness and isolation' },
  { code: 'mental-wellbeing', label: 'Mental wellbeing' },
  { code: 'physical-activity', label: 'Physical activity' },
  { code: 'long-term-condition', label: 'Managing a long-term condition' },
  { code: 'money-debt', label: 'Money and debt' },
  { code: 'benefits', label: 'Benefits' },
  { code: 'housing', label: 'Housing' },
  { code: 'employment-skills', label: 'Employment and skills' },
  { code: 'carers', label: 'Caring for someone' },
  { code: 'food', label: 'Food' },
  { code: 'digital-inclusion', label: 'Getting online' },
  { code: 'bereavement', label: 'Bereavement' },
];

/** NHS Data Dictionary "Ethnic category" codes (2001 census categories). */
export const ETHNIC_CATEGORIES: readonly { code: string; label: string }[] = [
  { code: 'A', label: 'White: British' },
  { code: 'B', label: 'White: Irish' },
  { code: 'C', label: 'White: Any other White background' },
  { code: 'D', label: 'Mixed: White and Black Caribbean' },
  { code: 'E', label: 'Mixed: White and Black African' },
  { code: 'F', label: 'Mixed: White and Asian' },
  { code: 'G', label: 'Mixed: Any other mixed background' },
  { code: 'H', label: 'Asian or Asian British: Indian' },
  { code: 'J', label: 'Asian or Asian British: Pakistani' },
  { code: 'K', label: 'Asian or Asian British: Bangladeshi' },
  { code: 'L', label: 'Asian or Asian British: Any other Asian background' },
  { code: 'M', label: 'Black or Black British: Caribbean' },
  { code: 'N', label: 'Black or Black British: African' },
  { code: 'P', label: 'Black or Black British: Any other Black background' },
  { code: 'R', label: 'Other ethnic groups: Chinese' },
  { code: 'S', label: 'Other ethnic groups: Any other ethnic group' },
  { code: 'Z', label: 'Not stated' },
  { code: '99', label: 'Not known' },
];
export const ETHNIC_CATEGORY_CODES = ETHNIC_CATEGORIES.map((c) => c.code) as [string, ...string[]];

/** Sex as recorded (administrative), kept apart from gender identity, which is free text. */
export const SEXES = ['female', 'male', 'intersex', 'not-known', 'not-stated'] as const;
export type Sex = (typeof SEXES)[number];
export const SEX_LABELS: Record<Sex, string> = {
  female: 'Female',
  male: 'Male',
  intersex: 'Intersex',
  'not-known': 'Not known',
  'not-stated': 'Prefer not to say',
};

export const CONTACT_METHODS = ['email', 'sms', 'phone', 'letter', 'none'] as const;
export type ContactMethod = (typeof CONTACT_METHODS)[number];
export const CONTACT_METHOD_LABELS: Record<ContactMethod, string> = {
  email: 'Email',
  sms: 'Text message',
  phone: 'Phone call',
  letter: 'Letter',
  none: 'Do not contact directly',
};

export const ACCESSIBLE_FORMATS = ['large-print', 'easy-read', 'braille', 'audio', 'bsl'] as const;
export type AccessibleFormat = (typeof ACCESSIBLE_FORMATS)[number];
export const ACCESSIBLE_FORMAT_LABELS: Record<AccessibleFormat, string> = {
  'large-print': 'Large print',
  'easy-read': 'Easy read',
  braille: 'Braille',
  audio: 'Audio',
  bsl: 'British Sign Language',
};

export const CONSENT_METHODS = ['verbal', 'written', 'digital'] as const;
export type ConsentMethod = (typeof CONSENT_METHODS)[number];

/** Who gave consent: the person, or someone lawfully acting for them. */
export const CONSENT_GIVERS = ['person', 'representative'] as const;
export type ConsentGiver = (typeof CONSENT_GIVERS)[number];

/** What the consent covers. Onward sharing with partners is asked separately (PRODUCT.md §4). */
export const CONSENT_SCOPES = ['referral', 'contact', 'share-with-partners'] as const;
export type ConsentScope = (typeof CONSENT_SCOPES)[number];
export const CONSENT_SCOPE_LABELS: Record<ConsentScope, string> = {
  referral: 'To be referred to the social prescribing service',
  contact: 'To be contacted by a link worker',
  'share-with-partners': 'To have the minimum needed shared with community partners',
};

/** Milestones at which a referrer may ask to hear back. */
export const FEEDBACK_MILESTONES = ['received', 'decision', 'first_contact', 'closed'] as const;
export type FeedbackMilestone = (typeof FEEDBACK_MILESTONES)[number];
export const FEEDBACK_MILESTONE_LABELS: Record<FeedbackMilestone, string> = {
  received: 'Referral received',
  decision: 'Accepted, or declined with the reason',
  first_contact: 'First contact made',
  closed: 'Closed, with an outcome summary',
};

export const FEEDBACK_CHANNELS = ['email', 'letter', 'none'] as const;
export type FeedbackChannel = (typeof FEEDBACK_CHANNELS)[number];

/** Why a person declined (recorded with the SNOMED "Social prescribing declined" code). */
export const DECLINE_REASONS: readonly { code: string; label: string }[] = [
  { code: 'not-wanted-now', label: 'Does not want support now' },
  { code: 'support-elsewhere', label: 'Already getting support elsewhere' },
  { code: 'not-what-expected', label: 'Not what they expected from the referral' },
  { code: 'could-not-contact', label: 'Could not be contacted' },
  { code: 'other', label: 'Other reason' },
];

export const CLOSURE_REASONS: readonly { code: string; label: string }[] = [
  { code: 'goals-met', label: 'Goals met' },
  { code: 'partly-met', label: 'Some goals met, person ready to finish' },
  { code: 'referred-on', label: 'Supported onward to other services' },
  { code: 'disengaged', label: 'Stopped engaging' },
  { code: 'moved-away', label: 'Moved out of the area' },
  { code: 'consent-withdrawn', label: 'Consent withdrawn' },
  { code: 'deceased', label: 'Died' },
  { code: 'other', label: 'Other reason' },
];
