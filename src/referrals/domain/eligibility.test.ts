import { describe, it, expect } from 'vitest';
import { OPEN_CRITERIA, ageOn, screen, type EligibilityCriteria, type ScreeningInput } from './eligibility.js';

const TODAY = '2026-05-20';

const CRITERIA: EligibilityCriteria = {
  minAge: 18,
  maxAge: null,
  registeredPractices: ['Y01234', 'B82005'],
  acceptedNeeds: ['loneliness', 'housing'],
  exclusions: [
    { id: 'crisis', question: 'Is the person in a mental health crisis?', redirectTo: 'the crisis team' },
    { id: 'under-care', question: 'Is the person already under secondary mental health care?', redirectTo: 'their care coordinator' },
  ],
};

const GOOD: ScreeningInput = {
  dateOfBirth: '1980-03-01',
  practiceOds: 'Y01234',
  needs: ['loneliness'],
  exclusionsFlagged: [],
  today: TODAY,
};

function input(overrides: Partial<ScreeningInput>): ScreeningInput {
  return { ...GOOD, ...overrides };
}

describe('ageOn', () => {
  it.each([
    ['1980-03-01', '2026-05-20', 46],
    ['1980-05-20', '2026-05-20', 46],
    ['1980-05-21', '2026-05-20', 45],
    ['2008-05-20', '2026-05-20', 18],
    ['2008-05-21', '2026-05-20', 17],
    ['2026-05-20', '2026-05-20', 0],
    ['2025-05-21', '2026-05-20', 0],
    ['1999-12-31', '2000-01-01', 0],
    ['1999-01-01', '1999-12-31', 0],
    ['2026-05-21', '2026-05-20', -1],
  ])('born %s, on %s is %i', (dob, today, age) => {
    expect(ageOn(dob, today)).toBe(age);
  });

  it.each([
    ['2008-02-29', '2026-02-28', 17, 'day before 1 March in a common year'],
    ['2008-02-29', '2026-03-01', 18, '1 March in a common year'],
    ['2008-02-29', '2028-02-28', 19, 'day before the leap day'],
    ['2008-02-29', '2028-02-29', 20, 'the leap day itself'],
    ['2008-02-28', '2026-02-28', 18, 'born 28 February'],
    ['2008-03-01', '2028-02-29', 19, 'born 1 March, on a leap day'],
  ])('born %s, on %s is %i (%s)', (dob, today, age) => {
    expect(ageOn(dob, today)).toBe(age);
  });

  it.each([
    ['2007-02-29', TODAY],
    ['1980-13-01', TODAY],
    ['01/03/1980', TODAY],
    ['1980-03-01', 'today'],
  ])('refuses %s on %s', (dob, today) => {
    expect(() => ageOn(dob, today)).toThrow(RangeError);
  });
});

describe('OPEN_CRITERIA', () => {
  it('accepts a person about whom nothing is known', () => {
    const result = screen(OPEN_CRITERIA, { dateOfBirth: null, practiceOds: null, needs: [], exclusionsFlagged: ['anything'], today: TODAY });
    expect(result.outcome).toBe('eligible');
    expect(result.redirectTo).toBeNull();
    expect(result.reasons.map((r) => r.met)).toEqual([true, true, true, true]);
    expect(result.reasons.map((r) => r.explanation)).toEqual([
      'This scheme accepts people of any age.',
      'This scheme accepts people registered with any GP practice.',
      'This scheme accepts referrals for any need.',
      'This scheme has no exclusions.',
    ]);
  });
});

describe('screen: eligible', () => {
  it('passes a person who meets everything, explaining each criterion', () => {
    expect(screen(CRITERIA, GOOD)).toEqual({
      outcome: 'eligible',
      redirectTo: null,
      summary: 'Eligible: meets every criterion.',
      reasons: [
        { criterion: 'age', met: true, explanation: 'Aged 46; this scheme accepts people aged 18 and over.' },
        { criterion: 'practice', met: true, explanation: "Registered with Y01234, one of this scheme's practices." },
        { criterion: 'needs', met: true, explanation: 'Needs include loneliness and isolation, which this scheme accepts.' },
        { criterion: 'exclusion', met: true, explanation: 'None of the exclusions apply.' },
      ],
    });
  });

  it('matches the practice code regardless of case and spaces', () => {
    expect(screen(CRITERIA, input({ practiceOds: ' b82005 ' })).outcome).toBe('eligible');
    expect(screen({ ...CRITERIA, registeredPractices: ['b82005'] }, input({ practiceOds: 'B82005' })).outcome).toBe('eligible');
  });

  it('needs only one accepted need among several', () => {
    const result = screen(CRITERIA, input({ needs: ['food', 'housing', 'benefits'] }));
    expect(result.outcome).toBe('eligible');
    expect(result.reasons[2]?.explanation).toBe('Needs include housing, which this scheme accepts.');
  });

  it('accepts a person on their 18th birthday', () => {
    expect(screen(CRITERIA, input({ dateOfBirth: '2008-05-20' })).outcome).toBe('eligible');
  });
});

