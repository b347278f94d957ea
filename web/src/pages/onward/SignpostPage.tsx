import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { serviceDetail } from '../../../../src/contracts/directory.js';
import { signpost } from '../../../../src/contracts/onward.js';
import { postJson } from '../../api/client.js';
import { useApi, useProblemHandler } from '../../api/useApi.js';
import { isoToParts } from '../../components/dateParts.js';
import { DateInput } from '../../components/DateInput.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { InsetText } from '../../components/Callouts.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { TextArea } from '../../components/TextArea.js';
import { TextField } from '../../components/TextField.js';
import { useFormSubmit } from '../../forms/useFormSubmit.js';
import { londonToday } from '../casework/time.js';
import { caseApi, casePage, serviceApi } from './api.js';
import { checkSignpost, formValues, SIGNPOST_FIELDS } from './forms.js';

/**
 * Supported signposting: information the person acts on alone. A directory service comes by its
 * id in the address (an id is not personal data); anywhere else is named in words.
 */
export function SignpostPage(): ReactNode {
  const { id = '' } = useParams();
  const [params] = useSearchParams();
  const serviceId = params.get('serviceId');
  return <Signpost key={`${id}/${serviceId ?? ''}`} referralId={id} serviceId={serviceId} />;
}

function Signpost({ referralId, serviceId }: { referralId: string; serviceId: string | null }): ReactNode {
  const back = (
    <Link className="nhsuk-back-link" to={`/cases/${encodeURIComponent(referralId)}/refer-on`}>
      Back<span className="nhsuk-u-visually-hidden"> to find a service</span>
    </Link>
  );
  return (
    <>
      {back}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          {serviceId === null ? <SignpostForm referralId={referralId} service={null} /> : <WithService referralId={referralId} serviceId={serviceId} />}
        </div>
      </div>
    </>
  );
}

function WithService({ referralId, serviceId }: { referralId: string; serviceId: string }): ReactNode {
  const [load] = useApi(serviceApi(serviceId), serviceDetail);
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (load.status === 'loading') {
    return (
      <>
        <PageHeading>Record signposting</PageHeading>
        <Loading />
      </>
    );
  }
  return <SignpostForm referralId={referralId} service={{ id: load.data.id, name: load.data.name, organisation: load.data.organization.name }} />;
}

interface ServiceView {
  id: string;
  name: string;
  organisation: string;
}

function SignpostForm({ referralId, service }: { referralId: string; service: ServiceView | null }): ReactNode {
  const navigate = useNavigate();
  const toProblem = useProblemHandler();
  const [today] = useState(() => londonToday());
  const { errors, busy, onSubmit } = useFormSubmit({
    fields: SIGNPOST_FIELDS,
    check: (data) => checkSignpost(formValues(data), service?.id ?? null, today),
    send: async (body) => {
      const saved = await postJson(`${caseApi(referralId)}/signposts`, body, signpost);
      await navigate(casePage(referralId), { state: { message: `Signposting to ${saved.serviceName} recorded.` } });
    },
    toProblem,
  });
  return (
    <>
      <ErrorSummary errors={errors} order={SIGNPOST_FIELDS} />
      <PageHeading>Record signposting</PageHeading>
      <InsetText>
        <p>Signposting is information the person acts on alone. It is recorded, but not counted as a referral.</p>
      </InsetText>
      <form onSubmit={onSubmit} noValidate>
        {service === null ? (
          <TextField name="serviceName" label="Service or group you told them about" error={errors.fields.serviceName} />
        ) : (
          <p className="nhsuk-body">
            <strong>{service.name}</strong>, run by {service.organisation}
          </p>
        )}
        <TextArea
          name="information"
          label="What information did you give? (optional)"
          hint="For example, the leaflet, the phone number, or when the group meets"
          rows={4}
          error={errors.fields.information}
        />
        <DateInput name="givenOn" legend="When did you give it?" hint="For example, 21 11 2026" defaultValue={isoToParts(today)} error={errors.fields.givenOn} />
        <button className="nhsuk-button" type="submit" disabled={busy}>
          Record signposting
        </button>
      </form>
    </>
  );
}
