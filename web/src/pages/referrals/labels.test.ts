import { describe, expect, it } from 'vitest';
import { REFERRAL_STATUSES } from '../../../../src/contracts/referral-codes.js';
import {
  addressLines,
  codingText,
  communicationLines,
  contactLines,
  criterionText,
  deliveryText,
  feedbackSentText,
  formatDate,
  formatNhsNumber,
  labelFor,
  needLabels,
  newestFirst,
  personName,
  plural,
  practiceText,
  statusTag,
  targetTag,
  urgencyTag,
  waitingText,
} from './labels.js';

describe('statusTag', () => {
  it('gives every status its label and a colour', () => {
    for (const status of REFERRAL_STATUSES) {
      const tag = statusTag(status);
      expect(tag.label.length).toBeGreaterThan(0);
      expect(tag.colour.length).toBeGreaterThan(0);
    }
    expect(statusTag('received')).toEqual({ label: 'Received', colour: 'blue' });
    expect(statusTag('active')).toEqual({ label: 'Receiving support', colour: 'green' });
    expect(statusTag('closed')).toEqual({ label: 'Closed', colour: 'grey' });
  });
  it('shows a status it does not know in its own words', () => {
    expect(statusTag('on_hold')).toEqual({ label: 'on_hold', colour: 'grey' });
  });
});

describe('urgencyTag and targetTag', () => {
  it('colours urgent red and routine grey', () => {
    expect(urgencyTag('urgent')).toEqual({ label: 'Urgent', colour: 'red' });
    expect(urgencyTag('routine').colour).toBe('grey');
  });
  it('says a breached target is missed, in red, and due today in orange', () => {
    expect(targetTag('breached')).toEqual({ label: 'Target missed', colour: 'red' });
    expect(targetTag('due-today')).toEqual({ label: 'Due today', colour: 'orange' });
    expect(targetTag('on-track')).toEqual({ label: 'On track', colour: 'green' });
    expect(targetTag('met').label).toBe('Target met');
    expect(targetTag('missed').colour).toBe('grey');
  });
});

describe('formatDate', () => {
  it('shows a calendar date as it is, whatever the time zone', () => {
    expect(formatDate('1956-03-14')).toBe('14 March 1956');
  });
  it('shows an instant as its date in London', () => {
    expect(formatDate('2026-06-30T23:30:00Z')).toBe('1 July 2026');
    expect(formatDate('2026-01-31T23:30:00Z')).toBe('31 January 2026');
  });
  it('shows something unreadable as it came', () => {
    expect(formatDate('soon')).toBe('soon');
  });
});

describe('counts and lists', () => {
  it('says one or many', () => {
    expect(plural(1, 'case', 'cases')).toBe('1 case');
    expect(plural(0, 'case', 'cases')).toBe('0 cases');
    expect(waitingText(1)).toBe('1 working day');
    expect(waitingText(6)).toBe('6 working days');
  });
  it('lists feedback sent, or none yet', () => {
    expect(feedbackSentText([])).toBe('None yet');
    expect(feedbackSentText(['received', 'first_contact'])).toBe('Referral received; First contact made');
  });
  it('labels needs from the scheme list, keeping unknown codes', () => {
    const categories = [{ code: 'housing', label: 'Housing' }];
    expect(needLabels(['housing', 'kites'], categories)).toEqual(['Housing', 'kites']);
    expect(labelFor(categories, 'housing')).toBe('Housing');
  });
  it('describes an eligibility check', () => {
    expect(criterionText(true)).toBe('Met');
    expect(criterionText(false)).toBe('Not met');
    expect(criterionText(null)).toBe('Not known');
  });
});

describe('person details', () => {
  it('formats an NHS number in groups of 3, 3 and 4', () => {
    expect(formatNhsNumber('9434765919')).toBe('943 476 5919');
  });
  it('names the person, with a preferred name when different', () => {
    expect(personName({ givenName: 'Margaret', familyName: 'Hale', preferredName: null })).toBe('Margaret Hale');
    expect(personName({ givenName: 'Margaret', familyName: 'Hale', preferredName: 'Peggy' })).toBe('Margaret Hale (known as Peggy)');
    expect(personName({ givenName: 'Margaret', familyName: 'Hale', preferredName: 'Margaret' })).toBe('Margaret Hale');
  });
  it('leaves empty address lines out', () => {
    expect(addressLines({ addressLine1: '1 Mill Lane', addressLine2: null, town: 'Leeds', postcode: 'LS1 4AP' })).toEqual(['1 Mill Lane', 'Leeds', 'LS1 4AP']);
    expect(addressLines({ addressLine1: null, addressLine2: ' ', town: null, postcode: null })).toEqual([]);
  });
  it('describes contact preferences and communication needs in words', () => {
    expect(contactLines({ preferredContactMethod: 'sms', contactTimes: 'Mornings', phone: '07700 900123', email: null })).toEqual([
      'Prefers: Text message',
      'Best times: Mornings',
      'Phone: 07700 900123',
    ]);
    expect(communicationLines({ language: 'Polish', interpreterNeeded: true, accessibleFormats: ['large-print', 'bsl'] })).toEqual([
      'Language: Polish',
      'Needs an interpreter',
      'Information in: Large print, British Sign Language',
    ]);
    expect(communicationLines({ language: null, interpreterNeeded: false, accessibleFormats: [] })).toEqual([]);
  });
});

describe('timeline', () => {
  it('names SNOMED CT and keeps other systems as they are', () => {
    expect(codingText({ system: 'http://snomed.info/sct', code: '871731000000106', display: 'Referral to social prescribing service' })).toBe(
      'SNOMED CT 871731000000106 Referral to social prescribing service',
    );
    expect(codingText({ system: 'urn:local', code: 'x1', display: 'Local' })).toBe('urn:local x1 Local');
  });
  it('puts the newest entry first and keeps the later-recorded of two at the same moment first', () => {
    const entries = [
      { id: 'a', occurredAt: '2026-01-01T09:00:00Z' },
      { id: 'b', occurredAt: '2026-01-03T09:00:00Z' },
      { id: 'c', occurredAt: '2026-01-02T09:00:00Z' },
      { id: 'd', occurredAt: '2026-01-03T09:00:00Z' },
    ];
    expect(newestFirst(entries).map((e) => e.id)).toEqual(['d', 'b', 'c', 'a']);
  });
});

describe('deliveryText', () => {
  it('says how a feedback message got on', () => {
    expect(deliveryText('delivered')).toBe('Delivered');
    expect(deliveryText('permanent-failure')).toBe('Could not be delivered');
    expect(deliveryText(null)).toBe('Not known');
    expect(deliveryText('bounced')).toBe('bounced');
  });
});

describe('practiceText', () => {
  it('names the practice with its ODS code when the name is known', () => {
    expect(practiceText('B82005', 'Mill Lane Surgery')).toBe('Mill Lane Surgery (B82005)');
  });
  it('falls back to the code, then to "Not known"', () => {
    expect(practiceText('B82005', null)).toBe('B82005');
    expect(practiceText('B82005', ' ')).toBe('B82005');
    expect(practiceText(null, null)).toBe('Not known');
    expect(practiceText('', null)).toBe('Not known');
  });
});