describe('screen: age', () => {
  it('turns away a 17-year-old', () => {
    const result = screen(CRITERIA, input({ dateOfBirth: '2008-05-21' }));
    expect(result.outcome).toBe('not_eligible');
    expect(result.reasons[0]).toEqual({ criterion: 'age', met: false, explanation: 'Aged 17; this scheme accepts people aged 18 and over.' });
    expect(result.summary).toBe('Not eligible. Aged 17; this scheme accepts people aged 18 and over.');
  });

  it.each([
    [18, 65, '1960-05-20', false, 'Aged 66; this scheme accepts people aged 18 to 65.'],
    [18, 65, '1961-05-20', true, 'Aged 65; this scheme accepts people aged 18 to 65.'],
    [null, 25, '2000-05-20', false, 'Aged 26; this scheme accepts people aged up to 25.'],
    [null, 25, '2001-05-20', true, 'Aged 25; this scheme accepts people aged up to 25.'],
    [65, null, '1961-05-21', false, 'Aged 64; this scheme accepts people aged 65 and over.'],
    [65, null, '1961-05-20', true, 'Aged 65; this scheme accepts people aged 65 and over.'],
  ])('min %s max %s, born %s: met %s', (minAge, maxAge, dob, met, explanation) => {
    const result = screen({ ...CRITERIA, minAge, maxAge }, input({ dateOfBirth: dob }));
    expect(result.reasons[0]).toEqual({ criterion: 'age', met, explanation });
    expect(result.outcome).toBe(met ? 'eligible' : 'not_eligible');
  });

  it('leaves the outcome unknown when the date of birth is not known', () => {
    const result = screen(CRITERIA, input({ dateOfBirth: null }));
    expect(result.outcome).toBe('unknown');
    expect(result.reasons[0]).toEqual({ criterion: 'age', met: null, explanation: 'Date of birth not known; this scheme accepts people aged 18 and over.' });
    expect(result.summary).toBe('Cannot decide yet. Date of birth not known; this scheme accepts people aged 18 and over.');
  });

  it('treats an unreadable or future date of birth as not known', () => {
    for (const dateOfBirth of ['', 'last Tuesday', '1980-02-30', '2027-01-01']) {
      const result = screen(CRITERIA, input({ dateOfBirth }));
      expect(result.outcome, dateOfBirth).toBe('unknown');
      expect(result.reasons[0]?.met).toBeNull();
    }
  });

  it('does not need a date of birth when the scheme has no age limits', () => {
    expect(screen({ ...CRITERIA, minAge: null, maxAge: null }, input({ dateOfBirth: null })).outcome).toBe('eligible');
  });
});

describe('screen: practice', () => {
  it('turns away a person registered elsewhere', () => {
    const result = screen(CRITERIA, input({ practiceOds: 'Z99999' }));
    expect(result.outcome).toBe('not_eligible');
    expect(result.reasons[1]).toEqual({ criterion: 'practice', met: false, explanation: "Registered with Z99999, which is not one of this scheme's practices." });
  });

  it('leaves the outcome unknown when the practice is not known', () => {
    const result = screen(CRITERIA, input({ practiceOds: null }));
    expect(result.outcome).toBe('unknown');
    expect(result.reasons[1]).toEqual({ criterion: 'practice', met: null, explanation: 'GP practice not known; this scheme accepts people registered with 2 GP practices.' });
    expect(screen({ ...CRITERIA, registeredPractices: ['Y01234'] }, input({ practiceOds: ' ' })).reasons[1]?.explanation).toBe(
      'GP practice not known; this scheme accepts people registered with one GP practice.',
    );
  });

  it('does not need a practice when the scheme accepts any', () => {
    expect(screen({ ...CRITERIA, registeredPractices: [] }, input({ practiceOds: null })).outcome).toBe('eligible');
  });
});

