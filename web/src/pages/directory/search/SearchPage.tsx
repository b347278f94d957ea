import { lazy, Suspense, type ReactNode } from 'react';
import { Link, useLocation, useNavigate, useSearchParams } from 'react-router-dom';
import { mapConfig, type DirectorySearchResponse } from '../../../../../src/contracts/directory-search.js';
import { useApi } from '../../../api/useApi.js';
import { InsetText } from '../../../components/Callouts.js';
import { Loading } from '../../../components/Loading.js';
import { PageHeading } from '../../../components/PageHeading.js';
import { Pagination } from '../../../components/Pagination.js';
import { plural } from '../../referrals/labels.js';
import { useFacets } from '../facets.js';
import { MapBoundary } from '../map/MapBoundary.js';
import { apiPath, hasFilters, pageQuery, readFilters, withPage, withView, type SearchFilters, type View } from './query.js';
import { ResultList } from './ResultList.js';
import { POSTCODE_NOT_SET_UP, SearchForm } from './SearchForm.js';
import { placeText } from './place.js';
import { usePersonName, useSearch } from './useSearch.js';

/** Leaflet is only fetched once someone asks for the map. */
const ResultsMap = lazy(async () => ({ default: (await import('../map/ResultsMap.js')).ResultsMap }));

const PER_PAGE = 20;

/**
 * /directory: search the community directory by words, need, day and time, cost, access,
 * language and place, with the results as a list and, on request, a map beside the same list.
 * With ?personId the search starts from that person's home; with &match=1 it suggests services
 * for the needs in their referral.
 */
export function SearchPage(): ReactNode {
  const [params] = useSearchParams();
  const location = useLocation();
  const navigate = useNavigate();
  const filters = readFilters(params);
  const search = useSearch(apiPath(filters, PER_PAGE));
  const facets = useFacets();
  const [map] = useApi('/api/directory/map-config', mapConfig);
  const personName = usePersonName(filters.personId);
  const matching = filters.match === true && filters.personId !== undefined;
  const here = `${location.pathname}${location.search}`;

  function go(next: SearchFilters, replace = false): void {
    const query = pageQuery(next);
    void navigate(query === '' ? '/directory' : `/directory?${query}`, { replace });
  }

  const data: DirectorySearchResponse | null = search.status === 'ok' ? search.data : search.status === 'loading' ? search.last : null;
  const postcodeLookup = search.status === 'postcode-not-configured' ? 'not-configured' : (data?.postcodeLookup ?? 'unknown');
  const heading = matching ? `Suggested for ${personName ?? 'this person'}` : 'Community directory';

  return (
    <>
      {filters.personId !== undefined && (
        <Link className="nhsuk-back-link" to={`/people/${filters.personId}`}>
          Back<span className="nhsuk-u-visually-hidden"> to the person record</span>
        </Link>
      )}
      <PageHeading title={matching ? 'Suggested services' : 'Community directory'}>{heading}</PageHeading>
      <p className="nhsuk-body">
        {matching
          ? 'Services in the categories your scheme matched to the needs in their referral, nearest to their home first.'
          : 'Groups and services people can be referred or signposted to. Closed services are not shown.'}
      </p>
      <div className="nhsuk-grid-row">
        <div className="nhsuk-grid-column-one-third">
          <h2 className="nhsuk-heading-m">Filters</h2>
          <SearchForm
            key={pageQuery({ ...filters, view: 'list', page: 1 })}
            filters={filters}
            facets={facets}
            personPlace={placeText(filters, data?.origin ?? null, personName)}
            postcodeLookup={postcodeLookup}
            onApply={(next) => {
              go(next);
            }}
          />
        </div>
        <div className="nhsuk-grid-column-two-thirds">
          <h2 className="nhsuk-heading-m">Results</h2>
          <Results
            search={search}
            data={data}
            filters={filters}
            here={here}
            tileUrl={map.status === 'ok' ? map.data.tileUrl : null}
            attribution={map.status === 'ok' ? map.data.attribution : ''}
            personName={personName}
            onView={(view) => {
              go(withView(filters, view), true);
            }}
          />
        </div>
      </div>
    </>
  );
}

interface ResultsProps {
  search: ReturnType<typeof useSearch>;
  data: DirectorySearchResponse | null;
  filters: SearchFilters;
  here: string;
  tileUrl: string | null;
  attribution: string;
  personName: string | null;
  onView: (view: View) => void;
}

function Results({ search, data, filters, here, tileUrl, attribution, personName, onView }: ResultsProps): ReactNode {
  if (search.status === 'postcode-not-configured') {
    return (
      <InsetText>
        <p>{POSTCODE_NOT_SET_UP}</p>
      </InsetText>
    );
  }
  if (search.status === 'error') {
    return (
      <InsetText>
        <p>{search.problem.detail}</p>
      </InsetText>
    );
  }
  if (data === null) return <Loading>Searching…</Loading>;
  const lastPage = Math.max(1, Math.ceil(data.total / data.perPage));
  const place = placeText(filters, data.origin, personName);
  const start = (data.page - 1) * data.perPage + 1;
  return (
    <>
      <p className="nhsuk-body" role="status">
        {search.status === 'loading'
          ? 'Searching…'
          : data.total === 0
            ? hasFilters(filters)
              ? 'No services match your search. Try fewer filters or a wider distance.'
              : 'The directory has no services yet.'
            : `${plural(data.total, 'service', 'services')} found${place === null ? '' : ` ${place.charAt(0).toLowerCase()}${place.slice(1)}`}.`}
      </p>
      {data.correctedQuery !== null && (
        <p className="nhsuk-body">
          Showing results for <strong>{data.correctedQuery}</strong>.
        </p>
      )}
      {data.results.length > 0 && (
        <>
          <div className="lw-view-toggle" role="group" aria-label="Show the results as">
            <button className={filters.view === 'list' ? 'nhsuk-button lw-view-toggle__button' : 'nhsuk-button nhsuk-button--secondary lw-view-toggle__button'} type="button" aria-pressed={filters.view === 'list'} onClick={() => onView('list')}>
              List
            </button>
            <button className={filters.view === 'map' ? 'nhsuk-button lw-view-toggle__button' : 'nhsuk-button nhsuk-button--secondary lw-view-toggle__button'} type="button" aria-pressed={filters.view === 'map'} onClick={() => onView('map')}>
              Map
            </button>
          </div>
          {filters.view === 'map' && (
            <MapBoundary>
              <Suspense fallback={<Loading>Loading the map…</Loading>}>
                <ResultsMap results={data.results} origin={data.origin === null ? null : { ...data.origin, label: place ?? data.origin.label }} tileUrl={tileUrl} attribution={attribution} />
              </Suspense>
            </MapBoundary>
          )}
          <ResultList results={data.results} from={here} start={start} />
          <Pagination page={data.page} lastPage={lastPage} hrefFor={(page) => `/directory?${pageQuery(withPage(filters, page))}`} />
        </>
      )}
    </>
  );
}
