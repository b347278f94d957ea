import { describe, expect, it } from 'vitest';
import { checkSelfReferral, selfReferralBody, tooManyMessage } from './selfReferral.js';

const today = '2026-05-01';

function form(values: Record<string, string | string[]>): FormData {
  const data = new FormData();
  for (const [name, value] of Object.entries(values)) {
    for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
  }
  return data;
}

const complete = {
  givenName: 'Sam',
  familyName: 'Okafor',
  'dateOfBirth-day': '2',
  'dateOfBirth-month': '11',
  'dateOfBirth-year': '1990',
  nhsNumber: '',
  postcode: 'ls1 4ap',
  phone: '07700 900123',
  email: '',
  needs: ['loneliness', 'money-debt'],
  whatMatters: 'I would like to meet people.',
  safeToContact: '',
  consent: 'yes',
  website: '',
};

describe('selfReferralBody', () => {
  it('leaves blanks and an empty honeypot out', () => {
    expect(selfReferralBody(form(complete), '1990-11-02')).toEqual({
      person: {
        givenName: 'Sam',
        familyName: 'Okafor',
        dateOfBirth: '1990-11-02',
        nhsNumber: undefined,
        postcode: 'ls1 4ap',
        phone: '07700 900123',
        email: undefined,
        preferredContactMethod: undefined,
        language: undefined,
        interpreterNeeded: false,
      },
      needs: ['loneliness', 'money-debt'],
      whatMatters: 'I would like to meet people.',
      safeToContact: undefined,
      consent: true,
      website: undefined,
    });
  });
  it('passes a filled-in honeypot on for the server to judge', () => {
    expect(selfReferralBody(form({ ...complete, website: 'http://spam.example' }), null).website).toBe('http://spam.example');
  });
});

describe('checkSelfReferral', () => {
  it('passes a complete form and normalises the postcode', () => {
    const checked = checkSelfReferral(form(complete), today);
    expect(checked.ok).toBe(true);
    if (checked.ok) expect(checked.value.person.postcode).toBe('LS1 4AP');
  });
  it('speaks to the person about what is missing', () => {
    const checked = checkSelfReferral(form({ needs: [] }), today);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.fields).toEqual({
      givenName: 'Enter your first name',
      familyName: 'Enter your last name',
      dateOfBirth: 'Enter your date of birth',
      needs: 'Choose at least one thing you would like help with',
      whatMatters: 'Tell us a little about what you would like help with',
      consent: 'Tick the box to agree to us holding your details',
    });
  });
  it('checks an NHS number only when one is given', () => {
    const wrong = checkSelfReferral(form({ ...complete, nhsNumber: '943 476 5918' }), today);
    expect(wrong.ok ? null : wrong.errors.fields.nhsNumber).toMatch(/^Check your NHS number/);
    expect(checkSelfReferral(form({ ...complete, nhsNumber: '943 476 5919' }), today).ok).toBe(true);
  });
});

describe('tooManyMessage', () => {
  it('rounds the wait up to whole minutes', () => {
    expect(tooManyMessage(600)).toBe(
      'Too many referrals have been sent from this connection. Wait 10 minutes, then select ‘Send’ again. Your answers are still here.',
    );
    expect(tooManyMessage(30)).toContain('Wait 1 minute,');
    expect(tooManyMessage(null)).toContain('Wait a few minutes,');
  });
});
