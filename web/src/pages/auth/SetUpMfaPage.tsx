import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useNavigate } from 'react-router-dom';
import { mfaEnableRequest, mfaSetupResponse, signInResponse } from '../../../../src/contracts/auth.js';
import { postJson, setCsrfToken } from '../../api/client.js';
import type { ApiProblem } from '../../api/problem.js';
import { useProblemHandler } from '../../api/useApi.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { checkWith, formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { currentSession, useSession } from '../../session/context.js';
import { useFlash } from '../../session/flash.js';
import { AlreadyOn } from './AlreadyOn.js';
import { CodeField } from './CodeField.js';
import { SetupKey } from './SetupKey.js';

const FIELDS = ['code'] as const;
type Setup = { status: 'loading' } | { status: 'ready'; secret: string; otpauthUrl: string } | { status: 'error'; problem: ApiProblem };

/**
 * Turning on MFA: the server makes a secret, the user adds it to an app, and a first code
 * proves it worked. Reached at sign-in when the scheme requires MFA, or from the account page.
 */
export function SetUpMfaPage(): ReactNode {
  const { state, refresh } = useSession();
  const navigate = useNavigate();
  const flash = useFlash();
  const [setup, setSetup] = useState<Setup>({ status: 'loading' });
  const requested = useRef(false);
  const handle = useProblemHandler();
  const required = currentSession(state)?.stage === 'mfa_setup';

  useEffect(() => {
    // Each request makes a new secret; ask once, even when React runs effects twice in development.
    if (requested.current) return;
    requested.current = true;
    postJson('/api/auth/mfa/setup', {}, mfaSetupResponse).then(
      (answer) => {
        setSetup({ status: 'ready', ...answer });
      },
      (error: unknown) => {
        const problem = handle(error);
        if (problem !== null) setSetup({ status: 'error', problem });
      },
    );
  }, [handle]);

  const { errors, busy, onSubmit } = useFormSubmit({
    fields: FIELDS,
    check: (data) => checkWith(mfaEnableRequest, { code: formText(data, 'code').replace(/\s+/g, '') }),
    send: async (body) => {
      const answer = await postJson('/api/auth/mfa/enable', body, signInResponse);
      setCsrfToken(answer.csrfToken);
      await refresh();
      if (required) await navigate(flash.from ?? '/', { replace: true });
      else await navigate('/account', { replace: true, state: { message: 'Two-step verification is now on.' } });
    },
  });

  if (setup.status === 'error' && setup.problem.status === 409) return <AlreadyOn />;
  if (setup.status === 'error') return <ProblemPage problem={setup.problem} />;
  return (
    <div className="nhsuk-grid-row">
      <div className="nhsuk-grid-column-two-thirds">
        <ErrorSummary errors={errors} order={FIELDS} />
        <PageHeading>Set up two-step verification</PageHeading>
        {required && <p className="nhsuk-body">Your scheme asks everyone to use two-step verification. You need to set it up before you continue.</p>}
        <p className="nhsuk-body">
          When you sign in, you will enter your password and a security code from an authenticator app on your phone.
        </p>
        {setup.status === 'loading' ? (
          <Loading>Getting your setup key…</Loading>
        ) : (
          <>
            <SetupKey secret={setup.secret} otpauthUrl={setup.otpauthUrl} />
            <form onSubmit={onSubmit} noValidate>
              <h2 className="nhsuk-heading-m">Check it works</h2>
              <CodeField error={errors.fields.code} />
              <button className="nhsuk-button" type="submit" disabled={busy}>
                Continue
              </button>
            </form>
          </>
        )}
      </div>
    </div>
  );
}
