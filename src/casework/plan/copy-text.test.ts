import { describe, expect, it } from 'vitest';
import { buildPlanCopy, planCopyFields, type PlanCopyFacts } from './copy-text.js';

const facts = (overrides: Partial<PlanCopyFacts> = {}): PlanCopyFacts => ({
  personName: 'Grace Kim',
  schemeName: 'Riverside Social Prescribing',
  linkWorkerName: 'Jo Bennett',
  preparedOn: '2026-11-21',
  whatMatters: 'Getting out of the house and seeing people again.',
  goals: [
    {
      title: 'Go to a walking group',
      status: 'in_progress',
      steps: [
        { text: 'Find a group near home', owner: 'together', done: true },
        { text: 'Go to the first walk', owner: 'person', done: false },
      ],
      targetDate: '2027-01-31',
      reviewDate: '2026-12-03',
    },
    { title: 'Sort out the gas bill', status: 'not_started', steps: [], targetDate: null, reviewDate: '2026-12-10' },
  ],
  contactEmail: 'hello@riverside.example.org',
  contactPhone: '0113 496 0000',
  ...overrides,
});

describe('the person’s copy of their plan', () => {
  it('reads as a letter to the person, section by section', () => {
    expect(buildPlanCopy(facts()).text).toBe(
      [
        'Your plan',
        '',
        'This is the plan you made with Jo Bennett at Riverside Social Prescribing. It is for Grace Kim, and was written on 21 November 2026.',
        '',
        'What matters to you',
        'Getting out of the house and seeing people again.',
        '',
        'Your goals',
        '1. Go to a walking group',
        '   How it is going: In progress',
        '   Steps:',
        '   - Find a group near home (You and your link worker together, done)',
        '   - Go to the first walk (You)',
        '   Aim to do this by 31 January 2027.',
        '   We will look at this goal again on 3 December 2026.',
        '',
        '2. Sort out the gas bill',
        '   How it is going: Not started',
        '   We will look at this goal again on 10 December 2026.',
        '',
        'Next review',
        'We will look at your plan together on 3 December 2026.',
        '',
        'How to reach us',
        'To talk to your link worker, Jo Bennett, contact Riverside Social Prescribing:',
        'Email: hello@riverside.example.org',
        'Phone: 0113 496 0000',
        '',
        'You can change your plan at any time. Just tell us.',
      ].join('\n'),
    );
  });

  it('gives dates in words and steps with plain labels of who does them', () => {
    const copy = planCopyFields(facts());
    expect(copy.preparedOn).toBe('21 November 2026');
    expect(copy.goals[0]).toEqual({
      title: 'Go to a walking group',
      status: 'In progress',
      steps: [
        { text: 'Find a group near home', who: 'You and your link worker together', done: true },
        { text: 'Go to the first walk', who: 'You', done: false },
      ],
      targetDate: 'by 31 January 2027',
      reviewDate: '3 December 2026',
    });
    expect(copy.contact).toEqual({ linkWorkerName: 'Jo Bennett', email: 'hello@riverside.example.org', phone: '0113 496 0000' });
  });

  it('leaves changed and dropped goals out, and takes the next review from goals still being worked on', () => {
    const copy = planCopyFields(
      facts({
        goals: [
          { title: 'Old goal', status: 'changed', steps: [], targetDate: null, reviewDate: '2026-11-25' },
          { title: 'Stopped goal', status: 'dropped', steps: [], targetDate: null, reviewDate: '2026-11-26' },
          { title: 'Done goal', status: 'achieved', steps: [], targetDate: null, reviewDate: '2026-11-27' },
          { title: 'Live goal', status: 'in_progress', steps: [], targetDate: null, reviewDate: '2027-02-01' },
        ],
      }),
    );
    expect(copy.goals.map((g) => [g.title, g.status])).toEqual([
      ['Done goal', 'Achieved'],
      ['Live goal', 'In progress'],
    ]);
    expect(copy.nextReview).toBe('1 February 2027');
  });

  it('says plainly what is not there yet: no assessment, no goals, no review, no link worker, no contact details', () => {
    const text = buildPlanCopy(facts({ whatMatters: null, goals: [], linkWorkerName: null, contactEmail: null, contactPhone: null })).text;
    expect(text).toContain('This is the plan you made at Riverside Social Prescribing.');
    expect(text).toContain('What matters to you\nWe have not written this down yet. We will talk about it at your next meeting.');
    expect(text).toContain('Your goals\nYou have not set any goals yet. We will work them out together.');
    expect(text).toContain('Next review\nNo review date is set yet. We will agree one with you.');
    expect(text).toContain(
      'To talk to your link worker, contact Riverside Social Prescribing:\nAsk the person who gave you this plan how to reach them.',
    );
  });

  it('gives only the contact details the scheme has', () => {
    const text = buildPlanCopy(facts({ contactEmail: null })).text;
    expect(text).toContain('Riverside Social Prescribing:\nPhone: 0113 496 0000\n');
    expect(text).not.toContain('Email:');
  });
});
