import { describe, expect, it } from 'vitest';
import type { ReferralSettingsView } from '../../../../src/contracts/referrals.js';
import { ApiProblem } from '../../api/problem.js';
import {
  checkSettings,
  exclusionFieldId,
  fieldOrder,
  formStateFromSettings,
  MAX_EXCLUSIONS,
  newExclusionRow,
  practiceOptions,
  problemToSettingsErrors,
  readSettingsForm,
  slugify,
  uniqueSlug,
  type SettingsFormState,
} from './settingsForm.js';

const settings: ReferralSettingsView = {
  needCategories: [
    { code: 'loneliness', label: 'Loneliness or isolation' },
    { code: 'money', label: 'Money worries' },
  ],
  eligibility: {
    minAge: 18,
    maxAge: null,
    registeredPractices: ['Y01234'],
    acceptedNeeds: ['loneliness'],
    exclusions: [{ id: 'crisis', question: 'Are they in crisis?', redirectTo: 'Crisis team' }],
  },
  firstContactWorkingDays: 5,
  reopenWindowDays: 90,
  selfReferralEnabled: true,
};

const state = (change: Partial<SettingsFormState> = {}): SettingsFormState => ({ ...formStateFromSettings(settings), ...change });

function errorsOf(s: SettingsFormState, known: readonly string[] = []): Partial<Record<string, string>> {
  const checked = checkSettings(s, known);
  return checked.ok ? {} : checked.errors.fields;
}

describe('slugify', () => {
  it('makes a lowercase id of letters, digits and hyphens', () => {
    expect(slugify('Are they under a CMHT?')).toBe('are-they-under-a-cmht');
    expect(slugify('  Café  owner (aged 16+)  ')).toBe('cafe-owner-aged-16');
  });
  it('falls back when nothing is left', () => {
    expect(slugify('???')).toBe('question');
    expect(slugify('')).toBe('question');
  });
  it('keeps ids to 60 characters, cut between words', () => {
    const slug = slugify('Is the person currently receiving support from a community mental health team or a crisis team?');
    expect(slug.length).toBeLessThanOrEqual(60);
    expect(slug).toBe('is-the-person-currently-receiving-support-from-a-community');
    expect(slugify('a'.repeat(80))).toBe('a'.repeat(60));
  });
});

describe('uniqueSlug', () => {
  it('adds a number when the id is taken', () => {
    expect(uniqueSlug('Crisis', new Set())).toBe('crisis');
    expect(uniqueSlug('Crisis', new Set(['crisis']))).toBe('crisis-2');
    expect(uniqueSlug('Crisis', new Set(['crisis', 'crisis-2']))).toBe('crisis-3');
  });
  it('stays within 60 characters with the number', () => {
    const long = 'b'.repeat(60);
    expect(uniqueSlug(long, new Set([long]))).toBe(`${'b'.repeat(58)}-2`);
  });
});

describe('formStateFromSettings and readSettingsForm', () => {
  it('shows the settings as text, blank for no limit', () => {
    const s = formStateFromSettings(settings);
    expect(s).toMatchObject({ minAge: '18', maxAge: '', firstContactWorkingDays: '5', reopenWindowDays: '90', selfReferralEnabled: 'yes' });
    expect(s.exclusions).toEqual([{ key: 'saved-crisis', id: 'crisis', question: 'Are they in crisis?', redirectTo: 'Crisis team' }]);
  });
  it('reads the inputs, including each question by its row', () => {
    const rows = [newExclusionRow(1)];
    const data = new FormData();
    data.set('minAge', '16');
    data.append('registeredPractices', 'A1');
    data.append('registeredPractices', 'B2');
    data.set(exclusionFieldId('new-1', 'question'), 'Q?');
    data.set(exclusionFieldId('new-1', 'redirectTo'), 'There');
    data.set('selfReferralEnabled', 'no');
    const read = readSettingsForm(data, rows);
    expect(read).toMatchObject({ minAge: '16', maxAge: '', registeredPractices: ['A1', 'B2'], acceptedNeeds: [], selfReferralEnabled: 'no' });
    expect(read.exclusions).toEqual([{ key: 'new-1', id: null, question: 'Q?', redirectTo: 'There' }]);
  });
});

