import { useState, type ReactNode } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { personDetail, type DuplicateCandidate, type PersonDetail } from '../../../../src/contracts/people.js';
import { useApi } from '../../api/useApi.js';
import { InsetText } from '../../components/Callouts.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { SuccessBanner } from '../../components/SuccessBanner.js';
import { useFlash } from '../../session/flash.js';
import { personName } from '../referrals/labels.js';
import { MergeConfirm } from './MergeConfirm.js';
import { PersonReferrals, PossibleDuplicates } from './PersonTables.js';
import { PersonSummary } from './PersonSummary.js';

/**
 * One person's record: their details, their referrals and any records that may be the same
 * person, which a link worker can merge. The tab title leaves out the name on purpose.
 */
export function PersonPage(): ReactNode {
  const { id = '' } = useParams();
  return <Person key={id} id={id} />;
}

function Person({ id }: { id: string }): ReactNode {
  const [load] = useApi(`/api/people/${encodeURIComponent(id)}`, personDetail);
  const flash = useFlash();
  const navigate = useNavigate();
  const [merging, setMerging] = useState<DuplicateCandidate | null>(null);

  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (load.status === 'loading') {
    return (
      <>
        <PageHeading>Person record</PageHeading>
        <Loading />
      </>
    );
  }
  const { person, duplicates, referrals } = load.data;
  const name = personName(person);

  function merged(kept: PersonDetail): void {
    const message = `The record for ${name} has been merged into this one. Both histories are kept.`;
    void navigate(`/people/${kept.person.id}`, { state: { message } });
  }

  return (
    <>
      {flash.message !== null && <SuccessBanner key={flash.message}>{flash.message}</SuccessBanner>}
      <PageHeading title="Person record">{name}</PageHeading>
      {person.mergedIntoId !== null && (
        <InsetText>
          <p>
            This record was merged into <Link to={`/people/${person.mergedIntoId}`}>another record for the same person</Link>. Its history is kept
            there.
          </p>
        </InsetText>
      )}
      <section>
        <h2 className="nhsuk-heading-m" id="details-heading">
          Details
        </h2>
        <PersonSummary person={person} />
        {person.mergedIntoId === null && (
          <p className="nhsuk-body">
            <Link to={`/people/${person.id}/edit`}>
              Change details<span className="nhsuk-u-visually-hidden"> for {name}</span>
            </Link>
          </p>
        )}
      </section>
      {person.mergedIntoId === null && (
        <section aria-labelledby="directory-heading">
          <h2 className="nhsuk-heading-m" id="directory-heading">
            Community directory
          </h2>
          <ul className="nhsuk-list">
            <li>
              <Link to={`/directory?personId=${person.id}`}>Find services near {name}’s home</Link>
            </li>
            <li>
              <Link to={`/directory?personId=${person.id}&match=1`}>Suggest services for {name}</Link>
            </li>
          </ul>
        </section>
      )}
      {person.mergedIntoId === null && (
        <section aria-labelledby="measures-heading">
          <h2 className="nhsuk-heading-m" id="measures-heading">
            Wellbeing measures
          </h2>
          <p className="nhsuk-body">
            <Link to={`/people/${person.id}/outcomes`}>See, record and send wellbeing measures for {name}</Link>
          </p>
        </section>
      )}
      <PersonReferrals referrals={referrals} />
      {person.mergedIntoId === null && (
        <>
          <PossibleDuplicates duplicates={duplicates} onMerge={setMerging} />
          {merging !== null && (
            <MergeConfirm
              key={merging.id}
              personId={person.id}
              currentName={name}
              candidate={merging}
              onMerged={merged}
              onCancel={() => {
                setMerging(null);
              }}
            />
          )}
        </>
      )}
    </>
  );
}
