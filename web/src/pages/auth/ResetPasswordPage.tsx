import type { ReactNode } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { post } from '../../api/client.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { TextField } from '../../components/TextField.js';
import { formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { useSession } from '../../session/context.js';
import { checkNewPassword } from './passwords.js';

const FIELDS = ['password', 'confirmPassword'] as const;

/** Choosing a new password from the emailed link. A new password signs out every session. */
export function ResetPasswordPage(): ReactNode {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const navigate = useNavigate();
  const { clear } = useSession();
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: FIELDS,
    check: (data) => checkNewPassword(token, formText(data, 'password'), formText(data, 'confirmPassword')),
    send: async (body) => {
      await post('/api/auth/password-reset/complete', body);
      clear(); // the server ends every session when a password changes
      await navigate('/sign-in', { replace: true, state: { message: 'Your password has been changed. Sign in with your new password.' } });
    },
  });

  if (token === '') {
    return (
      <>
        <PageHeading>This link is not complete</PageHeading>
        <p className="nhsuk-body">The link to reset your password is missing part of its address. Copy the whole link from the email, or ask for a new one.</p>
        <p className="nhsuk-body">
          <Link to="/forgot-password">Ask for a new reset link</Link>
        </p>
      </>
    );
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={FIELDS} />
        <PageHeading>Choose a new password</PageHeading>
        <form onSubmit={onSubmit} noValidate>
          <TextField name="password" label="New password" type="password" autoComplete="new-password" hint="Use 12 characters or more. A few unrelated words together are easy to remember and hard to guess." error={errors.fields.password} />
          <TextField name="confirmPassword" label="Confirm new password" type="password" autoComplete="new-password" error={errors.fields.confirmPassword} />
          <button className="nhsuk-button" type="submit" disabled={busy}>
            Reset password
          </button>
        </form>
        {errors.detail !== null && (
          <p className="nhsuk-body">
            <Link to="/forgot-password">Ask for a new reset link</Link>
          </p>
        )}
      </div>
    </div>
  );
}
