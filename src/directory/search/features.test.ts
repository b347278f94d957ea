import { describe, expect, it } from 'vitest';
import { accessFeaturesOf, isFree, languageCode, languageName, textSaysFree, wordsOf } from './features.js';

describe('textSaysFree', () => {
  it.each(['Free', 'free to attend', 'This group is FREE.', 'No charge', 'no cost to you', '£0', '£0.00', 'Free of charge', 'Free for everyone over 50'])('%s → free', (text) =>
    expect(textSaysFree(text)).toBe(true));
  it.each([null, '', '£3 a session', '£0.50 for tea', '£05', 'Not free', 'Free trial, then £5 a month', 'first session free, then £4', 'Gluten-free cakes £2', 'Freedom Pass accepted', 'carefree'])(
    '%s → not free',
    (text) => expect(textSaysFree(text)).toBe(false),
  );
});

describe('isFree', () => {
  const none = { fees: null, fees_description: null, costOptions: [] };
  it('a cost option of 0 is free', () => expect(isFree({ ...none, costOptions: [{ option: 'Entry', amount: '0', amount_description: null }] })).toBe(true));
  it('a numeric 0 is free', () => expect(isFree({ ...none, costOptions: [{ option: null, amount: 0, amount_description: null }] })).toBe(true));
  it('any free option makes the service free', () =>
    expect(
      isFree({
        ...none,
        costOptions: [
          { option: 'Adults', amount: '4.50', amount_description: null },
          { option: 'Concessions', amount: null, amount_description: 'Free for carers' },
        ],
      }),
    ).toBe(true));
  it('an option described as free is free', () => expect(isFree({ ...none, costOptions: [{ option: 'Free place', amount: null, amount_description: null }] })).toBe(true));
  it('options that all cost money are not free, whatever the fees text says', () =>
    expect(isFree({ fees: 'free', fees_description: 'Free', costOptions: [{ option: 'Session', amount: '3', amount_description: null }] })).toBe(false));
  it('an option with no amount and no words is not free', () => expect(isFree({ ...none, costOptions: [{ option: null, amount: null, amount_description: null }] })).toBe(false));
  it('an empty amount is not 0', () => expect(isFree({ ...none, costOptions: [{ option: null, amount: '', amount_description: null }] })).toBe(false));
  it('with no options, the fees description decides', () => expect(isFree({ ...none, fees_description: 'Free, just turn up' })).toBe(true));
  it('with no options, the older fees field decides too', () => expect(isFree({ ...none, fees: 'No charge' })).toBe(true));
  it('nothing said → not free', () => expect(isFree(none)).toBe(false));
  it('fees that cost money → not free', () => expect(isFree({ ...none, fees_description: '£2 for refreshments' })).toBe(false));
});

describe('accessFeaturesOf', () => {
  it.each([
    ['Step-free access', ['step_free']],
    ['step free entrance', ['step_free']],
    ['Level access from the street', ['step_free']],
    ['Ramp at the side door', ['step_free']],
    ['Lift to all floors', ['step_free']],
    ['Wheelchair accessible', ['wheelchair']],
    ['Accessible toilet', ['accessible_toilet']],
    ['Disabled WC on the ground floor', ['step_free', 'accessible_toilet']],
    ['Changing Places toilet', ['accessible_toilet']],
    ['Hearing loop in the main hall', ['hearing_loop']],
    ['Induction loop', ['hearing_loop']],
    ['Free parking', ['parking']],
    ['Blue badge spaces', ['parking']],
    ['BSL interpreter on request', ['bsl']],
    ['Large print leaflets', ['large_print']],
    ['Easy read information', ['large_print']],
    ['Nothing to report', []],
    ['No lift', []],
    ['Not wheelchair accessible', []],
    ['Unfortunately there is no hearing loop', []],
  ])('%s → %j', (text, features) => expect(accessFeaturesOf([text])).toEqual(features));
  it('several texts merge, in a fixed order, without repeats', () =>
    expect(accessFeaturesOf(['Car park behind', null, 'Step-free; wheelchair user friendly', 'Ramp'])).toEqual(['step_free', 'wheelchair', 'parking']));
  it('a denial covers only its own clause', () => expect(accessFeaturesOf(['No parking, but step-free access'])).toEqual(['step_free']));
});

describe('languageCode', () => {
  it.each([
    [{ code: 'PL', name: null }, 'pl'],
    [{ code: 'en-GB', name: 'English' }, 'en'],
    [{ code: 'bfi', name: null }, 'bfi'],
    [{ code: null, name: 'Polish' }, 'pl'],
    [{ code: null, name: ' urdu ' }, 'ur'],
    [{ code: null, name: 'Farsi' }, 'fa'],
    [{ code: null, name: 'Mandarin' }, 'zh'],
    [{ code: null, name: 'BSL' }, 'bfi'],
    [{ code: '', name: 'Welsh' }, 'cy'],
    [{ code: 'not a code', name: 'Arabic' }, 'ar'],
    [{ code: null, name: 'Klingon' }, null],
    [{ code: null, name: null }, null],
  ])('%j → %s', (row, code) => expect(languageCode(row)).toBe(code));
  it.each([
    ['Polish', 'pl'],
    ['pl', 'pl'],
    ['PL', 'pl'],
    ['en-GB', 'en'],
    ['British Sign Language', 'bfi'],
    ['xx', null],
    ['', null],
  ])('a recorded language %s → %s', (text, code) => expect(languageCode(text)).toBe(code));
  it('null → null', () => expect(languageCode(null)).toBeNull());
  it('names a known code and echoes an unknown one', () => {
    expect(languageName('pl')).toBe('Polish');
    expect(languageName('xyz')).toBe('xyz');
  });
});

describe('wordsOf', () => {
  it('keeps distinct lower-case words of three letters or more', () =>
    expect(wordsOf('Walking group: walk & talk in Hyde Park, 10am, the café')).toEqual(['walking', 'group', 'walk', 'talk', 'hyde', 'park', '10am', 'café']));
  it('drops numbers alone, stop words and very long strings', () => expect(wordsOf(`2024 and with ${'x'.repeat(31)} tea`)).toEqual(['tea']));
  it('nothing → nothing', () => {
    expect(wordsOf(null)).toEqual([]);
    expect(wordsOf('')).toEqual([]);
  });
});
