/**
 * A completed measure response as a FHIR QuestionnaireResponse. Only completed responses are
 * published: one still being filled in through a link is the person's draft, not a record.
 * The answers are read against the definition the response was answered on, not today's.
 */
import type { Patient, QuestionnaireResponse, QuestionnaireResponseItem, QuestionnaireResponseItemAnswer, Reference, ServiceRequest } from '@medplum/fhirtypes';
import {
  RESPONSE_MODE_LABELS,
  type MeasureAnswers,
  type MeasureDefinition,
  type MeasureItem,
  type MeasureScore,
  type ResponseMode,
} from '../../contracts/outcomes.js';
import { RESPONSE_MODE_SYSTEM } from './codes.js';
import { answerCoding, isWholeNumber, nameLinkId, namePromptOf, questionnaireCanonical, ratingLinkId } from './questionnaire.js';
import { isoInstant } from './references.js';
import { ownValue } from '../../outcomes/scoring.js';

/** A completed response as the FHIR mappers need it (read from measure_responses). */
export interface CompletedResponse {
  id: string;
  personId: string;
  referralId: string | null;
  /** The definition as answered. */
  definition: MeasureDefinition;
  mode: ResponseMode;
  answers: MeasureAnswers;
  score: MeasureScore;
  /** Who entered it (a staff member's display name), when not the person through a link. */
  enteredByLabel: string | null;
  completedAt: Date;
  updatedAt: Date;
  version: number;
}

export const patientReference = (personId: string): Reference<Patient> => ({ reference: `Patient/${personId}`, type: 'Patient' });

/** The referral the response was taken for, when there is one. */
export const referralBasis = (response: Pick<CompletedResponse, 'referralId'>): { basedOn?: Reference<ServiceRequest>[] } =>
  response.referralId ? { basedOn: [{ reference: `ServiceRequest/${response.referralId}`, type: 'ServiceRequest' }] } : {};

export function responseMeta(response: CompletedResponse): { versionId: string; lastUpdated: string } {
  return { versionId: String(response.version), lastUpdated: isoInstant(response.updatedAt) };
}

function numberAnswer(item: MeasureItem, value: number): QuestionnaireResponseItemAnswer {
  return isWholeNumber(item) && Number.isInteger(value) ? { valueInteger: value } : { valueDecimal: value };
}

function responseItem(definition: MeasureDefinition, item: MeasureItem, answers: MeasureAnswers, schemeId: string): QuestionnaireResponseItem | undefined {
  const value = ownValue(answers.values, item.key);
  if (value === undefined || value === null) return undefined;
  switch (item.type) {
    case 'choice':
      return { linkId: item.key, text: item.text, answer: [{ valueCoding: answerCoding(definition, item, value, schemeId) }] };
    case 'number':
      return { linkId: item.key, text: item.text, answer: [numberAnswer(item, value)] };
    case 'named-rating': {
      const name = ownValue(answers.names, item.key)?.trim() ?? '';
      return {
        linkId: item.key,
        item: [
          ...(name !== '' ? [{ linkId: nameLinkId(item), text: namePromptOf(item), answer: [{ valueString: name }] }] : []),
          { linkId: ratingLinkId(item), text: item.text, answer: [{ valueCoding: answerCoding(definition, item, value, schemeId) }] },
        ],
      };
    }
    default: {
      const unreachable: never = item.type;
      return unreachable;
    }
  }
}

/**
 * The person always answered the questions (source). Who recorded them (author) is the person
 * for a link, else the staff member who entered them: staff are not exposed as Practitioners,
 * so they are named only. How it was completed is kept as a meta tag.
 */
export function toQuestionnaireResponse(response: CompletedResponse, schemeId: string): QuestionnaireResponse {
  const { definition } = response;
  const patient = patientReference(response.personId);
  const items = definition.items.flatMap((item) => responseItem(definition, item, response.answers, schemeId) ?? []);
  const author = response.mode === 'self' ? patient : response.enteredByLabel ? { display: response.enteredByLabel } : undefined;
  return {
    resourceType: 'QuestionnaireResponse',
    id: response.id,
    meta: { ...responseMeta(response), tag: [{ system: RESPONSE_MODE_SYSTEM, code: response.mode, display: RESPONSE_MODE_LABELS[response.mode] }] },
    ...referralBasis(response),
    questionnaire: questionnaireCanonical(definition, schemeId),
    status: 'completed',
    subject: patient,
    authored: isoInstant(response.completedAt),
    ...(author ? { author } : {}),
    source: patient,
    ...(items.length > 0 ? { item: items } : {}),
  };
}
