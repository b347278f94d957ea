import { useState, type ReactNode, type SubmitEvent } from 'react';
import { Link, useParams } from 'react-router-dom';
import { referralDetail } from '../../../../src/contracts/referrals.js';
import { useApi } from '../../api/useApi.js';
import { Loading } from '../../components/Loading.js';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemPage } from '../../components/ProblemPage.js';
import { BackToCase } from '../casework/BackToCase.js';
import { useSearch } from '../directory/search/useSearch.js';
import { casePage, referralApi } from './api.js';
import { ServiceResults } from './ServiceResults.js';

/**
 * Finding a group or service for the person: first what the directory's matching suggests from
 * their needs, home and age, then a keyword search for anything else. The keyword stays in the
 * page, not the address.
 */
export function FindServicePage(): ReactNode {
  const { id = '' } = useParams();
  return <FindService key={id} referralId={id} />;
}

function FindService({ referralId }: { referralId: string }): ReactNode {
  const [load] = useApi(referralApi(referralId), referralDetail);
  const [keywords, setKeywords] = useState('');
  const back = <BackToCase to={casePage(referralId)} />;
  if (load.status === 'error') return <ProblemPage problem={load.problem} />;
  if (load.status === 'loading') {
    return (
      <>
        {back}
        <PageHeading>Find a service</PageHeading>
        <Loading />
      </>
    );
  }
  const { person, personName } = load.data;
  const from = `/cases/${encodeURIComponent(referralId)}/refer-on`;

  function onSearch(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('q');
    setKeywords(typeof value === 'string' ? value.trim() : '');
  }

  return (
    <>
      {back}
      <PageHeading title={`Find a service for ${personName}`}>
        <span className="nhsuk-caption-l">
          {personName}
          <span className="nhsuk-u-visually-hidden"> – </span>
        </span>
        Find a service
      </PageHeading>
      <form role="search" aria-label="Search the directory" onSubmit={onSearch} className="nhsuk-u-margin-bottom-6">
        <div className="nhsuk-form-group">
          <label className="nhsuk-label" htmlFor="q">
            Search by keyword
          </label>
          <div className="nhsuk-hint" id="q-hint">
            For example walking, gardening or a group&apos;s name
          </div>
          <input className="nhsuk-input nhsuk-input--width-20" id="q" name="q" type="search" aria-describedby="q-hint" />
        </div>
        <button className="nhsuk-button nhsuk-button--secondary" type="submit">
          Search
        </button>
      </form>
      {keywords !== '' && <KeywordResults referralId={referralId} keywords={keywords} from={from} />}
      <MatchedResults referralId={referralId} personId={person.id} name={personName} from={from} />
      <p className="nhsuk-body">
        Told them about somewhere that is not in the directory?{' '}
        <Link to={`/cases/${encodeURIComponent(referralId)}/signpost`}>Record signposting</Link>
      </p>
    </>
  );
}

function MatchedResults({ referralId, personId, name, from }: { referralId: string; personId: string; name: string; from: string }): ReactNode {
  const load = useSearch(`/api/directory/match?personId=${encodeURIComponent(personId)}`);
  return (
    <section aria-labelledby="matched-heading">
      <h2 className="nhsuk-heading-m" id="matched-heading">
        Suggested for {name}
      </h2>
      <SearchAnswer load={load} referralId={referralId} from={from} />
    </section>
  );
}

function KeywordResults({ referralId, keywords, from }: { referralId: string; keywords: string; from: string }): ReactNode {
  const load = useSearch(`/api/directory/search?${new URLSearchParams({ q: keywords }).toString()}`);
  return (
    <section aria-labelledby="keyword-heading">
      <h2 className="nhsuk-heading-m" id="keyword-heading">
        Results for &lsquo;{keywords}&rsquo;
      </h2>
      <SearchAnswer load={load} referralId={referralId} from={from} />
    </section>
  );
}

function SearchAnswer({ load, referralId, from }: { load: ReturnType<typeof useSearch>; referralId: string; from: string }): ReactNode {
  switch (load.status) {
    case 'loading':
      return load.last === null ? <Loading /> : <ServiceResults referralId={referralId} results={load.last.results} from={from} />;
    case 'ok':
      return <ServiceResults referralId={referralId} results={load.data.results} from={from} />;
    case 'postcode-not-configured':
      return <p className="nhsuk-body">Searching near a home address is not set up on this Linkwell. Search by keyword instead.</p>;
    case 'error':
      return <p className="nhsuk-body">{load.problem.detail}</p>;
    default: {
      const unreachable: never = load;
      return unreachable;
    }
  }
}
