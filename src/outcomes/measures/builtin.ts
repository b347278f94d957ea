import type { Band, MeasureDefinition, MeasureItem, ResponseOption } from '../../contracts/outcomes.js';

/**
 * The measures Linkwell ships, as data. Wording, answers, the SWEMWBS conversion table, bands and
 * the default meaningful-change thresholds are those of the publishers (see
 * shared/conformance/measures.md); nothing here is derived. Licensed tools ship no items: only
 * the scores a scheme obtains with its own licence are entered.
 */

const zeroToTen = (low: string, high: string): ResponseOption[] =>
  Array.from({ length: 11 }, (_, value) => ({
    value,
    label: value === 0 ? `0 – ${low}` : value === 10 ? `10 – ${high}` : String(value),
  }));

const ONS_POSITIVE_BANDS: Band[] = [
  { label: 'Low', min: 0, max: 4 },
  { label: 'Medium', min: 5, max: 6 },
  { label: 'High', min: 7, max: 8 },
  { label: 'Very high', min: 9, max: 10 },
];
// Anxiety runs the other way: a high score is worse.
const ONS_ANXIETY_BANDS: Band[] = [
  { label: 'Very low', min: 0, max: 1 },
  { label: 'Low', min: 2, max: 3 },
  { label: 'Medium', min: 4, max: 5 },
  { label: 'High', min: 6, max: 10 },
];

const onsItem = (key: string, text: string, anxiety = false): MeasureItem => ({
  key,
  text,
  type: 'choice',
  options: anxiety ? zeroToTen('not at all anxious', 'completely anxious') : zeroToTen('not at all', 'completely'),
  required: true,
  direction: anxiety ? 'lower-better' : 'higher-better',
  bands: anxiety ? ONS_ANXIETY_BANDS : ONS_POSITIVE_BANDS,
});

export const ONS4: MeasureDefinition = {
  key: 'ons4',
  name: 'ONS personal wellbeing (ONS4)',
  shortName: 'ONS4',
  origin: 'standard',
  version: 1,
  description:
    'The four Office for National Statistics personal wellbeing questions: life satisfaction, worthwhile, happiness and anxiety. Each is reported on its own; there is no total.',
  intro: 'Please answer each question on a scale of 0 to 10, where 0 is "not at all" and 10 is "completely".',
  responses: null,
  items: [
    onsItem('life_satisfaction', 'Overall, how satisfied are you with your life nowadays?'),
    onsItem('worthwhile', 'Overall, to what extent do you feel that the things you do in your life are worthwhile?'),
    onsItem('happiness', 'Overall, how happy did you feel yesterday?'),
    onsItem(
      'anxiety',
      'On a scale where 0 is "not at all anxious" and 10 is "completely anxious", overall, how anxious did you feel yesterday?',
      true,
    ),
  ],
  scoring: { rule: 'each' },
  direction: 'higher-better',
  bands: [],
  // ONS publishes no individual threshold: change is read as movement between bands.
  meaningfulChange: null,
  licence: {
    holder: 'Office for National Statistics (Crown copyright)',
    notice: 'ONS personal well-being questions, Crown copyright, used under the Open Government Licence v3.0.',
    url: 'https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/',
    itemsShipped: true,
  },
  selfCompletion: true,
};

const WEMWBS_RESPONSES: ResponseOption[] = [
  { value: 1, label: 'None of the time' },
  { value: 2, label: 'Rarely' },
  { value: 3, label: 'Some of the time' },
  { value: 4, label: 'Often' },
  { value: 5, label: 'All of the time' },
];

/** The fourteen WEMWBS statements, numbered as the scale numbers them. */
const WEMWBS_STATEMENTS: Record<number, string> = {
  1: "I've been feeling optimistic about the future",
  2: "I've been feeling useful",
  3: "I've been feeling relaxed",
  4: "I've been feeling interested in other people",
  5: "I've had energy to spare",
  6: "I've been dealing with problems well",
  7: "I've been thinking clearly",
  8: "I've been feeling good about myself",
  9: "I've been feeling close to other people",
  10: "I've been feeling confident",
  11: "I've been able to make up my own mind about things",
  12: "I've been feeling loved",
  13: "I've been interested in new things",
  14: "I've been feeling cheerful",
};

