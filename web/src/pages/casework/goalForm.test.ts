import { describe, expect, it } from 'vitest';
import type { Goal } from '../../../../src/contracts/casework.js';
import { ApiProblem } from '../../api/problem.js';
import { problemToFormErrors } from '../../forms/errors.js';
import { goalBody, goalFieldOrder, goalProblem, mayEditGoal, progressBody, type GoalValues, type StepRow } from './goalForm.js';

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

describe('errors on steps', () => {
  const rows: StepRow[] = [
    { key: 1, text: 'Find a group', owner: 'person', done: false },
    { key: 2, text: '', owner: 'person', done: false },
    { key: 3, text: 'x'.repeat(501), owner: 'link_worker', done: false },
  ];

  it('puts a step that is too long next to its own box, counting the empty row the body leaves out', () => {
    const checked = goalBody({ ...base, steps: rows });
    expect(checked).toEqual({ ok: false, errors: { detail: null, fields: { 'step-3': 'Too big: expected string to have <=500 characters' } } });
  });

  it('maps the server’s body.steps.N.text to the row on the page', () => {
    const problem = new ApiProblem(400, 'Bad request', 'Invalid', [
      { field: 'body.steps.1.text', message: 'Describe the step' },
      { field: 'body.title', message: 'Write the goal in the person’s words' },
    ]);
    expect(problemToFormErrors(goalProblem(problem, rows), goalFieldOrder(rows))).toEqual({
      detail: null,
      fields: { 'step-3': 'Describe the step', title: 'Write the goal in the person’s words' },
    });
  });

  it('lists the step boxes between the steps and the dates', () => {
    expect(goalFieldOrder(rows)).toEqual(['title', 'domain', 'steps', 'step-1', 'step-2', 'step-3', 'targetDate', 'reviewDate']);
  });
});

describe('which goals may be edited', () => {
  const goal = (status: Goal['status']): Goal => ({
    id: '00000000-0000-4000-8000-000000000001',
    referralId: '00000000-0000-4000-8000-000000000002',
    title: 'Join a walking group',
    domain: null,
    steps: [],
    targetDate: null,
    reviewDate: null,
    status,
    personRating: null,
    ratedAt: null,
    reviewDue: false,
    allowedEvents: [],
    history: [],
    createdBy: 'Sam',
    version: 1,
  });

  it('allows a new goal and a goal still in play, not a changed or dropped one', () => {
    expect(mayEditGoal(null)).toBe(true);
    expect(mayEditGoal(goal('not_started'))).toBe(true);
    expect(mayEditGoal(goal('in_progress'))).toBe(true);
    expect(mayEditGoal(goal('achieved'))).toBe(true);
    expect(mayEditGoal(goal('changed'))).toBe(false);
    expect(mayEditGoal(goal('dropped'))).toBe(false);
  });
});

describe('goal progress to body', () => {
  it('sends the note, trimmed, with a start, an achievement, a reopening or a rating alone', () => {
    expect(progressBody('start', '  Went to the first walk ', '')).toEqual({ ok: true, value: { event: { type: 'start' }, note: 'Went to the first walk' } });
    expect(progressBody('achieve', 'Walks every week', '9')).toEqual({ ok: true, value: { event: { type: 'achieve' }, note: 'Walks every week', personRating: 9 } });
    expect(progressBody('reopen', 'Wants to try again', '', false)).toEqual({ ok: true, value: { event: { type: 'reopen' }, note: 'Wants to try again' } });
    expect(progressBody(null, 'Feeling better', '6')).toEqual({ ok: true, value: { personRating: 6, note: 'Feeling better' } });
    expect(progressBody('start', '   ', '')).toEqual({ ok: true, value: { event: { type: 'start' } } });
  });

  it('asks for a status change, not a rating, when the goal may not be rated', () => {
    expect(progressBody(null, '', '', false)).toEqual({ ok: false, errors: { detail: null, fields: { event: 'Choose what has happened to the goal' } } });
  });

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
