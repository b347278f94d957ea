import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { ALERT_KIND_LABELS } from '../../../../src/contracts/casework-codes.js';
import { caseAlert, caseTask, resolveAlertInput, type CaseAlert, type CaseTask } from '../../../../src/contracts/casework.js';
import { postJson } from '../../api/client.js';
import { useProblemHandler } from '../../api/useApi.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { TextArea } from '../../components/TextArea.js';
import { checkWith, formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { renameProblem } from '../referrals/forms.js';
import { formatDate } from '../referrals/labels.js';
import { caseUrl } from './api.js';

/**
 * Open alerts (each resolved with a note of what was done) and follow-up tasks (each marked
 * done). Used on the caseload, where each item links to its case, and on the case itself.
 */
interface Props {
  alerts: readonly CaseAlert[];
  tasks: readonly CaseTask[];
  /** The person's name for a case, on the caseload; absent on a case page. */
  caseName?: (referralId: string) => string | null;
  readOnly?: boolean;
  onChanged: (message: string) => void;
  headingLevel?: 2 | 3;
}

export function AlertsAndTasks({ alerts, tasks, caseName, readOnly = false, onChanged, headingLevel = 2 }: Props): ReactNode {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  const open = alerts.filter((a) => a.resolvedAt === null);
  const todo = tasks.filter((t) => t.doneAt === null);
  const who = (referralId: string): ReactNode => {
    const name = caseName?.(referralId);
    return name === undefined || name === null ? null : (
      <>
        <Link to={caseUrl(referralId)}>{name}</Link>:{' '}
      </>
    );
  };
  return (
    <>
      <H className="nhsuk-heading-s">Alerts</H>
      {open.length === 0 ? (
        <p className="nhsuk-body">No open alerts.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--border">
          {open.map((alert) => (
            <li key={alert.id}>
              <p className="nhsuk-body nhsuk-u-margin-bottom-1">
                <strong className="nhsuk-tag nhsuk-tag--red">{ALERT_KIND_LABELS[alert.kind]}</strong>
              </p>
              <p className="nhsuk-body nhsuk-u-margin-bottom-1">
                {who(alert.referralId)}
                {alert.message}
              </p>
              <p className="nhsuk-body-s nhsuk-u-secondary-text-color">Raised {formatDate(alert.raisedAt)}</p>
              {!readOnly && <ResolveForm alert={alert} onChanged={onChanged} />}
            </li>
          ))}
        </ul>
      )}
      <H className="nhsuk-heading-s">Tasks</H>
      {todo.length === 0 ? (
        <p className="nhsuk-body">No tasks to do.</p>
      ) : (
        <ul className="nhsuk-list nhsuk-list--border">
          {todo.map((task) => (
            <li key={task.id}>
              <p className="nhsuk-body nhsuk-u-margin-bottom-1">
                {who(task.referralId)}
                {task.title}
              </p>
              <p className="nhsuk-body-s">Due {formatDate(task.dueOn)}</p>
              {!readOnly && <DoneButton task={task} onChanged={onChanged} />}
            </li>
          ))}
        </ul>
      )}
    </>
  );
}

function ResolveForm({ alert, onChanged }: { alert: CaseAlert; onChanged: (message: string) => void }): ReactNode {
  const handle = useProblemHandler();
  const id = `resolve-${alert.id}`;
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: [id],
    check: (data) => {
      const checked = checkWith(resolveAlertInput, { note: formText(data, id) });
      return checked.ok ? checked : { ok: false, errors: { detail: null, fields: { [id]: checked.errors.fields.note } } };
    },
    send: async (body) => {
      await postJson(`/api/case-alerts/${encodeURIComponent(alert.id)}/resolve`, body, caseAlert);
      onChanged(`The alert “${ALERT_KIND_LABELS[alert.kind]}” is resolved.`);
    },
    toProblem: (error) => {
      const problem = handle(error);
      return problem === null ? null : renameProblem(problem, { note: id });
    },
  });
  return (
    <details className="nhsuk-details">
      <summary className="nhsuk-details__summary">
        <span className="nhsuk-details__summary-text">Resolve</span>
      </summary>
      <div className="nhsuk-details__text">
        <form onSubmit={onSubmit} noValidate>
          <ErrorSummary errors={errors} order={[id]} />
          <TextArea name={id} label="What did you do to follow this up?" rows={3} error={errors.fields[id]} />
          <button className="nhsuk-button nhsuk-button--secondary" type="submit" disabled={busy}>
            Resolve alert
          </button>
        </form>
      </div>
    </details>
  );
}

function DoneButton({ task, onChanged }: { task: CaseTask; onChanged: (message: string) => void }): ReactNode {
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: [],
    check: () => ({ ok: true, value: {} }),
    send: async () => {
      await postJson(`/api/case-tasks/${encodeURIComponent(task.id)}/done`, {}, caseTask);
      onChanged(`The task “${task.title}” is done.`);
    },
    toProblem: useProblemHandler(),
  });
  return (
    <form onSubmit={onSubmit} noValidate>
      <ErrorSummary errors={errors} order={[]} />
      <button className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-2" type="submit" disabled={busy}>
        Done<span className="nhsuk-u-visually-hidden">: {task.title}</span>
      </button>
    </form>
  );
}
