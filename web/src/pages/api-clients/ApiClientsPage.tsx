import { useState, type ReactNode } from 'react';
import { apiClientList, organisationList } from '../../../../src/contracts/admin.js';
import { del } from '../../api/client.js';
import { useApi, useProblemHandler } from '../../api/useApi.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { noErrors, type FormErrors } from '../../forms/errors.js';
import { ApiClientTable, type ApiClientView } from './ApiClientTable.js';
import { CreateApiClientForm, type CreatedClient } from './CreateApiClientForm.js';
import { NewSecret } from './NewSecret.js';
import { RevokeConfirm } from './RevokeConfirm.js';

/** Integrations (API clients) of this scheme: list, add with a one-time secret, revoke. */
export function ApiClientsPage(): ReactNode {
  const [clients, reload] = useApi('/api/api-clients', apiClientList);
  const [orgs] = useApi('/api/organisations', organisationList);
  const handle = useProblemHandler();
  const [created, setCreated] = useState<CreatedClient | null>(null);
  const [revoking, setRevoking] = useState<ApiClientView | null>(null);
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  function onCreated(client: CreatedClient): void {
    setCreated(client);
    setRevoking(null);
    setDone(null);
    reload();
  }

  function revoke(client: ApiClientView): void {
    setBusy(true);
    del(`/api/api-clients/${client.id}`).then(
      () => {
        setBusy(false);
        setRevoking(null);
        setErrors(noErrors);
        setDone(`${client.name} has been revoked.`);
        reload();
      },
      (error: unknown) => {
        setBusy(false);
        setRevoking(null);
        const problem = handle(error);
        if (problem !== null) setErrors({ detail: problem.detail, fields: {} });
      },
    );
  }

  if (clients.status === 'error') return <ProblemPage problem={clients.problem} />;
  if (orgs.status === 'error') return <ProblemPage problem={orgs.problem} />;
  const organisations = orgs.status === 'ok' ? orgs.data.items : [];
  const organisationName = (id: string): string => organisations.find((o) => o.id === id)?.name ?? 'Unknown organisation';

  return (
    <>
      {done !== null && <SuccessBanner key={done}>{done}</SuccessBanner>}
      <ErrorSummary errors={errors} order={[]} />
      <PageHeading>API clients</PageHeading>
      <p className="nhsuk-body">An API client lets another system, such as a GP clinical system, send referrals to this scheme or read its directory.</p>
      {created !== null && <NewSecret name={created.name} clientId={created.clientId} clientSecret={created.clientSecret} />}
      {revoking !== null && (
        <RevokeConfirm
          name={revoking.name}
          busy={busy}
          onConfirm={() => {
            revoke(revoking);
          }}
          onCancel={() => {
            setRevoking(null);
          }}
        />
      )}
      {clients.status === 'loading' ? (
        <Loading />
      ) : clients.data.items.length === 0 ? (
        <p className="nhsuk-body">There are no API clients yet.</p>
      ) : (
        <ApiClientTable
          items={clients.data.items}
          organisationName={organisationName}
          onRevoke={(client) => {
            setCreated(null);
            setDone(null);
            setRevoking(client);
          }}
        />
      )}
      {orgs.status === 'ok' && <CreateApiClientForm key={created?.id ?? 'new'} organisations={organisations} onCreated={onCreated} />}
    </>
  );
}
