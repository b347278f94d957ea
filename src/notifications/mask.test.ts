import { describe, expect, it } from 'vitest';
import { maskRecipient } from './mask.js';

describe('maskRecipient', () => {
  it('shows the first letter and the domain of an email address', () => {
    expect(maskRecipient('jane.doe@example.org')).toBe('j•••@example.org');
    expect(maskRecipient('j@nhs.net')).toBe('j•••@nhs.net');
    expect(maskRecipient('  Jo@Example.org ')).toBe('J•••@Example.org');
  });

  it('uses the last @, since a quoted local part may contain one', () => {
    expect(maskRecipient('"a@b"@example.org')).toBe('"•••@example.org');
  });

  it('shows only the last four digits of a phone number', () => {
    expect(maskRecipient('07700 900123')).toBe('•••••••0123');
    expect(maskRecipient('+44 7700 901234')).toBe('•••••••1234');
  });

  it('hides short or odd values entirely', () => {
    expect(maskRecipient('12345')).toBe('•••••••');
    expect(maskRecipient('@example.org')).toBe('•••••••');
    expect(maskRecipient('')).toBe('•••••••');
  });
});
