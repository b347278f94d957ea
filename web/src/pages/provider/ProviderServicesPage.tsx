import { useState, type ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { providerService, providerServices, type ProviderService } from '../../../../src/contracts/provider.js';
import { ApiProblem } from '../../api/problem.js';
import { useApi, useProblemHandler } from '../../api/useApi.js';
import { isoToParts, partsOf } from '../../components/dateParts.js';
import { DateInput } from '../../components/DateInput.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { TextField } from '../../components/TextField.js';
import { fieldName, formText } from '../../forms/errors.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { capacityText } from '../directory/labels.js';
import { usePutIfMatch } from '../people/api.js';
import { plural } from '../referrals/labels.js';
import { CAPACITY_FIELDS, checkCapacity } from './forms.js';

/**
 * The organisation's services with their places, waiting list and any pause on new referrals.
 * The numbers are the directory listing's own, so link workers searching see them at once.
 */
export function ProviderServicesPage(): ReactNode {
  const [load, reload] = useApi('/api/provider/services', providerServices);
  const [saved, setSaved] = useState<string | null>(null);
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  return (
    <>
      <Link className="nhsuk-back-link" to="/provider">
        Back<span className="nhsuk-u-visually-hidden"> to referrals</span>
      </Link>
      {saved !== null && <SuccessBanner key={saved}>{saved}</SuccessBanner>}
      <PageHeading>Places and waiting list</PageHeading>
      {load.status === 'loading' && <Loading />}
      {load.status === 'ok' && load.data.services.length === 0 && <p className="nhsuk-body">Your organisation has no services in the directory yet.</p>}
      {load.status === 'ok' &&
        load.data.services.map((service) => (
          <CapacityForm
            key={`${service.id}-${service.version}`}
            service={service}
            onSaved={(name) => {
              setSaved(`${name}: places and waiting list saved.`);
              reload();
            }}
          />
        ))}
    </>
  );
}

function CapacityForm({ service, onSaved }: { service: ProviderService; onSaved: (name: string) => void }): ReactNode {
  const put = usePutIfMatch();
  const toProblem = useProblemHandler();
  const prefix = `s${service.id}`;
  const ids = CAPACITY_FIELDS.map((f) => `${prefix}-${f}`);
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: ids,
    check: (data) => {
      const checked = checkCapacity({
        capacityPlaces: formText(data, `${prefix}-capacityPlaces`),
        waitlistCount: formText(data, `${prefix}-waitlistCount`),
        notTakingUntil: partsOf(Object.fromEntries(data.entries()), `${prefix}-notTakingUntil`),
      });
      if (checked.ok) return checked;
      const fields = Object.fromEntries(Object.entries(checked.errors.fields).map(([k, v]) => [`${prefix}-${k}`, v]));
      return { ok: false, errors: { detail: checked.errors.detail, fields } };
    },
    send: async (body) => {
      await put(`/api/provider/services/${encodeURIComponent(service.id)}/capacity`, body, providerService, service.version);
      onSaved(service.name);
    },
    toProblem: (error) => {
      const problem = toProblem(error);
      if (problem === null) return null;
      // Field errors from the server name the contract's fields; these inputs carry the service's prefix.
      const errors = problem.errors.map((e) => ({ field: `${prefix}-${fieldName(e.field)}`, message: e.message }));
      return new ApiProblem(problem.status, problem.title, problem.detail, errors, problem.requestId);
    },
  });
  const now = capacityText({
    places: service.capacityPlaces,
    waitlist: service.waitlistCount,
    notTakingUntil: service.notTakingUntil,
    available: false,
  });
  const headingId = `${prefix}-heading`;
  return (
    <section className="nhsuk-u-margin-bottom-8" aria-labelledby={headingId}>
      <h2 className="nhsuk-heading-m" id={headingId}>
        {service.name}
      </h2>
      <p className="nhsuk-body">
        {now ?? 'No places recorded'}. {plural(service.liveReferrals, 'open referral', 'open referrals')} from the scheme.
      </p>
      <ErrorSummary errors={errors} order={ids} />
      <form onSubmit={onSubmit} noValidate aria-labelledby={headingId}>
        <TextField
          name={`${prefix}-capacityPlaces`}
          label="Places in total"
          hint="Leave empty if you do not count places"
          inputMode="numeric"
          widthClass="nhsuk-input--width-4"
          defaultValue={service.capacityPlaces === null ? '' : String(service.capacityPlaces)}
          error={errors.fields[`${prefix}-capacityPlaces`]}
        />
        <TextField
          name={`${prefix}-waitlistCount`}
          label="People on the waiting list"
          hint="Leave empty if you have no waiting list"
          inputMode="numeric"
          widthClass="nhsuk-input--width-4"
          defaultValue={service.waitlistCount === null ? '' : String(service.waitlistCount)}
          error={errors.fields[`${prefix}-waitlistCount`]}
        />
        <DateInput
          name={`${prefix}-notTakingUntil`}
          legend="Not taking new referrals until (optional)"
          hint="Leave empty if you are taking people now. For example, 6 1 2027"
          defaultValue={service.notTakingUntil === null ? undefined : isoToParts(service.notTakingUntil.slice(0, 10))}
          error={errors.fields[`${prefix}-notTakingUntil`]}
        />
        <button className="nhsuk-button" type="submit" disabled={busy}>
          Save<span className="nhsuk-u-visually-hidden"> places for {service.name}</span>
        </button>
      </form>
    </section>
  );
}
