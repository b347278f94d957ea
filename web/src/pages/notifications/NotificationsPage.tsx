import { useState, type SubmitEvent, type ReactNode } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { notificationList, type NotificationView } from '../../../../src/contracts/admin.js';
import { post } from '../../api/client.js';
import { useApi, useProblemHandler } from '../../api/useApi.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { SelectField } from '../../components/SelectField.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { formText, noErrors, type FormErrors } from '../../forms/errors.js';
import { NotificationTable } from './NotificationTable.js';
import { STATUSES, statusTag } from './status.js';

const STATUS_OPTIONS = [{ value: '', label: 'Any status' }, ...STATUSES.map((s) => ({ value: s, label: statusTag(s).label }))];

/** Emails and text messages Linkwell has sent or will send, with a retry for failures. */
export function NotificationsPage(): ReactNode {
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const status = STATUSES.find((s) => s === params.get('status')) ?? '';
  const [load, reload] = useApi(status === '' ? '/api/notifications' : `/api/notifications?status=${status}`, notificationList);
  const handle = useProblemHandler();
  const [busyId, setBusyId] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  function retry(item: NotificationView): void {
    setBusyId(item.id);
    setDone(null);
    post(`/api/notifications/${item.id}/retry`).then(
      () => {
        setBusyId(null);
        setErrors(noErrors);
        setDone(`The message to ${item.recipient} will be sent again.`);
        reload();
      },
      (error: unknown) => {
        setBusyId(null);
        const problem = handle(error);
        if (problem !== null) setErrors({ detail: problem.detail, fields: {} });
      },
    );
  }

  function filter(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const chosen = formText(new FormData(event.currentTarget), 'status');
    void navigate(chosen === '' ? '/admin/notifications' : `/admin/notifications?status=${encodeURIComponent(chosen)}`);
  }

  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  return (
    <>
      {done !== null && <SuccessBanner key={done}>{done}</SuccessBanner>}
      <ErrorSummary errors={errors} order={[]} />
      <PageHeading>Notifications</PageHeading>
      <p className="nhsuk-body">Emails and text messages waiting to go, sent, or failed. A failed message can be tried again.</p>
      <form onSubmit={filter} noValidate aria-label="Filter notifications" key={status}>
        <SelectField name="status" label="Status" options={STATUS_OPTIONS} defaultValue={status} />
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Apply filter
        </button>
      </form>
      {load.status === 'loading' ? (
        <Loading />
      ) : load.data.items.length === 0 ? (
        <p className="nhsuk-body">There are no messages to show.</p>
      ) : (
        <NotificationTable items={load.data.items} caption="Messages" busyId={busyId} onRetry={retry} />
      )}
    </>
  );
}
