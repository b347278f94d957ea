import { describe, expect, it } from 'vitest';
import { EVENT_ORDER, EVENT_TITLES, eventDoneMessage, offeredEvents } from './events.js';

describe('offeredEvents', () => {
  it('keeps page order and drops events the page does not know', () => {
    expect(offeredEvents(['close', 'allocate', 'teleport', 'triage'])).toEqual(['triage', 'allocate', 'close']);
    expect(offeredEvents([])).toEqual([]);
  });
  it('has a heading and button for every event', () => {
    for (const type of EVENT_ORDER) {
      expect(EVENT_TITLES[type].heading.length).toBeGreaterThan(0);
      expect(EVENT_TITLES[type].button.length).toBeGreaterThan(0);
    }
  });
});

describe('eventDoneMessage', () => {
  it('names the link worker after an allocation', () => {
    expect(eventDoneMessage('allocate', { reference: 'LW-0001', statusLabel: 'Accepted', linkWorker: { id: 'x', name: 'Sam Patel' } })).toBe(
      'LW-0001 is allocated to Sam Patel.',
    );
  });
  it('gives the new status otherwise', () => {
    expect(eventDoneMessage('close', { reference: 'LW-0001', statusLabel: 'Closed', linkWorker: null })).toBe('LW-0001 is now: Closed.');
  });
});
