import { describe, expect, it } from 'vitest';
import { checkOnwardReferral, checkSignpost, consentMessage, londonInstant, previewPath, withTyped, type FormValues } from './forms.js';

const SERVICE = '11111111-1111-4111-8111-111111111111';
const GOAL_A = '22222222-2222-4222-8222-222222222222';
const GOAL_B = '33333333-3333-4333-8333-333333333333';
const context = { serviceId: SERVICE, organisationName: 'Riverside Age Friends', now: new Date('2026-11-21T15:00:00Z') };

/** What the page sends when the link worker keeps the defaults and ticks the consent box. */
const filled: FormValues = {
  needSummary: '  Wants company on a weekly walk  ',
  goalIds: [GOAL_A, GOAL_B],
  risks: '',
  firstContactBy: 'provider_contacts_person',
  linkWorkerStaysInvolved: 'yes',
  mayReturn: 'yes',
  'returnUntil-day': '31',
  'returnUntil-month': '3',
  'returnUntil-year': '2027',
  reportNonAttendance: 'yes',
  note: '',
  agreed: 'yes',
  givenBy: 'person',
  givenByName: '',
  method: 'verbal',
  'givenAt-day': '21',
  'givenAt-month': '11',
  'givenAt-year': '2026',
  givenAtTime: '14:05',
};

describe('checkOnwardReferral', () => {
  it('maps the form to the API body, dropping empty optional text', () => {
    const checked = checkOnwardReferral(filled, context);
    expect(checked.ok).toBe(true);
    if (!checked.ok) return;
    expect(checked.value).toEqual({
      serviceId: SERVICE,
      consent: { agreed: true, givenBy: 'person', method: 'verbal', givenAt: '2026-11-21T14:05:00+00:00' },
      handover: {
        firstContactBy: 'provider_contacts_person',
        linkWorkerStaysInvolved: true,
        mayReturn: true,
        returnUntil: '2027-03-31',
        reportNonAttendance: true,
      },
      goalIds: [GOAL_A, GOAL_B],
      needSummary: 'Wants company on a weekly walk',
    });
  });

  it('refuses to send without the consent box, naming the organisation', () => {
    const checked = checkOnwardReferral({ ...filled, agreed: '' }, context);
    expect(checked).toEqual({
      ok: false,
      errors: { detail: null, fields: { agreed: 'Confirm the person agrees to share their details with Riverside Age Friends' } },
    });
  });

  it('gives the consent message alongside other problems', () => {
    const { agreed: _agreed, ...rest } = filled;
    const checked = checkOnwardReferral({ ...rest, needSummary: ' ' }, context);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.fields).toEqual({
      needSummary: 'Say what the person would like help with from this group',
      agreed: 'Confirm the person agrees to share their details with Riverside Age Friends',
    });
  });

  it('needs a name when someone agreed on the person’s behalf, and sends it', () => {
    const missing = checkOnwardReferral({ ...filled, givenBy: 'representative' }, context);
    expect(missing.ok ? null : missing.errors.fields).toEqual({ givenByName: 'Enter the name of the person who agreed on their behalf' });
    const named = checkOnwardReferral({ ...filled, givenBy: 'representative', givenByName: 'Min Kim' }, context);
    expect(named.ok && named.value.consent).toMatchObject({ givenBy: 'representative', givenByName: 'Min Kim' });
  });

  it('refuses a consent time in the future or without a time', () => {
    const future = checkOnwardReferral({ ...filled, givenAtTime: '16:30' }, context);
    expect(future.ok ? null : future.errors.fields).toEqual({ givenAt: 'The time consent was given must be now or in the past' });
    const noTime = checkOnwardReferral({ ...filled, givenAtTime: '' }, context);
    expect(noTime.ok ? null : noTime.errors.fields).toEqual({ givenAt: 'Enter the date and time consent was given, like 21 11 2026 and 14:05' });
  });

  it('sends no return date when the person may not come back, and none when the date is left empty', () => {
    const no = checkOnwardReferral({ ...filled, mayReturn: 'no' }, context);
    expect(no.ok && no.value.handover).toMatchObject({ mayReturn: false, returnUntil: null });
    const empty = checkOnwardReferral({ ...filled, 'returnUntil-day': '', 'returnUntil-month': '', 'returnUntil-year': '' }, context);
    expect(empty.ok && empty.value.handover).toMatchObject({ mayReturn: true, returnUntil: null });
    const bad = checkOnwardReferral({ ...filled, 'returnUntil-day': '31', 'returnUntil-month': '2' }, context);
    expect(bad.ok ? null : bad.errors.fields).toEqual({ returnUntil: 'The date they can come back until must be a real date' });
  });

  it('asks for an unanswered yes/no in words, not as a type error', () => {
    const checked = checkOnwardReferral({ ...filled, reportNonAttendance: '' }, context);
    expect(checked.ok ? null : checked.errors.fields).toEqual({ reportNonAttendance: 'Say whether the group must tell you about missed sessions' });
  });

  it('sends risks and a handover note when given, and a single ticked goal as a list', () => {
    const checked = checkOnwardReferral({ ...filled, risks: 'Uses a walking stick', note: 'Meet at the café', goalIds: GOAL_A }, context);
    expect(checked.ok && [checked.value.risks, checked.value.handover.note, checked.value.goalIds]).toEqual(['Uses a walking stick', 'Meet at the café', [GOAL_A]]);
  });
});