const wemwbsItem = (n: number): MeasureItem => ({
  key: `wemwbs_${n}`,
  text: WEMWBS_STATEMENTS[n] ?? '',
  type: 'choice',
  required: true,
});

const WEMWBS_STEM =
  'Below are some statements about feelings and thoughts. Please tick the box that best describes your experience of each over the last 2 weeks.';

const WARWICK_LICENCE = {
  holder: 'NHS Health Scotland, University of Warwick and University of Edinburgh',
  notice:
    '© NHS Health Scotland, University of Warwick and University of Edinburgh. Free to use; the scheme using it registers with the University of Warwick.',
  url: 'https://warwick.ac.uk/fac/sci/med/research/platform/wemwbs/',
  itemsShipped: true,
};

export const WEMWBS: MeasureDefinition = {
  key: 'wemwbs',
  name: 'Warwick-Edinburgh Mental Wellbeing Scale (WEMWBS)',
  shortName: 'WEMWBS',
  origin: 'standard',
  version: 1,
  description: 'Fourteen positively worded statements about the last two weeks. The score is their sum, from 14 to 70.',
  intro: WEMWBS_STEM,
  responses: WEMWBS_RESPONSES,
  items: Array.from({ length: 14 }, (_, i) => wemwbsItem(i + 1)),
  scoring: { rule: 'sum' },
  direction: 'higher-better',
  bands: [],
  // 2.77 × SEM, with SEM 2.4–3.1 across studies: 6.65–8.59 points (Maheswaran et al. 2012).
  meaningfulChange: 7,
  licence: WARWICK_LICENCE,
  selfCompletion: true,
};

/** SWEMWBS raw score → metric score, from the Warwick user guide. */
export const SWEMWBS_METRIC: Record<string, number> = {
  '7': 7.0,
  '8': 9.51,
  '9': 11.25,
  '10': 12.4,
  '11': 13.33,
  '12': 14.08,
  '13': 14.75,
  '14': 15.32,
  '15': 15.84,
  '16': 16.36,
  '17': 16.88,
  '18': 17.43,
  '19': 17.98,
  '20': 18.59,
  '21': 19.25,
  '22': 19.98,
  '23': 20.73,
  '24': 21.54,
  '25': 22.35,
  '26': 23.21,
  '27': 24.11,
  '28': 25.03,
  '29': 26.02,
  '30': 27.03,
  '31': 28.13,
  '32': 29.31,
  '33': 30.7,
  '34': 32.55,
  '35': 35.0,
};

export const SWEMWBS: MeasureDefinition = {
  key: 'swemwbs',
  name: 'Short Warwick-Edinburgh Mental Wellbeing Scale (SWEMWBS)',
  shortName: 'SWEMWBS',
  origin: 'standard',
  version: 1,
  description:
    'Seven of the WEMWBS statements. The raw sum (7–35) is converted to the metric score, which is the one compared and analysed.',
  intro: WEMWBS_STEM,
  responses: WEMWBS_RESPONSES,
  items: [1, 2, 3, 6, 7, 9, 11].map(wemwbsItem),
  scoring: { rule: 'sum-table', table: SWEMWBS_METRIC, convertedLabel: 'Metric score' },
  direction: 'higher-better',
  bands: [],
  // 2.77 × SEM of 1.03 metric points (Shah et al. 2018).
  meaningfulChange: 2.87,
  licence: WARWICK_LICENCE,
  selfCompletion: true,
};

const CONCERN_RESPONSES: ResponseOption[] = [
  { value: 0, label: '0 – not bothering me at all' },
  { value: 1, label: '1' },
  { value: 2, label: '2' },
  { value: 3, label: '3' },
  { value: 4, label: '4' },
  { value: 5, label: '5' },
  { value: 6, label: '6 – bothering me greatly' },
];

