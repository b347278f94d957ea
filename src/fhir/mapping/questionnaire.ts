/**
 * A wellbeing measure as a FHIR Questionnaire, and the names a measure is known by over FHIR:
 * the Questionnaire's id and canonical URL, and the code systems of its answers. The
 * QuestionnaireResponse and Observation mappers use the same names, so a response always points
 * at the questionnaire and answer codes it was answered with.
 *
 * No LOINC or SNOMED codes are claimed for these measures: every code is in a Linkwell system.
 */
import type { Coding, Extension, Questionnaire, QuestionnaireItem, QuestionnaireItemAnswerOption } from '@medplum/fhirtypes';
import type { MeasureDefinition, MeasureItem, ResponseOption, SchemeMeasure } from '../../contracts/outcomes.js';
import { optionsOf } from '../../outcomes/scoring.js';
import { LINKWELL_FHIR, MAX_DECIMAL_PLACES_URL, MAX_VALUE_URL, MIN_VALUE_URL, ORDINAL_VALUE_URL } from './codes.js';

/** linkId of the introduction shown before the items. Measure keys start with a letter, so none can clash. */
export const INTRO_LINK_ID = '_intro';

/**
 * Standard and licensed measures mean the same in every scheme. A scheme's own scale is that
 * scheme's alone (another scheme may use the same key for something else), so its canonical URL
 * and code systems carry the scheme.
 */
export function measureNamespace(definition: Pick<MeasureDefinition, 'origin'>, schemeId: string): string {
  return definition.origin === 'scheme' ? `${LINKWELL_FHIR}/scheme/${schemeId}` : LINKWELL_FHIR;
}

/**
 * FHIR ids allow [A-Za-z0-9-.] only. Measure keys may hold "_" but never ".", so writing "_" as
 * "." keeps the id one-to-one with the key (all the standard keys are ids as they are).
 */
export const questionnaireId = (key: string): string => key.replace(/_/g, '.');

/** The measure key a Questionnaire id stands for, or undefined when it cannot be one. */
export function measureKeyOf(id: string): string | undefined {
  // Written as an id: no "_" (that is not an id), "." where the key has "_".
  return /^[a-z][a-z0-9.-]{0,39}$/.test(id) ? id.replace(/\./g, '_') : undefined;
}

type Named = Pick<MeasureDefinition, 'key' | 'origin' | 'version'>;

export const questionnaireUrl = (definition: Named, schemeId: string): string =>
  `${measureNamespace(definition, schemeId)}/Questionnaire/${questionnaireId(definition.key)}`;

/** What a QuestionnaireResponse names: the URL and the version it was answered on. */
export const questionnaireCanonical = (definition: Named, schemeId: string): string => `${questionnaireUrl(definition, schemeId)}|${definition.version}`;

const sameOptions = (a: readonly ResponseOption[], b: readonly ResponseOption[] | null): boolean =>
  b !== null && a.length === b.length && a.every((o, i) => o.value === b[i]?.value && o.label === b[i]?.label);

/**
 * The code system of an item's answers: the measure's, or the item's own when its answers read
 * differently (ONS4's anxiety item labels 0 "not at all anxious"), since one code system cannot
 * give the same code two meanings. Keys never hold ".", so "<measure>.<item>" is unambiguous.
 */
export function answerSystem(definition: MeasureDefinition, item: MeasureItem, schemeId: string): string {
  const base = `${measureNamespace(definition, schemeId)}/CodeSystem/${definition.key}`;
  return item.options !== undefined && !sameOptions(item.options, definition.responses) ? `${base}.${item.key}-answers` : `${base}-answers`;
}

/** An answer as a Coding: code = the value scored, display = the wording, ordinalValue = the value as a number. */
export function answerCoding(definition: MeasureDefinition, item: MeasureItem, value: number, schemeId: string): Coding {
  const option = optionsOf(definition, item)?.find((o) => o.value === value);
  return {
    extension: [{ url: ORDINAL_VALUE_URL, valueDecimal: value }],
    system: answerSystem(definition, item, schemeId),
    version: String(definition.version),
    code: String(value),
    ...(option ? { display: option.label } : {}),
  };
}

