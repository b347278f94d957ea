import { describe, it, expect } from 'vitest';
import { duplicateReason, normaliseSurname, type PersonKey } from './duplicates.js';

describe('normaliseSurname', () => {
  it.each([
    ["O'Brien-Smith", 'obriensmith'],
    ['  Ní Bhriain', 'nibhriain'],
    ['Smith', 'smith'],
    ['SMITH ', 'smith'],
    ['Müller', 'muller'],
    ['Brontë', 'bronte'],
    ['Łukasiewicz', 'lukasiewicz'],
    ['Søndergaard', 'sondergaard'],
    ['Strauß', 'strauss'],
    ['Þórsdóttir', 'thorsdottir'],
    ['Ærø', 'aero'],
    ['Nguyễn', 'nguyen'],
    ['Ó Súilleabháin', 'osuilleabhain'],
    ['van der Berg', 'vanderberg'],
    ['St. John', 'stjohn'],
    ['McDonald’s', 'mcdonalds'],
    ['Smith2', 'smith'],
    ['王', ''],
    ['', ''],
  ])('%j → %j', (input, expected) => {
    expect(normaliseSurname(input)).toBe(expected);
  });
});

const BASE: PersonKey = { nhsNumber: '9434765919', dateOfBirth: '1980-03-01', familyName: "O'Brien", postcode: 'SW1A 1AA' };
const person = (overrides: Partial<PersonKey>): PersonKey => ({ ...BASE, ...overrides });

describe('duplicateReason', () => {
  it('matches on the same valid NHS number, however written, whatever else differs', () => {
    expect(duplicateReason(BASE, person({ nhsNumber: '943 476 5919', dateOfBirth: '1990-01-01', familyName: 'Jones', postcode: null }))).toBe(
      'nhs-number',
    );
  });

  it('never matches two different valid NHS numbers, even with the same demographics', () => {
    expect(duplicateReason(BASE, person({ nhsNumber: '4010232137' }))).toBeNull();
  });

  it('matches on demographics when one NHS number is missing', () => {
    expect(duplicateReason(BASE, person({ nhsNumber: null }))).toBe('demographics');
    expect(duplicateReason(person({ nhsNumber: null }), BASE)).toBe('demographics');
    expect(duplicateReason(person({ nhsNumber: null }), person({ nhsNumber: null }))).toBe('demographics');
  });

  it('treats an NHS number that fails its check as missing', () => {
    expect(duplicateReason(BASE, person({ nhsNumber: '9434765918' }))).toBe('demographics');
    expect(duplicateReason(person({ nhsNumber: '9434765918' }), person({ nhsNumber: '9434765918', familyName: 'Jones' }))).toBeNull();
  });

  it('compares surnames and postcodes loosely', () => {
    const other = person({ nhsNumber: null, familyName: ' OBRIEN ', postcode: 'sw1a1aa' });
    expect(duplicateReason(BASE, other)).toBe('demographics');
    expect(duplicateReason(person({ familyName: 'Ní Bhriain' }), person({ nhsNumber: null, familyName: 'ni bhriain' }))).toBe('demographics');
  });

  it.each([
    ['date of birth', { dateOfBirth: '1980-03-02' }],
    ['surname', { familyName: 'Bryan' }],
    ['postcode', { postcode: 'SW1A 2AA' }],
  ])('does not match when the %s differs', (_label, change) => {
    expect(duplicateReason(BASE, person({ nhsNumber: null, ...change }))).toBeNull();
  });

  it.each([
    ['date of birth', { dateOfBirth: null }],
    ['date of birth', { dateOfBirth: ' ' }],
    ['surname', { familyName: '' }],
    ['surname', { familyName: '—' }],
    ['postcode', { postcode: null }],
    ['postcode', { postcode: '  ' }],
  ])('does not match when both lack the %s (%j)', (_label, change) => {
    expect(duplicateReason(person({ nhsNumber: null, ...change }), person({ nhsNumber: null, ...change }))).toBeNull();
  });

  it('is symmetric', () => {
    const people: PersonKey[] = [
      BASE,
      person({ nhsNumber: null }),
      person({ nhsNumber: '4010232137' }),
      person({ nhsNumber: null, postcode: null }),
      person({ nhsNumber: '9434765918', familyName: 'obrien' }),
    ];
    for (const a of people) for (const b of people) expect(duplicateReason(a, b)).toBe(duplicateReason(b, a));
  });
});
