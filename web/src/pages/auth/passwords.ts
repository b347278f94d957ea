import { newPasswordField } from '../../../../src/contracts/auth.js';
import type { Checked } from '../../forms/errors.js';

/**
 * Checks the new-password form before it is sent: the server's own rules (from the contract)
 * and that both entries match, which only the browser can check.
 */
export type PasswordCheck = Checked<{ token: string; password: string }>;

export function checkNewPassword(token: string, password: string, confirm: string): PasswordCheck {
  const fields: Partial<Record<string, string>> = {};
  if (password === '') {
    fields.password = 'Enter a new password';
  } else {
    const parsed = newPasswordField.safeParse(password);
    if (!parsed.success) fields.password = parsed.error.issues[0]?.message ?? 'Enter a valid password';
  }
  if (confirm === '') fields.confirmPassword = 'Enter your new password again';
  else if (fields.password === undefined && confirm !== password) fields.confirmPassword = 'The passwords do not match. Enter the same password twice';
  if (Object.keys(fields).length > 0) return { ok: false, errors: { detail: null, fields } };
  return { ok: true, value: { token, password } };
}
