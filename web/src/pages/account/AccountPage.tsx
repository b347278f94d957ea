import { useState, type ReactNode } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { SessionResponse } from '../../../../src/contracts/auth.js';
import { post } from '../../api/client.js';
import { useProblemHandler } from '../../api/useApi.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { noErrors, type FormErrors } from '../../forms/errors.js';
import { currentSession, useSession } from '../../session/context.js';
import { useFlash } from '../../session/flash.js';
import { SwitchMembership } from './SwitchMembership.js';

const SIGNED_OUT_EVERYWHERE = 'You have been signed out of all devices.';

/** The signed-in person's details, MFA status, role switching and signing out everywhere. */
export function AccountPage(): ReactNode {
  const { state, accept, clear } = useSession();
  const navigate = useNavigate();
  const flash = useFlash();
  const handle = useProblemHandler();
  const [message, setMessage] = useState<string | null>(flash.message);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const session = currentSession(state);
  if (session === null) return null; // the route guard only renders this page when signed in

  function switched(next: SessionResponse): void {
    accept(next);
    setMessage(next.membership === null ? 'Your role has changed.' : `You are now working as ${next.membership.roleLabel} in ${next.membership.schemeName}.`);
  }

  function signOutEverywhere(): void {
    post('/api/auth/sign-out-everywhere').then(
      () => {
        // The route guard may redirect first when the session clears, so both carry the message.
        clear(SIGNED_OUT_EVERYWHERE);
        void navigate('/sign-in', { state: { message: SIGNED_OUT_EVERYWHERE } });
      },
      (error: unknown) => {
        const problem = handle(error);
        if (problem !== null) setErrors({ detail: problem.detail, fields: {} });
      },
    );
  }

  const { user, membership, memberships } = session;
  const rows: [string, ReactNode][] = [
    ['Name', user.displayName],
    ['Email address', <span className="lw-break">{user.email}</span>],
    ['Role', membership?.roleLabel ?? 'No role'],
    ['Scheme', membership?.schemeName ?? 'None'],
    ['Organisation', membership?.organisationName ?? 'None'],
    ['Two-step verification', user.mfaEnabled ? 'On' : <>Off. <Link to="/set-up-mfa">Set up two-step verification</Link></>],
  ];
  return (
    <>
      {message !== null && <SuccessBanner key={message}>{message}</SuccessBanner>}
      <ErrorSummary errors={errors} order={[]} />
      <PageHeading>Your account</PageHeading>
      <dl className="nhsuk-summary-list">
        {rows.map(([key, value]) => (
          <div className="nhsuk-summary-list__row" key={key}>
            <dt className="nhsuk-summary-list__key">{key}</dt>
            <dd className="nhsuk-summary-list__value">{value}</dd>
          </div>
        ))}
      </dl>
      {memberships.length > 1 && <SwitchMembership memberships={memberships} currentId={membership?.membershipId ?? null} onSwitched={switched} />}
      <h2 className="nhsuk-heading-m">Sign out of all devices</h2>
      <p className="nhsuk-body">If you think someone else may be using your account, or you forgot to sign out on a shared computer, sign out everywhere. You will need to sign in again on this device too.</p>
      <button className="nhsuk-button nhsuk-button--warning" type="button" onClick={signOutEverywhere}>
        Sign out of all devices
      </button>
    </>
  );
}
