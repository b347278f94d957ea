import { useState, type SubmitEvent, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { z } from 'zod';
import { passwordResetRequest } from '../../../../src/contracts/auth.js';
import { postJson } from '../../api/client.js';
import { isApiProblem, networkProblem } from '../../api/problem.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { TextField } from '../../components/TextField.js';
import { formText, noErrors, problemToFormErrors, zodToFormErrors, type FormErrors } from '../../forms/errors.js';

const FIELDS = ['email'] as const;
const accepted = z.object({ message: z.string() });

/**
 * Asks for a reset link. The answer is the same whether or not the address has an account,
 * so that the page cannot be used to find out who uses Linkwell.
 */
export function ForgotPasswordPage(): ReactNode {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [sent, setSent] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(form: HTMLFormElement): Promise<void> {
    const parsed = passwordResetRequest.safeParse({ email: formText(new FormData(form), 'email').trim() });
    if (!parsed.success) {
      setErrors(zodToFormErrors(parsed.error));
      return;
    }
    setBusy(true);
    try {
      const answer = await postJson('/api/auth/password-reset', parsed.data, accepted);
      setSent(answer.message);
    } catch (error) {
      setErrors(problemToFormErrors(isApiProblem(error) ? error : networkProblem(), FIELDS));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    void submit(event.currentTarget); // errors are shown by submit itself
  }

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
