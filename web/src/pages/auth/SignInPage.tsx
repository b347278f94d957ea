import { useState, type SubmitEvent, type ReactNode } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { signInRequest, signInResponse } from '../../../../src/contracts/auth.js';
import { postJson, setCsrfToken } from '../../api/client.js';
import { isApiProblem, networkProblem } from '../../api/problem.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { InfoBanner } from '../../components/SuccessBanner.js';
import { TextField } from '../../components/TextField.js';
import { formText, noErrors, problemToFormErrors, zodToFormErrors, type FormErrors } from '../../forms/errors.js';
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
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  // Signed in (now, or already): go on to the next step, or to the page first asked for.
  if (state.status === 'signed-in') {
    const { stage } = state.session;
    return <Navigate to={stage === 'active' ? (flash.from ?? '/') : stagePath(stage)} replace state={{ from: flash.from ?? undefined }} />;
  }

  async function submit(form: HTMLFormElement): Promise<void> {
    const data = new FormData(form);
    const parsed = signInRequest.safeParse({ email: formText(data, 'email').trim(), password: formText(data, 'password') });
    if (!parsed.success) {
      setErrors(zodToFormErrors(parsed.error));
      return;
    }
    setBusy(true);
    try {
      const answer = await postJson('/api/auth/sign-in', parsed.data, signInResponse);
      setCsrfToken(answer.csrfToken);
      await refresh(); // the signed-in state redirects, above
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
