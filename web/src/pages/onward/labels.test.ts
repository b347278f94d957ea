import { describe, expect, it } from 'vitest';
import { eventLabel, handoverRows, onwardStatusTag, providerHandoverSentences, reasonText, respondByText, sharedName, sharedRows } from './labels.js';

const handover = {
  firstContactBy: 'provider_contacts_person' as const,
  linkWorkerStaysInvolved: true,
  mayReturn: true,
  returnUntil: '2027-03-31',
  reportNonAttendance: true,
};

describe('providerHandoverSentences', () => {
  it('tells the group what to do, by the person’s name', () => {
    expect(providerHandoverSentences(handover, 'Grace')).toEqual([
      'You contact Grace first.',
      'The link worker stays involved while Grace comes to you.',
      'Grace can go back to the link worker until 31 March 2027.',
      'Tell the link worker if Grace misses sessions.',
    ]);
  });

  it('words the other choices', () => {
    expect(
      providerHandoverSentences(
        { firstContactBy: 'person_contacts_provider', linkWorkerStaysInvolved: false, mayReturn: false, returnUntil: null, reportNonAttendance: false },
        'Grace',
      ),
    ).toEqual([
      'Grace will contact you first.',
      "The link worker is handing over: you are Grace's main contact from now on.",
      'Grace would need a new referral to go back to the link worker.',
      'You do not need to tell the link worker about missed sessions.',
    ]);
    expect(providerHandoverSentences({ ...handover, firstContactBy: 'link_worker_introduces', returnUntil: null }, 'Sam').slice(0, 3)).toEqual([
      'The link worker will introduce Sam to you, for example by coming along to the first session.',
      'The link worker stays involved while Sam comes to you.',
      'Sam can go back to the link worker if they need to.',
    ]);
  });
});

describe('handoverRows', () => {
  it('reads the agreement back to the link worker, with the note only when there is one', () => {
    expect(handoverRows({ ...handover, note: null })).toEqual([
      { key: 'Who makes first contact', value: 'The group contacts the person' },
      { key: 'Link worker stays involved', value: 'Yes' },
      { key: 'May come back to the link worker', value: 'Yes, until 31 March 2027' },
      { key: 'Group tells the link worker about missed sessions', value: 'Yes' },
    ]);
    expect(handoverRows({ ...handover, mayReturn: false, note: ' Meet at the gate ' }).slice(2)).toEqual([
      { key: 'May come back to the link worker', value: 'No' },
      { key: 'Group tells the link worker about missed sessions', value: 'Yes' },
      { key: 'Note', value: 'Meet at the gate' },
    ]);
  });
});

describe('sharedName', () => {
  it('prefers the preferred name, then the name, then "the person"', () => {
    expect(sharedName({ name: 'Grace Kim', preferredName: 'Gracie' })).toBe('Gracie');
    expect(sharedName({ name: 'Grace Kim', preferredName: null })).toBe('Grace Kim');
    expect(sharedName({})).toBe('the person');
    expect(sharedName(null)).toBe('the person');
  });
});

describe('sharedRows', () => {
  it('lists exactly the shared fields, in the order given, with their labels', () => {
    const rows = sharedRows(['name', 'contact', 'goals', 'communication_needs', 'risks'], {
      name: 'Grace Kim',
      preferredName: null,
      contact: { phone: '07700 900123', email: null, preferredMethod: 'phone', times: 'Mornings' },
      goals: ['Walk to the park', 'Meet new people'],
      communicationNeeds: { language: 'Korean', interpreterNeeded: true, accessibleFormats: ['large-print'] },
      risks: null,
    });
    expect(rows).toEqual([
      { key: 'Name', lines: ['Grace Kim'] },
      { key: 'How to contact them', lines: ['Phone: 07700 900123', 'Prefers: Phone call', 'Best times: Mornings'] },
      { key: 'Their goals that this service supports', lines: ['Walk to the park', 'Meet new people'] },
      { key: 'Communication needs', lines: ['Language: Korean', 'Needs an interpreter', 'Formats: Large print'] },
      { key: 'Risks that affect your staff or volunteers', lines: [] },
    ]);
  });

  it('shows a preferred name beside the name, and a date of birth as a date', () => {
    expect(sharedRows(['name', 'date_of_birth'], { name: 'Grace Kim', preferredName: 'Gracie', dateOfBirth: '1950-06-02' })).toEqual([
      { key: 'Name', lines: ['Grace Kim (known as Gracie)'] },
      { key: 'Date of birth', lines: ['2 June 1950'] },
    ]);
  });
});

describe('small words', () => {
  it('tags each status in words', () => {
    expect(onwardStatusTag('waitlisted')).toEqual({ label: 'On the waiting list', colour: 'yellow' });
    expect(onwardStatusTag('expired')).toEqual({ label: 'No reply in time', colour: 'red' });
  });

  it('names decline and drop-out reasons, and keeps an unknown code', () => {
    expect(reasonText('outside-area')).toBe('Outside the area we cover');
    expect(reasonText('practical')).toBe('Travel, cost or timing');
    expect(reasonText('mystery')).toBe('mystery');
    expect(reasonText(null)).toBeNull();
  });

  it('marks an overdue reply date', () => {
    expect(respondByText('2026-12-03', true)).toBe('3 December 2026 (overdue)');
    expect(respondByText('2026-12-03', false)).toBe('3 December 2026');
  });

  it('heads timeline entries by what changed', () => {
    expect(eventLabel({ kind: 'sent', fromStatus: null, toStatus: 'sent' })).toBe('Referral sent');
    expect(eventLabel({ kind: 'accept', fromStatus: 'sent', toStatus: 'accepted' })).toBe('Accepted');
    expect(eventLabel({ kind: 'provider_nudge', fromStatus: null, toStatus: null })).toBe('Provider nudge');
  });
});
