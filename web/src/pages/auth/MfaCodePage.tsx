import type { ReactNode } from 'react';
import { mfaVerifyRequest, signInResponse } from '../../../../src/contracts/auth.js';
import { postJson, setCsrfToken } from '../../api/client.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { PageHeading } from '../../components/PageHeading.js';
import { checkWith, formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { useSession } from '../../session/context.js';
import { CodeField } from './CodeField.js';

const FIELDS = ['code'] as const;

/** The second step of sign-in for people who have MFA on. */
export function MfaCodePage(): ReactNode {
  const { refresh } = useSession();
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: FIELDS,
    // People often type the code with a space in the middle, as apps show it.
    check: (data) => checkWith(mfaVerifyRequest, { code: formText(data, 'code').replace(/\s+/g, '') }),
    send: async (body) => {
      const answer = await postJson('/api/auth/mfa/verify', body, signInResponse);
      setCsrfToken(answer.csrfToken);
      await refresh(); // the route guard sees the active session and moves on
    },
  });

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
