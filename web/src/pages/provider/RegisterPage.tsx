import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { providerServices } from '../../../../src/contracts/provider.js';
import { useApi } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { londonToday } from '../casework/time.js';
import { formatDate } from '../referrals/labels.js';
import { defaultServiceId, shiftDays } from './forms.js';
import { RegisterSheet } from './RegisterSheet.js';
import './provider.css';

/**
 * A session's register, built for a volunteer on a phone: pick the group and the day (today,
 * or a week either side), mark everyone, save. Nothing personal goes in the address.
 */
export function RegisterPage(): ReactNode {
  const [load] = useApi('/api/provider/services', providerServices);
  const [chosen, setChosen] = useState<string | null>(null);
  const [date, setDate] = useState(() => londonToday());
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  const services = load.status === 'ok' ? load.data.services : [];
  const serviceId = chosen ?? defaultServiceId(services);
  return (
    <>
      <Link className="nhsuk-back-link" to="/provider">
        Back<span className="nhsuk-u-visually-hidden"> to referrals</span>
      </Link>
      <PageHeading>Register</PageHeading>
      {load.status === 'loading' && <Loading />}
      {load.status === 'ok' && services.length === 0 && <p className="nhsuk-body">Your organisation has no services in the directory yet.</p>}
      {serviceId !== null && (
        <>
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="serviceId">
              Group or service
            </label>
            <select
              className="nhsuk-select"
              id="serviceId"
              value={serviceId}
              onChange={(event) => {
                setChosen(event.target.value);
              }}
            >
              {services.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
          </div>
          <div className="nhsuk-form-group">
            <label className="nhsuk-label" htmlFor="sessionDate">
              Session date
            </label>
            <input
              className="nhsuk-input nhsuk-input--width-10"
              id="sessionDate"
              type="date"
              value={date}
              onChange={(event) => {
                if (event.target.value !== '') setDate(event.target.value);
              }}
            />
          </div>
          <div className="lw-register-weeks nhsuk-u-margin-bottom-4">
            <button
              className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
              type="button"
              onClick={() => {
                setDate((d) => shiftDays(d, -7));
              }}
            >
              Previous week
            </button>
            <button
              className="nhsuk-button nhsuk-button--secondary nhsuk-u-margin-bottom-0"
              type="button"
              onClick={() => {
                setDate((d) => shiftDays(d, 7));
              }}
            >
              Next week
            </button>
          </div>
          <p className="nhsuk-body" aria-live="polite">
            Showing the register for {formatDate(date)}.
          </p>
          <RegisterSheet key={`${serviceId}/${date}`} serviceId={serviceId} date={date} />
        </>
      )}
    </>
  );
}
