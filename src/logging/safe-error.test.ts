import { describe, expect, it } from 'vitest';
import { MAX_ERROR_TEXT, safeErrorText, scrubPersonalData } from './safe-error.js';

describe('safeErrorText', () => {
  it('keeps the error name and message on one line', () => {
    expect(safeErrorText(new TypeError('bad\n  thing'))).toBe('TypeError: bad thing');
  });

  it('never quotes a thrown non-error, which could be anything', () => {
    expect(safeErrorText('jane@example.org')).toBe('Non-error thrown: string');
    expect(safeErrorText({ body: 'secret' })).toBe('Non-error thrown: object');
  });

  it('trims to 500 characters', () => {
    const text = safeErrorText(new Error('x'.repeat(2_000)));
    expect(text).toHaveLength(MAX_ERROR_TEXT);
    expect(text.endsWith('…')).toBe(true);
  });

  it('removes email addresses and phone numbers that libraries quote back', () => {
    expect(scrubPersonalData('550 5.1.1 <jane.doe+x@mail.example.org>: Recipient rejected')).toBe(
      '550 5.1.1 <[email]>: Recipient rejected',
    );
    expect(scrubPersonalData('not a UK mobile: 07700 900123 or +447700900123')).toBe(
      'not a UK mobile: [number] or [number]',
    );
  });

  it('leaves ids, status codes and times alone', () => {
    const text = 'job 1234 for 6f1c2a9e-1234-4a5b-9c8d-123456789012 got 503 at 2026-11-21T10:00:00Z';
    expect(scrubPersonalData(text)).toBe(text);
  });
});