/** The parts of a named-rating item: what the person names, and their rating of it. */
export const nameLinkId = (item: Pick<MeasureItem, 'key'>): string => `${item.key}.name`;
export const ratingLinkId = (item: Pick<MeasureItem, 'key'>): string => `${item.key}.rating`;
export const namePromptOf = (item: MeasureItem): string => item.namePrompt ?? 'What is this about?';

export const isWholeNumber = (item: MeasureItem): boolean => (item.decimals ?? 0) === 0;

/** A computable name (que-0: starts with a capital, letters and digits): "outcomes-star" → "OutcomesStar". */
export function computableName(key: string): string {
  return key
    .split(/[-_]/)
    .filter(Boolean)
    .map((part) => part.charAt(0).toUpperCase() + part.slice(1))
    .join('');
}

function answerOptions(definition: MeasureDefinition, item: MeasureItem, schemeId: string): { answerOption?: QuestionnaireItemAnswerOption[] } {
  const options = optionsOf(definition, item);
  return options ? { answerOption: options.map((o) => ({ valueCoding: answerCoding(definition, item, o.value, schemeId) })) } : {};
}

/** Bounds and precision of a number item, as the R4 core extensions say them. */
function numberExtensions(item: MeasureItem): Extension[] {
  const whole = isWholeNumber(item);
  // A whole-number item's bounds are whole numbers: the nearest inside the range.
  const bound = (url: string, value: number, round: (n: number) => number): Extension =>
    whole ? { url, valueInteger: round(value) } : { url, valueDecimal: value };
  return [
    ...(item.min !== undefined ? [bound(MIN_VALUE_URL, item.min, Math.ceil)] : []),
    ...(item.max !== undefined ? [bound(MAX_VALUE_URL, item.max, Math.floor)] : []),
    ...(whole ? [] : [{ url: MAX_DECIMAL_PLACES_URL, valueInteger: item.decimals ?? 0 }]),
  ];
}

function questionnaireItem(definition: MeasureDefinition, item: MeasureItem, schemeId: string): QuestionnaireItem {
  switch (item.type) {
    case 'choice':
      return { linkId: item.key, text: item.text, type: 'choice', required: item.required, ...answerOptions(definition, item, schemeId) };
    case 'number': {
      const extension = numberExtensions(item);
      return {
        ...(extension.length > 0 ? { extension } : {}),
        linkId: item.key,
        text: item.text,
        type: isWholeNumber(item) ? 'integer' : 'decimal',
        required: item.required,
      };
    }
    case 'named-rating':
      // Both parts are needed once the group is answered at all; the group itself may be optional.
      return {
        linkId: item.key,
        type: 'group',
        required: item.required,
        item: [
          { linkId: nameLinkId(item), text: namePromptOf(item), type: 'string', required: true },
          { linkId: ratingLinkId(item), text: item.text, type: 'choice', required: true, ...answerOptions(definition, item, schemeId) },
        ],
      };
    default: {
      const unreachable: never = item.type;
      return unreachable;
    }
  }
}

/**
 * The measure as the scheme offers it. A measure the scheme has switched off is retired: still
 * readable, because earlier responses point at it, but not to be used. A licensed tool has only
 * the fields its score is entered in (its wording is not Linkwell's to publish).
 */
export function toQuestionnaire(measure: SchemeMeasure, schemeId: string): Questionnaire {
  const { definition } = measure;
  return {
    resourceType: 'Questionnaire',
    id: questionnaireId(definition.key),
    meta: { versionId: String(definition.version) },
    url: questionnaireUrl(definition, schemeId),
    version: String(definition.version),
    name: computableName(definition.key),
    title: definition.name,
    status: measure.enabled ? 'active' : 'retired',
    subjectType: ['Patient'],
    description: definition.description,
    ...(definition.licence ? { copyright: definition.licence.notice } : {}),
    item: [
      ...(definition.intro ? [{ linkId: INTRO_LINK_ID, type: 'display' as const, text: definition.intro }] : []),
      ...definition.items.map((item) => questionnaireItem(definition, item, schemeId)),
    ],
  };
}
