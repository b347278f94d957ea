import type { Observation } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONCERNS, ONS4, PAM, SWEMWBS, WEMWBS } from '../../outcomes/measures/builtin.js';
import { validateR4 } from '../validate.js';
import { itemIdSuffixes, toObservations } from './observation.js';
import { completedResponse, CUSTOM_SCALE, PERSON_ID, REFERRAL_ID, RESPONSE_ID, SCHEME_ID } from './outcome-fixtures.js';

beforeAll(() => {
  validateR4({ resourceType: 'Basic', code: { text: 'warm-up' } });
}, 60_000);

/** Every Observation is valid R4, and its id a FHIR id (at most 64 of [A-Za-z0-9-.]); no two share one. */
function checked(observations: Observation[]): Observation[] {
  for (const o of observations) {
    expect(validateR4(o), o.id).toEqual({ valid: true, issues: [] });
    expect(o.id).toMatch(/^[A-Za-z0-9\-.]{1,64}$/);
  }
  expect(new Set(observations.map((o) => o.id)).size).toBe(observations.length);
  return observations;
}
const byId = (observations: Observation[], suffix: string) => observations.find((o) => o.id === `${RESPONSE_ID}-${suffix}`);
const values = (observations: Observation[]) => observations.map((o) => [o.id?.slice(37), o.code.coding?.[0]?.code, o.valueQuantity?.value, o.interpretation?.[0]?.text]);

const SWEMWBS_KEYS = ['wemwbs_1', 'wemwbs_2', 'wemwbs_3', 'wemwbs_6', 'wemwbs_7', 'wemwbs_9', 'wemwbs_11'];
const swemwbs = (each: number) => Object.fromEntries(SWEMWBS_KEYS.map((k) => [k, each]));

