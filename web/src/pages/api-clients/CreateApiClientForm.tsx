import { useState, type SubmitEvent, type ReactNode } from 'react';
import type { z } from 'zod';
import { createApiClientRequest, createApiClientResponse } from '../../../../src/contracts/admin.js';
import { postJson } from '../../api/client.js';
import { useProblemHandler } from '../../api/useApi.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField } from '../../components/SelectField.js';
import { TextField } from '../../components/TextField.js';
import { formText, noErrors, problemToFormErrors, zodToFormErrors, type FormErrors } from '../../forms/errors.js';
import { SCOPES, scopeLabel } from './scopes.js';

const FIELDS = ['name', 'organisationId', 'scopes'] as const;
export type CreatedClient = z.infer<typeof createApiClientResponse>;

interface Props {
  organisations: readonly { id: string; name: string }[];
  onCreated: (client: CreatedClient) => void;
}

/** Makes a new API client. The parent shows the secret and remounts this form empty. */
export function CreateApiClientForm({ organisations, onCreated }: Props): ReactNode {
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const handle = useProblemHandler();

  async function submit(form: HTMLFormElement): Promise<void> {
    const data = new FormData(form);
    const parsed = createApiClientRequest.safeParse({
      name: formText(data, 'name'),
      organisationId: formText(data, 'organisationId'),
      scopes: data.getAll('scopes').filter((s) => typeof s === 'string'),
    });
    if (!parsed.success) {
      setErrors(zodToFormErrors(parsed.error));
      return;
    }
    setBusy(true);
    try {
      onCreated(await postJson('/api/api-clients', parsed.data, createApiClientResponse));
    } catch (error) {
      const problem = handle(error);
      if (problem !== null) setErrors(problemToFormErrors(problem, FIELDS));
      setBusy(false);
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    void submit(event.currentTarget); // errors are shown by submit itself
  }

  return (
    <>
      <h2 className="nhsuk-heading-m">Add an API client</h2>
      <ErrorSummary errors={errors} order={FIELDS} />
      <form onSubmit={onSubmit} noValidate aria-label="Add an API client">
        <TextField name="name" label="Name" hint="Say what system will use it, for example Riverside GP clinical system." error={errors.fields.name} />
        <SelectField
          name="organisationId"
          label="Organisation"
          hint="The organisation the system acts for."
          options={[{ value: '', label: 'Choose an organisation' }, ...organisations.map((o) => ({ value: o.id, label: o.name }))]}
          defaultValue=""
          error={errors.fields.organisationId}
        />
        <ChoiceField
          type="checkbox"
          name="scopes"
          legend="What it may do"
          hint="Select all that apply. Give only what the system needs."
          items={SCOPES.map((s) => ({ value: s, label: scopeLabel(s) }))}
          error={errors.fields.scopes}
        />
        <button className="nhsuk-button" type="submit" disabled={busy}>
          Save
        </button>
      </form>
    </>
  );
}
