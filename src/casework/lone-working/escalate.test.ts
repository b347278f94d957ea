import { describe, expect, it } from 'vitest';
import { alertMessage, alertName, episodeOf, HELP_EPISODE } from './escalate.js';

const at = (iso: string) => new Date(iso);

describe('episodeOf: keeping a call for help apart from a missed check-in', () => {
  it('a missed check-in sees only its own levels, stored as they are', () => {
    expect(episodeOf([1, 2], 'missed')).toEqual({ sentLevels: [1, 2], offset: 0 });
    expect(episodeOf([1, 2, 1_000_002], 'missed')).toEqual({ sentLevels: [1, 2], offset: 0 });
  });

  it('the first call for help is episode 1: nothing of the missed check-in counts as sent', () => {
    expect(episodeOf([1, 2], 'new_help')).toEqual({ sentLevels: [], offset: 1_000_000 });
  });

  it('the call for help under way is the latest episode stored, and finds its own levels', () => {
    expect(episodeOf([1, 2, 1_000_002, 1_000_003], 'help')).toEqual({ sentLevels: [2, 3], offset: 1_000_000 });
    expect(episodeOf([1_000_002, 1_000_003, 2_000_002], 'help')).toEqual({ sentLevels: [2], offset: 2_000_000 });
  });

  it('a new call for help after an acknowledged one opens episode 2 with nothing sent', () => {
    expect(episodeOf([1_000_002, 1_000_003], 'new_help')).toEqual({ sentLevels: [], offset: 2_000_000 });
  });

  it('the help offset is a million', () => {
    expect(HELP_EPISODE).toBe(1_000_000);
  });
});

describe('the words of an alert', () => {
  it('names the alert by its number', () => {
    expect(alertName(1)).toBe('First alert');
    expect(alertName(2)).toBe('Second alert');
    expect(alertName(10)).toBe('Tenth alert');
    expect(alertName(11)).toBe('Alert 11');
  });

  it('an email names the worker, the expected time (London), the level and the link', () => {
    // 14:30 UTC in November is 14:30 in London.
    const message = alertMessage({ workerName: 'Jo Bennett', expectedAt: at('2026-11-21T14:30:00Z'), number: 2, needsHelp: false, link: 'https://lw.example/lone-working' }, 'email');
    expect(message.subject).toBe('Second alert — Lone working: Jo Bennett has not checked in');
    expect(message.body).toBe(
      [
        'Second alert.',
        '',
        'Jo Bennett was due to check in from a home visit by 14:30 on 21 November 2026 and has not.',
        'Expected check-in: 14:30 on 21 November 2026.',
        '',
        'Call them now. If you cannot reach them, follow the lone-working procedure.',
        'When you know they are safe, acknowledge the alert so that it stops: https://lw.example/lone-working',
      ].join('\n'),
    );
  });

  it('a text message for a call for help is one short line', () => {
    // 12:00 UTC in July is 13:00 in London.
    const message = alertMessage({ workerName: 'Jo Bennett', expectedAt: at('2026-07-01T12:00:00Z'), number: 1, needsHelp: true, link: 'https://lw.example/lone-working' }, 'sms');
    expect(message.body).toBe(
      'Linkwell lone working, first alert: Jo Bennett pressed "I need help" on a home visit. Expected check-in 13:00 on 1 July 2026. Call them now. https://lw.example/lone-working',
    );
  });
});
