/**
 * Reading a listing's free text into the codes search filters on: is it free, what access
 * features do its sites have, which languages does it work in. Sources write these in words
 * ("Step free access via the side door", "Polish"), so small keyword tables do the reading.
 * Pure.
 */

// Free ------------------------------------------------------------------------------------------

const SAYS_FREE = /(?:\b(?:free|no charge|no cost|without charge)\b|£\s?0(?:\.00)?(?![\d.]))/i;
// "not free", "free trial", "free first session" and "gluten free" do not make taking part free.
const SAYS_NOT_FREE = /\b(not free|isn['’]t free|free (trial|taster|first|initial)|first (session|visit|class) (is )?free|(gluten|sugar|dairy|alcohol|smoke|nut)[- ]free)\b/i;

/** Does this text say that taking part costs nothing? */
export function textSaysFree(text: string | null | undefined): boolean {
  if (!text) return false;
  return SAYS_FREE.test(text) && !SAYS_NOT_FREE.test(text);
}

export interface CostFacts {
  fees: string | null;
  fees_description: string | null;
  costOptions: readonly { option: string | null; amount: string | number | null; amount_description: string | null }[];
}

/**
 * A service is free when any way of taking part is: a cost option of 0 or described as free.
 * With no cost options, the fees text decides.
 */
export function isFree(facts: CostFacts): boolean {
  if (facts.costOptions.length > 0) {
    return facts.costOptions.some(
      (c) =>
        (c.amount !== null && c.amount !== '' && Number(c.amount) === 0) || textSaysFree(c.option) || textSaysFree(c.amount_description),
    );
  }
  return textSaysFree(facts.fees_description) || textSaysFree(facts.fees);
}

// Accessibility ------------------------------------------------------------------------------------

export const ACCESS_FEATURES = ['step_free', 'wheelchair', 'accessible_toilet', 'hearing_loop', 'parking', 'bsl', 'large_print'] as const;
export type AccessFeature = (typeof ACCESS_FEATURES)[number];

export const ACCESS_LABELS: Record<AccessFeature, string> = {
  step_free: 'step-free access',
  wheelchair: 'wheelchair accessible',
  accessible_toilet: 'accessible toilet',
  hearing_loop: 'hearing loop',
  parking: 'parking',
  bsl: 'British Sign Language',
  large_print: 'large print',
};

const ACCESS_KEYWORDS: readonly [AccessFeature, RegExp][] = [
  ['step_free', /\b(step[- ]?free|level access|level entrance|no steps|ramp(ed)?|lifts?\b|ground floor)/i],
  ['wheelchair', /\bwheel ?chair/i],
  ['accessible_toilet', /\b((accessible|disabled|adapted) (toilet|wc|loo|bathroom)s?|changing places|radar key)/i],
  ['hearing_loop', /\b((hearing|induction|audio) loops?|loop system)/i],
  ['parking', /\b(parking|car park|blue badge)/i],
  ['bsl', /\b(bsl|british sign language|sign language)\b/i],
  ['large_print', /\b(large print|easy read|braille)\b/i],
];

// Texts that deny a feature ("no lift", "not wheelchair accessible") are left out rather than misread.
const DENIES = /\b(no|not|without|isn['’]t|unfortunately)\b[^.;,]{0,30}$/i;

/** The feature codes a piece of accessibility text names, in ACCESS_FEATURES order. */
export function accessFeaturesOf(texts: readonly (string | null | undefined)[]): AccessFeature[] {
  const found = new Set<AccessFeature>();
  for (const text of texts) {
    if (!text) continue;
    for (const [feature, pattern] of ACCESS_KEYWORDS) {
      const match = pattern.exec(text);
      if (!match) continue;
      const before = text.slice(0, match.index);
      if (DENIES.test(before)) continue;
      found.add(feature);
    }
  }
  return ACCESS_FEATURES.filter((f) => found.has(f));
}

export function isAccessFeature(code: string): code is AccessFeature {
  return (ACCESS_FEATURES as readonly string[]).includes(code);
}

// Languages ---------------------------------------------------------------------------------------

/**
 * Languages most asked for in England and Wales (census 2021 main languages, plus BSL), by name
 * → ISO 639 code (639-1 where there is one). English is not assumed: a service that lists no
 * language is taken to work in English by the search filter, not by its stored codes.
 */
export const LANGUAGES: readonly { code: string; name: string; aliases?: readonly string[] }[] = [
  { code: 'en', name: 'English' },
  { code: 'cy', name: 'Welsh', aliases: ['cymraeg'] },
  { code: 'pl', name: 'Polish', aliases: ['polski'] },
  { code: 'ro', name: 'Romanian' },
  { code: 'pa', name: 'Punjabi', aliases: ['panjabi'] },
  { code: 'ur', name: 'Urdu' },
  { code: 'pt', name: 'Portuguese' },
  { code: 'es', name: 'Spanish' },
  { code: 'ar', name: 'Arabic' },
  { code: 'bn', name: 'Bengali', aliases: ['bangla', 'sylheti'] },
  { code: 'gu', name: 'Gujarati' },
  { code: 'it', name: 'Italian' },
  { code: 'lt', name: 'Lithuanian' },
  { code: 'zh', name: 'Chinese', aliases: ['mandarin', 'cantonese'] },
  { code: 'fr', name: 'French' },
  { code: 'tr', name: 'Turkish' },
  { code: 'ta', name: 'Tamil' },
  { code: 'fa', name: 'Persian', aliases: ['farsi', 'dari'] },
  { code: 'so', name: 'Somali' },
  { code: 'ku', name: 'Kurdish', aliases: ['sorani', 'kurmanji'] },
  { code: 'ps', name: 'Pashto' },
  { code: 'ti', name: 'Tigrinya' },
  { code: 'am', name: 'Amharic' },
  { code: 'uk', name: 'Ukrainian' },
  { code: 'ru', name: 'Russian' },
  { code: 'bg', name: 'Bulgarian' },
  { code: 'lv', name: 'Latvian' },
  { code: 'sk', name: 'Slovak' },
  { code: 'cs', name: 'Czech' },
  { code: 'hu', name: 'Hungarian' },
  { code: 'el', name: 'Greek' },
  { code: 'sq', name: 'Albanian' },
  { code: 'de', name: 'German' },
  { code: 'hi', name: 'Hindi' },
  { code: 'ml', name: 'Malayalam' },
  { code: 'ne', name: 'Nepali' },
  { code: 'sw', name: 'Swahili' },
  { code: 'bfi', name: 'British Sign Language', aliases: ['bsl'] },
];

const BY_NAME = new Map<string, string>(
  LANGUAGES.flatMap((l) => [[l.name.toLowerCase(), l.code] as const, ...(l.aliases ?? []).map((a) => [a, l.code] as const)]),
);
const NAMES = new Map<string, string>(LANGUAGES.map((l) => [l.code, l.name]));

function primarySubtag(code: string): string | null {
  const primary = code.trim().toLowerCase().split(/[-_]/)[0] ?? '';
  return /^[a-z]{2,3}$/.test(primary) ? primary : null;
}

/**
 * A language as a lower-case ISO 639 code. From a row, its code wins ("PL", "en-GB", "bfi");
 * from a single string (a person's recorded language), a code we know or a name ("Polish").
 * Unknown → null.
 */
export function languageCode(value: { code?: string | null; name?: string | null } | string | null): string | null {
  if (value === null) return null;
  if (typeof value === 'string') {
    const lower = value.trim().toLowerCase();
    const code = primarySubtag(lower);
    if (code !== null && NAMES.has(code)) return code;
    return BY_NAME.get(lower) ?? null;
  }
  const code = value.code ? primarySubtag(value.code) : null;
  if (code !== null) return code;
  return value.name ? languageCode(value.name) : null;
}

export function languageName(code: string): string {
  return NAMES.get(code) ?? code;
}

// Words -------------------------------------------------------------------------------------------

// Words too common to be worth correcting a typo towards.
const STOP_WORDS = new Set(
  'the and for with you your are our from this that who all can any has have but not its was were will into about them they their there been also which what when where how per'.split(' '),
);

/** Lower-case words of three letters or more (not stop words), for the typo-correction word list. */
export function wordsOf(text: string | null | undefined): string[] {
  if (!text) return [];
  const words = new Set<string>();
  for (const word of text.toLowerCase().normalize('NFC').split(/[^\p{L}\p{N}]+/u)) {
    if (word.length >= 3 && word.length <= 30 && /\p{L}/u.test(word) && !STOP_WORDS.has(word)) words.add(word);
  }
  return [...words];
}
