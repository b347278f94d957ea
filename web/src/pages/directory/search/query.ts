import { ACCESS_FEATURES, DAY_FILTERS, SEARCH_MAX_RADIUS_KM, TIME_FILTERS } from '../../../../../src/contracts/directory-search.js';

/**
 * The directory search lives in the address: every filter, the page and the list or map view.
 * A search can then be bookmarked, sent to a colleague and stepped back through with the
 * browser's back button. Anything unreadable is dropped rather than sent on to the server.
 */

export const DAYS = DAY_FILTERS;
export type Day = (typeof DAYS)[number];
export const DAY_LABELS: Record<Day, string> = {
  mon: 'Monday',
  tue: 'Tuesday',
  wed: 'Wednesday',
  thu: 'Thursday',
  fri: 'Friday',
  sat: 'Saturday',
  sun: 'Sunday',
};

export const TIMES = TIME_FILTERS;
export type TimeOfDay = (typeof TIMES)[number];

export const RADII = [1, 2, 5, 10, 25, 50] as const;
export type AccessCode = (typeof ACCESS_FEATURES)[number];

export type View = 'list' | 'map';

export interface SearchFilters {
  q?: string;
  need?: string;
  term?: string;
  day?: Day;
  time?: TimeOfDay;
  free?: true;
  access: AccessCode[];
  language?: string;
  age?: number;
  capacity?: true;
  /** A postcode typed by the user. */
  near?: string;
  /** The person whose home is the starting point (from their record). */
  personId?: string;
  /** A point chosen on the map, when there is neither a person nor a postcode. */
  point?: { lat: number; lng: number };
  radiusKm?: number;
  includePaused?: true;
  page: number;
  /** Suggestions from the person's needs rather than a search. */
  match?: true;
  view: View;
}

const NEED = /^[a-z0-9-]{1,40}$/;
const LANGUAGE = /^[a-z]{2,3}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const POSTCODE = /^[A-Z0-9 ]{2,10}$/i;

function isDay(value: string): value is Day {
  return (DAYS as readonly string[]).includes(value);
}

function isTime(value: string): value is TimeOfDay {
  return (TIMES as readonly string[]).includes(value);
}

function positiveInteger(value: string | null, max: number): number | undefined {
  if (value === null || !/^\d{1,4}$/.test(value)) return undefined;
  const n = Number(value);
  return n >= 1 && n <= max ? n : undefined;
}

function readPoint(lat: string | null, lng: string | null): { lat: number; lng: number } | undefined {
  if (lat === null || lng === null || lat.trim() === '' || lng.trim() === '') return undefined;
  const la = Number(lat);
  const ln = Number(lng);
  if (!Number.isFinite(la) || !Number.isFinite(ln) || Math.abs(la) > 90 || Math.abs(ln) > 180) return undefined;
  return { lat: la, lng: ln };
}

const yes = (params: URLSearchParams, name: string): boolean => ['true', 'on', '1'].includes(params.get(name) ?? '');

