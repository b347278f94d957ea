import type { ReactNode } from 'react';
import { Link, useParams } from 'react-router-dom';
import { outcomeSettings, personOutcomes } from '../../../../src/contracts/outcomes.js';
import { personDetail } from '../../../../src/contracts/people.js';
import { useApi } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { personName } from '../referrals/labels.js';
import { personOutcomesPath, personPath } from './api.js';
import { caseReferrals, recordableMeasures } from './forms.js';
import { RecordMeasureForm } from './RecordMeasureForm.js';

/**
 * Completing a measure with the link worker: on this device with the person, from a paper form,
 * or (for licensed tools) a score obtained elsewhere. The questions are the shared measure
 * fields, so the person sees the same wording as on their own link. Saving returns to the
 * outcomes page, which says what was saved.
 */
export function RecordMeasurePage(): ReactNode {
  const { id = '' } = useParams();
  return <RecordMeasure key={id} id={id} />;
}

function RecordMeasure({ id }: { id: string }): ReactNode {
  const [load] = useApi(personOutcomesPath(id), personOutcomes);
  const [person] = useApi(personPath(id), personDetail);
  const [settings] = useApi('/api/outcomes/settings', outcomeSettings);

  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (person.status === 'error') return <ProblemPage problem={person.problem} />;
  const back = (
    <Link className="nhsuk-back-link" to={`/people/${id}/outcomes`}>
      Back<span className="nhsuk-u-visually-hidden"> to wellbeing measures</span>
    </Link>
  );
  // The schedule only suggests timepoints; without it the form still works, with "Other".
  if (load.status === 'loading' || person.status === 'loading' || settings.status === 'loading') {
    return (
      <>
        {back}
        <PageHeading>Complete a measure</PageHeading>
        <Loading />
      </>
    );
  }
  const name = personName(person.data.person);
  const measures = recordableMeasures(load.data.measures);
  return (
    <>
      {back}
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-two-thirds">
          <PageHeading title="Complete a measure">
            <span className="nhsuk-caption-l">
              {name}
              <span className="nhsuk-u-visually-hidden"> – </span>
            </span>
            Complete a measure
          </PageHeading>
          {measures.length === 0 ? (
            <p className="nhsuk-body">No measures are switched on for this scheme. An administrator can switch them on in the outcome settings.</p>
          ) : (
            <RecordMeasureForm
              personId={id}
              name={name}
              measures={measures}
              schedule={settings.status === 'ok' ? settings.data.schedule : null}
              due={load.data.due}
              referrals={caseReferrals(person.data.referrals)}
            />
          )}
        </div>
      </div>
    </>
  );
}
