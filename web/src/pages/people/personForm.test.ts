import { describe, expect, it } from 'vitest';
import type { PersonView } from '../../../../src/contracts/people.js';
import { ApiProblem } from '../../api/problem.js';
import { summaryItems } from '../../forms/errors.js';
import type { FormState } from '../referral-form/formState.js';
import { checkPerson, CONFLICT_MESSAGE, PERSON_FIELD_ORDER, personBody, personFieldForPath, personFormState, practiceOptions, saveErrors } from './personForm.js';

const today = '2026-05-01';

function person(overrides: Partial<PersonView> = {}): PersonView {
  return {
    id: '5f0c2b0e-3b8a-4a57-9d2e-2f1b7a0c9e11',
    nhsNumber: '9434765919',
    givenName: 'Ada',
    familyName: 'Lovelace',
    preferredName: null,
    dateOfBirth: '1956-03-14',
    sex: 'female',
    genderIdentity: null,
    ethnicity: null,
    addressLine1: '1 Park Row',
    addressLine2: null,
    town: 'Leeds',
    postcode: 'LS1 4AP',
    gpPracticeOds: 'Y99001',
    lsoaCode: 'E01000001',
    imdDecile: 3,
    email: null,
    phone: '07700 900123',
    language: 'Polish',
    interpreterNeeded: true,
    accessibleFormats: ['large-print'],
    preferredContactMethod: 'phone',
    contactTimes: null,
    nextOfKin: { name: 'Ben Lovelace', relationship: 'Son', phone: null, isCarer: true },
    mergedIntoId: null,
    version: 4,
    ...overrides,
  };
}

const check = (state: FormState, lsoaCode: string | null = null) => checkPerson(state, { today, lsoaCode });

describe('personFormState', () => {
  it('fills the inputs from the record', () => {
    const state = personFormState(person());
    expect(state).toMatchObject({
      givenName: 'Ada',
      'dateOfBirth-day': '14',
      'dateOfBirth-month': '3',
      'dateOfBirth-year': '1956',
      nhsNumber: '943 476 5919',
      preferredName: '',
      interpreterNeeded: 'yes',
      accessibleFormats: ['large-print'],
      nokName: 'Ben Lovelace',
      nokPhone: '',
      nokIsCarer: 'yes',
    });
  });
  it('leaves the carer box unticked and the date empty when not recorded', () => {
    const state = personFormState(person({ nextOfKin: null, dateOfBirth: null, interpreterNeeded: false }));
    expect(state).not.toHaveProperty('nokIsCarer');
    expect(state).toMatchObject({ nokName: '', 'dateOfBirth-day': '', interpreterNeeded: 'no' });
  });
});

describe('personBody and checkPerson', () => {
  it('round-trips the record, keeping its LSOA code', () => {
    const record = person();
    const checked = check(personFormState(record), record.lsoaCode);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value).toMatchObject({
      nhsNumber: '9434765919',
      givenName: 'Ada',
      dateOfBirth: '1956-03-14',
      postcode: 'LS1 4AP',
      lsoaCode: 'E01000001',
      interpreterNeeded: true,
      nextOfKin: { name: 'Ben Lovelace', relationship: 'Son', isCarer: true },
    });
    expect(checked.value.preferredName).toBeUndefined();
  });
  it('leaves blank answers and an empty next of kin out of the body', () => {
    const body = personBody(personFormState(person({ nextOfKin: null, phone: null })), null);
    expect(body.nextOfKin).toBeUndefined();
    expect(body.phone).toBeUndefined();
    expect(body.lsoaCode).toBeUndefined();
  });
  it('uses the referral form’s words for the person’s inputs, and nothing about the referral', () => {
    const state = { ...personFormState(person()), givenName: ' ', 'dateOfBirth-day': '31', 'dateOfBirth-month': '2', nhsNumber: '123', nokName: '' };
    const checked = check(state);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.fields).toEqual({
      givenName: 'Enter the first name',
      dateOfBirth: 'Date of birth must be a real date',
      nhsNumber: 'NHS number must be 10 digits',
      nokName: 'Enter the name of the next of kin or carer',
    });
    expect(checked.errors.detail).toBeNull();
  });
  it('checks the contract’s rules, like the postcode', () => {
    const checked = check({ ...personFormState(person()), postcode: 'nowhere', email: 'ada@', sex: 'unknown' });
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.fields.postcode).toBe('Enter a full UK postcode, like LS1 4AP');
    expect(checked.errors.fields.email).toBe('Enter an email address like name@example.com');
    expect(checked.errors.fields.sex).toBeDefined();
  });
});

describe('personFieldForPath', () => {
  it('maps this API’s paths to the inputs', () => {
    expect(personFieldForPath('body.postcode')).toBe('postcode');
    expect(personFieldForPath('body.nextOfKin.phone')).toBe('nokPhone');
    expect(personFieldForPath('body.phone')).toBe('phone');
    expect(personFieldForPath('body.accessibleFormats.1')).toBe('accessibleFormats');
    expect(personFieldForPath('body.lsoaCode')).toBeNull();
    expect(personFieldForPath('body')).toBeNull();
  });
});

describe('saveErrors', () => {
  it('says someone else changed the record on 412', () => {
    expect(saveErrors(new ApiProblem(412, 'Precondition failed', 'Version mismatch'))).toEqual({ detail: CONFLICT_MESSAGE, fields: {} });
  });
  it('puts field errors next to their inputs, in page order', () => {
    const problem = new ApiProblem(400, 'Invalid request', 'body.postcode: bad', [
      { field: 'body.postcode', message: 'Enter a full UK postcode, like LS1 4AP' },
      { field: 'body.givenName', message: 'Enter the first name' },
    ]);
    const errors = saveErrors(problem);
    expect(errors.detail).toBeNull();
    expect(summaryItems(errors, PERSON_FIELD_ORDER).map((i) => i.field)).toEqual(['givenName', 'postcode']);
  });
  it('keeps messages for fields the form lacks in the summary', () => {
    const errors = saveErrors(new ApiProblem(400, 'Invalid request', 'x', [{ field: 'body.lsoaCode', message: 'Enter an LSOA code, like E01000001' }]));
    expect(errors).toEqual({ detail: 'Enter an LSOA code, like E01000001', fields: {} });
  });
  it('shows the server’s detail for other problems', () => {
    expect(saveErrors(new ApiProblem(409, 'Conflict', 'This record was merged into another; update that one instead.')).detail).toBe(
      'This record was merged into another; update that one instead.',
    );
  });
});

describe('practiceOptions', () => {
  const orgs = [
    { kind: 'gp_practice', name: 'Park Surgery', odsCode: 'Y99001' },
    { kind: 'vcse', name: 'Befrienders', odsCode: null },
    { kind: 'gp_practice', name: 'No code', odsCode: null },
  ];
  it('offers the scheme’s practices', () => {
    expect(practiceOptions(orgs, 'Y99001')).toEqual([{ value: 'Y99001', label: 'Park Surgery (Y99001)' }]);
  });
  it('adds the person’s own practice when it is not one of them', () => {
    expect(practiceOptions(orgs, 'B12345')).toContainEqual({ value: 'B12345', label: 'B12345 (current practice)' });
    expect(practiceOptions([], null)).toEqual([]);
  });
});
