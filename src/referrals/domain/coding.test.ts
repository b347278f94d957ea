import { describe, it, expect } from 'vitest';
import { BASE_CODED_EVENTS, SNOMED_CT, codingFor, isValidSctId, validateExtensions, verhoeffValid, type Coding } from './coding.js';
import type { CodedEventKey } from './lifecycle.js';

const RECEIVED = '871731000000106';
const DECLINED = '871711000000103';

const DIGITS = Array.from({ length: 10 }, (_, d) => String(d));

/** Appends the one digit that makes the Verhoeff check pass. */
function withCheckDigit(body: string): string {
  const digit = DIGITS.find((d) => verhoeffValid(body + d));
  if (digit === undefined) throw new Error('no check digit');
  return body + digit;
}

describe('BASE_CODED_EVENTS', () => {
  it('holds only the two verified SNOMED CT concepts', () => {
    expect(BASE_CODED_EVENTS).toEqual({
      received: { system: 'http://snomed.info/sct', code: RECEIVED, display: 'Referral to social prescribing service' },
      declined: { system: 'http://snomed.info/sct', code: DECLINED, display: 'Social prescribing declined' },
    });
  });

  it('holds only valid identifiers', () => {
    for (const coding of Object.values(BASE_CODED_EVENTS)) expect(isValidSctId(coding.code)).toBe(true);
  });

  it('cannot be changed by a caller', () => {
    expect(Object.isFrozen(BASE_CODED_EVENTS)).toBe(true);
    expect(Object.isFrozen(BASE_CODED_EVENTS.received)).toBe(true);
  });
});

describe('verhoeffValid', () => {
  it('passes the textbook example 236 → 2363', () => {
    expect(verhoeffValid('2363')).toBe(true);
    expect(withCheckDigit('236')).toBe('2363');
  });

  it.each([RECEIVED, DECLINED])('passes %s', (code) => {
    expect(verhoeffValid(code)).toBe(true);
  });

  it.each([RECEIVED, DECLINED])('fails every single-digit corruption of %s', (code) => {
    for (let i = 0; i < code.length; i++) {
      for (const d of '0123456789') {
        if (d === code[i]) continue;
        const corrupted = code.slice(0, i) + d + code.slice(i + 1);
        expect(verhoeffValid(corrupted), corrupted).toBe(false);
      }
    }
  });

  it.each([RECEIVED, DECLINED])('fails every swap of two different adjacent digits of %s', (code) => {
    for (let i = 0; i + 1 < code.length; i++) {
      if (code[i] === code[i + 1]) continue;
      const swapped = code.slice(0, i) + code.charAt(i + 1) + code.charAt(i) + code.slice(i + 2);
      expect(verhoeffValid(swapped), swapped).toBe(false);
    }
  });

  it('fails anything that is not digits', () => {
    expect(verhoeffValid('')).toBe(false);
    expect(verhoeffValid('23a3')).toBe(false);
  });
});

