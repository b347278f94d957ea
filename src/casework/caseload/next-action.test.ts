import { describe, expect, it } from 'vitest';
import { compareCaseloadItems, nextActionFor, type CaseFacts, type Sortable } from './next-action.js';

const TODAY = '2026-11-21';
const facts = (overrides: Partial<CaseFacts> = {}): CaseFacts => ({
  status: 'active',
  firstContactDue: null,
  firstContactAt: null,
  openTasks: [],
  goalReviews: [],
  ...overrides,
});

describe('nextActionFor', () => {
  it('is null when nothing on the case has a date', () => {
    expect(nextActionFor(facts(), TODAY)).toBeNull();
  });

  it('asks for first contact while an accepted case has had none', () => {
    expect(nextActionFor(facts({ status: 'accepted', firstContactDue: '2026-11-25' }), TODAY)).toEqual({
      label: 'Make first contact with the person',
      dueOn: '2026-11-25',
      overdue: false,
    });
    expect(nextActionFor(facts({ status: 'accepted', firstContactDue: '2026-11-20' }), TODAY)).toEqual({
      label: 'Make first contact with the person',
      dueOn: '2026-11-20',
      overdue: true,
    });
  });

  it('drops the first-contact target once contact is made or the case has moved on', () => {
    expect(nextActionFor(facts({ status: 'accepted', firstContactDue: '2026-11-20', firstContactAt: new Date('2026-11-19T10:00:00Z') }), TODAY)).toBeNull();
    expect(nextActionFor(facts({ status: 'first_contact', firstContactDue: '2026-11-20' }), TODAY)).toBeNull();
  });

  it('takes the earliest of tasks, the first-contact target and goal reviews', () => {
    const action = nextActionFor(
      facts({
        status: 'accepted',
        firstContactDue: '2026-11-27',
        openTasks: [
          { title: 'Ring the walking group', dueOn: '2026-11-30' },
          { title: 'Check the benefits form', dueOn: '2026-11-24' },
        ],
        goalReviews: [{ title: 'Walk twice a week', reviewDate: '2026-11-26' }],
      }),
      TODAY,
    );
    expect(action).toEqual({ label: 'Check the benefits form', dueOn: '2026-11-24', overdue: false });
  });

  it('names the goal to review, and a review date already passed is overdue', () => {
    expect(nextActionFor(facts({ goalReviews: [{ title: 'Walk twice a week', reviewDate: '2026-11-18' }] }), TODAY)).toEqual({
      label: 'Review the goal “Walk twice a week”',
      dueOn: '2026-11-18',
      overdue: true,
    });
  });

  it('is not overdue on the day it is due', () => {
    expect(nextActionFor(facts({ openTasks: [{ title: 'Phone back', dueOn: TODAY }] }), TODAY)?.overdue).toBe(false);
  });

  it('on the same day prefers a task, then first contact, then a review', () => {
    const sameDay = '2026-11-23';
    expect(
      nextActionFor(
        facts({ status: 'accepted', firstContactDue: sameDay, openTasks: [{ title: 'Task', dueOn: sameDay }], goalReviews: [{ title: 'Goal', reviewDate: sameDay }] }),
        TODAY,
      )?.label,
    ).toBe('Task');
    expect(nextActionFor(facts({ status: 'accepted', firstContactDue: sameDay, goalReviews: [{ title: 'Goal', reviewDate: sameDay }] }), TODAY)?.label).toBe(
      'Make first contact with the person',
    );
  });
});

describe('compareCaseloadItems', () => {
  const item = (personName: string, overrides: Partial<Sortable> = {}): Sortable => ({ openAlerts: 0, nextAction: null, personName, reference: `R-${personName}`, ...overrides });

  it('puts alerts first, then overdue actions, then the soonest due, then undated, then by name', () => {
    const items = [
      item('Undated B'),
      item('Due later', { nextAction: { label: 'x', dueOn: '2026-12-10', overdue: false } }),
      item('Undated A'),
      item('Overdue', { nextAction: { label: 'x', dueOn: '2026-11-01', overdue: true } }),
      item('Alerted, undated', { openAlerts: 1 }),
      item('Due soon', { nextAction: { label: 'x', dueOn: '2026-11-22', overdue: false } }),
      item('Alerted, overdue', { openAlerts: 2, nextAction: { label: 'x', dueOn: '2026-11-02', overdue: true } }),
    ];
    expect(items.sort(compareCaseloadItems).map((i) => i.personName)).toEqual([
      'Alerted, overdue',
      'Alerted, undated',
      'Overdue',
      'Due soon',
      'Due later',
      'Undated A',
      'Undated B',
    ]);
  });

  it('orders two overdue cases by how long they have been overdue', () => {
    const older = item('Zed', { nextAction: { label: 'x', dueOn: '2026-11-01', overdue: true } });
    const newer = item('Abe', { nextAction: { label: 'x', dueOn: '2026-11-10', overdue: true } });
    expect([newer, older].sort(compareCaseloadItems).map((i) => i.personName)).toEqual(['Zed', 'Abe']);
  });
});
