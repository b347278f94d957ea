import { useState, type SubmitEvent, type ReactNode } from 'react';
import { sessionResponse, switchMembershipRequest, type Membership, type SessionResponse } from '../../../../src/contracts/auth.js';
import { postJson } from '../../api/client.js';
import { useProblemHandler } from '../../api/useApi.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { formText, noErrors, problemToFormErrors, type FormErrors } from '../../forms/errors.js';

const FIELDS = ['membershipId'] as const;

interface Props {
  memberships: readonly Membership[];
  currentId: string | null;
  onSwitched: (session: SessionResponse) => void;
}

/** For people with more than one role or scheme: choose which one to work in now. */
export function SwitchMembership({ memberships, currentId, onSwitched }: Props): ReactNode {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const handle = useProblemHandler();

  async function submit(form: HTMLFormElement): Promise<void> {
    const parsed = switchMembershipRequest.safeParse({ membershipId: formText(new FormData(form), 'membershipId') });
    if (!parsed.success) {
      setErrors({ detail: null, fields: { membershipId: 'Select the role you want to work in' } });
      return;
    }
    setBusy(true);
    try {
      onSwitched(await postJson('/api/session/membership', parsed.data, sessionResponse));
      setErrors(noErrors);
    } catch (error) {
      const problem = handle(error);
      if (problem !== null) setErrors(problemToFormErrors(problem, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    void submit(event.currentTarget); // errors are shown by submit itself
  }

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