describe('checkSettings', () => {
  it('sends every setting, with blank ages as no limit', () => {
    expect(checkSettings(state({ minAge: ' ', maxAge: '' }), ['crisis'])).toEqual({
      ok: true,
      value: {
        eligibility: {
          minAge: null,
          maxAge: null,
          registeredPractices: ['Y01234'],
          acceptedNeeds: ['loneliness'],
          exclusions: [{ id: 'crisis', question: 'Are they in crisis?', redirectTo: 'Crisis team' }],
        },
        firstContactWorkingDays: 5,
        reopenWindowDays: 90,
        selfReferralEnabled: true,
      },
    });
  });
  it('keeps saved ids when the question changes and gives new questions unused ids', () => {
    const rows = [
      { key: 'saved-crisis', id: 'crisis', question: 'Are they in a mental health crisis?', redirectTo: 'Crisis team' },
      { key: 'new-1', id: null, question: 'Crisis', redirectTo: 'GP' },
      { key: 'new-2', id: null, question: 'Crisis!', redirectTo: 'GP' },
      { key: 'new-3', id: null, question: 'Under 16?', redirectTo: 'School nurse' },
    ];
    const checked = checkSettings(state({ exclusions: rows, selfReferralEnabled: 'no' }), ['crisis', 'under-16']);
    expect(checked.ok && checked.value.eligibility.exclusions.map((e) => e.id)).toEqual(['crisis', 'crisis-2', 'crisis-3', 'under-16-2']);
    expect(checked.ok && checked.value.selfReferralEnabled).toBe(false);
  });
  it('refuses ages that are not whole numbers from 0 to 120, or the wrong way round', () => {
    expect(errorsOf(state({ minAge: '17.5', maxAge: '121' }))).toEqual({
      minAge: 'Minimum age must be a whole number from 0 to 120',
      maxAge: 'Maximum age must be a whole number from 0 to 120',
    });
    expect(errorsOf(state({ minAge: '65', maxAge: '18' }))).toEqual({ maxAge: 'Maximum age must be the same as or more than the minimum age' });
    expect(errorsOf(state({ minAge: '18', maxAge: '18' }))).toEqual({});
  });
  it('asks for both parts of every question, by row', () => {
    const fields = errorsOf(state({ exclusions: [...state().exclusions, newExclusionRow(1)] }));
    expect(fields).toEqual({
      [exclusionFieldId('new-1', 'question')]: 'Enter screening question 2, or remove it',
      [exclusionFieldId('new-1', 'redirectTo')]: 'Enter where to redirect people who answer yes to question 2',
    });
    const long = errorsOf(state({ exclusions: [{ ...newExclusionRow(2), question: 'x'.repeat(301), redirectTo: 'y' }] }));
    expect(long[exclusionFieldId('new-2', 'question')]).toBe('Screening question 1 must be 300 characters or fewer');
  });
  it('checks the targets and the self-referral choice', () => {
    expect(errorsOf(state({ firstContactWorkingDays: '', reopenWindowDays: '', selfReferralEnabled: '' }))).toEqual({
      firstContactWorkingDays: 'Enter the number of working days within which to make first contact',
      reopenWindowDays: 'Enter the number of days within which a closed referral is reopened',
      selfReferralEnabled: 'Select whether the scheme accepts self-referrals',
    });
    expect(errorsOf(state({ firstContactWorkingDays: '0', reopenWindowDays: '731' }))).toEqual({
      firstContactWorkingDays: 'First contact must be a whole number of working days from 1 to 60',
      reopenWindowDays: 'The reopening period must be a whole number of days from 0 to 730',
    });
    expect(errorsOf(state({ firstContactWorkingDays: '60', reopenWindowDays: '0' }))).toEqual({});
  });
  it('refuses more questions than the scheme may have', () => {
    const rows = Array.from({ length: MAX_EXCLUSIONS + 1 }, (_, i) => ({ ...newExclusionRow(i), question: `Q${i}`, redirectTo: 'R' }));
    const checked = checkSettings(state({ exclusions: rows }), []);
    expect(checked.ok ? null : checked.errors.detail).toBe('You can have up to 20 screening questions. Remove one or more.');
  });
});

describe('fieldOrder', () => {
  it('lists inputs as they appear on the page', () => {
    expect(fieldOrder([newExclusionRow(1)])).toEqual([
      'minAge',
      'maxAge',
      'registeredPractices',
      'acceptedNeeds',
      'exclusion-new-1-question',
      'exclusion-new-1-redirectTo',
      'firstContactWorkingDays',
      'reopenWindowDays',
      'selfReferralEnabled',
    ]);
  });
});

describe('problemToSettingsErrors', () => {
  const rows = [newExclusionRow(1), newExclusionRow(2)];
  it('puts errors next to the inputs, including a question by its index', () => {
    const problem = new ApiProblem(400, 'Invalid', 'The request body is not valid', [
      { field: 'body.eligibility.minAge', message: 'Too small' },
      { field: 'body.eligibility.acceptedNeeds', message: 'Unknown need categories: art' },
      { field: 'body.eligibility.exclusions.1.redirectTo', message: 'Too long' },
      { field: 'body.eligibility.exclusions.0.id', message: 'Bad id' },
      { field: 'body.reopenWindowDays', message: 'Too big' },
    ]);
    expect(problemToSettingsErrors(problem, rows)).toEqual({
      detail: null,
      fields: {
        minAge: 'Too small',
        acceptedNeeds: 'Unknown need categories: art',
        'exclusion-new-2-redirectTo': 'Too long',
        'exclusion-new-1-question': 'Bad id',
        reopenWindowDays: 'Too big',
      },
    });
  });
  it('puts other errors, or the detail, in the summary', () => {
    const other = new ApiProblem(400, 'Invalid', 'd', [{ field: 'codedEvents', message: 'Codes are not valid' }]);
    expect(problemToSettingsErrors(other, rows)).toEqual({ detail: 'Codes are not valid', fields: {} });
    const forbidden = new ApiProblem(403, 'Forbidden', 'You do not have permission to do that.');
    expect(problemToSettingsErrors(forbidden, rows)).toEqual({ detail: 'You do not have permission to do that.', fields: {} });
  });
});

describe('practiceOptions', () => {
  it('lists GP practices by name with their ODS code, and keeps saved codes that are not among them', () => {
    const organisations = [
      { kind: 'gp_practice', name: 'Riverside Surgery', odsCode: 'Y02' },
      { kind: 'vcse', name: 'Walking group', odsCode: null },
      { kind: 'gp_practice', name: 'Abbey Practice', odsCode: 'Y01' },
      { kind: 'gp_practice', name: 'No code', odsCode: null },
    ];
    expect(practiceOptions(organisations, ['Y02', 'Z99'])).toEqual([
      { value: 'Y01', label: 'Abbey Practice (Y01)' },
      { value: 'Y02', label: 'Riverside Surgery (Y02)' },
      { value: 'Z99', label: 'Z99 (not a GP practice in this scheme)' },
    ]);
  });
});
