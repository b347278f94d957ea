import { useState, type ReactNode, type SubmitEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { organisationList } from '../../../../src/contracts/admin.js';
import { personDetail, type PersonView } from '../../../../src/contracts/people.js';
import { useApi, useProblemHandler } from '../../api/useApi.js';
import { InsetText } from '../../components/Callouts.js';
import { todayIso } from '../../components/dateParts.js';
import { ErrorSummary } from '../../components/ErrorSummary.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { noErrors, type FormErrors } from '../../forms/errors.js';
import { CommunicationFields, NextOfKinFields } from '../referral-form/CommunicationFields.js';
import { formStateFromData } from '../referral-form/formState.js';
import { PersonFields } from '../referral-form/PersonFields.js';
import { personName } from '../referrals/labels.js';
import { usePutIfMatch } from './api.js';
import { checkPerson, PERSON_FIELD_ORDER, personFormState, practiceOptions, saveErrors } from './personForm.js';

/**
 * /people/:id/edit: the person's details, communication needs and next of kin, with the referral
 * form's inputs. Saving sends the version the form was filled from; when someone else saved
 * first, the form reloads with their details and says so. The tab title leaves out the name.
 */
export function EditPersonPage(): ReactNode {
  const { id = '' } = useParams();
  return <EditPerson key={id} id={id} />;
}

const TITLE = 'Change person details';

function EditPerson({ id }: { id: string }): ReactNode {
  const path = `/api/people/${encodeURIComponent(id)}`;
  const [load, reload] = useApi(path, personDetail);
  const [organisations] = useApi('/api/organisations', organisationList);
  const [errors, setErrors] = useState<FormErrors>(noErrors);
  const [busy, setBusy] = useState(false);
  const put = usePutIfMatch();
  const handle = useProblemHandler();
  const navigate = useNavigate();

  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (load.status === 'loading' || organisations.status === 'loading') {
    return (
      <>
        <PageHeading>{TITLE}</PageHeading>
        <Loading />
      </>
    );
  }
  const { person } = load.data;
  const name = personName(person);
  const recordPath = `/people/${person.id}`;
  if (person.mergedIntoId !== null) return <Merged name={name} person={person} />;

  // The practice list is a convenience: without it, the person's own practice is still offered.
  const practices = practiceOptions(organisations.status === 'ok' ? organisations.data.items : [], person.gpPracticeOds);
  const initial = personFormState(person);

  async function save(form: HTMLFormElement, version: number): Promise<void> {
    const checked = checkPerson(formStateFromData(new FormData(form)), { today: todayIso(), lsoaCode: person.lsoaCode });
    if (!checked.ok) {
      setErrors(checked.errors);
      return;
    }
    setBusy(true);
    try {
      const saved = await put(path, checked.value, personDetail, version);
      void navigate(`/people/${saved.person.id}`, { state: { message: 'Details saved' } });
    } catch (error) {
      const problem = handle(error);
      if (problem === null) return;
      setErrors(saveErrors(problem));
      // The form is keyed by version, so the latest details replace what was typed.
      if (problem.status === 412) reload();
    } finally {
      setBusy(false);
    }
  }

  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    void save(event.currentTarget, person.version);
  }

  const f = errors.fields;
  return (
    <>
      <Link className="nhsuk-back-link" to={recordPath}>
        Back<span className="nhsuk-u-visually-hidden"> to the person record</span>
      </Link>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <ErrorSummary errors={errors} order={PERSON_FIELD_ORDER} />
          <PageHeading title={TITLE}>Change details for {name}</PageHeading>
          <form key={person.version} onSubmit={onSubmit} noValidate aria-label="Person details">
            <PersonFields values={initial} errors={f} practices={practices} />
            <CommunicationFields values={initial} errors={f} />
            <NextOfKinFields values={initial} errors={f} />
            <div className="nhsuk-button-group">
              <button className="nhsuk-button" type="submit" disabled={busy}>
                Save changes
              </button>
              <Link className="nhsuk-link" to={recordPath}>
                Cancel
              </Link>
            </div>
          </form>
        </div>
      </div>
    </>
  );
}

function Merged({ name, person }: { name: string; person: PersonView }): ReactNode {
  return (
    <>
      <PageHeading title={TITLE}>Change details for {name}</PageHeading>
      <InsetText>
        <p>
          This record was merged into <Link to={`/people/${person.mergedIntoId ?? ''}`}>another record for the same person</Link>. Change the details
          there.
        </p>
      </InsetText>
    </>
  );
}
