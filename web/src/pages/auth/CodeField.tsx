import type { ReactNode } from 'react';
import { TextField } from '../../components/TextField.js';

/** The 6-digit authenticator code, set up so phones offer the number pad and autofill. */
export function CodeField({ error }: { error: string | undefined }): ReactNode {
  return (
    <TextField
      name="code"
      label="Security code"
      hint="Enter the 6-digit code from your authenticator app."
      inputMode="numeric"
      autoComplete="one-time-code"
      spellCheck={false}
      widthClass="nhsuk-input--width-10"
      code
      error={error}
    />
  );
}
