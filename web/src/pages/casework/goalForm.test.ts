import { describe, expect, it } from 'vitest';
import { goalBody, progressBody, type GoalValues } from './goalForm.js';

const none = { day: '', month: '', year: '' };
const base: GoalValues = { title: 'Join a walking group', domain: '', steps: [], targetDate: none, reviewDate: none };

describe('goal form to body', () => {
  it('sends null for no domain and no dates, and drops empty step rows', () => {
    const checked = goalBody({
      ...base,
      steps: [
        { key: 1, text: 'Find a group near me', owner: 'together', done: true },
        { key: 2, text: '  ', owner: 'person', done: false },
      ],
    });
    expect(checked).toEqual({
      ok: true,
      value: { title: 'Join a walking group', domain: null, steps: [{ text: 'Find a group near me', owner: 'together', done: true }], targetDate: null, reviewDate: null },
    });
  });

  it('reads the domain and both dates', () => {
    const checked = goalBody({ ...base, domain: 'loneliness', targetDate: { day: '31', month: '1', year: '2027' }, reviewDate: { day: '3', month: '12', year: '2026' } });
    expect(checked.ok && checked.value).toEqual({ title: 'Join a walking group', domain: 'loneliness', steps: [], targetDate: '2027-01-31', reviewDate: '2026-12-03' });
  });

  it('says what is wrong with the title and dates', () => {
    const checked = goalBody({ ...base, title: ' ', targetDate: { day: '31', month: '', year: '2027' }, reviewDate: { day: '30', month: '2', year: '2027' } });
    expect(checked).toEqual({
      ok: false,
      errors: {
        detail: null,
        fields: {
          title: 'Write the goal in the person’s words',
          targetDate: 'The target date must include a day, month and year',
          reviewDate: 'The review date must be a real date',
        },
      },
    });
  });
});

describe('goal progress to body', () => {
  it('sends an event, with its note or reason, and the rating', () => {
    expect(progressBody('start', '', '')).toEqual({ ok: true, value: { event: { type: 'start' } } });
    expect(progressBody('change', 'Walk with a friend instead', '4')).toEqual({ ok: true, value: { event: { type: 'change', note: 'Walk with a friend instead' }, personRating: 4 } });
    expect(progressBody('drop', 'Moved away', '')).toEqual({ ok: true, value: { event: { type: 'drop', reason: 'Moved away' } } });
    expect(progressBody(null, '', '10')).toEqual({ ok: true, value: { personRating: 10 } });
  });

  it('asks for the reason or note in the one note box, and for a rating when nothing else', () => {
    expect(progressBody('drop', '', '')).toEqual({ ok: false, errors: { detail: null, fields: { note: 'Say why the goal was dropped' } } });
    expect(progressBody('change', ' ', '')).toEqual({ ok: false, errors: { detail: null, fields: { note: 'Say what the goal changed to' } } });
    expect(progressBody(null, '', '')).toEqual({ ok: false, errors: { detail: null, fields: { personRating: 'Choose how the person rates their progress, from 0 to 10' } } });
  });
});