describe('isValidSctId', () => {
  it.each([
    [RECEIVED, 'UK extension concept, partition 10'],
    [DECLINED, 'UK extension concept, partition 10'],
    ['22298006', 'international concept, partition 00'],
    ['404684003', 'international concept, partition 00'],
    ['138875005', 'international concept, partition 00'],
  ])('accepts %s (%s)', (id) => {
    expect(isValidSctId(id)).toBe(true);
  });

  it('accepts the shortest and longest lengths when everything else is right', () => {
    const six = withCheckDigit('10000');
    const eighteen = withCheckDigit('1'.repeat(14) + '010');
    expect(six).toHaveLength(6);
    expect(eighteen).toHaveLength(18);
    expect(isValidSctId(six)).toBe(true);
    expect(isValidSctId(eighteen)).toBe(true);
  });

  it.each([
    ['871731000000105', 'wrong check digit'],
    ['871711000000102', 'wrong check digit'],
    ['071731000000106', 'leading zero'],
    [withCheckDigit('1000'), 'five digits'],
    [withCheckDigit('1'.repeat(15) + '010'), 'nineteen digits'],
    [withCheckDigit('8717310000001'), 'partition 01 (a description)'],
    [withCheckDigit('8717310000002'), 'partition 02 (a relationship)'],
    [withCheckDigit('8717310000011'), 'partition 11 (an extension description)'],
    ['87173100000010G', 'a letter'],
    [' 871731000000106', 'a leading space'],
    ['', 'empty'],
  ])('rejects %s (%s)', (id) => {
    expect(isValidSctId(id)).toBe(false);
  });

  it('rejects the partition cases only because of the partition', () => {
    expect(verhoeffValid(withCheckDigit('8717310000001'))).toBe(true);
  });

  it.each([RECEIVED, DECLINED])('rejects every single-digit corruption of %s', (code) => {
    for (let i = 0; i < code.length; i++) {
      for (const d of '0123456789') {
        if (d === code[i]) continue;
        expect(isValidSctId(code.slice(0, i) + d + code.slice(i + 1))).toBe(false);
      }
    }
  });
});

describe('codingFor', () => {
  const local: Coding = { system: 'https://example.org/local-codes', code: 'SP-ACCEPT', display: 'Accepted by link worker' };

  it('gives the base code when the scheme has none', () => {
    expect(codingFor('received', {})).toEqual(BASE_CODED_EVENTS.received);
    expect(codingFor('declined', {})?.code).toBe(DECLINED);
  });

  it('gives null for an event with no verified code', () => {
    const uncoded: CodedEventKey[] = ['triaged', 'accepted', 'not_eligible', 'redirected', 'first_contact', 'active', 'closed', 'reopened', 'reallocated'];
    for (const key of uncoded) expect(codingFor(key, {})).toBeNull();
  });

  it('lets a scheme add a code', () => {
    expect(codingFor('accepted', { accepted: local })).toEqual(local);
  });

  it('lets a scheme override a base code', () => {
    expect(codingFor('received', { received: local })).toEqual(local);
    expect(codingFor('declined', { received: local })).toEqual(BASE_CODED_EVENTS.declined);
  });
});

describe('validateExtensions', () => {
  it('finds nothing wrong with no extensions, or with good ones', () => {
    expect(validateExtensions({})).toEqual([]);
    expect(validateExtensions({ received: BASE_CODED_EVENTS.received! })).toEqual([]);
    expect(validateExtensions({ accepted: { system: SNOMED_CT, code: '22298006', display: 'Example' } })).toEqual([]);
  });

  it('does not check codes of other systems as SNOMED CT', () => {
    expect(validateExtensions({ accepted: { system: 'https://example.org/codes', code: 'ABC', display: 'Accepted' } })).toEqual([]);
  });

  it('reports a SNOMED CT code that fails the identifier check', () => {
    const problems = validateExtensions({
      accepted: { system: SNOMED_CT, code: '871731000000105', display: 'Bad' },
      closed: { system: SNOMED_CT, code: 'abc', display: 'Worse' },
      declined: BASE_CODED_EVENTS.declined!,
    });
    expect(problems).toEqual([
      'The code for "accepted" (871731000000105) is not a valid SNOMED CT concept identifier.',
      'The code for "closed" (abc) is not a valid SNOMED CT concept identifier.',
    ]);
  });

  it('reports unknown events and incomplete codes', () => {
    const ext = {
      dispatched: { system: SNOMED_CT, code: RECEIVED, display: 'x' },
      active: { system: SNOMED_CT, code: '', display: 'Active' },
      closed: { system: 'x', code: 'y' },
    } as unknown as Partial<Record<CodedEventKey, Coding>>;
    expect(validateExtensions(ext)).toEqual([
      '"dispatched" is not a referral event that can be coded.',
      'The code for "active" needs a system, a code and a display name.',
      'The code for "closed" needs a system, a code and a display name.',
    ]);
  });
});
