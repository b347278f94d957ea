/**
 * The scores of a completed measure response as FHIR Observations (category survey): one for
 * the headline score (SWEMWBS metric, WEMWBS total, a mean) and one per item score, each derived
 * from the QuestionnaireResponse. Codes are in a Linkwell system: no LOINC or SNOMED code is
 * claimed for these measures.
 */
import { createHash } from 'node:crypto';
import type { Coding, Observation, ObservationComponent, Quantity } from '@medplum/fhirtypes';
import type { MeasureDefinition } from '../../contracts/outcomes.js';
import { SCORE_QUANTITY, SURVEY_CATEGORY } from './codes.js';
import { patientReference, referralBasis, responseMeta, type CompletedResponse } from './questionnaire-response.js';
import { measureNamespace } from './questionnaire.js';
import { isoInstant } from './references.js';
import { ownValue } from '../../outcomes/scoring.js';

/** The headline Observation's id is `<response id>-total`. */
export const TOTAL_SUFFIX = 'total';
/** FHIR ids are at most 64 characters; a response id (a UUID) and "-" leave 27 for the item. */
const MAX_SUFFIX = 64 - 36 - 1;

export const scoreSystem = (definition: Pick<MeasureDefinition, 'origin'>, schemeId: string): string =>
  `${measureNamespace(definition, schemeId)}/CodeSystem/measure-score`;

/**
 * Each item's part of its Observation id: the item key with "_" written as "-" (ids allow
 * [A-Za-z0-9-.] only). Where that would be too long, would read "total", or would be the same
 * as another item's, it is shortened and made unique with a hash of the key; those alone hold
 * ".", so they never meet a plain one.
 */
export function itemIdSuffixes(definition: Pick<MeasureDefinition, 'items'>): Map<string, string> {
  const plain = definition.items.map((item) => [item.key, item.key.replace(/_/g, '-')] as const);
  const uses = new Map<string, number>();
  for (const [, suffix] of plain) uses.set(suffix, (uses.get(suffix) ?? 0) + 1);
  const suffixes = new Map<string, string>();
  for (const [key, suffix] of plain) {
    const fits = suffix.length <= MAX_SUFFIX && suffix !== TOTAL_SUFFIX && uses.get(suffix) === 1;
    const hash = createHash('sha256').update(key).digest('hex').slice(0, 8);
    suffixes.set(key, fits ? suffix : `${suffix.slice(0, MAX_SUFFIX - 9)}.${hash}`);
  }
  return suffixes;
}

/** The code and wording of the headline score, or undefined when the measure has none of its own. */
export function headlineCode(definition: MeasureDefinition, schemeId: string): Coding | undefined {
  const system = scoreSystem(definition, schemeId);
  const name = definition.shortName;
  const scoring = definition.scoring;
  switch (scoring.rule) {
    case 'sum':
      return { system, code: `${definition.key}-total`, display: `${name} total score` };
    case 'sum-table':
      return { system, code: `${definition.key}-metric`, display: `${name} ${scoring.convertedLabel.toLowerCase()}` };
    case 'mean':
      return { system, code: `${definition.key}-mean`, display: `${name} average score` };
    // ONS4 reports each item on its own. An entered tool's headline is one of its entered
    // items, which has its own Observation already: a second would count it twice.
    case 'each':
    case 'entered':
      return undefined;
    default: {
      const unreachable: never = scoring;
      return unreachable;
    }
  }
}

/** An item score's code: "<measure>.<item>" (keys never hold ".", so it cannot meet a headline code). */
export function itemCode(definition: MeasureDefinition, itemKey: string, schemeId: string): Coding {
  const text = definition.items.find((i) => i.key === itemKey)?.text ?? itemKey;
  return { system: scoreSystem(definition, schemeId), code: `${definition.key}.${itemKey}`, display: `${definition.shortName}: ${text}` };
}

const quantity = (value: number): Quantity => ({ value, ...SCORE_QUANTITY });
const interpretation = (band: string | null | undefined): Pick<Observation, 'interpretation'> => (band ? { interpretation: [{ text: band }] } : {});

/** Every Observation of a completed response: the headline first (when there is one), then the items in order. */
export function toObservations(response: CompletedResponse, schemeId: string): Observation[] {
  const { definition, score } = response;
  const common = {
    resourceType: 'Observation' as const,
    meta: responseMeta(response),
    ...referralBasis(response),
    status: 'final' as const,
    category: [{ coding: [SURVEY_CATEGORY] }],
    subject: patientReference(response.personId),
    effectiveDateTime: isoInstant(response.completedAt),
    issued: isoInstant(response.updatedAt),
    derivedFrom: [{ reference: `QuestionnaireResponse/${response.id}`, type: 'QuestionnaireResponse' as const }],
  };
  const suffixes = itemIdSuffixes(definition);
  const items: Observation[] = [];
  for (const item of definition.items) {
    const value = ownValue(score.items, item.key);
    if (value === undefined) continue;
    const code = itemCode(definition, item.key, schemeId);
    const name = item.type === 'named-rating' ? ownValue(response.answers.names, item.key)?.trim() : undefined;
    items.push({
      ...common,
      id: `${response.id}-${suffixes.get(item.key) ?? item.key}`,
      code: { coding: [code], text: code.display ?? item.key },
      valueQuantity: quantity(value),
      ...interpretation(score.itemBands[item.key]),
      // What the person rated (their concern, an area of the Star), in their words.
      ...(name ? { note: [{ text: name }] } : {}),
    });
  }
  const code = headlineCode(definition, schemeId);
  if (!code || score.headline === null) return items;
  const raw: ObservationComponent[] =
    definition.scoring.rule === 'sum-table' && score.raw !== null
      ? [{ code: { coding: [{ system: code.system, code: `${definition.key}-raw`, display: `${definition.shortName} raw score` }] }, valueQuantity: quantity(score.raw) }]
      : [];
  const headline: Observation = {
    ...common,
    id: `${response.id}-${TOTAL_SUFFIX}`,
    code: { coding: [code], text: code.display ?? definition.shortName },
    valueQuantity: quantity(score.headline),
    ...interpretation(score.band),
    ...(items.length > 0 ? { hasMember: items.map((o) => ({ reference: `Observation/${o.id ?? ''}`, type: 'Observation' })) } : {}),
    ...(raw.length > 0 ? { component: raw } : {}),
  };
  return [headline, ...items];
}
