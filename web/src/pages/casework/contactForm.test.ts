import { describe, expect, it } from 'vitest';
import { ApiProblem } from '../../api/problem.js';
import { problemToFormErrors } from '../../forms/errors.js';
import { renameProblem } from '../referrals/forms.js';
import { CONTACT_FIELDS, contactBody, outcomeBody, type ContactValues } from './contactForm.js';

const base: ContactValues = {
  kind: 'book',
  mode: 'home_visit',
  attended: '',
  date: { day: '3', month: '12', year: '2026' },
  time: '14:00',
  duration: '60',
  location: ' 4 Mill Lane ',
  attendees: '',
  notes: '',
  checkInBy: '15:30',
};

describe('contact form to body', () => {
  it('books a home visit with a check-in time, in London time', () => {
    expect(contactBody(base)).toEqual({
      ok: true,
      value: {
        mode: 'home_visit',
        status: 'booked',
        scheduledAt: '2026-12-03T14:00:00+00:00',
        durationMinutes: 60,
        location: '4 Mill Lane',
        attendees: null,
        notes: null,
        expectedCheckInAt: '2026-12-03T15:30:00+00:00',
      },
    });
  });

  it('records a summer phone call that happened, with no check-in', () => {
    const checked = contactBody({ ...base, kind: 'record', mode: 'phone', attended: 'did_not_attend', date: { day: '1', month: '7', year: '2026' }, time: '9.30', duration: '', location: '', checkInBy: '' });
    expect(checked).toEqual({
      ok: true,
      value: { mode: 'phone', status: 'did_not_attend', scheduledAt: '2026-07-01T09:30:00+01:00', durationMinutes: null, location: null, attendees: null, notes: null, expectedCheckInAt: null },
    });
  });

  it('asks for a check-in time after the start of a booked home visit', () => {
    expect(contactBody({ ...base, checkInBy: '' })).toEqual({ ok: false, errors: { detail: null, fields: { checkInBy: 'Enter the time you will check in by, like 15:30' } } });
    expect(contactBody({ ...base, checkInBy: '13:59' })).toEqual({ ok: false, errors: { detail: null, fields: { checkInBy: 'The check-in time must be after the visit starts' } } });
  });

  it('says what is missing', () => {
    const checked = contactBody({ ...base, kind: 'record', mode: '', attended: '', date: { day: '', month: '', year: '' }, time: '25:00', duration: 'an hour' });
    expect(checked).toEqual({
      ok: false,
      errors: {
        detail: null,
        fields: {
          mode: 'Choose how you are meeting or speaking',
          attended: 'Say whether the person came',
          date: 'Enter the date',
          time: 'Enter the time as hours and minutes, like 14:30',
          durationMinutes: 'Enter the length in whole minutes, like 45',
        },
      },
    });
  });
});

describe('contact outcome to body', () => {
  it('sends the event, with a reason only for a cancellation, and optional length and notes', () => {
    expect(outcomeBody('attended', '', '45', 'Talked about the walk')).toEqual({ ok: true, value: { event: { type: 'attended' }, durationMinutes: 45, notes: 'Talked about the walk' } });
    expect(outcomeBody('did_not_attend', '', '', '  ')).toEqual({ ok: true, value: { event: { type: 'did_not_attend' } } });
    expect(outcomeBody('cancel', 'They are in hospital', '', '')).toEqual({ ok: true, value: { event: { type: 'cancel', reason: 'They are in hospital' } } });
  });

  it('says what is missing', () => {
    expect(outcomeBody('', '', '', '')).toEqual({ ok: false, errors: { detail: null, fields: { event: 'Choose what happened' } } });
    expect(outcomeBody('cancel', ' ', '', '')).toEqual({ ok: false, errors: { detail: null, fields: { reason: 'Say why it was cancelled' } } });
    expect(outcomeBody('attended', '', '1.5', '')).toEqual({ ok: false, errors: { detail: null, fields: { durationMinutes: 'Enter the length in whole minutes, like 45' } } });
  });
});

describe('server errors on the contact form', () => {
  it('puts errors on the visit time and check-in time next to the date and check-in boxes', () => {
    const problem = new ApiProblem(400, 'Bad request', 'Invalid', [
      { field: 'body.scheduledAt', message: 'The visit must be in the future' },
      { field: 'body.expectedCheckInAt', message: 'Check in within 12 hours' },
    ]);
    const errors = problemToFormErrors(renameProblem(problem, CONTACT_FIELDS), ['kind', 'mode', 'date', 'time', 'checkInBy']);
    expect(errors).toEqual({ detail: null, fields: { date: 'The visit must be in the future', checkInBy: 'Check in within 12 hours' } });
  });
});
