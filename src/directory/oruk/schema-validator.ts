/**
 * Checks ORUK API bodies against the official ORUK v3.0-UK JSON Schemas in
 * ../shared/conformance/oruk/schemas, the way their README says: Ajv 8 for draft 2020-12,
 * strict off (the schemas carry datapackage keywords of their own), all errors, ajv-formats.
 * Used by the tests; the API itself does not validate at run time.
 *
 * Two gaps in the published schemas are closed here, each with the schemas' own parts:
 * - The list schemas put the paging envelope under `allOf: [{ "Page": {...} }]`, and "Page" is
 *   not a JSON Schema keyword, so Ajv checks nothing about the envelope. Every page is therefore
 *   also checked against `components.schemas.Page` of open_api.json with all its fields and
 *   `contents` required.
 * - organization_list.json describes one organisation (open_api.json points the
 *   /organizations answer straight at it), while the example answer is a page of them. A page
 *   is checked as a page, and each of its items against organization_list.json.
 */
import { readFileSync } from 'node:fs';
import { Ajv2020, type AnySchemaObject, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { projectPath } from '../../project-path.js';

export const ORUK_SCHEMAS = projectPath('..', 'shared', 'conformance', 'oruk', 'schemas');

export type OrukSchemaName =
  | 'api_details'
  | 'service'
  | 'service_list'
  | 'organization'
  | 'organization_list'
  | 'service_at_location'
  | 'service_at_location_list'
  | 'taxonomy'
  | 'taxonomy_list'
  | 'taxonomy_term'
  | 'taxonomy_term_list'
  | 'empty_list';

export interface OrukValidation {
  valid: boolean;
  errors: string[];
}

const PAGE_FIELDS = ['total_items', 'total_pages', 'page_number', 'size', 'first_page', 'last_page', 'empty'] as const;

/** The file holding each schema; the empty page's file name is spelt so upstream. */
const FILES: Record<Exclude<OrukSchemaName, 'organization_list'>, string> = {
  api_details: 'api_details.json',
  service: 'service.json',
  service_list: 'service_list.json',
  organization: 'organization.json',
  service_at_location: 'service_at_location.json',
  service_at_location_list: 'service_at_location_list.json',
  taxonomy: 'taxonomy.json',
  taxonomy_list: 'taxonomy_list.json',
  taxonomy_term: 'taxonomy_term.json',
  taxonomy_term_list: 'taxonomy_term_list.json',
  empty_list: 'empy_list_response.json',
};

const PAGED: ReadonlySet<OrukSchemaName> = new Set([
  'service_list', 'organization_list', 'service_at_location_list', 'taxonomy_list', 'taxonomy_term_list', 'empty_list',
]);

function readSchema(file: string): AnySchemaObject {
  return JSON.parse(readFileSync(`${ORUK_SCHEMAS}/${file}`, 'utf8')) as AnySchemaObject;
}

let ajv: Ajv2020 | undefined;
const compiled = new Map<string, ValidateFunction>();

function instance(): Ajv2020 {
  if (!ajv) {
    ajv = new Ajv2020({ strict: false, allErrors: true, logger: false });
    formats.default(ajv);
  }
  return ajv;
}

function compile(key: string, schema: () => AnySchemaObject): ValidateFunction {
  let validate = compiled.get(key);
  if (!validate) {
    validate = instance().compile(schema());
    compiled.set(key, validate);
  }
  return validate;
}

function pageValidator(): ValidateFunction {
  return compile('page', () => {
    const openApi = readSchema('open_api.json') as { components: { schemas: { Page: AnySchemaObject } } };
    return {
      allOf: [openApi.components.schemas.Page],
      required: [...PAGE_FIELDS, 'contents'],
      properties: { contents: { type: 'array' } },
    };
  });
}

/** Ajv's errors as "path message" lines; `base` is where the checked value sits in the body. */
function describe(errors: readonly ErrorObject[] | null | undefined, label = '', base = ''): string[] {
  return (errors ?? []).map((e) => {
    const allowed = e.params && 'allowedValues' in e.params ? ` ${JSON.stringify(e.params.allowedValues)}` : '';
    return `${label}${base + e.instancePath || '/'} ${e.message ?? 'is not valid'}${allowed}`;
  });
}

export function validateOruk(name: OrukSchemaName, body: unknown): OrukValidation {
  const errors: string[] = [];
  if (PAGED.has(name)) {
    const page = pageValidator();
    if (!page(body)) errors.push(...describe(page.errors, 'page '));
  }
  if (name === 'organization_list') {
    const item = compile('organization_list', () => readSchema('organization_list.json'));
    const contents = typeof body === 'object' && body !== null && 'contents' in body && Array.isArray(body.contents) ? (body.contents as unknown[]) : [];
    contents.forEach((entry, index) => {
      if (!item(entry)) errors.push(...describe(item.errors, '', `/contents/${index}`));
    });
  } else {
    const file = FILES[name];
    const validate = compile(name, () => readSchema(file));
    if (!validate(body)) errors.push(...describe(validate.errors));
  }
  return { valid: errors.length === 0, errors };
}
