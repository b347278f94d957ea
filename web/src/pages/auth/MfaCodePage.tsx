import { useState, type SubmitEvent, type ReactNode } from 'react';
import { mfaVerifyRequest, signInResponse } from '../../../../src/contracts/auth.js';
import { postJson, setCsrfToken } from '../../api/client.js';
import { isApiProblem, networkProblem } from '../../api/problem.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { formText, noErrors, problemToFormErrors, zodToFormErrors, type FormErrors } from '../../forms/errors.js';
import { useSession } from '../../session/context.js';
import { CodeField } from './CodeField.js';

const FIELDS = ['code'] as const;

/** The second step of sign-in for people who have MFA on. */
export function MfaCodePage(): ReactNode {
  const { refresh } = useSession();
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);

  async function submit(form: HTMLFormElement): Promise<void> {
    // People often type the code with a space in the middle, as apps show it.
    const parsed = mfaVerifyRequest.safeParse({ code: formText(new FormData(form), 'code').replace(/\s+/g, '') });
    if (!parsed.success) {
      setErrors(zodToFormErrors(parsed.error));
      return;
    }
    setBusy(true);
    try {
      const answer = await postJson('/api/auth/mfa/verify', parsed.data, signInResponse);
      setCsrfToken(answer.csrfToken);
      await refresh(); // the route guard sees the active session and moves on
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
        <ErrorSummary errors={errors} order={FIELDS} />
        <PageHeading>Enter your security code</PageHeading>
        <p className="nhsuk-body">Open the authenticator app on your phone. It shows a new code every 30 seconds.</p>
        <form onSubmit={onSubmit} noValidate>
          <CodeField error={errors.fields.code} />
          <button className="nhsuk-button" type="submit" disabled={busy}>
            Continue
          </button>
        </form>
      </div>
    </div>
  );
}
