/**
 * The OpenAPI 3.0 document that `openapi_url` in the ORUK api_details points at. It describes
 * what this server offers (the endpoints and parameters Linkwell implements, no more), and
 * refers to the official ORUK v3.0-UK schemas by their published address for the shapes.
 */
import { DEFAULT_PER_PAGE, MAX_PER_PAGE } from './paging.js';

const SCHEMA_BASE = 'https://raw.githubusercontent.com/tpximpact/OpenReferralApi/refs/heads/main/OpenReferralApi/Schemas/V3.0-UK/';

type Parameter = Record<string, unknown>;

const query = (name: string, description: string, schema: Record<string, unknown>): Parameter => ({
  name,
  in: 'query',
  required: false,
  description,
  schema,
});

const uuidParam = (name: string, description: string) => query(name, description, { type: 'string', format: 'uuid' });

const PAGING: Parameter[] = [
  query('page', 'Page number, from 1.', { type: 'integer', minimum: 1, default: 1 }),
  query('per_page', `Items per page.`, { type: 'integer', minimum: 1, maximum: MAX_PER_PAGE, default: DEFAULT_PER_PAGE }),
  query('format', 'Only json is offered.', { type: 'string', enum: ['json'] }),
];
const SEARCH = query('search', 'Full-text search (English stemming).', { type: 'string' });
const SERVICE_FILTERS: Parameter[] = [
  SEARCH,
  uuidParam('taxonomy_term_id', 'Only services with this taxonomy term.'),
  uuidParam('taxonomy_id', 'Only services with a term of this taxonomy.'),
  uuidParam('organization_id', 'Only services of this organization.'),
  query('modified_after', 'Only services modified on or after this date-time.', { type: 'string', format: 'date-time' }),
  query('full', 'true: fully nested items.', { type: 'boolean' }),
];
const ID: Parameter = { name: 'id', in: 'path', required: true, schema: { type: 'string', format: 'uuid' } };

const ref = (file: string) => ({ $ref: `${SCHEMA_BASE}${file}` });
const problem = { description: 'An RFC 9457 problem.', content: { 'application/problem+json': { schema: { type: 'object' } } } };

function paged(file: string) {
  return {
    type: 'object',
    allOf: [{ $ref: '#/components/schemas/Page' }],
    properties: { contents: { type: 'array', items: ref(file) } },
  };
}

function operation(operationId: string, summary: string, schema: unknown, parameters: Parameter[], notFound = false) {
  return {
    get: {
      operationId,
      summary,
      parameters,
      responses: {
        200: { description: summary, content: { 'application/json': { schema } } },
        400: problem,
        ...(notFound ? { 404: problem } : {}),
      },
    },
  };
}

export function orukOpenApi(serverUrl: string): Record<string, unknown> {
  return {
    openapi: '3.0.3',
    info: {
      title: 'Linkwell community directory (Open Referral UK)',
      version: 'HSDS-UK-3.0',
      description:
        'Read-only Open Referral UK v3.0 API of the services that at least one Linkwell scheme lists publicly. No sign-in; any origin may call it.',
      license: { name: 'Data: as published by each organisation' },
    },
    servers: [{ url: serverUrl }],
    paths: {
      '/': operation('getApiDetails', 'About this API', ref('api_details.json'), []),
      '/services': operation('listServices', 'Services, paged', paged('service_list.json'), [...PAGING, ...SERVICE_FILTERS]),
      '/services/{id}': operation('getService', 'A service, fully nested', ref('service.json'), [ID], true),
      '/service_at_locations': operation('listServiceAtLocations', 'Services at locations, paged', paged('service_at_location_list.json'), [
        ...PAGING,
        ...SERVICE_FILTERS,
      ]),
      '/service_at_locations/{id}': operation('getServiceAtLocation', 'A service at a location, fully nested', ref('service_at_location.json'), [ID], true),
      '/organizations': operation('listOrganizations', 'Organizations with public services, paged', paged('organization_list.json'), [...PAGING, SEARCH]),
      '/organizations/{id}': operation('getOrganization', 'An organization with its public services', ref('organization.json'), [
        ID,
        query('full_service', 'true: the services fully nested.', { type: 'boolean' }),
      ], true),
      '/taxonomies': operation('listTaxonomies', 'Taxonomies, paged', paged('taxonomy_list.json'), [...PAGING, SEARCH]),
      '/taxonomies/{id}': operation('getTaxonomy', 'A taxonomy with its terms', ref('taxonomy.json'), [ID], true),
      '/taxonomy_terms': operation('listTaxonomyTerms', 'Taxonomy terms, paged', paged('taxonomy_term_list.json'), [
        ...PAGING,
        SEARCH,
        uuidParam('taxonomy_id', 'Only terms of this taxonomy.'),
        uuidParam('parent_id', 'Only the children of this term.'),
        query('top_only', 'true: only terms without a parent.', { type: 'boolean' }),
      ]),
      '/taxonomy_terms/{id}': operation('getTaxonomyTerm', 'A taxonomy term', ref('taxonomy_term.json'), [ID], true),
    },
    components: {
      schemas: {
        Page: {
          type: 'object',
          required: ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty', 'contents'],
          properties: {
            total_items: { type: 'integer', description: 'How many items match, on all pages.' },
            total_pages: { type: 'integer', description: 'How many pages there are (0 when nothing matches).' },
            page_number: { type: 'integer', description: 'This page, from 1.' },
            size: { type: 'integer', description: 'How many items this page holds.' },
            first_page: { type: 'boolean' },
            last_page: { type: 'boolean', description: 'No page after this one holds items.' },
            empty: { type: 'boolean', description: 'This page holds no items.' },
          },
        },
      },
    },
  };
}
