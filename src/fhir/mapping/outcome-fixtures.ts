/** Completed responses for the outcome mapper tests, and a scheme's own scale. */
import type { MeasureAnswers, MeasureDefinition } from '../../contracts/outcomes.js';
import { scoreResponse } from '../../outcomes/scoring.js';
import type { CompletedResponse } from './questionnaire-response.js';

export const SCHEME_ID = '00000000-0000-4000-8000-000000000001';
export const PERSON_ID = '11111111-1111-4111-8111-111111111111';
export const REFERRAL_ID = '33333333-3333-4333-8333-333333333333';
export const RESPONSE_ID = '44444444-4444-4444-8444-444444444444';

/** A scheme's own scale, with keys that are awkward as FHIR ids: "_", an item called "total", a long key. */
export const CUSTOM_SCALE: MeasureDefinition = {
  key: 'getting_out',
  name: 'Getting out and about',
  shortName: 'Getting out',
  origin: 'scheme',
  version: 3,
  description: 'How often the person gets out, and how it feels.',
  intro: null,
  responses: [
    { value: 1, label: 'Never' },
    { value: 2, label: 'Sometimes' },
    { value: 3, label: 'Often' },
  ],
  items: [
    { key: 'left_home', text: 'How often did you leave home last week?', type: 'choice', required: true },
    { key: 'total', text: 'How often did you meet people in total?', type: 'choice', required: true },
    {
      key: 'how_often_i_felt_welcome_when_out_there',
      text: 'How welcome did you feel?',
      type: 'choice',
      options: [
        { value: 0, label: 'Not at all' },
        { value: 5, label: 'Very' },
      ],
      required: true,
    },
  ],
  scoring: { rule: 'sum' },
  direction: 'higher-better',
  bands: [
    { label: 'Rarely out', min: 2, max: 5 },
    { label: 'Often out', min: 6, max: 11 },
  ],
  meaningfulChange: 2,
  licence: null,
  selfCompletion: true,
};

export function completedResponse(
  definition: MeasureDefinition,
  answers: { values: Record<string, number>; names?: Record<string, string> },
  overrides: Partial<CompletedResponse> = {},
): CompletedResponse {
  const given: MeasureAnswers = { values: answers.values, names: answers.names ?? {} };
  const result = scoreResponse(definition, given);
  if (!result.ok) throw new Error(`fixture answers do not score: ${JSON.stringify(result.problems)}`);
  return {
    id: RESPONSE_ID,
    personId: PERSON_ID,
    referralId: REFERRAL_ID,
    definition,
    mode: 'with-worker',
    answers: given,
    score: result.score,
    enteredByLabel: 'Sam Link',
    completedAt: new Date('2026-11-10T09:30:00Z'),
    updatedAt: new Date('2026-11-10T09:31:00Z'),
    version: 1,
    ...overrides,
  };
}
