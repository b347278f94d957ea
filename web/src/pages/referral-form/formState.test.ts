import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/problem.js';
import {
  checkReferral,
  defaultFormState,
  draftData,
  FIELD_ORDER,
  fieldForPath,
  formStateFromData,
  formStateFromDraft,
  problemToErrors,
  referralBody,
  screeningRequestFrom,
  type FormState,
} from './formState.js';

const today = '2026-05-01';

/** A complete, valid form as the inputs would hold it. */
function filled(overrides: Record<string, string | string[]> = {}): FormState {
  return {
    ...defaultFormState(today),
    givenName: ' Ada ',
    familyName: 'Lovelace',
    'dateOfBirth-day': '14',
    'dateOfBirth-month': '3',
    'dateOfBirth-year': '1956',
    nhsNumber: '943 476 5919',
    postcode: 'ls1 4ap',
    gpPracticeOds: 'Y99001',
    consentMethod: 'verbal',
    needs: ['loneliness'],
    reason: 'Lives alone since her husband died.',
    ...overrides,
  };
}

const options = { draftId: null, exclusionIds: ['in-crisis'], today };

describe('fieldForPath', () => {
  it('maps person, consent and top-level paths to input ids', () => {
    expect(fieldForPath('body.person.givenName')).toBe('givenName');
    expect(fieldForPath('body.person.dateOfBirth')).toBe('dateOfBirth');
    expect(fieldForPath('body.consent.method')).toBe('consentMethod');
    expect(fieldForPath('body.consent.scopes.1')).toBe('consentScopes');
    expect(fieldForPath('body.reason')).toBe('reason');
    expect(fieldForPath('body.feedback.channel')).toBe('feedbackChannel');
  });
  it('keeps the next of kin’s phone apart from the person’s', () => {
    expect(fieldForPath('body.person.phone')).toBe('phone');
    expect(fieldForPath('body.person.nextOfKin.phone')).toBe('nokPhone');
    expect(fieldForPath('person.nextOfKin.name')).toBe('nokName');
  });
  it('gives null for paths the form has no input for', () => {
    expect(fieldForPath('body.referrer.name')).toBeNull();
    expect(fieldForPath('body.draftId')).toBeNull();
    expect(fieldForPath('body.person.lsoaCode')).toBeNull();
  });
  it('only ever names ids in the page order', () => {
    for (const path of ['body.person.sex', 'body.consent.givenAt', 'body.person.nextOfKin.isCarer', 'body.leadOn']) {
      expect(FIELD_ORDER).toContain(fieldForPath(path));
    }
  });
});

describe('problemToErrors', () => {
  it('puts matched errors by their fields and the rest in the summary', () => {
    const problem = new ApiProblem(400, 'There is a problem', 'body/person/nhsNumber is not valid', [
      { field: 'body.person.nhsNumber', message: 'Enter a valid 10-digit NHS number' },
      { field: 'body.person.nextOfKin.relationship', message: 'Enter how they are related' },
      { field: 'body.draftId', message: 'That draft has gone' },
    ]);
    expect(problemToErrors(problem)).toEqual({
      detail: 'That draft has gone',
      fields: { nhsNumber: 'Enter a valid 10-digit NHS number', nokRelationship: 'Enter how they are related' },
    });
  });
  it('shows the detail when nothing matched a field', () => {
    expect(problemToErrors(new ApiProblem(403, 'Forbidden', 'You cannot make referrals'))).toEqual({ detail: 'You cannot make referrals', fields: {} });
  });
});

describe('formStateFromData', () => {
  it('keeps text as text and checkbox groups as lists, empty when nothing is ticked', () => {
    const data = new FormData();
    data.append('givenName', 'Ada');
    data.append('needs', 'loneliness');
    data.append('needs', 'housing');
    data.append('exclusion-in-crisis', 'no');
    const state = formStateFromData(data);
    expect(state).toMatchObject({ givenName: 'Ada', needs: ['loneliness', 'housing'], 'exclusion-in-crisis': 'no' });
    expect(state.consentScopes).toEqual([]);
    expect(state.feedbackMilestones).toEqual([]);
  });
});

describe('formStateFromDraft', () => {
  it('lays the draft over the defaults, so an unticked group stays unticked', () => {
    const state = formStateFromDraft({ givenName: 'Ada', feedbackMilestones: [], needs: ['food', 3] }, defaultFormState(today));
    expect(state.givenName).toBe('Ada');
    expect(state.feedbackMilestones).toEqual([]);
    expect(state.needs).toEqual(['food']);
    expect(state.urgency).toBe('routine');
  });
  it('ignores odd names and values of the wrong kind', () => {
    const state = formStateFromDraft({ __proto__x: 'x', 'a b': 'y', urgency: 7, needs: 'food', givenName: ['Ada'] }, defaultFormState(today));
    expect(state).toEqual(defaultFormState(today));
  });
});

describe('draftData', () => {
  it('adds the name where the drafts list looks for it, and restores to the same state', () => {
    const state = filled();
    const data = draftData(state);
    expect(data.person).toEqual({ givenName: 'Ada', familyName: 'Lovelace' });
    expect(formStateFromDraft(JSON.parse(JSON.stringify(data)) as Record<string, unknown>, defaultFormState(today))).toEqual(state);
  });
});

