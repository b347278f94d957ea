import type { ReactNode } from 'react';
import { sessionResponse, switchMembershipRequest, type Membership, type SessionResponse } from '../../../../src/contracts/auth.js';
import { postJson } from '../../api/client.js';
import { useProblemHandler } from '../../api/useApi.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { checkWith, formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';

const FIELDS = ['membershipId'] as const;

interface Props {
  memberships: readonly Membership[];
  currentId: string | null;
  onSwitched: (session: SessionResponse) => void;
}

/** For people with more than one role or scheme: choose which one to work in now. */
export function SwitchMembership({ memberships, currentId, onSwitched }: Props): ReactNode {
  const handle = useProblemHandler();
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: FIELDS,
    check: (data) => {
      const checked = checkWith(switchMembershipRequest, { membershipId: formText(data, 'membershipId') });
      return checked.ok ? checked : { ok: false, errors: { detail: null, fields: { membershipId: 'Select the role you want to work in' } } };
    },
    send: async (body) => {
      onSwitched(await postJson('/api/session/membership', body, sessionResponse));
    },
    toProblem: handle,
  });

  return (
    <>
      <h2 className="nhsuk-heading-m">Switch role or scheme</h2>
      <ErrorSummary errors={errors} order={FIELDS} />
      <form onSubmit={onSubmit} noValidate aria-label="Switch role or scheme">
        <ChoiceField
          type="radio"
          name="membershipId"
          legend="Which role do you want to work in?"
          items={memberships.map((m) => ({ value: m.membershipId, label: `${m.roleLabel}, ${m.schemeName}`, hint: m.organisationName }))}
          defaultValues={currentId === null ? [] : [currentId]}
          error={errors.fields.membershipId}
        />
        <button className="nhsuk-button" type="submit" disabled={busy}>
          Continue
        </button>
      </form>
    </>
  );
}
