import { describe, expect, it } from 'vitest';
import type { MeasureDefinition } from '../../../../../src/contracts/outcomes.js';
import {
  anchorWords,
  answeredCount,
  answerProblems,
  emptyAnswers,
  fieldOrder,
  isNumberScale,
  parseNumber,
  scaleAnchors,
  serverProblems,
  toFormErrors,
  withName,
  withValue,
} from './answers.js';

// A small definition written out here, so the tests do not lean on the shipped measures.
const definition: MeasureDefinition = {
  key: 'mixed',
  name: 'Mixed test scale',
  shortName: 'Mixed',
  origin: 'scheme',
  version: 1,
  description: 'For tests',
  intro: null,
  responses: [
    { value: 1, label: 'Never' },
    { value: 2, label: 'Sometimes' },
    { value: 3, label: 'Always' },
  ],
  items: [
    { key: 'mood', text: 'I feel calm', type: 'choice', required: true },
    {
      key: 'concern',
      text: 'How much does it bother you?',
      type: 'named-rating',
      namePrompt: 'What is your concern?',
      options: [
        { value: 0, label: '0 – not at all' },
        { value: 1, label: '1' },
        { value: 2, label: '2' },
        { value: 3, label: '3' },
        { value: 4, label: '4 – greatly' },
      ],
      required: false,
    },
    { key: 'score', text: 'Score', type: 'number', min: 0, max: 100, decimals: 1, required: true },
  ],
  scoring: { rule: 'sum' },
  direction: 'higher-better',
  bands: [],
  meaningfulChange: null,
  licence: null,
  selfCompletion: true,
};

describe('answers', () => {
  it('sets and clears values and names without changing the original', () => {
    const start = emptyAnswers();
    const one = withValue(start, 'mood', 2);
    expect(one).toEqual({ values: { mood: 2 }, names: {} });
    expect(start).toEqual({ values: {}, names: {} });
    expect(withValue(one, 'mood', null)).toEqual({ values: {}, names: {} });
    const named = withName(one, 'concern', 'Money');
    expect(named.names).toEqual({ concern: 'Money' });
    expect(withName(named, 'concern', '').names).toEqual({});
  });

  it('recognises number scales and their end words', () => {
    const zeroToTen = Array.from({ length: 11 }, (_, v) => ({ value: v, label: v === 0 ? '0 – not at all' : v === 10 ? '10 – completely' : String(v) }));
    expect(isNumberScale(zeroToTen)).toBe(true);
    expect(scaleAnchors(zeroToTen)).toBe('0 – not at all, 10 – completely');
    expect(anchorWords({ value: 0, label: '0 – not at all' })).toBe('not at all');
    expect(anchorWords({ value: 5, label: '5' })).toBeNull();
    expect(isNumberScale(definition.responses ?? [])).toBe(false);
  });

  it('reads typed numbers, and nothing from text that is not one', () => {
    expect(parseNumber(' 42 ')).toBe(42);
    expect(parseNumber('4.5')).toBe(4.5);
    expect(parseNumber('-3')).toBe(-3);
    expect(parseNumber('4.')).toBeNull();
    expect(parseNumber('')).toBeNull();
    expect(parseNumber('1e3')).toBeNull();
    expect(parseNumber('twelve')).toBeNull();
  });

  it('asks for every required answer, numbering the questions', () => {
    expect(answerProblems(definition, emptyAnswers())).toEqual({
      mood: 'Select an answer to question 1',
      score: 'Enter a number for question 3',
    });
  });

  it('lets gaps pass when saving for later, but not wrong answers', () => {
    expect(answerProblems(definition, emptyAnswers(), { partial: true })).toEqual({});
    const wrong = { values: { mood: 7, score: 50.25 }, names: {} };
    expect(answerProblems(definition, wrong, { partial: true })).toEqual({
      mood: 'Select one of the answers to question 1',
      score: 'The answer to question 3 must have no more than 1 decimal place',
    });
  });

  it('checks number ranges', () => {
    expect(answerProblems(definition, { values: { mood: 1, score: -1 }, names: {} })).toEqual({ score: 'The answer to question 3 must be 0 or more' });
    expect(answerProblems(definition, { values: { mood: 1, score: 101 }, names: {} })).toEqual({ score: 'The answer to question 3 must be 100 or less' });
    expect(answerProblems(definition, { values: { mood: 1, score: 99.5 }, names: {} })).toEqual({});
  });

  it('needs both the name and the rating of a named rating once either is given', () => {
    expect(answerProblems(definition, { values: { mood: 1, score: 5 }, names: { concern: 'Money' } })).toEqual({
      concern: 'Select a rating for question 2, or leave what it is about empty',
    });
    expect(answerProblems(definition, { values: { mood: 1, score: 5, concern: 3 }, names: {} })).toEqual({ concern: 'Say what question 2 is about' });
    expect(answerProblems(definition, { values: { mood: 1, score: 5, concern: 3 }, names: { concern: 'Money' } })).toEqual({});
  });

  it('keys errors by control id for the summary, in page order', () => {
    expect(fieldOrder(definition, 'q')).toEqual(['q-mood', 'q-concern', 'q-score']);
    expect(toFormErrors({ mood: 'Select an answer to question 1' }, 'q')).toEqual({ detail: null, fields: { 'q-mood': 'Select an answer to question 1' } });
  });

  it('puts server problems next to the items they name', () => {
    const result = serverProblems(definition, [
      { field: 'body.answers.values.mood', message: 'Choose one of the answers given' },
      { field: 'score', message: 'Enter a whole number' },
      { field: 'body.token', message: 'Too short' },
    ]);
    expect(result).toEqual({ items: { mood: 'Choose one of the answers given', score: 'Enter a whole number' }, other: ['Too short'] });
  });

  it('counts answered questions', () => {
    expect(answeredCount(definition, { values: { mood: 2, score: 3 }, names: { concern: 'x' } })).toBe(2);
  });
});
