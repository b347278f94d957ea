import type { ReactNode, SubmitEvent } from 'react';
import { Link } from 'react-router-dom';
import { ACCESS_FEATURES, ACCESS_LABELS, SEARCH_DEFAULT_RADIUS_KM, TIME_LABELS, type DirectoryFacets } from '../../../../../src/contracts/directory-search.js';
import { ChoiceField } from '../../../components/ChoiceField.js';
import { SelectField } from '../../../components/SelectField.js';
import { TextField } from '../../../components/TextField.js';
import { DAY_LABELS, DAYS, pageQuery, RADII, readFilters, TIMES, type SearchFilters } from './query.js';

/**
 * The search filters. The form reads like a GET form (its field names are the address's), and
 * applying it changes the address, so the results can be linked to and the back button works.
 */
interface Props {
  filters: SearchFilters;
  facets: DirectoryFacets | null;
  /** "Near Margaret Ellis's home (approximate: neighbourhood centre)" when the search starts from a person. */
  personPlace: string | null;
  postcodeLookup: 'available' | 'not-configured' | 'unknown';
  onApply: (filters: SearchFilters) => void;
}

export const POSTCODE_NOT_SET_UP = 'Postcode lookup is not set up on this Linkwell. Search near a person’s home from their record instead, or search without a place.';

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function SearchForm({ filters, facets, personPlace, postcodeLookup, onApply }: Props): ReactNode {
  function onSubmit(event: SubmitEvent<HTMLFormElement>): void {
    event.preventDefault();
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(event.currentTarget)) if (typeof value === 'string' && value !== '') params.append(name, value);
    // The view and suggestion mode are not filters: a new search keeps the view and leaves suggestions.
    onApply({ ...readFilters(params), view: filters.view, page: 1 });
  }

  const needs = facets?.needs ?? [];
  const languages = facets?.languages ?? [];
  const access = facets?.access ?? ACCESS_FEATURES.map((code) => ({ code, label: ACCESS_LABELS[code] }));
  const nearError = postcodeLookup === 'not-configured' && filters.near !== undefined ? POSTCODE_NOT_SET_UP : undefined;
  const clearTo = filters.personId === undefined ? '/directory' : `/directory?${pageQuery({ access: [], page: 1, view: filters.view, personId: filters.personId })}`;

  return (
    <form onSubmit={onSubmit} noValidate role="search" aria-label="Search the directory" action="/directory" method="get">
      <TextField name="q" label="What are you looking for?" hint="For example: walking, gardening, debt advice" defaultValue={filters.q ?? ''} spellCheck />
      {needs.length > 0 && (
        <SelectField name="need" label="Meets this need" options={[{ value: '', label: 'Any need' }, ...needs.map((n) => ({ value: n.code, label: n.label }))]} defaultValue={filters.need ?? ''} />
      )}
      <SelectField name="day" label="Day" options={[{ value: '', label: 'Any day' }, ...DAYS.map((d) => ({ value: d, label: DAY_LABELS[d] }))]} defaultValue={filters.day ?? ''} />
      <SelectField name="time" label="Time of day" options={[{ value: '', label: 'Any time' }, ...TIMES.map((t) => ({ value: t, label: TIME_LABELS[t] }))]} defaultValue={filters.time ?? ''} />
      <ChoiceField
        type="checkbox"
        name="free"
        legend="Cost"
        items={[{ value: 'true', label: 'Free only' }]}
        defaultValues={filters.free === true ? ['true'] : []}
      />
      <ChoiceField
        type="checkbox"
        name="capacity"
        legend="Places"
        items={[{ value: 'true', label: 'Has places now' }]}
        defaultValues={filters.capacity === true ? ['true'] : []}
      />
      <ChoiceField type="checkbox" name="access" legend="Access" hint="The place must have all you select." items={access.map((a) => ({ value: a.code, label: capitalise(a.label) }))} defaultValues={filters.access} />
      {languages.length > 0 && (
        <SelectField name="language" label="Language spoken" options={[{ value: '', label: 'Any language' }, ...languages.map((l) => ({ value: l.code, label: l.name }))]} defaultValue={filters.language ?? ''} />
      )}
      <TextField name="age" label="Age of the person (optional)" inputMode="numeric" widthClass="nhsuk-input--width-3" defaultValue={filters.age === undefined ? '' : String(filters.age)} />
      <fieldset className="nhsuk-fieldset">
        <legend className="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">Where</legend>
        {filters.personId !== undefined ? (
          <>
            <input type="hidden" name="personId" value={filters.personId} />
            <p className="nhsuk-body">{personPlace ?? 'Near the person’s home'}</p>
            <p className="nhsuk-body-s">
              <Link to={`/directory?${pageQuery({ ...filters, personId: undefined, match: undefined, page: 1 })}`}>Search anywhere instead</Link>
            </p>
          </>
        ) : (
          <TextField
            name="near"
            label="Near a postcode (optional)"
            hint={postcodeLookup === 'not-configured' ? POSTCODE_NOT_SET_UP : 'For example, LS6 2QJ'}
            widthClass="nhsuk-input--width-10"
            defaultValue={filters.near ?? ''}
            error={nearError}
            autoComplete="postal-code"
          />
        )}
        {filters.point !== undefined && filters.personId === undefined && filters.near === undefined && (
          <>
            <input type="hidden" name="lat" value={filters.point.lat.toFixed(5)} />
            <input type="hidden" name="lng" value={filters.point.lng.toFixed(5)} />
          </>
        )}
        <SelectField
          name="radiusKm"
          label="Within"
          options={[{ value: '', label: `The usual distance (${SEARCH_DEFAULT_RADIUS_KM} km)` }, ...RADII.map((r) => ({ value: String(r), label: `${r} km` }))]}
          defaultValue={filters.radiusKm === undefined ? '' : String(filters.radiusKm)}
        />
      </fieldset>
      <ChoiceField
        type="checkbox"
        name="includePaused"
        legend="Paused services"
        items={[{ value: 'true', label: 'Include services that are paused for now' }]}
        defaultValues={filters.includePaused === true ? ['true'] : []}
      />
      <div className="nhsuk-button-group lw-button-group">
        <button className="nhsuk-button" type="submit">
          Search
        </button>
        <Link className="nhsuk-link" to={clearTo}>
          Clear filters
        </Link>
      </div>
    </form>
  );
}
