import { describe, expect, it } from 'vitest';
import { SHARE_FIELDS, type ShareField } from '../../contracts/casework-codes.js';
import { newOnwardReference, isOnwardReference } from './reference.js';
import { sharedSnapshot, type SnapshotInput, type SnapshotPerson } from './shared-snapshot.js';

const person: SnapshotPerson = {
  givenName: 'Grace',
  familyName: 'Kim',
  preferredName: 'Gracie',
  phone: '07700 900456',
  email: 'grace@example.org',
  preferredContactMethod: 'phone',
  contactTimes: 'Mornings',
  language: 'Korean',
  interpreterNeeded: true,
  accessibleFormats: ['large_print'],
  dateOfBirth: '1950-02-03',
  addressLine1: '4 Mill Lane',
  addressLine2: null,
  town: 'Leeds',
  postcode: 'LS1 4AP',
};

const input = (fields: readonly ShareField[], overrides: Partial<SnapshotInput> = {}): SnapshotInput => ({
  person,
  needSummary: 'Would like to walk with others on Tuesdays',
  risks: 'Uses a stick on rough ground',
  goals: ['Walk to the park twice a week'],
  fields,
  ...overrides,
});

/** Each field alone gives exactly these keys and values, worked out by hand. */
const EXPECTED: Record<ShareField, Record<string, unknown>> = {
  name: { name: 'Grace Kim', preferredName: 'Gracie' },
  contact: { contact: { phone: '07700 900456', email: 'grace@example.org', preferredMethod: 'phone', times: 'Mornings' } },
  need_summary: { needSummary: 'Would like to walk with others on Tuesdays' },
  goals: { goals: ['Walk to the park twice a week'] },
  communication_needs: { communicationNeeds: { language: 'Korean', interpreterNeeded: true, accessibleFormats: ['large_print'] } },
  risks: { risks: 'Uses a stick on rough ground' },
  date_of_birth: { dateOfBirth: '1950-02-03' },
  address: { address: '4 Mill Lane, Leeds, LS1 4AP' },
};

describe('sharedSnapshot', () => {
  for (const field of SHARE_FIELDS) {
    it(`with only "${field}" shares exactly that`, () => {
      expect(sharedSnapshot(input([field]))).toStrictEqual(EXPECTED[field]);
    });
  }

  it('every subset of the fields gives exactly the union of its parts', () => {
    // 2^8 = 256 subsets: nothing leaks in from a field that was not chosen.
    for (let mask = 0; mask < 1 << SHARE_FIELDS.length; mask++) {
      const fields = SHARE_FIELDS.filter((_, i) => (mask & (1 << i)) !== 0);
      const expected = Object.assign({}, ...fields.map((f) => EXPECTED[f])) as Record<string, unknown>;
      expect(sharedSnapshot(input(fields))).toStrictEqual(expected);
    }
  });

  it('the default set has these keys and no others', () => {
    const shared = sharedSnapshot(input(['name', 'contact', 'need_summary', 'goals', 'communication_needs', 'risks']));
    expect(Object.keys(shared).sort()).toEqual(['communicationNeeds', 'contact', 'goals', 'name', 'needSummary', 'preferredName', 'risks']);
  });

  it('risks default to empty when the link worker wrote none, and are trimmed', () => {
    expect(sharedSnapshot(input(['risks'], { risks: undefined }))).toStrictEqual({ risks: '' });
    expect(sharedSnapshot(input(['risks'], { risks: '  Dog at home \n' }))).toStrictEqual({ risks: 'Dog at home' });
  });

  it('no goals chosen shares an empty list', () => {
    expect(sharedSnapshot(input(['goals'], { goals: [] }))).toStrictEqual({ goals: [] });
  });

  it('an address with no parts is null; a missing preferred name is null', () => {
    const bare = { ...person, addressLine1: null, addressLine2: '  ', town: null, postcode: null, preferredName: null };
    expect(sharedSnapshot(input(['address', 'name'], { person: bare }))).toStrictEqual({ address: null, name: 'Grace Kim', preferredName: null });
  });

  it('a repeated field is shared once', () => {
    expect(sharedSnapshot(input(['goals', 'goals']))).toStrictEqual({ goals: ['Walk to the park twice a week'] });
  });

  it('no fields, nothing shared', () => {
    expect(sharedSnapshot(input([]))).toStrictEqual({});
  });

  it('copies the lists, so a later change to the input does not change what was sent', () => {
    const goals = ['One'];
    const formats = ['braille'];
    const shared = sharedSnapshot(input(['goals', 'communication_needs'], { goals, person: { ...person, accessibleFormats: formats } }));
    goals.push('Two');
    formats.push('audio');
    expect(shared.goals).toEqual(['One']);
    expect(shared.communicationNeeds?.accessibleFormats).toEqual(['braille']);
  });
});

describe('newOnwardReference', () => {
  it('maps bytes onto the alphabet, skipping the biased top bytes', () => {
    // 240..255 are skipped (256 - 256 % 30 = 240); 0 → "2", 1 → "3", 29 → "Z", 30 → "2", 59 → "Z", 8 → "A".
    const bytes = [255, 0, 240, 1, 29, 30, 59, 8];
    const fill = (b: Uint8Array): Uint8Array => {
      b.set(bytes.slice(0, b.length));
      return b;
    };
    expect(newOnwardReference(fill)).toBe('ON-23Z2ZA');
  });

  it('makes well-formed references from the real random source', () => {
    for (let i = 0; i < 50; i++) expect(isOnwardReference(newOnwardReference())).toBe(true);
    expect(isOnwardReference('ON-23Z2Z')).toBe(false);
    expect(isOnwardReference('ON-23Z2Z0')).toBe(false);
    expect(isOnwardReference('LW-23Z2ZA')).toBe(false);
  });

  it('gives up on a source that never yields a usable byte', () => {
    expect(() => newOnwardReference((b) => b.fill(255))).toThrow('not producing usable values');
  });
});
