import type { Questionnaire, QuestionnaireItem } from '@medplum/fhirtypes';
import { beforeAll, describe, expect, it } from 'vitest';
import type { MeasureDefinition } from '../../contracts/outcomes.js';
import { BUILTIN_MEASURES, CONCERNS, ONS4, PAM, SWEMWBS, WEMWBS } from '../../outcomes/measures/builtin.js';
import { validateR4 } from '../validate.js';
import { CUSTOM_SCALE, SCHEME_ID } from './outcome-fixtures.js';
import { answerSystem, computableName, measureKeyOf, questionnaireCanonical, questionnaireId, toQuestionnaire } from './questionnaire.js';

beforeAll(() => {
  validateR4({ resourceType: 'Basic', code: { text: 'warm-up' } });
}, 60_000);

const questionnaire = (definition: MeasureDefinition, enabled = true): Questionnaire =>
  toQuestionnaire({ definition, enabled, meaningfulChange: definition.meaningfulChange }, SCHEME_ID);
const item = (q: Questionnaire, linkId: string): QuestionnaireItem | undefined => q.item?.find((i) => i.linkId === linkId);
const codes = (i: QuestionnaireItem | undefined) => i?.answerOption?.map((o) => [o.valueCoding?.code, o.valueCoding?.display]);

describe('toQuestionnaire', () => {
  it.each([...BUILTIN_MEASURES, CUSTOM_SCALE].map((m) => [m.key, m] as const))('%s is valid R4 with both validators', (_key, definition) => {
    expect(validateR4(questionnaire(definition))).toEqual({ valid: true, issues: [] });
    expect(validateR4(questionnaire(definition, false))).toEqual({ valid: true, issues: [] });
  });

  it('SWEMWBS: the seven WEMWBS statements, each answered None of the time (1) to All of the time (5)', () => {
    const q = questionnaire(SWEMWBS);
    expect(q).toMatchObject({
      id: 'swemwbs',
      url: 'https://linkwell.dev/fhir/Questionnaire/swemwbs',
      version: '1',
      name: 'Swemwbs',
      status: 'active',
      subjectType: ['Patient'],
    });
    expect(q.copyright).toContain('© NHS Health Scotland, University of Warwick and University of Edinburgh');
    // The stem from measures.md, shown first.
    expect(q.item?.[0]).toEqual({
      linkId: '_intro',
      type: 'display',
      text: 'Below are some statements about feelings and thoughts. Please tick the box that best describes your experience of each over the last 2 weeks.',
    });
    expect(q.item?.slice(1).map((i) => i.linkId)).toEqual(['wemwbs_1', 'wemwbs_2', 'wemwbs_3', 'wemwbs_6', 'wemwbs_7', 'wemwbs_9', 'wemwbs_11']);
    const first = item(q, 'wemwbs_1');
    expect(first).toMatchObject({ text: "I've been feeling optimistic about the future", type: 'choice', required: true });
    expect(codes(first)).toEqual([
      ['1', 'None of the time'],
      ['2', 'Rarely'],
      ['3', 'Some of the time'],
      ['4', 'Often'],
      ['5', 'All of the time'],
    ]);
    expect(first?.answerOption?.[2]?.valueCoding).toEqual({
      extension: [{ url: 'http://hl7.org/fhir/StructureDefinition/ordinalValue', valueDecimal: 3 }],
      system: 'https://linkwell.dev/fhir/CodeSystem/swemwbs-answers',
      version: '1',
      code: '3',
      display: 'Some of the time',
    });
  });

  it('WEMWBS: fourteen items in the order of the scale', () => {
    const q = questionnaire(WEMWBS);
    expect(q.item?.filter((i) => i.type === 'choice').map((i) => i.linkId)).toEqual(Array.from({ length: 14 }, (_, i) => `wemwbs_${i + 1}`));
    expect(item(q, 'wemwbs_14')?.text).toBe("I've been feeling cheerful");
  });

  it('ONS4: 0–10 answers; the anxiety item has answers worded its own way, so a code system of its own', () => {
    const q = questionnaire(ONS4);
    expect(q.copyright).toBe('ONS personal well-being questions, Crown copyright, used under the Open Government Licence v3.0.');
    const anxiety = item(q, 'anxiety');
    expect(codes(anxiety)?.[0]).toEqual(['0', '0 – not at all anxious']);
    expect(codes(anxiety)?.[10]).toEqual(['10', '10 – completely anxious']);
    expect(codes(anxiety)).toHaveLength(11);
    expect(anxiety?.answerOption?.[0]?.valueCoding?.system).toBe('https://linkwell.dev/fhir/CodeSystem/ons4.anxiety-answers');
    expect(item(q, 'happiness')?.answerOption?.[0]?.valueCoding?.system).toBe('https://linkwell.dev/fhir/CodeSystem/ons4.happiness-answers');
  });

  it('concerns: a named rating is a group of the name (string) and the rating (choice)', () => {
    const q = questionnaire(CONCERNS);
    const second = item(q, 'concern_2');
    expect(second).toMatchObject({ type: 'group', required: false });
    expect(second?.item?.map((i) => [i.linkId, i.type, i.required, i.text])).toEqual([
      ['concern_2.name', 'string', true, 'Is there a second concern? (optional)'],
      ['concern_2.rating', 'choice', true, 'How much is this second concern bothering you now?'],
    ]);
    expect(codes(second?.item?.[1])?.[6]).toEqual(['6', '6 – bothering me greatly']);
    expect(second?.item?.[1]?.answerOption?.[0]?.valueCoding?.system).toBe('https://linkwell.dev/fhir/CodeSystem/concerns-answers');
    // Wellbeing's own wording for 0–6 is in its own system.
    expect(item(q, 'wellbeing')?.answerOption?.[0]?.valueCoding).toMatchObject({ system: 'https://linkwell.dev/fhir/CodeSystem/concerns.wellbeing-answers', display: '0 – as good as it could be' });
    expect(q.copyright).toBeUndefined();
  });

  it('PAM (licensed): only the fields its score is entered in, with their bounds, and the licence notice', () => {
    const q = questionnaire(PAM, false);
    expect(q.status).toBe('retired');
    expect(q.copyright).toBe(PAM.licence?.notice);
    expect(q.item).toEqual([
      {
        extension: [
          { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueDecimal: 0 },
          { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueDecimal: 100 },
          { url: 'http://hl7.org/fhir/StructureDefinition/maxDecimalPlaces', valueInteger: 1 },
        ],
        linkId: 'pam_score',
        text: 'PAM score (0–100)',
        type: 'decimal',
        required: true,
      },
      {
        extension: [
          { url: 'http://hl7.org/fhir/StructureDefinition/minValue', valueInteger: 1 },
          { url: 'http://hl7.org/fhir/StructureDefinition/maxValue', valueInteger: 4 },
        ],
        linkId: 'pam_level',
        text: 'PAM level (1–4)',
        type: 'integer',
        required: true,
      },
    ]);
  });

  it("a scheme's own scale is named within the scheme, at its version, with an id made of its key", () => {
    const q = questionnaire(CUSTOM_SCALE);
    expect(q).toMatchObject({
      id: 'getting.out',
      url: `https://linkwell.dev/fhir/scheme/${SCHEME_ID}/Questionnaire/getting.out`,
      version: '3',
      meta: { versionId: '3' },
      name: 'GettingOut',
      title: 'Getting out and about',
    });
    expect(q.item?.map((i) => i.linkId)).toEqual(['left_home', 'total', 'how_often_i_felt_welcome_when_out_there']);
    expect(item(q, 'left_home')?.answerOption?.[0]?.valueCoding?.system).toBe(`https://linkwell.dev/fhir/scheme/${SCHEME_ID}/CodeSystem/getting_out-answers`);
    expect(questionnaireCanonical(CUSTOM_SCALE, SCHEME_ID)).toBe(`https://linkwell.dev/fhir/scheme/${SCHEME_ID}/Questionnaire/getting.out|3`);
  });
});

