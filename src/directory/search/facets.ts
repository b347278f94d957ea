import { ACCESS_FEATURES, TIME_FILTERS, type DirectoryFacets } from '../../contracts/directory-search.js';
import type { SchemeScope } from '../../data/access.js';
import { loadReferralSettings } from '../../referrals/settings.js';
import { ACCESS_LABELS, LANGUAGES } from './features.js';
import { DAY_FILTERS, TIME_LABELS, WEEKDAY_NAMES } from './hours.js';

/** At most this many terms are offered in the filter form; a deployment's listings use far fewer. */
const MAX_TERMS = 500;

/** What the search form offers: the scheme's needs, the terms listings use, access features, languages, days and times. */
export async function directoryFacets(scope: SchemeScope): Promise<DirectoryFacets> {
  scope.authorize('directory_service', 'list');
  const settings = await loadReferralSettings(scope);
  const terms = await scope.db
    .selectFrom('directory_taxonomy_terms as t')
    .select(['t.id', 't.name', 't.taxonomy'])
    .where((eb) =>
      eb.exists(eb.selectFrom('directory_attributes as a').select('a.id').whereRef('a.taxonomy_term_id', '=', 't.id').where('a.link_entity', '=', 'service')),
    )
    .orderBy('t.name')
    .orderBy('t.id')
    .limit(MAX_TERMS)
    .execute();
  return {
    needs: settings.needCategories.map((n) => ({ code: n.code, label: n.label })),
    terms: terms.map((t) => ({ id: t.id, name: t.name, taxonomy: t.taxonomy })),
    access: ACCESS_FEATURES.map((code) => ({ code, label: ACCESS_LABELS[code] })),
    languages: [...LANGUAGES].sort((a, b) => a.name.localeCompare(b.name)).map((l) => ({ code: l.code, name: l.name })),
    days: DAY_FILTERS.map((code, i) => ({ code, label: WEEKDAY_NAMES[i] ?? code })),
    times: TIME_FILTERS.map((code) => ({ code, label: TIME_LABELS[code] })),
  };
}
