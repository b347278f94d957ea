import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import { passwordResetRequest } from '../../../../src/contracts/auth.js';
import { postJson } from '../../api/client.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { TextField } from '../../components/TextField.js';
import { checkWith, formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';

const FIELDS = ['email'] as const;
const accepted = z.object({ message: z.string() });

/**
 * Asks for a reset link. The answer is the same whether or not the address has an account,
 * so that the page cannot be used to find out who uses Linkwell.
 */
export function ForgotPasswordPage(): ReactNode {
  const [sent, setSent] = useState<string | null>(null);
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: FIELDS,
    check: (data) => checkWith(passwordResetRequest, { email: formText(data, 'email').trim() }),
    send: async (body) => {
      const answer = await postJson('/api/auth/password-reset', body, accepted);
      setSent(answer.message);
    },
  });

  if (sent !== null) {
    return (
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <PageHeading>Check your email</PageHeading>
          <p className="nhsuk-body">{sent}</p>
          <p className="nhsuk-body">The link works once and for a short time. If it does not arrive, check your spam folder.</p>
          <p className="nhsuk-body">
            <Link to="/sign-in">Return to sign in</Link>
          </p>
        </div>
      </div>
    );
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={FIELDS} />
        <PageHeading>Reset your password</PageHeading>
        <p className="nhsuk-body">Enter the email address you use to sign in. We will send you a link to choose a new password.</p>
        <form onSubmit={onSubmit} noValidate>
          <TextField name="email" label="Email address" type="email" autoComplete="email" spellCheck={false} error={errors.fields.email} />
          <button className="nhsuk-button" type="submit" disabled={busy}>
            Send reset link
          </button>
        </form>
        <p className="nhsuk-body">
          <Link to="/sign-in">Return to sign in</Link>
        </p>
      </div>
    </div>
  );
}