describe('toObservations', () => {
  it('SWEMWBS: the total Observation is the metric score (raw 21 → 19.25, measures.md), with the raw score beside it', () => {
    const observations = checked(toObservations(completedResponse(SWEMWBS, { values: swemwbs(3) }), SCHEME_ID));
    expect(observations).toHaveLength(8);
    const total = observations[0];
    expect(total).toEqual({
      resourceType: 'Observation',
      id: `${RESPONSE_ID}-total`,
      meta: { versionId: '1', lastUpdated: '2026-11-10T09:31:00.000Z' },
      basedOn: [{ reference: `ServiceRequest/${REFERRAL_ID}`, type: 'ServiceRequest' }],
      status: 'final',
      category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'survey', display: 'Survey' }] }],
      code: { coding: [{ system: 'https://linkwell.dev/fhir/CodeSystem/measure-score', code: 'swemwbs-metric', display: 'SWEMWBS metric score' }], text: 'SWEMWBS metric score' },
      subject: { reference: `Patient/${PERSON_ID}`, type: 'Patient' },
      effectiveDateTime: '2026-11-10T09:30:00.000Z',
      issued: '2026-11-10T09:31:00.000Z',
      derivedFrom: [{ reference: `QuestionnaireResponse/${RESPONSE_ID}`, type: 'QuestionnaireResponse' }],
      valueQuantity: { value: 19.25, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' },
      hasMember: SWEMWBS_KEYS.map((k) => ({ reference: `Observation/${RESPONSE_ID}-${k.replace('_', '-')}`, type: 'Observation' })),
      component: [
        {
          code: { coding: [{ system: 'https://linkwell.dev/fhir/CodeSystem/measure-score', code: 'swemwbs-raw', display: 'SWEMWBS raw score' }] },
          valueQuantity: { value: 21, unit: '{score}', system: 'http://unitsofmeasure.org', code: '{score}' },
        },
      ],
    });
    expect(byId(observations, 'wemwbs-9')).toMatchObject({
      code: { coding: [{ code: 'swemwbs.wemwbs_9', display: "SWEMWBS: I've been feeling close to other people" }] },
      valueQuantity: { value: 3 },
    });
    // raw 28 → 25.03 (measures.md)
    const higher = toObservations(completedResponse(SWEMWBS, { values: swemwbs(4) }), SCHEME_ID);
    expect(higher[0]?.valueQuantity?.value).toBe(25.03);
    expect(higher[0]?.component?.[0]?.valueQuantity?.value).toBe(28);
  });

  it('WEMWBS: the total is the sum of the fourteen items', () => {
    const answers = [4, 4, 3, 3, 2, 4, 4, 3, 5, 3, 4, 5, 3, 4]; // 51, added up by hand
    const observations = checked(toObservations(completedResponse(WEMWBS, { values: Object.fromEntries(answers.map((v, i) => [`wemwbs_${i + 1}`, v])) }), SCHEME_ID));
    expect(observations).toHaveLength(15);
    expect(values(observations)[0]).toEqual(['total', 'wemwbs-total', 51, undefined]);
    expect(observations[0]?.component).toBeUndefined();
    expect(values([byId(observations, 'wemwbs-14') ?? ({} as Observation)])).toEqual([['wemwbs-14', 'wemwbs.wemwbs_14', 4, undefined]]);
  });

  it('ONS4: no total; each item its own Observation with its ONS band', () => {
    const observations = checked(toObservations(completedResponse(ONS4, { values: { life_satisfaction: 6, worthwhile: 8, happiness: 3, anxiety: 7 } }), SCHEME_ID));
    // Bands from measures.md: 5–6 medium, 7–8 high, 0–4 low; anxiety 6–10 high.
    expect(values(observations)).toEqual([
      ['life-satisfaction', 'ons4.life_satisfaction', 6, 'Medium'],
      ['worthwhile', 'ons4.worthwhile', 8, 'High'],
      ['happiness', 'ons4.happiness', 3, 'Low'],
      ['anxiety', 'ons4.anxiety', 7, 'High'],
    ]);
    expect(observations.every((o) => o.hasMember === undefined)).toBe(true);
  });

  it('concerns: the mean of the ratings given, and each named concern in the person’s words', () => {
    const response = completedResponse(CONCERNS, { values: { concern_1: 5, wellbeing: 3 }, names: { concern_1: 'Money worries' } });
    const observations = checked(toObservations(response, SCHEME_ID));
    // (5 + 3) / 2 = 4: the unanswered second concern is not counted.
    expect(values(observations)).toEqual([
      ['total', 'concerns-mean', 4, undefined],
      ['concern-1', 'concerns.concern_1', 5, undefined],
      ['wellbeing', 'concerns.wellbeing', 3, undefined],
    ]);
    expect(byId(observations, 'concern-1')?.note).toEqual([{ text: 'Money worries' }]);
    expect(byId(observations, 'wellbeing')?.note).toBeUndefined();
  });

  it('PAM (entered): the entered score and level, and no separate total that would repeat the score', () => {
    const response = completedResponse(PAM, { values: { pam_score: 52.5, pam_level: 2 } }, { mode: 'external', referralId: null });
    const observations = checked(toObservations(response, SCHEME_ID));
    expect(values(observations)).toEqual([
      ['pam-score', 'pam.pam_score', 52.5, undefined],
      ['pam-level', 'pam.pam_level', 2, undefined],
    ]);
    expect(observations[0]?.basedOn).toBeUndefined();
    expect(observations[0]?.code.text).toBe('PAM: PAM score (0–100)');
  });

  it("a scheme's own scale: codes in the scheme's system; an item called total and a long key still get ids of their own", () => {
    const response = completedResponse(CUSTOM_SCALE, { values: { left_home: 3, total: 2, how_often_i_felt_welcome_when_out_there: 5 } });
    const observations = checked(toObservations(response, SCHEME_ID));
    expect(observations).toHaveLength(4);
    // 3 + 2 + 5 = 10: the band 6–11 is "Often out".
    expect(observations[0]).toMatchObject({
      id: `${RESPONSE_ID}-total`,
      code: { coding: [{ system: `https://linkwell.dev/fhir/scheme/${SCHEME_ID}/CodeSystem/measure-score`, code: 'getting_out-total', display: 'Getting out total score' }] },
      valueQuantity: { value: 10 },
      interpretation: [{ text: 'Often out' }],
    });
    expect(observations[1]?.id).toBe(`${RESPONSE_ID}-left-home`);
    const [, , itemTotal, long] = observations;
    expect(itemTotal?.code.coding?.[0]?.code).toBe('getting_out.total');
    expect(itemTotal?.id).toMatch(new RegExp(`^${RESPONSE_ID}-total\\.[0-9a-f]{8}$`));
    expect(long?.code.coding?.[0]?.code).toBe('getting_out.how_often_i_felt_welcome_when_out_there');
    expect(long?.id?.length).toBe(64);
  });
});

describe('itemIdSuffixes', () => {
  it('keeps plain keys, and makes keys that would read the same distinct', () => {
    const items = ['a_b', 'a-b', 'plain'].map((key) => ({ key, text: key, type: 'choice' as const, required: true }));
    const suffixes = itemIdSuffixes({ items });
    expect(suffixes.get('plain')).toBe('plain');
    expect(suffixes.get('a_b')).toMatch(/^a-b\.[0-9a-f]{8}$/);
    expect(suffixes.get('a-b')).toMatch(/^a-b\.[0-9a-f]{8}$/);
    expect(suffixes.get('a_b')).not.toBe(suffixes.get('a-b'));
  });
});
