import type { QuestionnaireResponse, QuestionnaireResponseItem } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import { CONCERNS, ONS4, PAM, SWEMWBS, WEMWBS } from '../../outcomes/measures/builtin.js';
import { validateR4 } from '../validate.js';
import { completedResponse, CUSTOM_SCALE, PERSON_ID, REFERRAL_ID, RESPONSE_ID, SCHEME_ID } from './outcome-fixtures.js';
import { toQuestionnaireResponse } from './questionnaire-response.js';

beforeAll(() => {
  validateR4({ resourceType: 'Basic', code: { text: 'warm-up' } });
}, 60_000);

const valid = (resource: QuestionnaireResponse) => expect(validateR4(resource)).toEqual({ valid: true, issues: [] });
const answerOf = (r: QuestionnaireResponse, linkId: string): QuestionnaireResponseItem | undefined => r.item?.find((i) => i.linkId === linkId);
const codingOf = (i: QuestionnaireResponseItem | undefined) => [i?.answer?.[0]?.valueCoding?.code, i?.answer?.[0]?.valueCoding?.display];

const SWEMWBS_KEYS = ['wemwbs_1', 'wemwbs_2', 'wemwbs_3', 'wemwbs_6', 'wemwbs_7', 'wemwbs_9', 'wemwbs_11'];
const allThrees = Object.fromEntries(SWEMWBS_KEYS.map((k) => [k, 3]));

