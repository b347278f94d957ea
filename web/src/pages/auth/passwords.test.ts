import { describe, expect, it } from 'vitest';
import { checkNewPassword } from './passwords.js';

describe('checkNewPassword', () => {
  it('accepts a long enough password entered twice', () => {
    expect(checkNewPassword('t'.repeat(32), 'correct horse battery', 'correct horse battery')).toEqual({
      ok: true,
      value: { token: 't'.repeat(32), password: 'correct horse battery' },
    });
  });
  it('asks for a password and its confirmation when both are empty', () => {
    const result = checkNewPassword('t', '', '');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.fields).toEqual({ password: 'Enter a new password', confirmPassword: 'Enter your new password again' });
  });
  it('uses the contract wording for a short password', () => {
    const result = checkNewPassword('t', 'short', 'short');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.fields.password).toBe('Password must be 12 characters or more');
    expect(result.errors.fields.confirmPassword).toBeUndefined();
  });
  it('spots a mismatch', () => {
    const result = checkNewPassword('t', 'correct horse battery', 'correct horse batter');
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors.fields).toEqual({ confirmPassword: 'The passwords do not match. Enter the same password twice' });
  });
});
