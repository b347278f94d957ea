import { useState, type ReactNode, type SubmitEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { z } from 'zod';
import { organizationDetail, organizationUpdate, type OrganizationDetail } from '../../../../../src/contracts/directory.js';
import { useApi, useProblemHandler } from '../../../api/useApi.js';
import { ChoiceField } from '../../../components/ChoiceField.js';
import { ErrorSummary } from '../../../components/ErrorSummary.js';
import { Loading } from '../../../components/Loading.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { ProblemPage } from '../../../components/ProblemPage.js';
import { TextArea } from '../../../components/TextArea.js';
import { TextField } from '../../../components/TextField.js';
import { checkWith, formText, noErrors, problemToFormErrors, type FormErrors } from '../../../forms/errors.js';
import { useDirectorySend } from '../api.js';
import { NotAllowedToEdit } from '../edit/ServiceEditPage.js';

/**
 * /directory/organisations/:id/edit: the organisation's details and governance (legal form,
 * quality marks, safeguarding review, insurance, DBS policy), saved with the version it was
 * filled from.
 */
const FIELDS = ['name', 'description', 'email', 'website', 'legalForm', 'qualityMarks', 'safeguardingPolicyReviewedOn', 'insuranceExpiresOn', 'dbsPolicy'] as const;

const CHANGED = 'Someone else changed this organisation while you were editing. Reload to see their changes.';

export function GovernanceEditPage(): ReactNode {
  const { id = '' } = useParams();
  return <EditGovernance key={id} id={id} />;
}

const orNull = (value: string): string | null => (value.trim() === '' ? null : value.trim());

/** The form's values in the API's shape; quality marks are one per line. */
export function readGovernance(data: FormData): unknown {
  const legalForm = formText(data, 'legalForm');
  return {
    name: formText(data, 'name').trim(),
    description: formText(data, 'description').trim(),
    email: orNull(formText(data, 'email')),
    website: orNull(formText(data, 'website')),
    legalForm: legalForm === '' ? null : legalForm,
    qualityMarks: formText(data, 'qualityMarks')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    safeguardingPolicyReviewedOn: orNull(formText(data, 'safeguardingPolicyReviewedOn')),
    insuranceExpiresOn: orNull(formText(data, 'insuranceExpiresOn')),
    dbsPolicy: orNull(formText(data, 'dbsPolicy')),
  };
}

function EditGovernance({ id }: { id: string }): ReactNode {
  const path = `/api/directory/organizations/${encodeURIComponent(id)}`;
  const [load, reload] = useApi(path, organizationDetail);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const send = useDirectorySend();
  const handle = useProblemHandler();
  const navigate = useNavigate();

  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (load.status === 'loading') {
    return (
      <>
        <PageHeading>Change organisation details</PageHeading>
        <Loading />
      </>
    );
  }
  const org = load.data;
  const orgPath = `/directory/organisations/${org.id}`;
  if (!org.permissions.edit) return <NotAllowedToEdit name={org.name} backHref={orgPath} />;

  async function save(form: HTMLFormElement, current: OrganizationDetail): Promise<void> {
    const checked = checkWith(organizationUpdate, readGovernance(new FormData(form)));
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    try {
      await send('PATCH', path, checked.value, z.unknown(), current.version);
      void navigate(orgPath, { state: { message: 'Organisation details saved' } });
    } catch (thrown) {
      const problem = handle(thrown);
      if (problem === null) return;
      if (problem.status === 412) {
        setErrors({ detail: CHANGED, fields: {} });
        reload();
      } else setErrors(problemToFormErrors(problem, FIELDS));
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    void save(event.currentTarget, org);
  }

  const f = errors.fields;
  return (
    <>
      <Link className="nhsuk-back-link" to={orgPath}>
        Back<span className="nhsuk-u-visually-hidden"> to {org.name}</span>
      </Link>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} order={FIELDS} />
          <PageHeading title="Change organisation details">Change details for {org.name}</PageHeading>
          <form key={org.version} onSubmit={onSubmit} noValidate aria-label="Organisation details">
            <TextField name="name" label="Name" defaultValue={org.name} error={f.name} />
            <TextArea name="description" label="What the organisation does" defaultValue={org.description} error={f.description} rows={4} />
            <TextField name="email" label="Email address (optional)" type="email" defaultValue={org.email ?? ''} error={f.email} spellCheck={false} />
            <TextField name="website" label="Website (optional)" hint="Starting with https://" defaultValue={org.website ?? ''} error={f.website} spellCheck={false} />
            <h2 className="nhsuk-heading-m">Governance</h2>
            <ChoiceField
              type="radio"
              name="legalForm"
              legend="Legal form"
              items={[
                { value: 'incorporated', label: 'Incorporated', hint: 'For example a registered charity, a CIO or a company limited by guarantee.' },
                { value: 'unincorporated', label: 'Unincorporated group', hint: 'For example a club or association run by volunteers.' },
                { value: '', label: 'Not recorded' },
              ]}
              defaultValues={[org.legalForm ?? '']}
              error={f.legalForm}
            />
            <TextArea name="qualityMarks" label="Quality marks (optional)" hint="One on each line, for example Trusted Charity." defaultValue={org.qualityMarks.join('\n')} error={f.qualityMarks} rows={3} />
            <TextField
              name="safeguardingPolicyReviewedOn"
              label="Safeguarding policy last reviewed (optional)"
              type="date"
              widthClass="nhsuk-input--width-10"
              defaultValue={org.safeguardingPolicyReviewedOn ?? ''}
              error={f.safeguardingPolicyReviewedOn}
            />
            <TextField name="insuranceExpiresOn" label="Public liability insurance valid until (optional)" type="date" widthClass="nhsuk-input--width-10" defaultValue={org.insuranceExpiresOn ?? ''} error={f.insuranceExpiresOn} />
            <TextArea name="dbsPolicy" label="DBS checks (optional)" hint="Who has a DBS check, at what level, and how often it is renewed." defaultValue={org.dbsPolicy ?? ''} error={f.dbsPolicy} rows={3} />
            <div className="nhsuk-button-group lw-button-group">
              <button className="nhsuk-button" type="submit" disabled={busy}>
                Save details
              </button>
              <Link className="nhsuk-link" to={orgPath}>
                Cancel
              </Link>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}
