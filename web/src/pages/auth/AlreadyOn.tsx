import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { PageHeading } from '../../components/PageHeading.js';

/** Shown when someone opens MFA set-up again after finishing it (the server refuses a new key). */
export function AlreadyOn(): ReactNode {
  return (
    <>
      <PageHeading>Two-step verification is already on</PageHeading>
      <p className="nhsuk-body">You already enter a security code from your authenticator app when you sign in.</p>
      <p className="nhsuk-body">
        <Link to="/account">Go to your account</Link>
      </p>
    </>
  );
}
