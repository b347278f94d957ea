import { describe, expect, it } from 'vitest';
import { scheduleKey, slotStart } from './slots.js';

describe('slotStart', () => {
  it('rounds down to the start of the period, counted from the epoch', () => {
    expect(slotStart(new Date('2026-11-21T10:17:42.123Z'), 3600).toISOString()).toBe('2026-11-21T10:00:00.000Z');
    expect(slotStart(new Date('2026-11-21T10:17:42.999Z'), 1).toISOString()).toBe('2026-11-21T10:17:42.000Z');
    expect(slotStart(new Date('2026-11-21T10:17:42Z'), 300).toISOString()).toBe('2026-11-21T10:15:00.000Z');
  });

  it('gives every moment in one slot the same start', () => {
    const a = slotStart(new Date('2026-11-21T10:00:00.000Z'), 60);
    const b = slotStart(new Date('2026-11-21T10:00:59.999Z'), 60);
    expect(a).toEqual(b);
    expect(slotStart(new Date('2026-11-21T10:01:00.000Z'), 60)).not.toEqual(a);
  });

  it('treats a period under a second as one second', () => {
    expect(slotStart(new Date('2026-11-21T10:00:00.700Z'), 0).toISOString()).toBe('2026-11-21T10:00:00.000Z');
  });
});

describe('scheduleKey', () => {
  it('names the schedule and the slot', () => {
    expect(scheduleKey('purge', new Date('2026-11-21T10:00:00Z'))).toBe('schedule:purge:2026-11-21T10:00:00.000Z');
  });
});