describe('referralBody', () => {
  it('builds the request, leaving blanks out', () => {
    const body = referralBody(filled({ 'exclusion-in-crisis': 'yes', nokRelationship: 'Son' }), { draftId: 'd1', exclusionIds: ['in-crisis', 'other'] });
    expect(body).toMatchObject({
      person: { givenName: ' Ada ', dateOfBirth: '1956-03-14', interpreterNeeded: false, nextOfKin: undefined, email: undefined },
      consent: { givenBy: 'person', givenByName: undefined, method: 'verbal', scopes: ['referral'], givenAt: today },
      needs: ['loneliness'],
      exclusionsFlagged: ['in-crisis'],
      draftId: 'd1',
      feedback: { milestones: ['received', 'decision', 'first_contact', 'closed'], channel: 'email' },
    });
  });
  it('sends next of kin only when a name is given', () => {
    const body = referralBody(filled({ nokName: 'Tom', nokRelationship: 'Son', nokIsCarer: 'yes' }), options);
    expect(body.person).toMatchObject({ nextOfKin: { name: 'Tom', relationship: 'Son', phone: undefined, isCarer: true } });
  });
  it('sends the representative’s name only when a representative gave consent', () => {
    const person = referralBody(filled({ consentGivenByName: 'Tom' }), options);
    expect(person.consent).toMatchObject({ givenByName: undefined });
    const rep = referralBody(filled({ consentGivenBy: 'representative', consentGivenByName: 'Tom' }), options);
    expect(rep.consent).toMatchObject({ givenBy: 'representative', givenByName: 'Tom' });
  });
});

describe('checkReferral', () => {
  it('passes a complete form, normalising what the contract normalises', () => {
    const checked = checkReferral(filled(), options);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value.person).toMatchObject({ givenName: 'Ada', nhsNumber: '9434765919', postcode: 'LS1 4AP', dateOfBirth: '1956-03-14' });
    expect(checked.value.draftId).toBeUndefined();
  });
  it('reports every missing answer against its input', () => {
    const checked = checkReferral(defaultFormState(today), options);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.fields).toMatchObject({
      givenName: 'Enter the first name',
      familyName: 'Enter the last name',
      dateOfBirth: 'Enter their date of birth',
      consentMethod: 'Say how consent was given',
      needs: 'Choose at least one thing they want help with',
      reason: 'Say why you are referring this person',
    });
    expect(checked.errors.detail).toBeNull();
  });
  it('checks the NHS number’s length and check digit', () => {
    const short = checkReferral(filled({ nhsNumber: '12345' }), options);
    expect(short.ok ? null : short.errors.fields.nhsNumber).toBe('NHS number must be 10 digits');
    const wrong = checkReferral(filled({ nhsNumber: '943 476 5918' }), options);
    expect(wrong.ok ? null : wrong.errors.fields.nhsNumber).toMatch(/^Enter a valid NHS number/);
  });
  it('checks the dates with words for this form', () => {
    const dob = checkReferral(filled({ 'dateOfBirth-day': '31', 'dateOfBirth-month': '2' }), options);
    expect(dob.ok ? null : dob.errors.fields.dateOfBirth).toBe('Date of birth must be a real date');
    const future = checkReferral(filled({ consentGivenAt: '2026-05-02' }), options);
    expect(future.ok ? null : future.errors.fields.consentGivenAt).toBe('Date consent was given must be today or in the past');
    const blank = checkReferral(filled({ consentGivenAt: '' }), options);
    expect(blank.ok ? null : blank.errors.fields.consentGivenAt).toBe('Enter the date consent was given');
  });
  it('needs referral among the consent scopes', () => {
    const checked = checkReferral(filled({ consentScopes: ['contact'] }), options);
    expect(checked.ok ? null : checked.errors.fields.consentScopes).toBe('The person must agree to be referred');
  });
  it('asks for names the other answers call for', () => {
    const checked = checkReferral(filled({ nokPhone: '07700 900123', consentGivenBy: 'representative' }), options);
    expect(checked.ok ? null : checked.errors.fields).toEqual({
      nokName: 'Enter the name of the next of kin or carer',
      consentGivenByName: 'Enter the name of the person who gave consent for them',
    });
    const relationship = checkReferral(filled({ nokName: 'Tom' }), options);
    expect(relationship.ok ? null : relationship.errors.fields).toEqual({ nokRelationship: 'Enter how they are related' });
  });
});

describe('screeningRequestFrom', () => {
  it('waits for a real date of birth when asked to', () => {
    expect(screeningRequestFrom(filled({ 'dateOfBirth-year': '19' }), ['in-crisis'], true)).toBeNull();
    expect(screeningRequestFrom(filled({ 'dateOfBirth-year': '19' }), ['in-crisis'], false)).toEqual({
      dateOfBirth: undefined,
      practiceOds: 'Y99001',
      needs: ['loneliness'],
      exclusionsFlagged: [],
    });
  });
  it('sends the answers that decide eligibility', () => {
    expect(screeningRequestFrom(filled({ 'exclusion-in-crisis': 'yes' }), ['in-crisis'], true)).toEqual({
      dateOfBirth: '1956-03-14',
      practiceOds: 'Y99001',
      needs: ['loneliness'],
      exclusionsFlagged: ['in-crisis'],
    });
  });
});