/** After MYCaW: the person's own concerns, rated by them, so that change is measured on what matters to them. */
export const CONCERNS: MeasureDefinition = {
  key: 'concerns',
  name: 'My concerns and wellbeing (concerns-based)',
  shortName: 'Concerns',
  origin: 'standard',
  version: 1,
  description:
    'The person names up to two concerns they would most like help with and rates how much each bothers them (0–6), then rates their general wellbeing (0–6). Lower is better. The score is the average of the ratings.',
  intro: 'Think about what you would most like help with. There are no right or wrong answers.',
  responses: CONCERN_RESPONSES,
  items: [
    {
      key: 'concern_1',
      text: 'How much is this concern bothering you now?',
      namePrompt: 'What is the concern or problem you would most like help with?',
      type: 'named-rating',
      required: true,
    },
    {
      key: 'concern_2',
      text: 'How much is this second concern bothering you now?',
      namePrompt: 'Is there a second concern? (optional)',
      type: 'named-rating',
      required: false,
    },
    {
      key: 'wellbeing',
      text: 'How would you rate your general feeling of wellbeing now?',
      type: 'choice',
      options: [
        { value: 0, label: '0 – as good as it could be' },
        { value: 1, label: '1' },
        { value: 2, label: '2' },
        { value: 3, label: '3' },
        { value: 4, label: '4' },
        { value: 5, label: '5' },
        { value: 6, label: '6 – as bad as it could be' },
      ],
      required: true,
    },
  ],
  scoring: { rule: 'mean', decimals: 2 },
  direction: 'lower-better',
  bands: [],
  // No individual threshold is published with the measures Linkwell follows: a scheme may set one.
  meaningfulChange: null,
  licence: null,
  selfCompletion: true,
};

export const PAM: MeasureDefinition = {
  key: 'pam',
  name: 'Patient Activation Measure (PAM), entered score',
  shortName: 'PAM',
  origin: 'licensed',
  version: 1,
  description: 'The score (0–100) and level (1–4) from a licensed PAM assessment, entered as obtained. Linkwell does not compute them.',
  intro: null,
  responses: null,
  items: [
    { key: 'pam_score', text: 'PAM score (0–100)', type: 'number', min: 0, max: 100, decimals: 1, required: true },
    { key: 'pam_level', text: 'PAM level (1–4)', type: 'number', min: 1, max: 4, decimals: 0, required: true },
  ],
  scoring: { rule: 'entered', headline: 'pam_score' },
  direction: 'higher-better',
  bands: [],
  meaningfulChange: null,
  licence: {
    holder: 'Insignia Health',
    notice: 'PAM is licensed by Insignia Health. Its questions are not part of Linkwell: use your own licence and enter the score and level it gives.',
    itemsShipped: false,
  },
  selfCompletion: false,
};

const starArea = (n: number): MeasureItem => ({
  key: `area_${n}`,
  text: `Reading for area ${n} (1–10)`,
  namePrompt: `Area ${n} of the Star`,
  type: 'named-rating',
  options: Array.from({ length: 10 }, (_, i) => ({ value: i + 1, label: String(i + 1) })),
  required: n === 1,
});

export const OUTCOMES_STAR: MeasureDefinition = {
  key: 'outcomes-star',
  name: 'Outcomes Star, entered readings',
  shortName: 'Outcomes Star',
  origin: 'licensed',
  version: 1,
  description: 'Readings per area from a licensed Outcomes Star, entered as agreed with the person. Linkwell does not ship the Star.',
  intro: null,
  responses: null,
  items: Array.from({ length: 10 }, (_, i) => starArea(i + 1)),
  scoring: { rule: 'entered', headline: null },
  direction: 'higher-better',
  bands: [],
  meaningfulChange: null,
  licence: {
    holder: 'Triangle Consulting Social Enterprise',
    notice: 'The Outcomes Star is licensed by Triangle. Its scales are not part of Linkwell: use your own licence and enter each area and its reading.',
    itemsShipped: false,
  },
  selfCompletion: false,
};

export const BUILTIN_MEASURES: readonly MeasureDefinition[] = [ONS4, WEMWBS, SWEMWBS, CONCERNS, PAM, OUTCOMES_STAR];

export function builtinMeasure(key: string): MeasureDefinition | undefined {
  return BUILTIN_MEASURES.find((m) => m.key === key);
}