describe('screen: needs', () => {
  it('turns away a referral with no accepted need', () => {
    const result = screen(CRITERIA, input({ needs: ['food', 'my-own-code'] }));
    expect(result.outcome).toBe('not_eligible');
    expect(result.reasons[2]).toEqual({
      criterion: 'needs',
      met: false,
      explanation: 'Needs recorded (food and my-own-code) are not ones this scheme accepts; it accepts referrals for loneliness and isolation and housing.',
    });
  });

  it('turns away a referral with no needs when the scheme names some', () => {
    const result = screen(CRITERIA, input({ needs: [] }));
    expect(result.outcome).toBe('not_eligible');
    expect(result.reasons[2]?.explanation).toBe('No needs recorded; this scheme accepts referrals for loneliness and isolation and housing.');
  });

  it('lists three or more accepted needs with commas', () => {
    const result = screen({ ...CRITERIA, acceptedNeeds: ['food', 'housing', 'benefits'] }, input({ needs: [] }));
    expect(result.reasons[2]?.explanation).toBe('No needs recorded; this scheme accepts referrals for food, housing and benefits.');
  });

  it('accepts any need, or none, when the scheme names none', () => {
    expect(screen({ ...CRITERIA, acceptedNeeds: [] }, input({ needs: [] })).outcome).toBe('eligible');
    expect(screen({ ...CRITERIA, acceptedNeeds: [] }, input({ needs: ['anything'] })).outcome).toBe('eligible');
  });
});

describe('screen: exclusions', () => {
  it('redirects when an exclusion is flagged', () => {
    const result = screen(CRITERIA, input({ exclusionsFlagged: ['under-care'] }));
    expect(result.outcome).toBe('redirect');
    expect(result.redirectTo).toBe('their care coordinator');
    expect(result.reasons[3]).toEqual({
      criterion: 'exclusion',
      met: false,
      explanation: 'Answered yes to "Is the person already under secondary mental health care?"; refer to their care coordinator instead.',
    });
    expect(result.summary).toBe(
      'Redirect to their care coordinator. Answered yes to "Is the person already under secondary mental health care?"; refer to their care coordinator instead.',
    );
  });

  it('uses the first exclusion in the scheme order when several are flagged', () => {
    const result = screen(CRITERIA, input({ exclusionsFlagged: ['under-care', 'crisis'] }));
    expect(result.redirectTo).toBe('the crisis team');
    expect(result.reasons[3]?.explanation).toContain('"Is the person in a mental health crisis?" and "Is the person already under');
  });

  it('takes priority over failed and unknown criteria', () => {
    const result = screen(CRITERIA, { dateOfBirth: '2015-01-01', practiceOds: null, needs: [], exclusionsFlagged: ['crisis'], today: TODAY });
    expect(result.outcome).toBe('redirect');
    expect(result.redirectTo).toBe('the crisis team');
    expect(result.reasons.map((r) => r.met)).toEqual([false, null, false, false]);
  });

  it('ignores flags for exclusions the scheme does not have', () => {
    const result = screen(CRITERIA, input({ exclusionsFlagged: ['no-such-exclusion'] }));
    expect(result.outcome).toBe('eligible');
    expect(result.redirectTo).toBeNull();
  });
});

describe('screen: combining criteria', () => {
  it('is not eligible, not unknown, when one criterion fails and another is unknown', () => {
    const result = screen(CRITERIA, input({ dateOfBirth: null, practiceOds: 'Z99999' }));
    expect(result.outcome).toBe('not_eligible');
    expect(result.summary).toBe("Not eligible. Registered with Z99999, which is not one of this scheme's practices.");
  });

  it('names every failed criterion in the summary', () => {
    const result = screen(CRITERIA, input({ dateOfBirth: '2010-01-01', practiceOds: 'Z99999', needs: [] }));
    expect(result.outcome).toBe('not_eligible');
    expect(result.summary).toBe(
      "Not eligible. Aged 16; this scheme accepts people aged 18 and over. Registered with Z99999, which is not one of this scheme's practices. No needs recorded; this scheme accepts referrals for loneliness and isolation and housing.",
    );
  });

  it('names every unknown criterion in the summary', () => {
    const result = screen(CRITERIA, input({ dateOfBirth: null, practiceOds: null }));
    expect(result.outcome).toBe('unknown');
    expect(result.summary).toBe(
      'Cannot decide yet. Date of birth not known; this scheme accepts people aged 18 and over. GP practice not known; this scheme accepts people registered with 2 GP practices.',
    );
  });

  it('always reports the four criteria in the same order', () => {
    for (const overrides of [{}, { dateOfBirth: null }, { practiceOds: 'X' }, { exclusionsFlagged: ['crisis'] }]) {
      expect(screen(CRITERIA, input(overrides)).reasons.map((r) => r.criterion)).toEqual(['age', 'practice', 'needs', 'exclusion']);
    }
  });
});
