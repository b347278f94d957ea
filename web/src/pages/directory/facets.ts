import { useMemo } from 'react';
import { directoryFacets } from '../../../../src/contracts/directory-search.js';
import { useApi } from '../../api/useApi.js';
import { FALLBACK_LANGUAGES } from './edit/serviceForm.js';

/**
 * The directory's choices (needs, categories, access features, languages), loaded once per
 * page. Pages work without them: the search form then offers fewer filters, and the listing
 * form a short list of common languages.
 */
export function useFacets() {
  const [load] = useApi('/api/directory/facets', directoryFacets);
  return load.status === 'ok' ? load.data : null;
}

/** The languages a listing may choose from: the directory's own, or a short list, plus whatever it already has. */
export function useLanguageChoices(current: readonly { code: string | null; name: string | null }[]): { code: string; name: string }[] {
  const facets = useFacets();
  return useMemo(() => {
    const base = facets === null || facets.languages.length === 0 ? FALLBACK_LANGUAGES : facets.languages;
    const byCode = new Map(base.map((l) => [l.code, { code: l.code, name: l.name }]));
    for (const l of current) if (l.code !== null && !byCode.has(l.code)) byCode.set(l.code, { code: l.code, name: l.name ?? l.code });
    return [...byCode.values()];
  }, [facets, current]);
}
