import { z } from 'zod';
import { pagingFields } from './paging.js';

/**
 * Query parameters of the ORUK endpoints, named as the ORUK open_api.json names them. Each
 * endpoint accepts only the parameters it acts on: a parameter of the standard that Linkwell
 * does not offer (`minimal`, `postcode`, `proximity`, `format=ndjson`) is refused with a 400
 * rather than silently ignored, so a consumer never mistakes an unfiltered answer for a
 * filtered one.
 */

const uuid = z.uuid({ error: 'must be an id (a UUID)' });
const flag = z.enum(['true', 'false'], { error: 'must be true or false' }).transform((v) => v === 'true');
const search = z.string().trim().min(1).max(200).optional().describe('Full-text search; words are stemmed, so "walks" finds "Walking".');

/** An RFC 3339 date-time with its offset, or a plain date (midnight UTC). */
const modifiedAfter = z
  .union([z.iso.datetime({ offset: true }), z.iso.date()], { error: 'must be a date-time like 2026-03-01T09:00:00Z, or a date like 2026-03-01' })
  .transform((v) => new Date(v.length === 10 ? `${v}T00:00:00Z` : v))
  .describe('Only items modified on or after this time.');

const serviceFilters = {
  search,
  taxonomy_term_id: uuid.optional().describe('Only services with this taxonomy term.'),
  taxonomy_id: uuid.optional().describe('Only services with any term of this taxonomy.'),
  organization_id: uuid.optional().describe('Only services of this organisation.'),
  modified_after: modifiedAfter.optional(),
  full: flag.optional().describe('true: fully nested items.'),
};

export const servicesQuery = z.strictObject({ ...pagingFields, ...serviceFilters });
export type ServicesQuery = z.output<typeof servicesQuery>;
export type ServiceFilters = Pick<ServicesQuery, 'search' | 'taxonomy_term_id' | 'taxonomy_id' | 'organization_id' | 'modified_after'>;

export const serviceAtLocationsQuery = z.strictObject({ ...pagingFields, ...serviceFilters });

export const organizationsQuery = z.strictObject({ ...pagingFields, search });

export const organizationQuery = z.strictObject({
  full_service: flag.optional().describe('true: the organisation\'s services fully nested.'),
});

export const taxonomiesQuery = z.strictObject({ ...pagingFields, search });

export const taxonomyTermsQuery = z.strictObject({
  ...pagingFields,
  search,
  taxonomy_id: uuid.optional().describe('Only terms of this taxonomy.'),
  parent_id: uuid.optional().describe('Only the children of this term.'),
  top_only: flag.optional().describe('true: only terms without a parent.'),
});
export type TaxonomyTermsQuery = z.output<typeof taxonomyTermsQuery>;

export const emptyQuery = z.strictObject({});

export const idParams = z.strictObject({ id: z.string().max(100) });
