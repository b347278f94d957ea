import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { z } from 'zod';
import { organizationDetail, serviceDetail, type ServiceDetail } from '../../../../../src/contracts/directory.js';
import { useApi, useProblemHandler } from '../../../api/useApi.js';
import { Loading } from '../../../components/Loading.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { ProblemPage } from '../../../components/ProblemPage.js';
import { noErrors, type FormErrors } from '../../../forms/errors.js';
import { CHANGED_MEANWHILE, useDirectorySend } from '../api.js';
import { useLanguageChoices } from '../facets.js';
import { checkCreate, checkUpdate, readServiceForm, serverErrors } from './serviceForm.js';
import { ServiceForm } from './ServiceForm.js';

/**
 * /directory/services/:id/edit and /directory/services/new?organizationId=…: the listing form.
 * An edit sends the version it was filled from; if someone else saved first, the user is told
 * and can reload their changes. Only people allowed to edit the listing get the form.
 */
export function ServiceEditPage(): ReactNode {
  const { id = '' } = useParams();
  return <EditService key={id} id={id} />;
}

export function NotAllowedToEdit({ name, backHref }: { name: string; backHref: string }): ReactNode {
  return (
    <>
      <PageHeading title="You cannot edit this listing">You cannot edit {name}</PageHeading>
      <p className="nhsuk-body">Only the organisation that runs a service, and the scheme’s managers, can change its listing.</p>
      <p className="nhsuk-body">If something in it is wrong, tell the organisation or your scheme manager.</p>
      <p className="nhsuk-body">
        <Link to={backHref}>Go back to the listing</Link>
      </p>
    </>
  );
}

function EditService({ id }: { id: string }): ReactNode {
  const path = `/api/directory/services/${encodeURIComponent(id)}`;
  const [load, reload] = useApi(path, serviceDetail);
  const languages = useLanguageChoices(load.status === 'ok' ? load.data.languages : []);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const [stale, setStale] = useState(false);
  const send = useDirectorySend();
  const handle = useProblemHandler();
  const navigate = useNavigate();

  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (load.status === 'loading') {
    return (
      <>
        <PageHeading>Edit listing</PageHeading>
        <Loading />
      </>
    );
  }
  const service = load.data;
  const servicePath = `/directory/services/${service.id}`;
  if (!service.permissions.edit) return <NotAllowedToEdit name={service.name} backHref={servicePath} />;

  async function save(form: HTMLFormElement, rowKeys: readonly string[], current: ServiceDetail): Promise<void> {
    const read = readServiceForm(new FormData(form), { rowKeys, languages });
    const checked = checkUpdate(read);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    try {
      await send('PATCH', path, checked.value, z.unknown(), current.version);
      void navigate(servicePath, { state: { message: 'Listing saved' } });
    } catch (thrown) {
      const problem = handle(thrown);
      if (problem === null) return;
      if (problem.status === 412) {
        setStale(true);
        setErrors({ detail: CHANGED_MEANWHILE, fields: {} });
      } else setErrors(serverErrors(problem, read.rowIndex));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Link className="nhsuk-back-link" to={servicePath}>
        Back<span className="nhsuk-u-visually-hidden"> to the listing</span>
      </Link>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{service.organization.name}</span>
          <PageHeading title="Edit listing">Edit {service.name}</PageHeading>
          {stale && (
            <button
              className="nhsuk-button nhsuk-button--secondary"
              type="button"
              onClick={() => {
                setStale(false);
                setErrors(noErrors);
                reload();
              }}
            >
              Reload the listing
            </button>
          )}
          <ServiceForm
            key={service.version}
            service={service}
            languages={languages}
            errors={errors}
            busy={busy}
            submitLabel="Save listing"
            cancelHref={servicePath}
            onSubmit={(form, rowKeys) => void save(form, rowKeys, service)}
          />
        </div>
      </div>
    </>
  );
}

const NO_LANGUAGES: readonly { code: string | null; name: string | null }[] = [];

/** /directory/services/new?organizationId=…: a new listing for an organisation. */
export function NewServicePage(): ReactNode {
  const [params] = useSearchParams();
  const organizationId = params.get('organizationId') ?? '';
  const [org] = useApi(`/api/directory/organizations/${encodeURIComponent(organizationId)}`, organizationDetail);
  const languages = useLanguageChoices(NO_LANGUAGES);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const send = useDirectorySend();
  const handle = useProblemHandler();
  const navigate = useNavigate();

  if (org.status === 'error') return <ProblemPage problem={org.problem} />;
  if (org.status === 'loading') {
    return (
      <>
        <PageHeading>Add a listing</PageHeading>
        <Loading />
      </>
    );
  }
  const organization = org.data;
  const orgPath = `/directory/organisations/${organization.id}`;
  if (!organization.permissions.edit) return <NotAllowedToEdit name={`listings of ${organization.name}`} backHref={orgPath} />;

  async function create(form: HTMLFormElement, rowKeys: readonly string[]): Promise<void> {
    const read = readServiceForm(new FormData(form), { rowKeys, languages });
    const checked = checkCreate(read, organization.id);
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    try {
      const created = await send('POST', '/api/directory/services', checked.value, serviceDetail.pick({ id: true }));
      void navigate(`/directory/services/${created.id}`, { state: { message: 'Listing added' } });
    } catch (thrown) {
      const problem = handle(thrown);
      if (problem !== null) setErrors(serverErrors(problem, read.rowIndex));
    } finally {
      setBusy(false);
    }
  }

  return (
    <>
      <Link className="nhsuk-back-link" to={orgPath}>
        Back<span className="nhsuk-u-visually-hidden"> to {organization.name}</span>
      </Link>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <span className="nhsuk-caption-l">{organization.name}</span>
          <PageHeading>Add a listing</PageHeading>
          <ServiceForm service={null} languages={languages} errors={errors} busy={busy} submitLabel="Add listing" cancelHref={orgPath} onSubmit={(form, rowKeys) => void create(form, rowKeys)} />
        </div>
      </div>
    </>
  );
}
