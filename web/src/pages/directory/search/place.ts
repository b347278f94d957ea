import type { SearchFilters } from './query.js';

/**
 * Where the search starts, in words: "Near Margaret Ellis’s home (approximate: the centre of the
 * neighbourhood)", "Near LS6 2QJ", or null when the search is not about a place. The person's
 * address is never shown, only that it is their home.
 */
export interface OriginView {
  label: string;
  approximate: boolean;
}

export function placeText(filters: Pick<SearchFilters, 'personId' | 'near' | 'point'>, origin: OriginView | null, personName: string | null): string | null {
  if (filters.personId !== undefined) {
    const home = personName === null ? 'the person’s home' : `${personName}’s home`;
    if (origin === null) return `Near ${home}`;
    return origin.approximate ? `Near ${home} (${origin.label})` : `Near ${home}`;
  }
  if (origin !== null) return `Near ${origin.label}`;
  if (filters.near !== undefined) return `Near ${filters.near}`;
  return null;
}