describe('toQuestionnaireResponse', () => {
  it('SWEMWBS completed with the link worker: the questionnaire version, the person, the referral, who entered it and every answer', () => {
    const qr = toQuestionnaireResponse(completedResponse(SWEMWBS, { values: allThrees }), SCHEME_ID);
    valid(qr);
    expect(qr).toMatchObject({
      resourceType: 'QuestionnaireResponse',
      id: RESPONSE_ID,
      meta: {
        versionId: '1',
        lastUpdated: '2026-11-10T09:31:00.000Z',
        tag: [{ system: 'https://linkwell.dev/fhir/CodeSystem/measure-response-mode', code: 'with-worker', display: 'Completed with the link worker' }],
      },
      questionnaire: 'https://linkwell.dev/fhir/Questionnaire/swemwbs|1',
      status: 'completed',
      subject: { reference: `Patient/${PERSON_ID}` },
      source: { reference: `Patient/${PERSON_ID}` },
      author: { display: 'Sam Link' },
      authored: '2026-11-10T09:30:00.000Z',
      basedOn: [{ reference: `ServiceRequest/${REFERRAL_ID}` }],
    });
    expect(qr.item?.map((i) => i.linkId)).toEqual(SWEMWBS_KEYS);
    expect(answerOf(qr, 'wemwbs_6')).toEqual({
      linkId: 'wemwbs_6',
      text: "I've been dealing with problems well",
      answer: [
        {
          valueCoding: {
            extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: 3 }],
            system: 'https://linkwell.dev/fhir/CodeSystem/swemwbs-answers',
            version: '1',
            code: '3',
            display: 'Some of the time',
          },
        },
      ],
    });
  });

  it('completed by the person through a link: the person is author as well as source', () => {
    const qr = toQuestionnaireResponse(completedResponse(SWEMWBS, { values: allThrees }, { mode: 'self', enteredByLabel: 'Sam Link' }), SCHEME_ID);
    valid(qr);
    expect(qr.author).toEqual({ reference: `Patient/${PERSON_ID}`, type: 'Patient' });
    expect(qr.meta?.tag?.[0]?.code).toBe('self');
  });

  it('WEMWBS: all fourteen answers', () => {
    const values = Object.fromEntries([4, 4, 3, 3, 2, 4, 4, 3, 5, 3, 4, 5, 3, 4].map((v, i) => [`wemwbs_${i + 1}`, v]));
    const qr = toQuestionnaireResponse(completedResponse(WEMWBS, { values }, { mode: 'paper' }), SCHEME_ID);
    valid(qr);
    expect(qr.item).toHaveLength(14);
    expect(codingOf(answerOf(qr, 'wemwbs_5'))).toEqual(['2', 'Rarely']);
    expect(codingOf(answerOf(qr, 'wemwbs_9'))).toEqual(['5', 'All of the time']);
  });

  it('ONS4: each answer with the wording of its own 0–10 scale', () => {
    const values = { life_satisfaction: 6, worthwhile: 10, happiness: 3, anxiety: 0 };
    const qr = toQuestionnaireResponse(completedResponse(ONS4, { values }), SCHEME_ID);
    valid(qr);
    expect(codingOf(answerOf(qr, 'life_satisfaction'))).toEqual(['6', '6']);
    expect(codingOf(answerOf(qr, 'worthwhile'))).toEqual(['10', '10 – completely']);
    expect(codingOf(answerOf(qr, 'anxiety'))).toEqual(['0', '0 – not at all anxious']);
    expect(answerOf(qr, 'anxiety')?.answer?.[0]?.valueCoding?.system).toBe('https://linkwell.dev/fhir/CodeSystem/ons4.anxiety-answers');
  });

  it('concerns: a named rating is a group with the name in the person’s words and the rating; an optional one left out is absent', () => {
    const values = { concern_1: 5, wellbeing: 3 };
    const qr = toQuestionnaireResponse(completedResponse(CONCERNS, { values, names: { concern_1: 'Money worries' } }), SCHEME_ID);
    valid(qr);
    expect(qr.item?.map((i) => i.linkId)).toEqual(['concern_1', 'wellbeing']);
    const concern = answerOf(qr, 'concern_1');
    expect(concern?.answer).toBeUndefined();
    expect(concern?.item?.[0]).toEqual({ linkId: 'concern_1.name', text: 'What is the concern or problem you would most like help with?', answer: [{ valueString: 'Money worries' }] });
    expect(concern?.item?.[1]?.linkId).toBe('concern_1.rating');
    expect(codingOf(concern?.item?.[1])).toEqual(['5', '5']);
    expect(codingOf(answerOf(qr, 'wellbeing'))).toEqual(['3', '3']);
  });

  it('PAM (entered): the score as a decimal and the level as an integer, with no referral', () => {
    const qr = toQuestionnaireResponse(completedResponse(PAM, { values: { pam_score: 52.5, pam_level: 2 } }, { mode: 'external', referralId: null }), SCHEME_ID);
    valid(qr);
    expect(qr.item).toEqual([
      { linkId: 'pam_score', text: 'PAM score (0–100)', answer: [{ valueDecimal: 52.5 }] },
      { linkId: 'pam_level', text: 'PAM level (1–4)', answer: [{ valueInteger: 2 }] },
    ]);
    expect(qr.basedOn).toBeUndefined();
    expect(qr.meta?.tag?.[0]).toMatchObject({ code: 'external', display: 'Score obtained elsewhere and entered' });
  });

  it("a scheme's own scale: the version answered on, within the scheme's namespace", () => {
    const values = { left_home: 3, total: 2, how_often_i_felt_welcome_when_out_there: 5 };
    const qr = toQuestionnaireResponse(completedResponse({ ...CUSTOM_SCALE, version: 2 }, { values }, { enteredByLabel: null }), SCHEME_ID);
    valid(qr);
    expect(qr.questionnaire).toBe(`https://linkwell.dev/fhir/scheme/${SCHEME_ID}/Questionnaire/getting.out|2`);
    expect(qr.author).toBeUndefined();
    expect(answerOf(qr, 'how_often_i_felt_welcome_when_out_there')?.answer?.[0]?.valueCoding).toMatchObject({
      system: `https://linkwell.dev/fhir/scheme/${SCHEME_ID}/CodeSystem/getting_out.how_often_i_felt_welcome_when_out_there-answers`,
      version: '2',
      code: '5',
      display: 'Very',
    });
  });
});
