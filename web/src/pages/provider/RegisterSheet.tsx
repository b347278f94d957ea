import { useState, type ReactNode } from 'react';
import { ATTENDANCE_LABELS, ATTENDANCE_MARKS } from '../../../../src/contracts/casework-codes.js';
import { register, registerResult, type Register } from '../../../../src/contracts/onward.js';
import { postJson } from '../../api/client.js';
import { useApi, useProblemHandler } from '../../api/useApi.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Loading } from '../../components/Loading.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { noErrors, problemToFormErrors, type FormErrors } from '../../forms/errors.js';
import { everyoneAttended, isMark, registerBody, savedMarks, savedText, type Marks } from './forms.js';

/**
 * One session's register: a row per person, each a radio group named after them, with a helper
 * that marks everyone as attended so the volunteer only changes the few who missed.
 */
export function RegisterSheet({ serviceId, date }: { serviceId: string; date: string }): ReactNode {
  const query = new URLSearchParams({ serviceId, date }).toString();
  const [load] = useApi(`/api/provider/register?${query}`, register);
  if (load.status === 'error') return <p className="nhsuk-body">{load.problem.detail}</p>;
  if (load.status === 'loading') return <Loading />;
  return <Sheet data={load.data} serviceId={serviceId} date={date} />;
}

function Sheet({ data, serviceId, date }: { data: Register; serviceId: string; date: string }): ReactNode {
  const [marks, setMarks] = useState<Marks>(() => savedMarks(data.rows));
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<{ text: string; alerts: number } | null>(null);
  const toProblem = useProblemHandler();
  if (data.rows.length === 0) return <p className="nhsuk-body">Nobody is referred to {data.service.name} at the moment.</p>;

  async function save(): Promise<void> {
    const body = registerBody(serviceId, date, data.rows, marks);
    if (body.marks.length === 0) {
      setErrors({ detail: null, fields: { register: 'Mark at least one person' } });
      return;
    }
    setBusy(true);
    setSaved(null);
    try {
      const result = await postJson('/api/provider/register', body, registerResult);
      setErrors(noErrors);
      setSaved({ text: savedText(result.saved), alerts: result.alertsRaised });
    } catch (error) {
      const problem = toProblem(error);
      if (problem !== null) setErrors(problemToFormErrors(problem, []));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      noValidate
      onSubmit={(event) => {
        event.preventDefault();
        void save();
      }}
    >
      {saved !== null && (
        <SuccessBanner key={`${saved.text}-${saved.alerts}`}>
          {saved.text}.{saved.alerts > 0 && ' The link worker has been told that someone has missed sessions.'}
        </SuccessBanner>
      )}
      <ErrorSummary errors={errors} order={['register']} />
      <button
        className="nhsuk-button nhsuk-button--secondary"
        type="button"
        onClick={() => {
          setMarks(everyoneAttended(data.rows));
        }}
      >
        Mark everyone as attended
      </button>
      <div id="register" tabIndex={-1}>
        {data.rows.map((row) => (
          <fieldset className="nhsuk-fieldset lw-register-row" key={row.onwardReferralId}>
            <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{row.personName}</legend>
            <div className="nhsuk-radios nhsuk-radios--inline">
              {ATTENDANCE_MARKS.map((mark) => {
                const id = `mark-${row.onwardReferralId}-${mark}`;
                return (
                  <div className="nhsuk-radios__item" key={mark}>
                    <input
                      className="nhsuk-radios__input"
                      id={id}
                      name={`mark-${row.onwardReferralId}`}
                      type="radio"
                      value={mark}
                      checked={marks[row.onwardReferralId] === mark}
                      onChange={(event) => {
                        const value = event.target.value;
                        if (isMark(value)) setMarks((previous) => ({ ...previous, [row.onwardReferralId]: value }));
                      }}
                    />
                    <label className="nhsuk-label nhsuk-radios__label" htmlFor={id}>
                      {ATTENDANCE_LABELS[mark]}
                    </label>
                  </div>
                );
              })}
            </div>
          </fieldset>
        ))}
      </div>
      <button className="nhsuk-button" type="submit" disabled={busy}>
        Save register
      </button>
    </form>
  );
}
