import { accessFeaturesOf, isFree, languageCode, wordsOf, type AccessFeature, type CostFacts } from './features.js';
import { openHoursOf, type ScheduleTimes } from './hours.js';

/**
 * Everything search needs to know about one service, read from its stored parts, and what is
 * derived from it for the search columns. Pure: the loader in columns.ts gathers the input.
 */
export interface SearchSource extends CostFacts {
  name: string;
  alternateName: string | null;
  description: string | null;
  eligibilityDescription: string | null;
  organizationName: string;
  /** names of the taxonomy terms attached to the service */
  termNames: readonly string[];
  /** the attached terms and all their ancestors */
  termIds: readonly string[];
  /** the service's schedules and those of its service-at-locations */
  schedules: readonly ScheduleTimes[];
  /** the service's languages and those of its locations */
  languages: readonly { code: string | null; name: string | null }[];
  /** description and details of its locations' accessibility rows */
  accessibilityTexts: readonly (string | null)[];
  /** physical locations in service-at-location id order */
  points: readonly { latitude: number | null; longitude: number | null; locationType: string }[];
}

export interface SearchFields {
  /** weighted parts of the text document: A = name, B = organisation and terms, C = the rest */
  textA: string;
  textB: string;
  textC: string;
  termIds: string[];
  languageCodes: string[];
  accessibilityFeatures: AccessFeature[];
  free: boolean;
  openHours: number[];
  latitude: number | null;
  longitude: number | null;
  words: string[];
}

const joined = (parts: readonly (string | null | undefined)[]): string => parts.filter((p): p is string => !!p && p.trim() !== '').join(' ');

export function deriveSearchFields(source: SearchSource): SearchFields {
  const languageCodes = new Set<string>();
  for (const language of source.languages) {
    const code = languageCode(language);
    if (code !== null) languageCodes.add(code);
  }
  const point = source.points.find((p) => p.locationType === 'physical' && p.latitude !== null && p.longitude !== null);
  const words = new Set<string>();
  for (const text of [source.name, source.description, source.organizationName, ...source.termNames]) {
    for (const word of wordsOf(text)) words.add(word);
  }
  return {
    textA: source.name,
    textB: joined([source.organizationName, ...source.termNames]),
    textC: joined([source.description, source.eligibilityDescription, source.alternateName]),
    termIds: [...new Set(source.termIds)].sort(),
    languageCodes: [...languageCodes].sort(),
    accessibilityFeatures: accessFeaturesOf(source.accessibilityTexts),
    free: isFree(source),
    openHours: openHoursOf(source.schedules),
    latitude: point?.latitude ?? null,
    longitude: point?.longitude ?? null,
    words: [...words].sort(),
  };
}
