import { describe, expect, it } from 'vitest';
import { checkCapacity, defaultServiceId, everyoneAttended, readTab, registerBody, savedMarks, savedText, shiftDays } from './forms.js';

const A = '11111111-1111-4111-8111-111111111111';
const B = '22222222-2222-4222-8222-222222222222';
const C = '33333333-3333-4333-8333-333333333333';
const SERVICE = '44444444-4444-4444-8444-444444444444';
const rows = [{ onwardReferralId: A }, { onwardReferralId: B }, { onwardReferralId: C }];

describe('register marks', () => {
  it('starts from the marks already saved for the session', () => {
    expect(savedMarks([{ onwardReferralId: A, mark: 'missed' }, { onwardReferralId: B, mark: null }])).toEqual({ [A]: 'missed' });
  });

  it('marks everyone as attended, then sends each person once in register order', () => {
    const marks = { ...everyoneAttended(rows), [B]: 'missed' as const };
    expect(registerBody(SERVICE, '2026-11-24', rows, marks)).toEqual({
      serviceId: SERVICE,
      date: '2026-11-24',
      marks: [
        { onwardReferralId: A, mark: 'attended' },
        { onwardReferralId: B, mark: 'missed' },
        { onwardReferralId: C, mark: 'attended' },
      ],
    });
  });

  it('leaves people who were not marked out of the body', () => {
    expect(registerBody(SERVICE, '2026-11-24', rows, { [C]: 'excused' }).marks).toEqual([{ onwardReferralId: C, mark: 'excused' }]);
  });

  it('says how many marks were saved', () => {
    expect(savedText(6)).toBe('Saved 6 marks');
    expect(savedText(1)).toBe('Saved 1 mark');
  });

  it('moves a week either side, across months and years', () => {
    expect(shiftDays('2026-11-24', 7)).toBe('2026-12-01');
    expect(shiftDays('2027-01-05', -7)).toBe('2026-12-29');
  });
});

describe('checkCapacity', () => {
  const empty = { day: '', month: '', year: '' };

  it('reads empty boxes as not counted', () => {
    expect(checkCapacity({ capacityPlaces: '', waitlistCount: ' ', notTakingUntil: empty })).toEqual({
      ok: true,
      value: { capacityPlaces: null, waitlistCount: null, notTakingUntil: null },
    });
  });

  it('reads numbers and a date', () => {
    expect(checkCapacity({ capacityPlaces: '12', waitlistCount: '0', notTakingUntil: { day: '6', month: '1', year: '2027' } })).toEqual({
      ok: true,
      value: { capacityPlaces: 12, waitlistCount: 0, notTakingUntil: '2027-01-06' },
    });
  });

  it('refuses numbers that are not whole and dates that do not exist', () => {
    expect(checkCapacity({ capacityPlaces: '2.5', waitlistCount: '-1', notTakingUntil: { day: '30', month: '2', year: '2027' } })).toEqual({
      ok: false,
      errors: {
        detail: null,
        fields: {
          capacityPlaces: 'Enter the number of places as a whole number, like 12, or leave it empty',
          waitlistCount: 'Enter the number of people waiting as a whole number, like 3, or leave it empty',
          notTakingUntil: 'The date you take people again from must be a real date',
        },
      },
    });
  });
});

describe('readTab', () => {
  it('defaults to new and ignores anything unknown', () => {
    expect(readTab(new URLSearchParams('status=ended'))).toBe('ended');
    expect(readTab(new URLSearchParams('status=all'))).toBe('new');
    expect(readTab(new URLSearchParams(''))).toBe('new');
  });
});

describe('defaultServiceId', () => {
  it('opens on the first service with people referred to it, else the first, else none', () => {
    expect(defaultServiceId([{ id: A, liveReferrals: 0 }, { id: B, liveReferrals: 2 }, { id: C, liveReferrals: 1 }])).toBe(B);
    expect(defaultServiceId([{ id: A, liveReferrals: 0 }, { id: B, liveReferrals: 0 }])).toBe(A);
    expect(defaultServiceId([])).toBeNull();
  });
});