describe('consentMessage', () => {
  it('names the organisation', () => {
    expect(consentMessage('Tea and Chat')).toBe('Confirm the person agrees to share their details with Tea and Chat');
  });
});

describe('londonInstant', () => {
  it('reads a London time in winter (GMT) and in summer (BST), and refuses anything else', () => {
    expect(londonInstant('2026-01-02', '9:30')).toBe('2026-01-02T09:30:00+00:00');
    expect(londonInstant('2026-07-01', '14:05')).toBe('2026-07-01T14:05:00+01:00');
    expect(londonInstant('2026-01-02', '24:00')).toBeNull();
    expect(londonInstant('2026-01-02', '')).toBeNull();
  });

  it('changes offset on the days the clocks change', () => {
    // Clocks go forward at 01:00 UTC on 29 March 2026 and back at 01:00 UTC on 25 October 2026.
    expect(londonInstant('2026-03-29', '00:30')).toBe('2026-03-29T00:30:00+00:00');
    expect(londonInstant('2026-03-29', '09:00')).toBe('2026-03-29T09:00:00+01:00');
    expect(londonInstant('2026-10-25', '00:30')).toBe('2026-10-25T00:30:00+01:00');
    expect(londonInstant('2026-10-25', '09:00')).toBe('2026-10-25T09:00:00+00:00');
  });

  it('refuses a summer consent time an hour ahead of now, which a UTC reading would let through', () => {
    const summer = { ...context, now: new Date('2026-07-01T13:30:00Z') };
    const at = { ...filled, 'givenAt-day': '1', 'givenAt-month': '7', givenAtTime: '14:15' };
    // 14:15 BST is 13:15 UTC, before now; 15:00 BST is 14:00 UTC, after now.
    expect(checkOnwardReferral(at, summer).ok).toBe(true);
    const later = checkOnwardReferral({ ...at, givenAtTime: '15:00' }, summer);
    expect(later.ok ? null : later.errors.fields).toEqual({ givenAt: 'The time consent was given must be now or in the past' });
  });
});

describe('previewPath', () => {
  it('puts the service and goal ids in the query, and leaves goals out when none are ticked', () => {
    expect(previewPath('abc', SERVICE, [GOAL_A, GOAL_B])).toBe(
      `/api/cases/abc/onward-referrals/preview?serviceId=${SERVICE}&goalIds=${GOAL_A}%2C${GOAL_B}`,
    );
    expect(previewPath('abc', SERVICE, [])).toBe(`/api/cases/abc/onward-referrals/preview?serviceId=${SERVICE}`);
  });
});

describe('withTyped', () => {
  it('shows the typed need summary and risks only where those fields are shared', () => {
    const shared = { name: 'Grace Kim' };
    expect(withTyped(shared, ['name', 'need_summary', 'risks'], { needSummary: ' Walks ', risks: '' })).toEqual({ name: 'Grace Kim', needSummary: 'Walks', risks: null });
    expect(withTyped(shared, ['name'], { needSummary: 'Walks', risks: 'Stairs' })).toEqual({ name: 'Grace Kim' });
  });
});

describe('checkSignpost', () => {
  it('sends a directory service by id, without a name', () => {
    const checked = checkSignpost({ information: 'Gave the leaflet', 'givenOn-day': '20', 'givenOn-month': '11', 'givenOn-year': '2026' }, SERVICE, '2026-11-21');
    expect(checked).toEqual({ ok: true, value: { serviceId: SERVICE, information: 'Gave the leaflet', givenOn: '2026-11-20' } });
  });

  it('needs a name when no directory service is chosen, and a date not in the future', () => {
    const checked = checkSignpost({ serviceName: ' ', 'givenOn-day': '22', 'givenOn-month': '11', 'givenOn-year': '2026' }, null, '2026-11-21');
    expect(checked).toEqual({
      ok: false,
      errors: {
        detail: null,
        fields: {
          serviceName: 'Enter the name of the service or group you told them about',
          givenOn: 'The date the information was given must be today or in the past',
        },
      },
    });
  });

  it('sends a named service with no information', () => {
    const checked = checkSignpost({ serviceName: 'Citizens Advice', 'givenOn-day': '21', 'givenOn-month': '11', 'givenOn-year': '2026' }, null, '2026-11-21');
    expect(checked).toEqual({ ok: true, value: { serviceId: null, serviceName: 'Citizens Advice', givenOn: '2026-11-21' } });
  });
});
