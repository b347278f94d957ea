import type { ReactNode } from 'react';
import type { z } from 'zod';
import { createApiClientRequest, createApiClientResponse } from '../../../../src/contracts/admin.js';
import { postJson } from '../../api/client.js';
import { useProblemHandler } from '../../api/useApi.js';
import { ChoiceField } from '../../components/ChoiceField.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { SelectField } from '../../components/SelectField.js';
import { TextField } from '../../components/TextField.js';
import { checkWith, formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { SCOPES, scopeLabel } from './scopes.js';

const FIELDS = ['name', 'organisationId', 'scopes'] as const;
export type CreatedClient = z.infer<typeof createApiClientResponse>;

interface Props {
  organisations: readonly { id: string; name: string }[];
  onCreated: (client: CreatedClient) => void;
}

/** Makes a new API client. The parent shows the secret and remounts this form empty. */
export function CreateApiClientForm({ organisations, onCreated }: Props): ReactNode {
  const handle = useProblemHandler();
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: FIELDS,
    check: (data) =>
      checkWith(createApiClientRequest, {
        name: formText(data, 'name'),
        organisationId: formText(data, 'organisationId'),
        scopes: data.getAll('scopes').filter((s) => typeof s === 'string'),
      }),
    send: async (body) => {
      onCreated(await postJson('/api/api-clients', body, createApiClientResponse));
    },
    toProblem: handle,
  });

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