describe('names', () => {
  it('Questionnaire ids and measure keys map one to one', () => {
    expect(questionnaireId('outcomes-star')).toBe('outcomes-star');
    expect(questionnaireId('my_scale_2')).toBe('my.scale.2');
    expect(measureKeyOf('my.scale.2')).toBe('my_scale_2');
    expect(measureKeyOf('swemwbs')).toBe('swemwbs');
    for (const bad of ['', 'Swemwbs', '1abc', '.abc', 'a'.repeat(41), 'x/y', 'my_scale_2']) expect(measureKeyOf(bad), bad).toBeUndefined();
  });

  it('computable names start with a capital and hold letters and digits only', () => {
    expect(computableName('outcomes-star')).toBe('OutcomesStar');
    expect(computableName('ons4')).toBe('Ons4');
    expect(computableName('my_own-scale')).toBe('MyOwnScale');
  });

  it('items share the measure code system unless their answers read differently', () => {
    const [left, , welcome] = CUSTOM_SCALE.items;
    if (!left || !welcome) throw new Error('fixture');
    const base = `https://linkwell.dev/fhir/scheme/${SCHEME_ID}/CodeSystem/getting_out`;
    expect(answerSystem(CUSTOM_SCALE, left, SCHEME_ID)).toBe(`${base}-answers`);
    expect(answerSystem(CUSTOM_SCALE, welcome, SCHEME_ID)).toBe(`${base}.how_often_i_felt_welcome_when_out_there-answers`);
    // Options written out on the item but the same as the measure's are the measure's.
    expect(answerSystem(CUSTOM_SCALE, { ...left, options: CUSTOM_SCALE.responses ?? [] }, SCHEME_ID)).toBe(`${base}-answers`);
  });
});
