import type { ReactNode } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { signInRequest, signInResponse } from '../../../../src/contracts/auth.js';
import { postJson, setCsrfToken } from '../../api/client.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { InfoBanner } from '../../components/SuccessBanner.js';
import { TextField } from '../../components/TextField.js';
import { checkWith, formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { stagePath, useSession } from '../../session/context.js';
import { useFlash } from '../../session/flash.js';

const FIELDS = ['email', 'password'] as const;

/**
 * Sign-in. A wrong password, a locked account and throttling all come back as problems whose
 * detail is written for the user, so the page shows the detail as it is.
 */
export function SignInPage(): ReactNode {
  const { state, refresh } = useSession();
  const flash = useFlash();
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: FIELDS,
    check: (data) => checkWith(signInRequest, { email: formText(data, 'email').trim(), password: formText(data, 'password') }),
    send: async (body) => {
      const answer = await postJson('/api/auth/sign-in', body, signInResponse);
      setCsrfToken(answer.csrfToken);
      await refresh(); // the signed-in state redirects, below
    },
  });

  // Signed in (now, or already): go on to the next step, or to the page first asked for.
  if (state.status === 'signed-in') {
    const { stage } = state.session;
    return <Navigate to={stage === 'active' ? (flash.from ?? '/') : stagePath(stage)} replace state={{ from: flash.from ?? undefined }} />;
  }

  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        {flash.message !== null && <InfoBanner>{flash.message}</InfoBanner>}
        <ErrorSummary errors={errors} order={FIELDS} />
        <PageHeading title="Sign in">Sign in to Linkwell</PageHeading>
        <form onSubmit={onSubmit} noValidate>
          <TextField name="email" label="Email address" type="email" autoComplete="username" spellCheck={false} error={errors.fields.email} />
          <TextField name="password" label="Password" type="password" autoComplete="current-password" error={errors.fields.password} />
          <button className="nhsuk-button" type="submit" disabled={busy}>
            Sign in
          </button>
        </form>
        <p className="nhsuk-body">
          <Link to="/forgot-password">Forgot your password?</Link>
        </p>
      </div>
    </div>
  );
}