/** Reads the filters from the address (or from a submitted form, which has the same names). */
export function readFilters(params: URLSearchParams): SearchFilters {
  const filters: SearchFilters = { access: [], page: 1, view: params.get('view') === 'map' ? 'map' : 'list' };
  const q = params.get('q')?.trim() ?? '';
  if (q !== '') filters.q = q.slice(0, 200);
  const need = params.get('need')?.trim() ?? '';
  if (NEED.test(need)) filters.need = need;
  const term = params.get('term')?.trim() ?? '';
  if (UUID.test(term)) filters.term = term.toLowerCase();
  const language = params.get('language')?.trim().toLowerCase() ?? '';
  if (LANGUAGE.test(language)) filters.language = language;
  const day = params.get('day') ?? '';
  if (isDay(day)) filters.day = day;
  const time = params.get('time') ?? '';
  if (isTime(time)) filters.time = time;
  if (yes(params, 'free')) filters.free = true;
  if (yes(params, 'capacity')) filters.capacity = true;
  if (yes(params, 'includePaused')) filters.includePaused = true;
  if (yes(params, 'match')) filters.match = true;
  filters.access = ACCESS_FEATURES.filter((code) => params.getAll('access').includes(code));
  const age = params.get('age');
  if (age !== null && /^\d{1,3}$/.test(age) && Number(age) <= 120) filters.age = Number(age);
  const personId = params.get('personId') ?? '';
  if (UUID.test(personId)) filters.personId = personId.toLowerCase();
  const near = params.get('near')?.trim().toUpperCase() ?? '';
  // A person's home and a typed postcode are two ways to say where; the person wins.
  if (filters.personId === undefined && POSTCODE.test(near)) filters.near = near.replace(/\s+/g, ' ');
  const point = readPoint(params.get('lat'), params.get('lng'));
  if (filters.personId === undefined && filters.near === undefined && point !== undefined) filters.point = point;
  const radius = positiveInteger(params.get('radiusKm'), SEARCH_MAX_RADIUS_KM);
  if (radius !== undefined) filters.radiusKm = radius;
  filters.page = positiveInteger(params.get('page'), 1000) ?? 1;
  return filters;
}

/** The filters as query parameters in a fixed order, so the same search gives the same address. */
function filterParams(filters: SearchFilters): URLSearchParams {
  const params = new URLSearchParams();
  if (filters.q !== undefined) params.set('q', filters.q);
  if (filters.need !== undefined) params.set('need', filters.need);
  if (filters.term !== undefined) params.set('term', filters.term);
  if (filters.day !== undefined) params.set('day', filters.day);
  if (filters.time !== undefined) params.set('time', filters.time);
  if (filters.free === true) params.set('free', 'true');
  for (const access of filters.access) params.append('access', access);
  if (filters.language !== undefined) params.set('language', filters.language);
  if (filters.age !== undefined) params.set('age', String(filters.age));
  if (filters.capacity === true) params.set('capacity', 'true');
  if (filters.personId !== undefined) params.set('personId', filters.personId);
  else if (filters.near !== undefined) params.set('near', filters.near);
  else if (filters.point !== undefined) {
    params.set('lat', filters.point.lat.toFixed(5));
    params.set('lng', filters.point.lng.toFixed(5));
  }
  if (filters.radiusKm !== undefined) params.set('radiusKm', String(filters.radiusKm));
  if (filters.includePaused === true) params.set('includePaused', 'true');
  return params;
}

/** The page's own address: filters, then the page, the suggestion mode and the view. */
export function pageQuery(filters: SearchFilters): string {
  const params = filterParams(filters);
  if (filters.page > 1) params.set('page', String(filters.page));
  if (filters.match === true) params.set('match', '1');
  if (filters.view === 'map') params.set('view', 'map');
  return params.toString();
}

/** What the API is asked. Suggestions go to /match with the person (and radius) only. */
export function apiPath(filters: SearchFilters, perPage: number): string {
  if (filters.match === true && filters.personId !== undefined) {
    const params = new URLSearchParams({ personId: filters.personId });
    if (filters.radiusKm !== undefined) params.set('radiusKm', String(filters.radiusKm));
    if (filters.page > 1) params.set('page', String(filters.page));
    params.set('perPage', String(perPage));
    return `/api/directory/match?${params.toString()}`;
  }
  const params = filterParams(filters);
  if (filters.page > 1) params.set('page', String(filters.page));
  params.set('perPage', String(perPage));
  return `/api/directory/search?${params.toString()}`;
}

/** Whether the user asked for anything; an empty directory search still lists services. */
export function hasFilters(filters: SearchFilters): boolean {
  return filterParams(filters).toString() !== '';
}

export function withView(filters: SearchFilters, view: View): SearchFilters {
  return { ...filters, view };
}

export function withPage(filters: SearchFilters, page: number): SearchFilters {
  return { ...filters, page };
}
